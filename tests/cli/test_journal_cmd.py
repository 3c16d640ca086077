"""``magplan log``, ``checkin`` and ``journal`` as a person types them: one line and exit 2
with nothing written on bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from magplan.cli import main

TODAY = dt.date.today()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(folder))
    assert main(["plan", "--goal", "sleep", "--save-profile", "Bea"]) == 0
    return folder


def _journal(data: Path) -> Path:
    return data / "journals" / "bea.sqlite3"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["journal", "--profile", "Bea", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _bedtime(data: Path, capsys: pytest.CaptureFixture[str], day: dt.date) -> str:
    """Week one of the ramp is the bedtime dose alone: its time, from the day's error."""
    main(["log", "--profile", "Bea", "--dose", "00:01", "taken", "--date", day.isoformat()])
    err = capsys.readouterr().err
    return err.rsplit(" at ", 1)[1].strip().rstrip(".")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--dose", "22:00", "eaten"], "say taken, skipped or moved"),
        (["--dose", "25:00", "taken"], "is not a time of day"),
        (["--dose", "22:00", "moved"], "needs --at"),
        (["--dose", "22:00", "taken", "--at", "23:00"], "--at is for a moved dose"),
        (["--dose", "22:00", "taken", "--date", "2026-02-30"], "is not a date"),
        (["--dose", "00:01", "taken"], "is not a dose on"),
    ],
)
def test_a_bad_log_is_one_line_and_writes_no_journal(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert main(["log", "--profile", "Bea", *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    assert not _journal(data).exists() and not (data / "journals").exists()


def test_logging_then_correcting_a_dose(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bedtime = _bedtime(data, capsys, TODAY)
    assert main(["log", "--profile", "Bea", "--dose", bedtime, "taken"]) == 0
    assert (
        main(["log", "--profile", "Bea", "--dose", bedtime, "skipped", "--reason", "forgot"]) == 0
    )
    day = _json(capsys)["days"][0]  # type: ignore[index]
    assert day["doses"] == [  # type: ignore[index]
        {
            "time": bedtime,
            "mg": day["doses"][0]["mg"],  # type: ignore[index]
            "units": day["doses"][0]["units"],  # type: ignore[index]
            "form": "glycinate",
            "status": "skipped",
            "taken_at": None,
            "reason": "forgot",
        }
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--scale", "phq8", "--answers", "1,1,1"], "PHQ-8 needs 8 answers"),
        (["--scale", "phq8"], "needs --answers"),
        (["--scale", "phq9", "--answers", "1"], "phq9"),
        (["--answers", "1,1"], "not allowed with"),
        (["--stools", "1", "--stool-form", "bristol-4"], "bristol-4"),
        (["--side-effect", "headache"], "is not one of"),
        (["--cramp-days", "8"], "allowed 0 to 7"),
        (["--sleep", "latency=20,hours=7"], "sleep"),
    ],
)
def test_a_bad_checkin_is_one_line_and_writes_nothing(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code = main(["checkin", "--profile", "Bea", *args])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    assert not _journal(data).exists()


def test_checkins_are_scored_and_banded(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["checkin", "--profile", "Bea", "--scale", "phq8", "--answers", "2,2,2,2,1,1,1,1"])
        == 0
    )
    assert "PHQ-8 12, moderate" in capsys.readouterr().out
    assert main(["checkin", "--profile", "Bea", "--scale", "who5", "--answers", "2,2,2,2,2"]) == 0
    assert "WHO-5 10 (40%), poor wellbeing" in capsys.readouterr().out
    main(["checkin", "--profile", "Bea", "--sleep", "latency=30,wakings=2,hours=6,quality=3"])
    assert "efficiency" in capsys.readouterr().out
    kinds = {c["kind"]: c for c in _json(capsys)["checkins"]}  # type: ignore[union-attr, index]
    assert kinds["phq8"]["score"] == 12 and kinds["phq8"]["band"] == "moderate"
    assert kinds["sleep"]["answers"]["wakings"] == 2


def test_a_week_of_loose_stools_in_the_ramp_is_suggested_and_accepted_from_the_command_line(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = TODAY - dt.timedelta(days=8)
    bedtime = _bedtime(data, capsys, first)
    for n in range(7):
        day = (first + dt.timedelta(days=n)).isoformat()
        assert main(["log", "--profile", "Bea", "--dose", bedtime, "taken", "--date", day]) == 0
        if n < 2:
            assert (
                main(
                    ["checkin", "--profile", "Bea", "--side-effect", "loose stools", "--date", day]
                )
                == 0
            )
    suggestions = _json(capsys)["suggestions"]
    assert [s["code"] for s in suggestions] == ["hold_step"]  # type: ignore[index]
    capsys.readouterr()
    assert main(["journal", "--profile", "Bea", "--accept", str(suggestions[0]["id"])]) == 0  # type: ignore[index]
    profile = json.loads((data / "profiles" / "bea.json").read_text())
    assert profile["request"]["ramp_holds"] == [1]
    after = _json(capsys)
    assert after["suggestions"][0]["status"] == "accepted"  # type: ignore[index]
    assert [p["reason"] for p in after["plan_changes"]][-1].startswith("accepted:")  # type: ignore[index]


def test_the_raw_journal_as_csv(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bedtime = _bedtime(data, capsys, TODAY)
    main(["log", "--profile", "Bea", "--dose", bedtime, "moved", "--at", "23:40"])
    out = tmp_path / "journal.csv"
    assert main(["journal", "--profile", "Bea", "--csv", str(out)]) == 0
    rows = out.read_text().splitlines()
    assert rows[0].startswith("date,record,time,status,taken_at")
    assert f"{TODAY.isoformat()},dose,{bedtime},moved,23:40" in rows[1]


def test_a_profile_without_a_journal_is_shown_without_making_one(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _json(capsys)["days"] == []
    assert not _journal(data).exists()
    assert main(["journal", "--profile", "Nobody"]) == 2


def test_the_follow_up_report(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "followup.pdf"
    assert main(["report", "--profile", "Bea", "-o", str(out)]) == 2  # no journal yet
    assert "no journal yet" in capsys.readouterr().err and not out.exists()
    first = TODAY - dt.timedelta(days=3)
    bedtime = _bedtime(data, capsys, first)
    for n in range(3):
        day = (first + dt.timedelta(days=n)).isoformat()
        main(["log", "--profile", "Bea", "--dose", bedtime, "taken", "--date", day])
    main(["checkin", "--profile", "Bea", "--scale", "gad7", "--answers", "1,1,1,1,1,1,1"])
    assert main(["report", "--profile", "Bea", "-o", str(out), "--paper", "letter"]) == 0
    pages = PdfReader(str(out)).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert 1 <= len(pages) <= 2
    assert "follow-up report" in text and "3 of 3 planned doses" in text and "GAD-7" in text


def test_logging_again_needs_no_profile_models_until_the_profile_changes(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second dose logs against the journal's own plan (pydantic is not loaded); a profile
    saved with a new day is planned again and starts a new version of the plan."""
    import os
    import subprocess
    import sys

    bedtime = _bedtime(data, capsys, TODAY)
    assert main(["log", "--profile", "Bea", "--dose", bedtime, "taken"]) == 0
    script = (
        "import sys; from magplan.cli import main; "
        f"code = main(['log', '--profile', 'Bea', '--dose', '{bedtime}', 'skipped']); "
        "print(code, 'pydantic' in sys.modules)"
    )
    env = {**os.environ, "MAGPLAN_DATA_DIR": str(data)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert out.stdout.split()[-2:] == ["0", "False"], out.stderr
    assert _json(capsys)["days"][0]["doses"][0]["status"] == "skipped"  # type: ignore[index]
    assert main(["plan", "--profile", "Bea", "--bed", "21:30", "--save-profile", "Bea"]) == 0
    capsys.readouterr()
    assert _bedtime(data, capsys, TODAY) == bedtime  # today keeps the plan it was logged with
    changes = _json(capsys)["plan_changes"]
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert [c["starts_on"] for c in changes] == [TODAY.isoformat(), tomorrow]  # type: ignore[index, union-attr]


def test_a_dose_taken_too_close_to_a_medicine_or_with_another_is_cautioned(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Levothyroxine at 06:30 (4 h before magnesium): a dose moved to 07:00 is recorded, and
    the person is told what it broke; nothing is refused."""
    assert (
        main(["plan", "--goal", "sleep", "--med", "levothyroxine@06:30", "--save-profile", "Bea"])
        == 0
    )
    bedtime = _bedtime(data, capsys, TODAY)
    assert main(["log", "--profile", "Bea", "--dose", bedtime, "moved", "--at", "07:00"]) == 0
    out = capsys.readouterr().out
    assert f"{bedtime}: taken at 07:00" in out
    assert "Caution: magnesium at 07:00 is too close to levothyroxine at 06:30" in out
    assert main(["log", "--profile", "Bea", "--dose", bedtime, "moved", "--at", "15:00"]) == 0
    assert "Caution" not in capsys.readouterr().out


def test_a_score_in_a_band_for_the_clinician_is_said_at_the_check_in(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["checkin", "--profile", "Bea", "--scale", "gad7", "--answers", "3,3,3,3,3,3,3"]) == 0
    )
    out = capsys.readouterr().out
    assert "GAD-7 21, severe" in out and "talking over with your clinician" in out
    assert main(["journal", "--profile", "Bea"]) == 0
    assert "talking over with your clinician" in capsys.readouterr().out


def test_an_impossible_night_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["checkin", "--profile", "Bea", "--sleep", "latency=720,wakings=0,hours=14,quality=3"]
    )
    assert code == 2 and "more than a day" in capsys.readouterr().err


def test_the_questionnaires_are_for_adults(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--goal", "sleep", "--age", "15", "--save-profile", "Teo"]) == 0
    capsys.readouterr()
    code = main(["checkin", "--profile", "Teo", "--scale", "who5", "--answers", "3,3,3,3,3"])
    err = capsys.readouterr().err
    assert code == 2 and "WHO-5 is a questionnaire for adults (18 and over)" in err
    assert not (data / "journals" / "teo.sqlite3").exists()
    assert (
        main(["checkin", "--profile", "Teo", "--sleep", "latency=10,wakings=0,hours=9,quality=4"])
        == 0
    )


def test_the_questionnaires_a_child_is_given() -> None:
    from magplan.journal.checkins import checkins_for

    assert checkins_for(("sleep", "depression"), 15) == ("sleep",)
    assert checkins_for(("sleep", "depression"), 18) == ("sleep", "phq8", "who5")


def test_a_reason_is_plain_text_in_the_csv(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bedtime = _bedtime(data, capsys, TODAY)
    formula = '=HYPERLINK("http://example.invalid","x")'
    assert main(["log", "--profile", "Bea", "--dose", bedtime, "skipped", "--reason", formula]) == 0
    assert (
        main(["log", "--profile", "Bea", "--dose", bedtime, "skipped", "--reason", "a\u202eb"]) == 2
    )
    out = tmp_path / "j.csv"
    assert main(["journal", "--profile", "Bea", "--csv", str(out)]) == 0
    assert "'=HYPERLINK" in out.read_text()


def test_outputs_are_refused_in_the_journals_folder_and_through_links(
    data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bedtime = _bedtime(data, capsys, TODAY)
    main(["log", "--profile", "Bea", "--dose", bedtime, "taken"])
    journal = _journal(data)
    before = journal.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(data / "profiles" / "bea.json")
    for args in (["--csv", str(journal)], ["--csv", str(link)]):
        assert main(["journal", "--profile", "Bea", *args]) == 2
        assert "folder; write it elsewhere" in capsys.readouterr().err
    assert main(["report", "--profile", "Bea", "-o", str(journal)]) == 2
    assert journal.read_bytes() == before
    assert json.loads((data / "profiles" / "bea.json").read_text())["name"] == "Bea"


def test_a_profile_that_cannot_be_planned_makes_no_journal(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data / "profiles" / "bea.json"
    profile = json.loads(path.read_text())
    profile["request"]["target_mg"] = 5000
    path.write_text(json.dumps(profile))
    assert main(["log", "--profile", "Bea", "--dose", "22:00", "taken"]) == 2
    assert "saved profile 'Bea' cannot be planned" in capsys.readouterr().err
    assert not (data / "journals").exists() or not any((data / "journals").iterdir())


def test_a_journal_opened_before_its_first_dose_starts_with_an_earlier_dose(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Journal page (or a check-in) opened the journal today; a dose of three days ago is
    the first one logged: the plan starts then (found by the window review)."""
    from magplan.journal.follow import keep_plan_current, open_followed

    f = open_followed("Bea")
    keep_plan_current(f)
    f.close()
    earlier = TODAY - dt.timedelta(days=3)
    bedtime = _bedtime(data, capsys, earlier)
    assert (
        main(["log", "--profile", "Bea", "--dose", bedtime, "taken", "--date", earlier.isoformat()])
        == 0
    )
    assert _json(capsys)["ramp_start"] == earlier.isoformat()
    before = TODAY - dt.timedelta(days=5)
    code = main(
        ["log", "--profile", "Bea", "--dose", bedtime, "taken", "--date", before.isoformat()]
    )
    assert code == 2 and "before the plan started" in capsys.readouterr().err
