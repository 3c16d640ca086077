"""The command line with saved profiles, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from magplan.profiles import ProfileStore


def magplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magplan", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )


def plan_json(*args: str) -> dict[str, object]:
    run = magplan("plan", "--json", *args)
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_save_then_plan_from_the_profile_with_an_override(data_dir: Path) -> None:
    inputs = ["--goal", "sleep", "--wake", "06:00", "--bed", "22:00", "--med", "sertraline@08:00"]
    inputs += ["--product", "glycinate:100:capsule", "--age", "60", "--sex", "female"]
    saved = magplan("plan", *inputs, "--save-profile", "Mrs Novak")
    assert saved.returncode == 0, saved.stderr
    assert "saved profile 'Mrs Novak'" in saved.stderr
    assert (data_dir / "profiles" / "mrs-novak.json").is_file()

    # the same plan from the profile alone
    assert plan_json("--profile", "mrs novak") == plan_json(*inputs)

    # an option on the command line overrides the profile's value, the rest is kept
    overridden = plan_json("--profile", "Mrs Novak", "--goal", "migraine")
    assert overridden == plan_json(*inputs[2:], "--goal", "migraine")
    profile = ProfileStore().load("Mrs Novak")
    assert profile.request.goals == ("sleep",)  # planning from a profile never changes it


def test_flags_can_be_turned_off_over_a_profile() -> None:
    assert magplan("plan", "--sex", "female", "--pregnant", "--save-profile", "P").returncode == 0
    plan = plan_json("--profile", "P", "--no-pregnant")
    assert plan == plan_json("--sex", "female")


def test_save_profile_with_overrides_updates_it() -> None:
    assert magplan("plan", "--goal", "sleep", "--save-profile", "Ben").returncode == 0
    run = magplan("plan", "--profile", "Ben", "--limit", "eu", "--save-profile", "Ben")
    assert run.returncode == 0, run.stderr
    assert ProfileStore().load("Ben").request.limit == "eu"


def test_bad_input_saves_nothing(data_dir: Path) -> None:
    run = magplan("plan", "--wake", "07:00", "--bed", "09:00", "--save-profile", "Short day")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("magplan: error: ")
    assert not (data_dir / "profiles").exists()


@pytest.mark.parametrize("name", ["", "a/b", ".."])
def test_a_bad_profile_name_is_one_line(name: str) -> None:
    run = magplan("plan", "--save-profile", name)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "profile name" in run.stderr


@pytest.mark.parametrize(
    "bad", [["--save-profile", "a/b"], ["--save-profile", "Ann", "--name", "x" * 5000]]
)
def test_a_profile_that_cannot_be_saved_stops_the_command_before_it_writes(
    tmp_path: Path, data_dir: Path, bad: list[str]
) -> None:
    """Nothing is written when the --save-profile part would fail: not the PDF, not the
    calendar, not the plan on stdout."""
    pdf, ics = tmp_path / "card.pdf", tmp_path / "reminders.ics"
    for run in (
        magplan("print", "--goal", "sleep", *bad, "-o", str(pdf)),
        magplan("export", "--goal", "sleep", *bad, "--ics", str(ics)),
        magplan("plan", "--goal", "sleep", *bad),
    ):
        assert run.returncode == 2
        assert run.stderr.count("\n") == 1
        assert "--save-profile" in run.stderr or "--name has 5000 characters" in run.stderr
        assert run.stdout == ""
    assert not pdf.exists() and not ics.exists()
    assert not (data_dir / "profiles").exists()


def test_a_missing_profile_is_one_line_exit_2() -> None:
    run = magplan("plan", "--profile", "Nobody")
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith("magplan: error: no saved profile named 'Nobody'")


def test_an_unreadable_profile_is_one_line_exit_2(data_dir: Path) -> None:
    folder = data_dir / "profiles"
    folder.mkdir(parents=True)
    (folder / "cleo.json").write_text('{"schema_version": 2, "name": "Cleo", "request": 5}')
    run = magplan("plan", "--profile", "Cleo")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1
    assert "cleo.json" in run.stderr and "Traceback" not in run.stderr


def test_profiles_lists_them_and_reports_unreadable_ones(data_dir: Path) -> None:
    assert magplan("plan", "--goal", "cramps", "--save-profile", "Ann").returncode == 0
    assert magplan("plan", "--goal", "sleep", "--save-profile", "Bob").returncode == 0
    (data_dir / "profiles" / "zed.json").write_text("{ not json")
    run = magplan("profiles")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"Saved profiles in {data_dir / 'profiles'}:"
    assert lines[1].split() == ["NAME", "SAVED", "GOALS"]
    assert lines[2].startswith("Ann ") and lines[2].endswith("cramps")
    assert lines[3].startswith("Bob ") and lines[3].endswith("sleep")
    assert "1 profile file could not be read:" in run.stdout
    assert "zed.json" in run.stdout and "not valid JSON" in run.stdout

    listed = json.loads(magplan("profiles", "--json").stdout)
    assert [p["name"] for p in listed["profiles"]] == ["Ann", "Bob"]
    assert listed["profiles"][0]["goals"] == ["cramps"]
    assert [Path(u["file"]).name for u in listed["unreadable"]] == ["zed.json"]


def test_profiles_with_none_saved() -> None:
    run = magplan("profiles")
    assert run.returncode == 0
    assert run.stdout.startswith("No saved profiles in ")
