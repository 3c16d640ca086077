"""The real ``magplan`` command in the C and POSIX locales: a success writes nothing to stderr
and an error exactly one line, even on paths that load Qt (which has its own say about a
locale that is not UTF-8)."""

from __future__ import annotations

import json
import locale
import os
import subprocess
import sys
from pathlib import Path

import pytest

from magplan.utf8_locale import use_utf8_ctype

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Qt's locale switch is POSIX")

LOCALES = [{"LC_ALL": "C"}, {"LC_ALL": "POSIX"}, {"LANG": "C"}, {"LANG": "POSIX"}, {}]


def the_command() -> list[str]:
    """The installed ``magplan`` script next to this Python, as a user runs it."""
    script = Path(sys.executable).with_name("magplan")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "magplan"]


def run_in(
    settings: dict[str, str], *args: str, cwd: Path, fsize: int | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LANG" and not k.startswith("LC_")}
    env.update(settings)

    def small_files_only() -> None:
        if fsize is not None:
            import resource  # POSIX only

            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [*the_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_files_only,
    )


@pytest.mark.parametrize(
    "settings", LOCALES, ids=lambda s: " ".join(f"{k}={v}" for k, v in s.items()) or "unset"
)
def test_a_success_is_quiet_in_the_c_locale(settings: dict[str, str], tmp_path: Path) -> None:
    done = run_in(
        settings, "print", "--goal", "sleep", "--name", "Zoë", "-o", "card.pdf", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == "wrote card.pdf\n"
    assert (tmp_path / "card.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("settings", LOCALES[:2], ids=["LC_ALL=C", "LC_ALL=POSIX"])
def test_an_error_after_qt_has_loaded_is_one_line_in_the_c_locale(
    settings: dict[str, str], tmp_path: Path
) -> None:
    # The card is built (Qt loaded), then cannot be written: files may not pass 4 KiB.
    done = run_in(settings, "print", "--goal", "sleep", "-o", "card.pdf", cwd=tmp_path, fsize=4096)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("magplan: error: cannot write card.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_window_says_nothing_about_the_c_locale(tmp_path: Path) -> None:
    # (Qt's offscreen platform, used by the tests, has its own notes about window sizes.)
    done = run_in({"LC_ALL": "C"}, "--smoke-test", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "locale" not in done.stderr and "UTF-8" not in done.stderr


CHILD = """
import json, locale, os
locale.setlocale(locale.LC_ALL, "C")
from magplan.utf8_locale import use_utf8_ctype
env = json.loads(os.environ["CHILD_ENV"])
chosen = use_utf8_ctype(env)
print(json.dumps([chosen, env, locale.nl_langinfo(locale.CODESET)]))
"""


def test_only_the_character_type_changes() -> None:
    """LC_ALL=C becomes LC_CTYPE=C.UTF-8 with every other category still C."""
    env = {"LC_ALL": "C", "LANG": "de_DE.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env={**os.environ, "CHILD_ENV": json.dumps(env)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    chosen, after, codeset = json.loads(done.stdout)
    if chosen is None:
        pytest.skip("no UTF-8 locale is installed")
    assert chosen in ("C.UTF-8", "C.utf8") and codeset.upper().replace("-", "") == "UTF8"
    assert "LC_ALL" not in after
    assert after["LC_CTYPE"] == chosen
    assert after["LC_NUMERIC"] == after["LC_TIME"] == after["LC_MESSAGES"] == "C"
    assert after["LANG"] == "de_DE.UTF-8"


def test_a_utf8_locale_is_left_alone() -> None:
    if locale.nl_langinfo(locale.CODESET).upper().replace("-", "") != "UTF8":
        pytest.skip("the tests run in a locale that is not UTF-8")
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    assert use_utf8_ctype(env) is None
    assert env == {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
