"""The command line through a subprocess: the JSON contract and every error path."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def magplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magplan", *args], capture_output=True, text=True, timeout=60
    )


def plan_json(*args: str) -> dict[str, object]:
    done = magplan("plan", *args, "--json")
    assert done.returncode == 0, done.stderr
    data: dict[str, object] = json.loads(done.stdout)
    return data


def test_plan_json_contract() -> None:
    data = plan_json(
        "--goal", "sleep", "--med", "calcium@08:00", "--product", "glycinate:100:capsule"
    )
    assert data["blocked"] is False
    assert data["daily_elemental_mg"] == 300
    assert data["forms"] == ["glycinate"]
    dose = data["doses"][0]  # type: ignore[index]
    assert set(dose) >= {
        "time",
        "form",
        "elemental_mg",
        "units",
        "unit",
        "with_food",
        "goals",
        "reason",
    }
    assert dose["unit"] == "capsule"
    warning = data["warnings"][0]  # type: ignore[index]
    assert set(warning) >= {"code", "severity", "message", "source"}
    assert {w["code"] for w in data["warnings"]} >= {"calcium-separation"}  # type: ignore[attr-defined]
    assert data["titration"][0] == {"week": 1, "daily_elemental_mg": 100}  # type: ignore[index]
    for d in data["doses"]:  # type: ignore[attr-defined]
        start, end = d["time"], "08:00"
        h1, m1 = map(int, start.split(":"))
        distance = abs(h1 * 60 + m1 - 480)
        assert min(distance, 1440 - distance) >= 120, (start, end)


def test_plan_defaults_to_sleep_and_prints_a_readable_table() -> None:
    done = magplan("plan")
    assert done.returncode == 0
    assert "glycinate" in done.stdout
    assert "22:00" in done.stdout
    assert "not medical advice" in done.stdout


def test_kidney_disease_blocks_unless_supervised() -> None:
    blocked = plan_json("--condition", "kidney disease")
    assert blocked["blocked"] is True and blocked["doses"] == []
    supervised = plan_json("--condition", "kidney-disease", "--supervised")
    assert supervised["blocked"] is False and supervised["supervised"] is True
    table = magplan("plan", "--condition", "ckd", "--supervised").stdout
    assert "PRESCRIBED AND SUPERVISED" in table


def test_night_shift_and_late_bed_are_ordinary_days() -> None:
    night = plan_json("--wake", "15:00", "--bed", "07:00")
    assert night["doses"][-1]["time"] == "06:30"  # type: ignore[index]
    late = plan_json("--wake", "07:00", "--bed", "00:30")
    assert late["doses"][-1]["time"] == "00:00"  # type: ignore[index]


def test_forms_json_lists_every_form_with_its_fraction() -> None:
    done = magplan("forms", "--json")
    assert done.returncode == 0
    forms = {f["id"]: f for f in json.loads(done.stdout)}
    assert forms["glycinate"]["elemental_fraction"] == 0.141
    assert forms["oxide"]["elemental_fraction"] == 0.603
    assert set(forms["citrate"]) >= {"id", "name", "elemental_fraction", "uses"}


def test_version() -> None:
    done = magplan("--version")
    assert done.returncode == 0 and done.stdout.startswith("magplan ")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--goal", "flying"], "flying"),
        (["--form", "unobtainium"], "unobtainium"),
        (["--med", "aspirin@08:00"], "aspirin"),
        (["--med", "sertraline"], "NAME@HH:MM"),
        (["--med", "sertraline@8 o'clock"], "8 o'clock"),
        (["--med", "sertraline@13pm"], "13pm"),
        (["--condition", "gout"], "gout"),
        (["--wake", "25:00"], "25:00"),
        (["--bed", "7:5"], "'7:5'"),
        (["--bed", "24"], "'24'"),
        (["--wake", "07:00", "--bed", "11:00"], "6 hours"),
        (["--meal", "03:00"], "03:00"),
        (["--target", "-5"], "-5"),
        (["--target", "700"], "700"),
        (["--target", "lots"], "lots"),
        (["--target", "nan"], "nan"),
        (["--target", "500", "--other-magnesium", "200"], "600"),
        (["--other-magnesium", "1e9"], "1e9"),
        (["--age", "two"], "two"),
        (["--age", "300"], "300"),
        (["--sex", "x"], "x"),
        (["--limit", "uk"], "uk"),
        (["--product", "glycinate"], "glycinate"),
        (["--product", "glycinate:-100"], "-100"),
        (["--product", "glycinate:0"], "0"),
        (["--product", "glycinate:100000"], "100000"),
        (["--product", "stardust:100"], "stardust"),
        (["--product", "citrate:100:tablet:quarter"], "half"),
        (["--pregnant", "--sex", "male"], "pregnant"),
        (["--form", "citrate", "--product", "glycinate:100"], "citrate"),
        (["--no-such-option"], "--no-such-option"),
        (["--product-compound", "oxide:5000"], "5000"),
        (["--product-compound", "glycinate:0.1"], "0.1"),
        (["--product", "glycinate:0.01"], "0.01"),
        (["--product", "glycinate:12.25"], "12.25"),
        (["--target", "112.5"], "112.5"),
        (["--wake", "-1:00"], "--wake=-1:00"),  # a value read as an option: how to pass it
        (["--wake=-1:00"], "'-1:00' is not a time"),
        (["--bed", "--goal", "sleep"], "--bed needs a value"),
        (["--sex", "-f"], "--sex=-f"),
        (["--wake"], "--wake: expected one argument"),
    ],
)
def test_bad_input_is_one_line_exit_2_naming_the_value(args: list[str], names: str) -> None:
    done = magplan("plan", *args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("magplan: error:")
    assert names in lines[0]
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_failing_command_saves_no_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = magplan(
        "print",
        "--goal",
        "sleep",
        "--save-profile",
        "Anna",
        "--date",
        "2025-02-30",
        "-o",
        "out.pdf",
    )
    assert done.returncode == 2
    listed = magplan("profiles", "--json")
    assert "Anna" not in listed.stdout


def test_plan_saves_the_card_names_in_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = magplan(
        "plan",
        "--goal",
        "sleep",
        "--name",
        "Anna K.",
        "--prepared-by",
        "J. Smith",
        "--save-profile",
        "Anna",
    )
    assert done.returncode == 0, done.stderr
    again = magplan("print", "--profile", "Anna", "-o", "card.pdf")
    assert again.returncode == 0, again.stderr
    saved = next((Path(os.environ["MAGPLAN_DATA_DIR"]) / "profiles").glob("*.json"))
    text = saved.read_text()
    assert "Anna K." in text and "J. Smith" in text


def test_an_empty_output_path_is_refused() -> None:
    done = magplan("print", "--goal", "sleep", "-o", "")
    assert done.returncode == 2
    assert "-o ''" in done.stderr


AS_THE_PROGRAM = """
import gc, sys
from magplan.cli import main
sys.argv = ["magplan", *sys.argv[1:]]
code = main()
print("exit", code, "collector on", gc.isenabled(), "frozen", gc.get_freeze_count() > 0)
"""


@pytest.mark.parametrize(
    ("args", "code"), [(["plan", "--goal", "sleep"], 0), (["plan", "--goal", "flying"], 2)]
)
def test_a_command_run_as_the_program_freezes_what_it_made(args: list[str], code: int) -> None:
    """Run as the program, a command pauses the cycle collector and freezes its objects (so
    that the interpreter's exit does not walk them), then turns the collector back on."""
    done = subprocess.run(
        [sys.executable, "-c", AS_THE_PROGRAM, *args], capture_output=True, text=True, timeout=60
    )
    assert f"exit {code} collector on True frozen True" in done.stdout, done.stderr


def test_a_command_called_in_process_leaves_the_collector_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from magplan.cli import main

    frozen = gc.get_freeze_count()
    assert main(["plan", "--goal", "sleep"]) == 0
    assert "Magnesium plan" in capsys.readouterr().out
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_supervised_plan_names_its_supervisor_on_every_output(tmp_path: Path) -> None:
    args = ["--condition", "kidney-disease", "--supervised", "--prepared-by", "Dr. A. Jones"]
    args += ["--target", "150"]
    table = magplan("plan", *args)
    assert table.returncode == 0
    assert "PRESCRIBED AND SUPERVISED by Dr. A. Jones" in table.stdout
    data = json.loads(magplan("plan", *args, "--json").stdout)
    assert data["supervised"] is True and data["doses"]
    ics = tmp_path / "s.ics"
    assert magplan("export", "--ics", str(ics), *args).returncode == 0
    unfolded = ics.read_bytes().decode().replace("\r\n ", "").replace("\\,", ",")
    assert "Prescribed and supervised by Dr. A. Jones, who confirmed this plan." in unfolded
