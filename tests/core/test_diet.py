"""The diet estimate, the EAR, the dietary gap as a target and the food-first suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from magplan.core.diet import estimate, food_first, grocery_list
from magplan.core.errors import PlanInputError
from magplan.core.foods import load_foods
from magplan.core.knowledge import load_knowledge
from magplan.core.limits import ear_for, limits_for
from magplan.core.planner import plan_day
from magplan.core.request import DietServing, PlanRequest

K = load_knowledge()
TABLE = load_foods()


def test_the_ear_is_below_the_rda_for_every_age_sex_and_state() -> None:
    for age in range(0, 121):
        for sex in ("female", "male", None):
            req = PlanRequest(age_years=age, sex=sex)
            lim = limits_for(K, req)
            if age == 0:
                assert lim.ear_mg is None  # infants have an adequate intake only
            else:
                assert lim.ear_mg is not None and 0 < lim.ear_mg < lim.rda_mg
    assert ear_for(K, PlanRequest(age_years=25, sex="female", pregnant=True)) == 290
    assert ear_for(K, PlanRequest(age_years=40, sex="male")) == 350
    assert ear_for(K, PlanRequest(age_years=16, sex="female", lactating=True)) == 300


def test_an_estimate_adds_servings_a_day_and_a_week() -> None:
    almonds, nuts = TABLE.foods["almonds"], TABLE.groups["nuts"]
    est = estimate(
        (DietServing(item="almonds", servings=2), DietServing(item="nuts", servings=3, per="week"))
    )
    assert est.mg_per_day == round(2 * almonds.mg + 3 / 7 * nuts.mg)
    assert [line.item for line in est.lines] == ["almonds", "nuts"]  # most magnesium first
    assert est.carried_by[0].item == "almonds"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(TABLE.ids())),
            st.floats(min_value=0.1, max_value=20),
            st.sampled_from(["day", "week"]),
        ),
        min_size=1,
        max_size=12,
        unique_by=lambda t: t[0],
    )
)
def test_the_estimate_is_the_sum_of_its_lines_and_never_negative(answers: list) -> None:
    diet = tuple(DietServing(item=i, servings=n, per=p) for i, n, p in answers)
    est = estimate(diet)
    assert est.mg_per_day == round(sum(line.mg_per_day for line in est.lines))
    assert est.mg_per_day >= 0
    assert len(est.lines) == len(diet)
    assert list(est.lines) == sorted(est.lines, key=lambda line: -line.mg_per_day)


@settings(max_examples=80, deadline=None)
@given(
    age=st.integers(min_value=1, max_value=100),
    sex=st.sampled_from(["female", "male"]),
    servings=st.floats(min_value=0.1, max_value=6),
    food=st.sampled_from(sorted(TABLE.foods)),
)
def test_the_gap_as_target_never_passes_the_upper_limit(
    age: int, sex: str, servings: float, food: str
) -> None:
    req = PlanRequest(
        age_years=age,
        sex=sex,  # type: ignore[arg-type]
        diet=(DietServing(item=food, servings=servings),),
        target_from_diet=True,
    )
    plan = plan_day(req, K)
    lim = limits_for(K, req)
    assert plan.diet is not None
    assert lim.upper_limit_mg is not None
    assert plan.daily_elemental_mg <= lim.upper_limit_mg
    gap = max(0.0, lim.rda_mg - plan.diet.mg_per_day)
    assert plan.daily_elemental_mg <= gap + K.planning.amounts.no_product_step_mg
    assert not plan.warning("above-upper-limit")
    assert plan.warning("diet-gap") is not None


def test_the_gap_is_never_the_default() -> None:
    req = PlanRequest(age_years=40, sex="female", diet=(DietServing(item="almonds", servings=1),))
    plan = plan_day(req, K)
    assert plan.daily_elemental_mg == 350 and plan.warning("diet-gap") is None
    assert plan.diet is not None and not plan.target_from_diet


def test_an_unknown_food_names_the_closest() -> None:
    with pytest.raises(PlanInputError) as caught:
        plan_day(PlanRequest(diet=(DietServing(item="almnds", servings=1),)), K)
    assert caught.value.field == "diet"
    assert "did you mean almonds" in caught.value.message


def test_food_first_fills_the_gap_with_the_richest_foods_of_different_shelves() -> None:
    est = estimate((DietServing(item="apple", servings=1),))
    ff = food_first(K, est, rda_mg=320, ear_mg=265, goals=("sleep",))
    assert ff.gap_mg == round(320 - est.mg_per_day) and ff.below_ear
    assert 1 <= len(ff.suggestions) <= 3
    shelves = [s.food.category for s in ff.suggestions]
    assert len(set(shelves)) == len(shelves)
    richest = max(f.mg for f in TABLE.foods.values() if f.mg_high is None)
    assert ff.suggestions[0].food.mg == richest


def test_for_constipation_every_suggestion_is_a_good_source_of_fibre() -> None:
    est = estimate((DietServing(item="apple", servings=1),))
    ff = food_first(K, est, rda_mg=320, ear_mg=265, goals=("constipation",))
    assert ff.fibre_first and ff.suggestions
    for s in ff.suggestions:
        assert s.fibre_rich
        assert s.food.fibre_g is not None and s.food.fibre_g >= K.planning.food.fibre_rich_g
    plain = food_first(K, est, rda_mg=320, ear_mg=265, goals=("sleep",))
    assert [s.food.id for s in plain.suggestions] != [s.food.id for s in ff.suggestions]


def test_no_suggestion_when_the_diet_meets_the_rda() -> None:
    est = estimate((DietServing(item="almonds", servings=6),))
    assert est.mg_per_day >= 320
    ff = food_first(K, est, rda_mg=320, ear_mg=265, goals=("sleep",))
    assert ff.gap_mg == 0 and ff.suggestions == ()


def test_the_grocery_list_has_a_shelf_per_category_with_meal_ideas() -> None:
    shelves = grocery_list(K, ("constipation",))
    assert {s.category for s in shelves} == {f.category for f in TABLE.foods.values()}
    for shelf in shelves:
        assert shelf.meal_ideas and 1 <= len(shelf.foods) <= 4  # (for an adult: no age given)
        rich = [
            f.fibre_g is not None and f.fibre_g >= K.planning.food.fibre_rich_g for f in shelf.foods
        ]
        assert rich == sorted(rich, reverse=True)  # fibre-rich foods first on every shelf


# ---- what the pharmacist's review found ---------------------------------------------------------


def _woman(**fields: object) -> PlanRequest:
    base: dict[str, object] = {"age_years": 40, "sex": "female"}
    return PlanRequest(**(base | fields))  # type: ignore[arg-type]


def test_a_blocked_or_clinician_set_plan_never_says_a_gap_is_planned() -> None:
    from magplan.present.diet import diet_line

    diet = (DietServing(item="milk", servings=1),)
    for extra in ({}, {"supervised": True, "supervised_by": "Dr Lee"}):
        req = _woman(conditions=("kidney-disease",), diet=diet, target_from_diet=True, **extra)
        plan = plan_day(req, K)
        assert plan.doses == () and plan.warning("diet-gap") is None
        line = diet_line(plan)
        assert "no supplement is planned" in line and "short of" not in line
        assert "With this plan" not in line


def test_the_gap_counts_the_persons_other_magnesium_products() -> None:
    diet = (DietServing(item="milk", servings=1),)
    alone = plan_day(_woman(diet=diet, target_from_diet=True), K)
    with_multi = plan_day(_woman(diet=diet, target_from_diet=True, other_magnesium_mg=100), K)
    assert with_multi.daily_elemental_mg == alone.daily_elemental_mg - 100
    note = with_multi.warning("diet-gap")
    assert note is not None and "100 mg/day from your other products" in note.message
    assert with_multi.diet is not None
    total = with_multi.diet.mg_per_day + with_multi.total_with_other_mg
    assert total <= 320 + K.planning.amounts.no_product_step_mg


def test_without_sex_the_gap_is_refused_and_the_diet_is_not_compared() -> None:
    from magplan.present.diet import NEEDS_SEX, diet_line, food_sheet

    diet = (DietServing(item="seeds", servings=2), DietServing(item="nuts", servings=1))
    with pytest.raises(PlanInputError) as caught:
        plan_day(PlanRequest(age_years=35, diet=diet, target_from_diet=True), K)
    assert caught.value.field == "sex"
    plan = plan_day(PlanRequest(age_years=35, diet=diet), K)
    assert plan.diet_needs_sex and NEEDS_SEX in diet_line(plan)
    assert "meets" not in diet_line(plan)
    assert food_sheet(K, TABLE, (), plan, age_years=35).suggestions == ()
    child = plan_day(PlanRequest(age_years=10, diet=diet, target_from_diet=True), K)
    assert not child.diet_needs_sex  # the same figures for girls and boys under 14


def test_brazil_nuts_are_never_suggested_and_eaten_groups_count_as_eaten() -> None:
    seeds = TABLE.groups["seeds"]
    everything_else = [
        DietServing(item=f.id, servings=0.1)
        for f in sorted(TABLE.foods.values(), key=lambda f: -f.mg)[:12]
        if f.id != "brazil-nuts" and f.mg_high is None
    ]
    eaten = everything_else[:10]
    est = estimate((DietServing(item="seeds", servings=1), *eaten))
    ff = food_first(K, est, rda_mg=420, ear_mg=350, goals=("sleep",))
    picked = {s.food.id for s in ff.suggestions}
    assert "brazil-nuts" not in picked
    assert not picked & set(seeds.foods)  # a food of a group the person eats
    assert ff.suggestions and not picked & {a.item for a in eaten}


def test_a_young_child_gets_no_nuts_seeds_or_popcorn_and_is_told_why() -> None:
    from magplan.present.diet import food_sheet

    diet = (DietServing(item="milk", servings=1),)
    plan = plan_day(PlanRequest(age_years=2, diet=diet), K)
    sheet = food_sheet(K, TABLE, ("sleep",), plan, age_years=2)
    names = {f.name for shelf in sheet.shelves for f in shelf.foods}
    nuts = {f.name for f in TABLE.foods.values() if f.category == "nuts-seeds"}
    assert names and not names & nuts and "Popcorn" not in " ".join(names)
    assert not any("seeds" in s.lower() or "nuts" in s.lower() for s in sheet.suggestions)
    assert TABLE.suggest.young_child_why in sheet.notes
    ideas = " ".join(i for shelf in sheet.shelves for i in shelf.meal_ideas).lower()
    assert ideas and "nut" not in ideas and "seed" not in ideas
    older = food_sheet(K, TABLE, ("sleep",), plan, age_years=8)
    assert {f.name for shelf in older.shelves for f in shelf.foods} & nuts


def test_a_diet_that_meets_the_rda_says_a_supplement_may_not_be_needed() -> None:
    from magplan.present.diet import MAY_NOT_NEED, diet_line

    plan = plan_day(_woman(diet=(DietServing(item="pumpkin-seeds", servings=3),)), K)
    assert plan.doses and MAY_NOT_NEED in diet_line(plan)
    low = plan_day(_woman(diet=(DietServing(item="coffee", servings=1),)), K)
    assert "less than half the average requirement" in diet_line(low)
