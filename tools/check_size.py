"""Functions that have grown too big to read as one domain step: over 60 lines, or over the
complexity set in pyproject.toml ([tool.ruff.lint.mccabe] max-complexity, checked by ruff's
C901 rule).

    python tools/check_size.py            # the program's sources, src/
    python tools/check_size.py PATH ...   # these files or folders

Prints one line per offender, ``path:line: what``, and exits 1 when there is any; prints nothing
and exits 0 when there is none; exits 2 when ruff cannot be run.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 60
_C901 = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: C901 (?P<what>.+)$")


@dataclass(frozen=True, order=True)
class Offender:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def python_files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
        else:
            yield path


def long_functions(path: Path, shown: str) -> Iterator[Offender]:
    """Every function or method in ``path`` longer than ``MAX_LINES``, from ``def`` to its
    last line, by its dotted name (``Class.method``, ``outer.inner``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    yield from _long_in(tree, (), shown)


def _long_in(node: ast.AST, outer: tuple[str, ...], shown: str) -> Iterator[Offender]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = (*outer, child.name)
            if not isinstance(child, ast.ClassDef):
                lines = (child.end_lineno or child.lineno) - child.lineno + 1
                if lines > MAX_LINES:
                    what = f"{'.'.join(name)} is {lines} lines (at most {MAX_LINES})"
                    yield Offender(shown, child.lineno, what)
            yield from _long_in(child, name, shown)
        else:
            yield from _long_in(child, outer, shown)


def complex_functions(paths: Sequence[Path]) -> list[Offender]:
    """ruff's C901 findings, with the max-complexity of the project's pyproject.toml."""
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--quiet"]
    command += ["--config", str(ROOT / "pyproject.toml"), "--select", "C901"]
    command += ["--output-format", "concise", *map(str, paths)]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise RuntimeError(f"cannot run ruff: {exc}") from exc
    if done.returncode not in (0, 1):
        raise RuntimeError(f"ruff failed: {(done.stderr or done.stdout).strip()}")
    found = []
    for line in done.stdout.splitlines():
        if match := _C901.match(line.strip()):
            found.append(Offender(match["path"], int(match["line"]), match["what"]))
    return found


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the checkout when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def find_offenders(paths: Sequence[Path]) -> list[Offender]:
    """Every function in ``paths`` that is too long or too complex."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise OSError(f"no such file or folder: {', '.join(missing)}")
    offenders = [o for f in python_files(paths) for o in long_functions(f, _shown(f))]
    for o in complex_functions(paths):
        offenders.append(Offender(_shown(Path(o.path)), o.line, o.what))
    return offenders


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        return f"{exc.filename}:{exc.lineno}: not Python: {exc.msg}"
    return " ".join(str(exc).split())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/check_size.py",
        description=f"List functions over {MAX_LINES} lines or over the configured complexity.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: src)")
    args = parser.parse_args(argv)
    paths: list[Path] = [p.resolve() for p in args.paths] or [ROOT / "src"]
    try:
        offenders = find_offenders(paths)
    except (OSError, SyntaxError, RuntimeError) as exc:
        print(f"check_size: {_one_line(exc)}", file=sys.stderr)
        return 2
    for offender in sorted(set(offenders)):
        print(offender)
    return 1 if offenders else 0


if __name__ == "__main__":
    raise SystemExit(main())
