"""A saved profile's journal: the plan kept in step, weeks judged, suggestions carried out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from magplan.core.request import PlanRequest
from magplan.journal import follow
from magplan.journal.records import JournalError
from magplan.profiles import Profile, ProfileStore
from tests.journal.year import clock_at

START = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProfileStore:
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))
    return ProfileStore()


def _followed(store: ProfileStore, today: dt.date, name: str = "Bea") -> follow.Followed:
    return follow.open_followed(name, store=store, clock=clock_at(today))


def _save(store: ProfileStore, **fields: object) -> None:
    store.save(Profile(name="Bea", request=PlanRequest(**fields)))  # type: ignore[arg-type]


def _week_with_loose_stools(f: follow.Followed, first: dt.date, loose_days: int) -> None:
    """Every dose of the week taken; loose stools on the first ``loose_days`` days."""
    for n in range(7):
        day = first + dt.timedelta(days=n)
        f.journal.clock = clock_at(day)
        plan = f.journal.day_plan(day)
        assert plan is not None
        for t in plan.times:
            f.journal.log_dose(day, t, "taken")
        if n < loose_days:
            f.journal.add_side_effect(day, "loose_stools")


def test_the_plan_starts_on_the_first_day_and_a_changed_profile_starts_a_new_version(
    store: ProfileStore,
) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    first = follow.keep_plan_current(f)
    assert first is not None and first.starts_on == START and f.journal.ramp_start == START
    assert follow.keep_plan_current(f) is None  # the same plan: nothing new
    f.close()
    _save(store, goals=("sleep",), wake_min=6 * 60, bed_min=22 * 60)
    later = _followed(store, START + dt.timedelta(days=3))
    version = follow.keep_plan_current(later)
    assert version is not None and version.reason == follow.PLAN_CHANGED
    assert [v.starts_on for v in later.journal.plan_versions()] == [
        START,
        START + dt.timedelta(days=3),
    ]


def test_loose_stools_in_a_ramp_week_suggest_holding_and_accepting_holds_the_step(
    store: ProfileStore,
) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=2)
    week2 = START + dt.timedelta(days=7)
    f.journal.clock = clock_at(week2)
    open_ones = follow.refresh_suggestions(f, week2)
    assert [s.code for s in open_ones] == ["hold_step"]
    before = f.journal.day_plan(week2)
    assert before is not None and before.daily_mg > f.journal.day_plan(START).daily_mg  # type: ignore[union-attr]
    f = follow.accept(f, open_ones[0].id, week2)
    assert store.load("Bea").request.ramp_holds == (1,)
    held = f.journal.day_plan(week2)
    assert held is not None and held.daily_mg == f.journal.day_plan(START).daily_mg  # type: ignore[union-attr]
    assert f.journal.plan_in_force(START).starts_on == START  # type: ignore[union-attr]  # history kept
    assert follow.refresh_suggestions(f, week2) == ()  # decided once


def test_one_loose_day_suggests_nothing(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=1)
    assert follow.refresh_suggestions(f, START + dt.timedelta(days=7)) == ()


def test_low_adherence_comes_first_and_changes_nothing_when_accepted(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    f.journal.log_dose(START, f.journal.day_plan(START).times[0], "taken")  # type: ignore[union-attr]
    week2 = START + dt.timedelta(days=7)
    open_ones = follow.refresh_suggestions(f, week2)
    assert [s.code for s in open_ones] == ["low_adherence"]
    summary = follow.summarise(f, START, week2, week2)
    assert summary.suggestions[0].reason.startswith("In the week from 2026-03-02, 1 of ")
    request = store.load("Bea").request
    follow.accept(f, open_ones[0].id, week2)
    assert store.load("Bea").request == request


def test_persisting_loose_stools_with_citrate_list_the_condition_and_the_form_changes(
    store: ProfileStore,
) -> None:
    _save(store, goals=("constipation",), conditions=())
    f = _followed(store, START)
    assert "citrate" in f.plan.forms
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=3)
    _week_with_loose_stools(f, START + dt.timedelta(days=7), loose_days=2)
    day15 = START + dt.timedelta(days=14)
    codes = {s.code: s.id for s in follow.refresh_suggestions(f, day15)}
    assert "gentler_form" in codes
    f = follow.accept(f, codes["gentler_form"], day15)
    assert "diarrhoea" in store.load("Bea").request.conditions
    assert "citrate" not in f.plan.forms
    assert (
        f.plan.daily_elemental_mg
        <= follow.open_followed("Bea", store=store, clock=clock_at(day15)).plan.daily_elemental_mg
    )


def test_summary_counts_completed_days_and_names_bands(store: ProfileStore) -> None:
    _save(store, goals=("depression",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    times = f.journal.day_plan(START).times  # type: ignore[union-attr]
    for t in times:
        f.journal.log_dose(START, t, "taken")
    f.journal.add_checkin(START, "phq8", {"items": [2, 2, 1, 1, 1, 1, 1, 1]}, 10)
    summary = follow.summarise(f, START, START + dt.timedelta(days=1), START + dt.timedelta(days=1))
    assert summary.taken == len(times) and summary.planned == len(times)
    assert summary.adherence_percent == 100.0  # the second day is today: not counted yet
    assert summary.checkins[0].band == "moderate"
    assert summary.to_json()["days"][1]["doses"][0]["status"] == "not recorded"


def test_an_unknown_suggestion_is_refused(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    with pytest.raises(JournalError):
        follow.accept(f, 99, START)


def test_the_original_step_of_a_held_week() -> None:
    from magplan.core.knowledge import load_knowledge
    from magplan.core.planner import plan_day

    plan = plan_day(PlanRequest(goals=("sleep",), ramp_holds=(1,)), load_knowledge())
    assert [s.held for s in plan.titration] == [False, True, False, False]
    assert [follow.original_step(plan.titration, w) for w in (1, 2, 3, 4)] == [1, 1, 2, 3]


def test_a_renamed_profile_keeps_its_journal_and_a_deleted_one_sets_it_aside(
    store: ProfileStore,
) -> None:
    from magplan.journal.store import journal_path

    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    f.journal.log_dose(START, f.journal.day_plan(START).times[0], "taken")  # type: ignore[union-attr]
    f.close()
    store.rename("Bea", "Beatrice")
    moved = journal_path(store.folder, "beatrice")
    assert moved.exists() and not journal_path(store.folder, "bea").exists()
    again = follow.open_followed("Beatrice", store=store, clock=clock_at(START))
    assert len(again.journal.entries(START, START)) == 1
    again.close()
    store.delete("Beatrice")
    assert not moved.exists()
    (aside,) = moved.parent.glob("beatrice.deleted-*.sqlite3")
    _save(store, goals=("sleep",))
    store.rename("Bea", "Beatrice")  # a new profile of that name starts a journal of its own
    fresh = follow.open_followed("Beatrice", store=store, clock=clock_at(START))
    assert fresh.journal.ramp_start is None and aside.exists()
    fresh.close()
