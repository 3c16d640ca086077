"""The benchmark runs and writes the JSON its readers expect (timings are not checked here:
the machines that run the tests are noisy; the benchmark is run by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from magplan import bench


def test_plan_measure_writes_the_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results" / "bench.json"
    code = bench.main(["--only", "plan", "--plan-runs", "3", "--json-out", str(out), "-q"])
    assert code == 0

    shown = capsys.readouterr().out
    assert "plan, typical person (median)" in shown
    assert "plan, hard case (median)" in shown
    assert "Python" in shown and "PySide6" in shown

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == bench.SCHEMA_VERSION
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


def test_a_bad_run_count_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--only", "plan", "--plan-runs", "0", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "magplan.bench: error: --plan-runs must be at least 1"


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert bench.percentile(values, 99) == 99.0
    assert bench.percentile(values, 50) == 50.0
    assert bench.percentile([3.0], 99) == 3.0
