"""The journal's suggestions after a completed week: low adherence said first, then holding the
ramp step, then a gentler form; each with its reason and sources, none raising an amount."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magplan.core.knowledge import load_knowledge
from magplan.journal.suggest import (
    SUGGESTION_CODES,
    Action,
    PlanFacts,
    Suggestion,
    WeekFacts,
    plan_facts,
    suggest,
)
from tests.core.helpers import plan

K = load_knowledge()
MONDAY = date(2025, 3, 3)
CITRATE = PlanFacts(laxative_forms_in_plan=("citrate",), has_diarrhoea_condition=False)
GLYCINATE = PlanFacts(laxative_forms_in_plan=(), has_diarrhoea_condition=False)


def week(
    n: int = 0,
    *,
    planned: int = 28,
    taken: int = 28,
    loose: int = 0,
    ramp_step: int | None = None,
) -> WeekFacts:
    return WeekFacts(
        week_start=MONDAY + timedelta(days=7 * n),
        planned_doses=planned,
        taken_doses=taken,
        loose_stool_days=loose,
        in_ramp=ramp_step is not None,
        ramp_step=ramp_step,
    )


def codes(found: list[Suggestion]) -> list[str]:
    return [s.code for s in found]


# --- low adherence ----------------------------------------------------------------------------


def test_fewer_than_80_percent_of_doses_taken_is_said() -> None:
    (found,) = suggest([week(taken=22)], GLYCINATE)
    assert found.code == "low_adherence"
    assert found.week_start == MONDAY
    assert "22 of 28 planned doses were taken (79%)" in found.reason_text  # 78.6, rounded
    assert "2-8 weeks of consistent use" in found.reason_text
    assert found.action == Action("none", "")
    assert "ADHERENCE" in found.source_keys


@pytest.mark.parametrize(("planned", "taken"), [(28, 23), (10, 8), (28, 28), (0, 0)])
def test_80_percent_or_more_or_nothing_planned_is_not_low(planned: int, taken: int) -> None:
    assert suggest([week(planned=planned, taken=taken)], GLYCINATE) == []


def test_the_80_percent_threshold_is_data_with_a_note_that_it_is_a_convention() -> None:
    from magplan.journal.scales import definitions

    assert definitions().suggestions.taken_share_below == 0.80
    assert "convention" in K.sources["ADHERENCE"].title
    assert "not a figure from the planner's clinical rules" in K.sources["ADHERENCE"].title


def test_only_the_last_completed_week_is_judged_for_adherence() -> None:
    assert suggest([week(0, taken=5), week(1)], GLYCINATE) == []


# --- holding the ramp step --------------------------------------------------------------------


def test_loose_stools_on_two_days_of_a_ramp_week_hold_the_step() -> None:
    (found,) = suggest([week(loose=2, ramp_step=2)], GLYCINATE)
    assert found.code == "hold_step"
    assert found.action == Action(
        "hold_ramp_step", "Stay at week 2's amount one more week", ramp_step=2
    )
    assert found.reason_text.startswith("Loose stools on 2 days in week 2 of the start-low ramp.")
    assert "first sign of too much magnesium" in found.reason_text
    assert set(found.source_keys) == {"ODS", "SEED"}


@pytest.mark.parametrize(("loose", "ramp_step"), [(1, 2), (0, 1), (1, None)])
def test_one_loose_day_holds_nothing(loose: int, ramp_step: int | None) -> None:
    assert suggest([week(loose=loose, ramp_step=ramp_step)], GLYCINATE) == []


def test_loose_stools_at_the_full_amount_are_said_with_what_to_do() -> None:
    """After the ramp no step can be held: the journal says to talk to the clinician about a
    lower amount, and to stop and get advice for watery stools or a child."""
    (found,) = suggest([week(loose=3, ramp_step=None)], GLYCINATE)
    assert found.code == "loose_stools" and found.action.kind == "none"
    assert found.reason_text.startswith("Loose stools on 3 days in the week from 2025-03-03")
    assert "lower amount" in found.reason_text and "for a child" in found.reason_text
    assert set(found.source_keys) == {"ODS", "SEED"}


# --- a gentler form ---------------------------------------------------------------------------


def test_loose_stools_two_weeks_in_a_row_with_a_laxative_form_suggest_the_condition() -> None:
    found = suggest([week(0, loose=2), week(1, loose=3)], CITRATE)
    assert codes(found) == ["gentler_form"]
    (gentler,) = found
    assert gentler.week_start == MONDAY + timedelta(days=7)
    assert gentler.action == Action(
        "add_condition", "Add loose stools to my conditions", condition="diarrhoea"
    )
    assert "Loose stools on 2 and 3 days in 2 weeks in a row" in gentler.reason_text
    assert "the plan has citrate" in gentler.reason_text
    assert "such as glycinate" in gentler.reason_text
    assert gentler.source_keys == ("SEED",)


@pytest.mark.parametrize(
    ("weeks", "facts"),
    [
        ([week(1, loose=3)], CITRATE),  # one week only
        ([week(0, loose=1), week(1, loose=3)], CITRATE),  # not two weeks in a row
        ([week(0, loose=3), week(2, loose=3)], CITRATE),  # a week between them
        ([week(0, loose=3), week(1, loose=3)], GLYCINATE),  # no laxative form
        ([week(0, loose=3), week(1, loose=3)], PlanFacts(("citrate",), True)),  # already listed
    ],
)
def test_no_gentler_form_unless_loose_stools_persist_on_a_laxative_form(
    weeks: list[WeekFacts], facts: PlanFacts
) -> None:
    assert "gentler_form" not in codes(suggest(weeks, facts))


def test_laxative_forms_are_read_from_the_knowledge() -> None:
    both = plan(goals=("sleep", "constipation"))
    assert set(both.forms) == {"citrate", "glycinate"}
    assert plan_facts(both.forms, (), K) == PlanFacts(("citrate",), False)
    assert plan_facts(("oxide", "glycinate", "oxide"), ("diarrhoea",), K) == PlanFacts(
        ("oxide",), True
    )
    assert plan_facts(("glycinate", "taurate"), ("kidney-disease",), K) == PlanFacts((), False)


def test_accepting_a_gentler_form_lets_the_planner_choose_glycinate_and_no_more_magnesium() -> None:
    before = plan(goals=("migraine",))
    assert before.forms == ("citrate",)
    (gentler,) = suggest([week(0, loose=2), week(1, loose=2)], plan_facts(before.forms, (), K))
    assert gentler.action.condition is not None
    after = plan(goals=("migraine",), conditions=(gentler.action.condition,))
    assert after.forms == ("glycinate",)
    assert after.daily_elemental_mg <= before.daily_elemental_mg
    assert [s.daily_elemental_mg for s in after.titration] <= [
        s.daily_elemental_mg for s in before.titration
    ]


# --- order and what is never done -------------------------------------------------------------


def test_low_adherence_comes_first_and_the_others_say_not_every_dose_was_taken() -> None:
    found = suggest(
        [week(0, loose=2, ramp_step=1), week(1, taken=14, loose=4, ramp_step=2)], CITRATE
    )
    assert codes(found) == ["low_adherence", "hold_step", "gentler_form"]
    note = "Fewer doses than planned were taken that week"
    assert note not in found[0].reason_text
    assert all(note in s.reason_text for s in found[1:])


def test_without_low_adherence_nothing_says_doses_were_missed() -> None:
    found = suggest([week(0, loose=2, ramp_step=1), week(1, loose=4, ramp_step=2)], CITRATE)
    assert codes(found) == ["hold_step", "gentler_form"]
    assert not any("Fewer doses" in s.reason_text for s in found)


def test_no_weeks_no_suggestions() -> None:
    assert suggest([], CITRATE) == []


def test_facts_that_cannot_be_are_refused() -> None:
    with pytest.raises(ValueError):
        week(planned=4, taken=5)
    with pytest.raises(ValueError):
        week(loose=8)
    with pytest.raises(ValueError):
        WeekFacts(MONDAY, 28, 28, 0, in_ramp=True, ramp_step=None)


@st.composite
def _weeks(draw: st.DrawFn) -> list[WeekFacts]:
    found = []
    for n in range(draw(st.integers(1, 4))):
        planned = draw(st.integers(0, 42))
        step = draw(st.one_of(st.none(), st.integers(1, 6)))
        found.append(
            week(
                n + draw(st.integers(0, 1)) * 3,
                planned=planned,
                taken=draw(st.integers(0, planned)),
                loose=draw(st.integers(0, 7)),
                ramp_step=step,
            )
        )
    return found


@given(_weeks(), st.lists(st.sampled_from(sorted(K.forms)), max_size=3), st.booleans())
def test_suggestions_keep_their_order_and_never_raise_an_amount(
    weeks: list[WeekFacts], forms: list[str], listed: bool
) -> None:
    facts = plan_facts(forms, ("diarrhoea",) if listed else (), K)
    found = suggest(weeks, facts)
    order = [SUGGESTION_CODES.index(s.code) for s in found]
    assert order == sorted(set(order))
    for s in found:
        assert s.action.kind in ("none", "hold_ramp_step", "add_condition")
        assert s.source_keys and set(s.source_keys) <= set(K.sources)
        assert s.reason_text and "{" not in s.reason_text
        if s.action.kind == "hold_ramp_step":
            assert s.action.ramp_step == weeks[-1].ramp_step
        if s.action.kind == "add_condition":
            assert s.action.condition is not None
            assert K.conditions[s.action.condition].avoid_laxative
    last = weeks[-1]
    low = last.planned_doses > 0 and last.taken_doses / last.planned_doses < 0.8
    assert (codes(found)[:1] == ["low_adherence"]) is low
