"""``tools/check_size.py`` lists every function over 60 lines or over the complexity that
pyproject.toml sets (15), one line each, and exits 1; nothing and exit 0 when all are small."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "check_size.py"


def check(*paths: Path, cwd: Path = ROOT) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, str(TOOL), *map(str, paths)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stderr == ""
    return done.returncode, done.stdout.splitlines()


def function(name: str, lines: int, indent: str = "") -> str:
    """A function of exactly ``lines`` lines, from its ``def`` to its last line."""
    body = [f"{indent}    total = 0"] * (lines - 2) + [f"{indent}    return total"]
    return "\n".join([f"{indent}def {name}() -> int:", *body]) + "\n"


def branchy(name: str, complexity: int) -> str:
    """A function whose McCabe complexity is ``complexity``: one ``if`` per extra path."""
    ifs = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(complexity - 1))
    return f"def {name}(x: int) -> int:\n{ifs}    return -1\n"


def test_small_functions_pass_silently(tmp_path: Path) -> None:
    source = tmp_path / "small.py"
    source.write_text(function("sixty_lines", 60) + "\n\n" + branchy("fifteen_paths", 15))
    assert check(source) == (0, [])


def test_a_long_function_is_one_line_with_its_place_and_length(tmp_path: Path) -> None:
    source = tmp_path / "long.py"
    source.write_text("import os\n\n\n" + function("sixty_one_lines", 61))
    assert check(source) == (1, [f"{source}:4: sixty_one_lines is 61 lines (at most 60)"])


def test_methods_and_inner_functions_are_named_by_where_they_live(tmp_path: Path) -> None:
    source = tmp_path / "nested.py"
    inner = function("inner", 61, indent="    ")
    source.write_text(
        "class Schedule:\n" + function("place", 62, indent="    ") + "\n\n"
        "def outer() -> None:\n" + inner
    )
    code, lines = check(tmp_path)
    assert code == 1
    assert lines == [
        f"{source}:2: Schedule.place is 62 lines (at most 60)",
        f"{source}:66: outer is 62 lines (at most 60)",
        f"{source}:67: outer.inner is 61 lines (at most 60)",
    ]


def test_complexity_over_the_configured_fifteen_is_listed(tmp_path: Path) -> None:
    source = tmp_path / "branches.py"
    source.write_text(branchy("fifteen_paths", 15) + "\n\n" + branchy("sixteen_paths", 16))
    code, lines = check(source)
    assert code == 1
    (line,) = lines
    assert line.startswith(f"{source}:")
    assert line.endswith("`sixteen_paths` is too complex (16 > 15)")


def test_the_limit_is_the_one_in_pyproject() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "[tool.ruff.lint.mccabe]\n" in text
    assert "max-complexity = 15" in text.split("[tool.ruff.lint.mccabe]", 1)[1]


@pytest.mark.parametrize("cwd", ["root", "elsewhere"])
def test_without_paths_it_checks_the_program_sources_from_any_folder(
    cwd: str, tmp_path: Path
) -> None:
    code, lines = check(cwd=ROOT if cwd == "root" else tmp_path)
    assert code == (1 if lines else 0)
    for line in lines:
        path, number, what = line.split(":", 2)
        assert path.startswith("src/magplan/") and path.endswith(".py")
        assert number.isdigit() and what.startswith(" ")
        assert "(at most 60)" in what or "> 15)" in what


@pytest.mark.parametrize("problem", ["missing", "not python"])
def test_a_file_it_cannot_read_is_one_line_on_stderr_and_exit_2(
    problem: str, tmp_path: Path
) -> None:
    source = tmp_path / "broken.py"
    if problem == "not python":
        source.write_text("def (:\n")
    done = subprocess.run(
        [sys.executable, str(TOOL), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    (line,) = done.stderr.splitlines()
    assert line.startswith("check_size: ") and str(source) in line
