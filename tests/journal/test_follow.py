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


# ---- what the pharmacist's review found -----------------------------------------------------


def _products(*specs: str) -> tuple[object, ...]:
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import parse_product_spec

    k = load_knowledge()
    return tuple(parse_product_spec(k, s) for s in specs)


def _two_loose_weeks(store: ProfileStore, **fields: object) -> tuple[follow.Followed, dt.date]:
    _save(store, **fields)
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=2)
    _week_with_loose_stools(f, START + dt.timedelta(days=7), loose_days=2)
    day15 = START + dt.timedelta(days=14)
    f.journal.clock = clock_at(day15)
    return f, day15


def test_a_gentler_form_starts_low_again_so_the_day_s_amount_never_rises(
    store: ProfileStore,
) -> None:
    """Citrate and glycinate products, target 200 mg: listing loose stools moves the plan to
    glycinate at 200 mg, which starts low again from its first day."""
    f, day15 = _two_loose_weeks(
        store,
        goals=("constipation",),
        target_mg=200.0,
        products=_products("citrate:150:tablet", "glycinate:100:capsule"),
    )
    before = f.journal.day_plan(day15)
    codes = {s.code: s.id for s in follow.refresh_suggestions(f, day15)}
    f = follow.accept(f, codes["gentler_form"], day15)
    after = f.journal.day_plan(day15)
    assert before is not None and after is not None
    assert {d.form for d in after.doses} == {"glycinate"}
    assert after.ramp_week == 1 and after.daily_mg <= before.daily_mg


def test_listing_loose_stools_that_would_leave_no_magnesium_is_refused(store: ProfileStore) -> None:
    f, day15 = _two_loose_weeks(
        store, goals=("constipation",), products=_products("citrate:150:tablet")
    )
    codes = {s.code: s.id for s in follow.refresh_suggestions(f, day15)}
    with pytest.raises(JournalError, match="all laxative forms"):
        follow.accept(f, codes["gentler_form"], day15)
    assert store.load("Bea").request.conditions == ()
    assert f.journal.suggestions()[-1].status == "open"


def test_a_decided_suggestion_is_not_carried_out_again(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=2)
    week2 = START + dt.timedelta(days=7)
    (hold,) = follow.refresh_suggestions(f, week2)
    f = follow.accept(f, hold.id, week2)
    with pytest.raises(JournalError, match="was accepted on"):
        follow.accept(f, hold.id, week2)
    with pytest.raises(JournalError, match="was accepted on"):
        follow.decline(f, hold.id, week2)
    assert store.load("Bea").request.ramp_holds == (1,)


def test_a_hold_accepted_after_its_week_is_refused_and_shown_expired(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=2)
    week3 = START + dt.timedelta(days=14)
    (hold,) = [s for s in follow.refresh_suggestions(f, week3) if s.code == "hold_step"]
    with pytest.raises(JournalError, match="no longer applies"):
        follow.accept(f, hold.id, week3)
    assert store.load("Bea").request.ramp_holds == ()
    summary = follow.summarise(f, START, week3, week3)
    assert [s.status for s in summary.suggestions if s.code == "hold_step"] == ["expired"]


def test_a_supervised_plan_is_not_changed_by_the_journal(store: ProfileStore) -> None:
    _save(store, goals=("sleep",), supervised=True, supervised_by="Dr N. Renal")
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=2)
    week2 = START + dt.timedelta(days=7)
    (hold,) = follow.refresh_suggestions(f, week2)
    with pytest.raises(JournalError, match=r"supervised by Dr N\. Renal: ask them"):
        follow.accept(f, hold.id, week2)
    assert store.load("Bea").request.ramp_holds == ()


def test_a_plan_a_gate_stops_plans_no_dose_in_the_journal(store: ProfileStore) -> None:
    """Kidney disease listed after the journal started: from then on no dose is planned (the
    journal never goes on with the plan before)."""
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    f.close()
    _save(store, goals=("sleep",), conditions=("kidney-disease",))
    later = START + dt.timedelta(days=3)
    g = _followed(store, later)
    assert not g.plan.doses
    follow.keep_plan_current(g)
    plan = g.journal.day_plan(later)
    assert plan is not None and plan.doses == ()
    with pytest.raises(JournalError, match="No dose is planned"):
        g.journal.log_dose(later, "22:00", "taken")


def test_loose_stool_forms_count_as_loose_stools_in_the_summary(store: ProfileStore) -> None:
    _save(store, goals=("constipation",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    f.journal.add_checkin(START, "stools", {"count": 3, "form": "watery"}, 3)
    summary = follow.summarise(f, START, START, START + dt.timedelta(days=1))
    assert summary.days[0].side_effects == ("loose_stools",)


def test_deleting_the_same_name_twice_sets_both_journals_aside(store: ProfileStore) -> None:
    from magplan.journal.store import journal_path

    for _ in range(2):
        _save(store, goals=("sleep",))
        f = _followed(store, START)
        follow.keep_plan_current(f)
        f.close()
        store.delete("Bea")
    live = journal_path(store.folder, "bea")
    assert not live.exists()
    assert len(list(live.parent.glob("bea.deleted-*.sqlite3"))) == 2


def test_nausea_or_drowsiness_on_two_days_is_said_for_the_clinician(store: ProfileStore) -> None:
    _save(store, goals=("sleep",))
    f = _followed(store, START)
    follow.keep_plan_current(f)
    _week_with_loose_stools(f, START, loose_days=0)
    f.journal.add_side_effect(START + dt.timedelta(days=1), "nausea")
    f.journal.add_side_effect(START + dt.timedelta(days=3), "drowsiness")
    week2 = START + dt.timedelta(days=7)
    (said,) = follow.refresh_suggestions(f, week2)
    assert said.code == "side_effects"
    view = follow.summarise(f, START, week2, week2).suggestions[0]
    assert view.reason.startswith("Drowsiness and nausea on 2 days in the week from 2026-03-02")
    assert "With kidney disease" in view.reason


def test_a_hold_made_before_the_plan_changed_no_longer_applies(store: ProfileStore) -> None:
    """Loose stools in two ramp weeks with citrate: accepting the gentler form starts glycinate
    low; the hold of the old plan's step is then out of date, never a step up (found by the
    window review)."""
    f, day15 = _two_loose_weeks(
        store,
        goals=("constipation",),
        products=_products("citrate:100:tablet", "glycinate:100:capsule"),
    )
    codes = {s.code: s.id for s in follow.refresh_suggestions(f, day15)}
    assert {"hold_step", "gentler_form"} <= set(codes)
    f = follow.accept(f, codes["gentler_form"], day15)
    low = f.journal.day_plan(day15)
    with pytest.raises(JournalError, match="no longer applies"):
        follow.accept(f, codes["hold_step"], day15)
    assert f.journal.day_plan(day15) == low
    views = {s.code: s.status for s in follow.summarise(f, START, day15, day15).suggestions}
    assert views["hold_step"] == "expired"
