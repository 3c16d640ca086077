"""core/forms.py: which form of magnesium fits the person's goals (``pick_forms``), from the
first and also-good forms each goal lists in resources/goals.toml."""

from __future__ import annotations

from magplan.core.forms import NOT_OWNED, FormPick, add_filler, pick_forms, rank_forms
from tests.core.helpers import K


def pick(
    *goals: str,
    owned: tuple[str, ...] = (),
    forced: str | None = None,
    avoid_laxative: bool = False,
) -> FormPick:
    return pick_forms(K, goals, owned=owned, forced=forced, avoid_laxative=avoid_laxative)


def test_sleep_gets_glycinate() -> None:
    chosen = pick("sleep")
    assert chosen.forms == ("glycinate",)
    assert chosen.goals_by_form == {"glycinate": ("sleep",)}
    assert chosen.fallback_reason == ""


def test_one_form_that_serves_every_goal_is_enough() -> None:
    chosen = pick("sleep", "anxiety")
    assert chosen.goals_by_form == {"glycinate": ("sleep", "anxiety")}


def test_goals_that_pull_apart_get_two_forms_the_first_ticked_leading() -> None:
    assert pick("constipation", "sleep").goals_by_form == {
        "citrate": ("constipation",),
        "glycinate": ("sleep",),
    }
    assert pick("sleep", "constipation").forms == ("glycinate", "citrate")


def test_suggestions_are_ranked_by_points_then_the_first_ticked_goal() -> None:
    ranked = rank_forms(K, ("constipation", "sleep"), owned=frozenset(), avoid_laxative=False)
    assert [(c.form, c.rank, c.score) for c in ranked[:3]] == [
        ("citrate", 1, 3),
        ("glycinate", 2, 3),
        ("taurate", 3, 1),
    ]
    glycinate = ranked[1]
    assert (glycinate.goals_first, glycinate.goals_also) == (("sleep",), ())


def test_only_the_person_s_own_products_are_used() -> None:
    chosen = pick("sleep", owned=("citrate",))
    assert chosen.forms == ("citrate",)
    assert chosen.goals_by_form == {"citrate": ()}
    assert chosen.fallback_reason == (
        "None of the usual forms for sleep can be used here, so the plan uses magnesium citrate."
    )
    assert {s.excluded for s in chosen.suggestions} == {NOT_OWNED}


def test_loose_stools_rule_out_laxative_forms() -> None:
    chosen = pick("constipation", "sleep", avoid_laxative=True)
    assert chosen.forms == ("glycinate",)
    excluded = {s.form for s in chosen.suggestions if s.excluded}
    assert excluded == {"citrate", "oxide", "hydroxide"}
    alone = pick("constipation", avoid_laxative=True)
    assert alone.forms == ("glycinate",) and alone.goals_by_form == {"glycinate": ()}
    assert "glycinate" in alone.fallback_reason.lower()


def test_nothing_usable_means_no_form() -> None:
    chosen = pick("clarity", owned=("oxide",), avoid_laxative=True)
    assert chosen.forms == () and chosen.goals_by_form == {}


def test_a_form_the_person_chose_serves_their_goals_even_if_unusual() -> None:
    assert pick("sleep", forced="taurate").goals_by_form == {"taurate": ("sleep",)}
    assert pick("sleep", forced="orotate").goals_by_form == {"orotate": ("sleep",)}


def test_a_filler_form_serves_the_first_form_s_goals() -> None:
    chosen = pick("cognition")
    assert chosen.forms == ("l-threonate",)
    filled = add_filler(chosen, "glycinate")
    assert filled.forms == ("l-threonate", "glycinate")
    assert filled.goals_by_form["glycinate"] == chosen.goals_by_form["l-threonate"]
    assert add_filler(chosen, None) is chosen
    assert add_filler(chosen, "l-threonate") is chosen
