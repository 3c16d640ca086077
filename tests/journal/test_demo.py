"""The README's journal (tools/journal_demo.py) is made through the program itself: eight weeks,
a held step accepted on the journal's own suggestion, scores easing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from magplan.journal import follow
from magplan.profiles import ProfileStore
from tools.journal_demo import PROFILE, WEEKS, make_demo


def test_the_demo_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    today = dt.date(2026, 12, 2)
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path))
    make_demo(tmp_path, today)
    store = ProfileStore()
    assert store.load(PROFILE).request.ramp_holds == (2,)
    moment = dt.datetime.combine(today, dt.time(9))
    f = follow.open_followed(PROFILE, store=store, clock=lambda: moment)
    start = today - dt.timedelta(days=WEEKS * 7)
    summary = follow.summarise(f, start, today)
    assert [(s.code, s.status) for s in summary.suggestions] == [("hold_step", "accepted")]
    assert 85 <= (summary.adherence_percent or 0) <= 100
    held = [d.daily_mg for d in summary.days if d.ramp_week in (2, 3)]
    assert len(set(held)) == 1 and len(held) == 14  # week 3 stays at week 2's amount
    gad = [c.score for c in summary.checkins if c.kind == "gad7"]
    assert len(gad) == WEEKS and gad[-1] < gad[0]
    f.close()
