"""Which check-ins a person is asked (by their goals) and when (weekly by default)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magplan.core.knowledge import load_knowledge
from magplan.journal.checkins import checkins_for, due, next_due
from magplan.journal.scales import KINDS, definitions

TODAY = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("goal", "kind"),
    [
        ("depression", "phq8"),
        ("anxiety", "gad7"),
        ("sleep", "sleep"),
        ("constipation", "stools"),
        ("cramps", "cramp_days"),
        ("migraine", "migraine_days"),
    ],
)
def test_each_goal_brings_its_check_in_and_everyone_gets_who5(goal: str, kind: str) -> None:
    assert checkins_for((goal,)) == (kind, "who5")


def test_goals_keep_their_order_and_a_check_in_is_asked_once() -> None:
    assert checkins_for(("sleep", "depression")) == ("sleep", "phq8", "who5")
    assert checkins_for(("anxiety", "sleep", "anxiety")) == ("gad7", "sleep", "who5")


def test_a_person_without_a_goal_that_has_a_check_in_still_gets_who5() -> None:
    assert checkins_for(()) == ("who5",)
    assert checkins_for(("cognition", "heart")) == ("who5",)


def test_the_goals_named_are_the_knowledge_goals() -> None:
    goals = set(load_knowledge().goals)
    named = set(definitions().goal_checkins)
    assert named <= goals
    assert {"depression", "anxiety", "sleep", "constipation", "cramps", "migraine"} == named


@given(st.lists(st.sampled_from(sorted(load_knowledge().goals)), max_size=6))
def test_any_goals_give_known_check_ins_each_once_with_who5(goals: list[str]) -> None:
    found = checkins_for(tuple(goals))
    assert set(found) <= set(KINDS)
    assert len(found) == len(set(found))
    assert "who5" in found


def test_a_check_in_never_made_is_due() -> None:
    assert due("phq8", None, TODAY)
    assert next_due("phq8", None, TODAY) == TODAY


@pytest.mark.parametrize(
    ("days_ago", "is_due"), [(0, False), (1, False), (6, False), (7, True), (30, True)]
)
def test_a_check_in_is_due_weekly(days_ago: int, is_due: bool) -> None:
    assert due("sleep", TODAY - timedelta(days=days_ago), TODAY) is is_due


def test_a_check_in_made_after_the_day_looked_at_is_not_due() -> None:
    assert not due("who5", TODAY + timedelta(days=3), TODAY)


def test_the_next_due_day_is_a_week_after_the_last() -> None:
    last = TODAY - timedelta(days=2)
    assert next_due("gad7", last, TODAY) == date(2025, 3, 17)
    assert next_due("gad7", TODAY - timedelta(days=9), TODAY) == TODAY


def test_an_unknown_check_in_is_a_mistake_in_the_program() -> None:
    with pytest.raises(ValueError, match="unknown check-in 'phq9'"):
        due("phq9", None, TODAY)
