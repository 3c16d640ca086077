"""Which form heads a plan is the plan's decision (Plan.headline), not the window's."""

from __future__ import annotations

from tests.core.helpers import plan


def test_the_planned_forms_head_a_plan_with_doses() -> None:
    p = plan(goals=("constipation", "sleep"), target_mg=350)
    h = p.headline()
    assert h.kind == "planned" and h.forms == p.forms
    assert [c.form for c in h.explained] == [
        f for f in p.forms if f in {c.form for c in p.suggestions}
    ]
    assert h.suggested == p.best_suggestion().form  # type: ignore[union-attr]
    assert h.suggested_ids == " + ".join(p.forms)


def test_a_chosen_form_heads_whatever_was_planned() -> None:
    p = plan(goals=("sleep",), form="taurate")
    h = p.headline("taurate")
    assert h.kind == "chosen" and h.forms == ("taurate",)
    assert [c.form for c in h.explained] == ["taurate"]
    assert "taurate" not in {c.form for c in h.alternatives}
    assert h.suggested == "glycinate" and h.suggested_ids == "glycinate"


def test_without_doses_the_best_usable_suggestion_heads() -> None:
    p = plan(goals=("sleep",), conditions=("kidney-disease",))
    assert p.blocked and not p.forms
    h = p.headline()
    best = p.best_suggestion()
    assert best is not None and not best.excluded
    assert h.kind == "suggested" and h.forms == (best.form,)
    assert [c.form for c in h.explained] == [best.form]


def test_alternatives_are_usable_forms_not_already_explained_best_first() -> None:
    p = plan(goals=("sleep", "cramps"))
    h = p.headline()
    explained = {c.form for c in h.explained}
    assert all(not c.excluded and c.form not in explained for c in h.alternatives)
    ranks = [c.rank for c in h.alternatives]
    assert ranks == sorted(ranks)
