"""The benchmark (``python -m bench``, outside the wheel) runs and writes the JSON its readers
expect, and turns child processes' runs into the table's rows (timings are not checked here:
the machines that run the tests are noisy; the benchmark is run by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run
from bench.children import ChildRun, start_events
from bench.edit import Edits, edit_row
from bench.processes import (
    EMPTY_WINDOW_SCRIPT,
    ProcessRuns,
    measure_processes,
    memory_row,
    plan_json_row,
    startup_rows,
)
from bench.table import SCHEMA_VERSION, Row, percentile, table

ROOT = Path(__file__).resolve().parents[1]


def test_plan_measure_writes_the_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results" / "bench.json"
    code = run.main(["--only", "plan", "--plan-runs", "3", "--json-out", str(out), "-q"])
    assert code == 0

    shown = capsys.readouterr().out
    assert "plan, typical person (median)" in shown
    assert "plan, hard case (median)" in shown
    assert "Python" in shown and "PySide6" in shown

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    for key in ("cpu", "cores", "python", "pyside6", "date"):
        assert data["machine"][key]
    assert data["options"]["plan_runs"] == 3
    ids = [r["id"] for r in data["results"]]
    assert ids == ["plan_typical", "plan_hard", "plan_crowded"]
    for r in data["results"]:
        assert r["available"] is True
        assert r["unit"] == "ms"
        assert isinstance(r["value"], float) and r["value"] > 0
        assert isinstance(r["passed"], bool)
        assert r["target"].startswith("median <=")
        assert r["details"]["ms"]["n"] == 3
        assert r["details"]["ms"]["p99"] >= r["details"]["ms"]["median"]
    hard = data["results"][1]["details"]
    assert hard["medicines"] == 10
    assert len(hard["forms"]) == 2
    assert hard["doses"] == 4
    assert hard["titration_steps"] >= 1


def test_the_results_go_into_the_bench_folder_by_default() -> None:
    assert run.DEFAULT_JSON == ROOT / "bench" / "results" / "latest.json"


def test_a_bad_run_count_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--only", "plan", "--plan-runs", "0", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "bench: error: --plan-runs must be at least 1"


def test_it_runs_from_the_checkout_as_python_m_bench() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m bench")


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 99) == 99.0
    assert percentile(values, 50) == 50.0
    assert percentile([3.0], 99) == 3.0


def test_start_lines_become_seconds_after_the_start_first_one_wins() -> None:
    stderr = (
        "some warning\n"
        "magplan-start first-paint 1000.250000\n"
        "magplan-start ready 1000.750000\n"
        "magplan-start ready 1001.000000\n"
        "magplan-start broken\n"
    )
    assert start_events(stderr, 1000.0) == {"first-paint": 0.25, "ready": 0.75}


def _child(seconds: float, *, paint: float, ready: float | None = None, code: int = 0) -> ChildRun:
    events = {"first-paint": paint} if ready is None else {"first-paint": paint, "ready": ready}
    return ChildRun(
        seconds, seconds / 2, 51200, code, "" if code == 0 else "Traceback\nBoom", events
    )


def test_startup_and_memory_rows_compare_the_window_with_the_empty_one() -> None:
    timed = ProcessRuns(
        {
            "empty": [_child(0.2, paint=0.1), _child(0.2, paint=0.1), _child(0.4, paint=0.3)],
            "window": [_child(0.5, paint=0.12, ready=0.3) for _ in range(3)],
        },
        runs=3,
    )
    startup, ready = startup_rows(timed)
    assert startup.id == "startup" and ready.id == "ready"
    assert startup.value == pytest.approx(120.0)
    assert startup.baseline == pytest.approx(100.0)
    assert startup.ratio == pytest.approx(1.2)
    assert startup.passed is True and startup.target == "ratio <= 1.3"
    assert ready.ratio == pytest.approx(3.0) and ready.target == "ratio <= 2"
    assert ready.passed is False
    assert "the whole --smoke-test run 500 ms against the empty window's 200 ms" in ready.note
    memory = memory_row(timed)
    assert memory.ratio == pytest.approx(1.0) and memory.passed is True


def test_plan_json_is_compared_with_python_itself() -> None:
    timed = ProcessRuns(
        {
            "bare": [_child(0.01, paint=0.0), _child(0.02, paint=0.0), _child(0.02, paint=0.0)],
            "plan_json": [_child(0.08, paint=0.0), _child(0.09, paint=0.0), _child(0.1, paint=0.0)],
        },
        runs=3,
    )
    row = plan_json_row(timed)
    assert (row.value, row.baseline) == (pytest.approx(90.0), pytest.approx(20.0))
    assert row.ratio == pytest.approx(4.5) and row.passed is True
    assert row.target == "ratio <= 5" and row.baseline_name == "python -c pass"
    assert row.note == "fastest runs 8.00x, CPU time 4.50x"


def test_a_failed_program_makes_its_rows_not_available_with_its_last_error() -> None:
    timed = ProcessRuns(
        {
            "empty": [_child(0.2, paint=0.1)],
            "window": [_child(0.5, paint=0.1, ready=0.2, code=1)],
        },
        runs=1,
    )
    (startup,) = startup_rows(timed)
    assert startup.available is False
    assert startup.note == "magplan --smoke-test failed: exit 1: Boom"
    assert memory_row(timed).available is False
    assert "not available" in table([startup])


def test_a_window_that_does_not_report_its_paint_is_not_measured() -> None:
    timed = ProcessRuns(
        {"empty": [_child(0.2, paint=0.1)], "window": [ChildRun(0.5, 0.2, 1, 0, "", {})]},
        runs=1,
    )
    (startup,) = startup_rows(timed)
    assert startup.available is False and "MAGPLAN_START_TIMES" in startup.note


def test_the_edit_row_is_the_99th_percentile_and_says_what_went_wrong() -> None:
    edits = Edits()
    edits.add(
        {
            "all_ms": [float(v) for v in range(1, 101)],
            "fields": {"age": [1.0, 2.0], "bed": []},
            "edits_without_table_change": 2,
            "none_refs_lost_per_edit": 1.0,
        }
    )
    edits.crashes.append("exit -6: Fatal Python error: none_dealloc")
    row = edit_row(Row("edit", "edit", "ms", target="p99 <= 16 ms"), edits)
    assert row.value == 99.0 and row.passed is False
    assert row.note == (
        "median 50.50 ms over 100 edits; 2 edits left the table unchanged; "
        "each edit loses 1 references to None (a crash in time); "
        "1 window process(es) crashed: exit -6: Fatal Python error: none_dealloc"
    )
    assert set(row.details["fields"]) == {"age"}


def test_only_the_measures_asked_for_start_programs(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []

    def fake_run(args: list[str], env: dict[str, str], timeout: float = 60.0) -> ChildRun:
        started.append(args)
        return _child(0.2, paint=0.1, ready=0.2)

    monkeypatch.setattr("bench.processes.run_child", fake_run)
    rows = measure_processes(2, startup=False, printing=False, memory=True, log=lambda _: None)
    assert [r.id for r in rows] == ["memory"]
    empty = [sys.executable, "-c", EMPTY_WINDOW_SCRIPT]
    window = [sys.executable, "-m", "magplan", "--smoke-test"]
    # one warm-up of each, then two rounds that start each in turn
    assert started == [empty, window] * 3


def test_the_journal_row_is_the_first_openings_median_against_150_ms() -> None:
    from bench.journal_page import journal_row

    results = [
        {"first_ms": ms, "first_page_ms": ms / 2, "again_ms": 90.0, "again_load_ms": 40.0}
        for ms in (120.0, 140.0, 200.0)
    ]
    row = journal_row(
        Row("journal_page", "open", "ms", target="median <= 150 ms"), results, ["exit 1: Boom"]
    )
    assert row.value == 140.0 and row.passed is True
    assert row.note == (
        "p90 200 ms (modules imported on the click); the page's first frame, before its"
        " charts: 70 ms; opened again 90 ms, of which the journal 40 ms;"
        " 1 window process(es) failed: exit 1: Boom"
    )
    slow = journal_row(Row("journal_page", "open", "ms"), results[2:], [])
    assert slow.passed is False
    failed = journal_row(Row("journal_page", "open", "ms"), [], ["exit 1: Boom"])
    assert failed.available is False and "Boom" in failed.note


def test_the_journal_window_opens_the_page_on_a_year_and_times_it(tmp_path: Path) -> None:
    from bench.children import child_env
    from bench.journal_page import fill_data_folder, run_window

    fill_data_folder(str(tmp_path))
    result = run_window(child_env(str(tmp_path)))
    assert isinstance(result, dict), result
    assert 0 < result["first_page_ms"] <= result["first_ms"]
    assert result["again_ms"] > 0 and result["again_load_ms"] > 0
