"""The form a plan leads with, in words: the person's choice, the planned forms, or the best
suggestion when nothing is planned."""

from __future__ import annotations

from magplan.present import present
from magplan.present.forms import choice_hint
from tests.core.helpers import K, plan


def test_the_planned_form_is_suggested_for_the_goals_it_serves() -> None:
    words = present(plan(goals=("sleep",)), K).headline(most_alternatives=3)
    assert words.headline.kind == "planned"
    assert words.title == "Suggested: Magnesium glycinate (bisglycinate) for sleep"
    assert words.suggested_instead == ""
    assert [e.form for e in words.explanations] == ["glycinate"]
    assert words.explanations[0].sources == K.sources["SEED"].short
    assert words.suggested_item == "Suggested (glycinate)"
    assert words.alternatives == (
        "Magnesium taurate (also for sleep)",
        "Magnesium L-threonate (also for sleep)",
    )


def test_a_chosen_form_heads_and_the_suggestion_is_named_beside_it() -> None:
    view = present(plan(goals=("sleep",), form="taurate"), K)
    words = view.headline("taurate", most_alternatives=3)
    assert words.headline.kind == "chosen"
    assert words.title == "Your choice: Magnesium taurate"
    assert (
        words.suggested_instead == "Suggested for these goals: Magnesium glycinate (bisglycinate)."
    )
    assert [e.form for e in words.explanations] == ["taurate"]
    assert all("taurate" not in a.lower() for a in words.alternatives)
    assert words.suggested_item == "Suggested (glycinate)"


def test_alternatives_are_cut_to_the_number_asked_for() -> None:
    view = present(plan(goals=("sleep", "cramps", "anxiety")), K)
    assert len(view.headline(most_alternatives=1).alternatives) <= 1
    assert len(view.headline(most_alternatives=3).alternatives) <= 3


def test_every_form_can_be_picked_with_what_it_is_for_this_person() -> None:
    p = plan(goals=("sleep",))
    view = present(p, K)
    assert [item.form for item in view.form_items] == list(K.forms)
    by_form = {c.form: c for c in p.suggestions}
    for item in view.form_items:
        name = K.forms[item.form].name
        if item.form in by_form:
            assert item.text == f"{name} — {choice_hint(by_form[item.form], K)}"
        else:
            assert item.text == name
        assert item.summary == K.forms[item.form].summary
