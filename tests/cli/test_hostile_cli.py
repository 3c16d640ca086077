"""Hostile command lines and broken streams: one line and exit 2 with nothing written, or a
success that keeps its promise (through the real program, in a folder of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAM = [sys.executable, "-m", "magplan"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PROGRAM, *args],
        capture_output=True,
        text=True,
        timeout=60,
        **kw,  # type: ignore[call-overload]
    )


def one_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("magplan: error: ")
    assert "Traceback" not in done.stderr
    return done.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--med", "alendronate@07:00/mon/tue"], "is not a weekday"),
        (["--med", "alendronate@07:00/monkey"], "is not a weekday"),
        (["--med", "x@08:00", "--med-spacing", "x=12", "--med-spacing", "x=2"], "twice"),
        (["--product", "glycinate:1_000"], "is not a number of mg"),
        (["--product", "glycinate:99.99999999"], "at most one decimal"),
        (["--goal", "sleep"] * 600, "at most 1000"),
    ],
)
def test_a_bad_value_is_one_line(here: Path, args: list[str], says: str) -> None:
    assert says in one_error(run("plan", *args))
    assert list(here.iterdir()) == []


def test_a_date_must_be_written_yyyy_mm_dd(here: Path) -> None:
    assert "is not a date" in one_error(run("export", "--ics", "a.ics", "--start", "20250101"))
    assert not (here / "a.ics").exists()


def test_a_closed_stdout_is_one_line_and_saves_nothing(here: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", 'exec "$0" -m magplan plan --save-profile anna >&-', sys.executable],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "stdout is closed" in one_error(done)
    assert not (here / "data").exists()


def test_a_reader_that_stops_reading_still_gets_the_profile_saved(here: Path) -> None:
    with subprocess.Popen(
        [*PROGRAM, "plan", "--save-profile", "anna"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # like "| true"
        err = child.stderr.read()
        code = child.wait(60)
    assert code == 0 and "Traceback" not in err
    assert (here / "data" / "profiles" / "anna.json").is_file()


def test_a_full_stdout_does_not_undo_a_written_card(here: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*PROGRAM, "print", "-o", "card.pdf"], stdout=full, stderr=subprocess.PIPE, text=True,
            timeout=60,
        )  # fmt: skip
    assert done.returncode == 0 and done.stderr == ""
    assert (here / "card.pdf").stat().st_size > 1000


def test_an_ascii_only_terminal_gets_no_traceback(here: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = run("plan", "--med", "Straße@08:00", "--med-spacing", "straße=1", env=env)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Stra\\xdfe" in done.stdout or "Stra\\u00df" in done.stdout


def test_output_into_the_profiles_folder_is_refused(here: Path) -> None:
    assert run("plan", "--save-profile", "anna").returncode == 0
    profile = here / "data" / "profiles" / "anna.json"
    before = profile.read_bytes()
    assert "saved profiles' folder" in one_error(run("print", "-o", str(profile)))
    assert profile.read_bytes() == before


def test_a_lock_that_is_not_a_file_stops_a_save_before_the_card_is_written(here: Path) -> None:
    folder = here / "data" / "profiles"
    folder.mkdir(parents=True)
    os.mkfifo(folder / ".save.lock")
    one_error(run("print", "-o", "card.pdf", "--save-profile", "anna"))
    assert not (here / "card.pdf").exists()


def test_a_card_name_with_a_direction_override_in_a_profile_is_not_printed(here: Path) -> None:
    assert run("plan", "--save-profile", "anna", "--name", "Anna").returncode == 0
    path = here / "data" / "profiles" / "anna.json"
    data = json.loads(path.read_text())
    data["person_name"] = "Anna\u202eK"
    path.write_text(json.dumps(data))
    assert "U+202E" in one_error(run("print", "--profile", "anna", "-o", "card.pdf"))
    assert not (here / "card.pdf").exists()
