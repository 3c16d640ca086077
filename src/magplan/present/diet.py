"""The diet estimate and the food lists in words, for every face: the plan's one diet line
(terminal, window, card), the food table (``magplan foods``, the Food page, the printed list)
and the food-first suggestions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from magplan.core.diet import DietEstimate, FoodSuggestion, Shelf
from magplan.core.foods import Food, FoodTable
from magplan.core.knowledge import Knowledge
from magplan.core.plan import Plan
from magplan.core.values import value
from magplan.present.words import format_mg

ESTIMATE = "an estimate"
ESTIMATE_NOTE = (
    "An estimate from usual servings (USDA FoodData Central): only the foods listed are "
    "counted, and the foods you eat and how they are prepared change it."
)
LOW_ESTIMATE = "less than half the average requirement: check that the list holds all you eat"
RANGED = "water is counted at the low end of its range (a label gives its own mg a litre)"
NEEDS_SEX = (
    "give the person's sex to compare it with their requirement (from 14 years, women's and "
    "men's differ)"
)
NOT_PLANNED = (
    "no supplement is planned (see the plan's warnings), and food choices are best talked "
    "over with the person's clinician too"
)
MAY_NOT_NEED = (
    "a supplement may not be needed: the dietary gap as the target plans only what the diet leaves"
)
UPPER_LIMIT_COUNTS = "the upper limit counts supplements only"
FOOD_PAGE_NO_DIET = (
    "No diet given yet: type how many servings you eat under “What you usually eat” to estimate it."
)


@value
class FoodRow:
    """One food as every food list shows it."""

    id: str
    name: str
    category: str
    serving: str
    grams: str  # "28 g"
    mg: str  # "79", or "20-100" for a food that varies
    fibre: str  # "3.1 g", or "" when the data has none
    source: str  # "USDA FoodData Central, SR Legacy: Nuts, almonds, ..."


def food_row(food: Food, table: FoodTable) -> FoodRow:
    return FoodRow(
        id=food.id,
        name=food.name,
        category=table.categories[food.category].name,
        serving=food.serving,
        grams=f"{food.grams:.0f} g",
        mg=food.mg_words,
        fibre="" if food.fibre_g is None else f"{food.fibre_g:g} g",
        source=food.source,
    )


def food_json(food: Food) -> dict[str, Any]:
    """One food in ``magplan foods --json``: id, name, serving, grams, mg a serving, source."""
    data: dict[str, Any] = {
        "id": food.id,
        "name": food.name,
        "category": food.category,
        "serving": food.serving,
        "grams": food.grams,
        "mg": food.mg,
    }
    if food.mg_high is not None:
        data["mg_high"] = food.mg_high
    data |= {
        "fibre_g": food.fibre_g,
        "source": "USDA FoodData Central",
        "data_type": food.data_type,
        "fdc_description": food.fdc_description,
        "portion_basis": food.portion_basis,
    }
    return data


def plain_name(name: str) -> str:
    """A food's name inside a sentence: "Bread, whole wheat" -> "bread (whole wheat)"."""
    first, _, rest = name.partition(", ")
    return first.lower() + (f" ({rest})" if rest else "")


def carried_by_words(estimate: DietEstimate) -> str:
    """The foods that carried the estimate: "almonds (dry roasted), milk and bread"."""
    names = [
        line.name.lower() if line.group else plain_name(line.name) for line in estimate.carried_by
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def standing_words(diet_mg: float, ear_mg: int | None, rda_mg: int) -> str:
    """Where the diet stands against the person's EAR and RDA."""
    rda = f"the recommended intake (RDA, {rda_mg} mg a day)"
    if diet_mg >= rda_mg:
        return f"meets {rda}"
    short = f"{format_mg(rda_mg - diet_mg)} short of {rda}"
    if ear_mg is None:
        return short
    ear = f"the average requirement (EAR, {ear_mg} mg)"
    if diet_mg < ear_mg:
        return f"below {ear} and {short}"
    return f"above {ear} but {short}"


def plan_standing(plan: Plan) -> str:
    """Where the plan's diet estimate stands, as every face says it: against the person's EAR
    and RDA, or why it is not compared (a plan a condition stops; the sex not given), with
    the estimate's own limits."""
    diet = plan.diet
    if diet is None:
        return ""
    if plan.food_is_clinicians:
        return NOT_PLANNED
    if plan.diet_needs_sex:
        return NEEDS_SEX
    said = standing_words(diet.mg_per_day, plan.ear_mg, plan.rda_mg)
    if plan.ear_mg is not None and diet.mg_per_day < plan.ear_mg / 2:
        said += f"; {LOW_ESTIMATE}"
    if diet.mg_per_day >= plan.rda_mg and plan.doses and not plan.target_from_diet:
        said += f"; {MAY_NOT_NEED}"
    if diet.ranged:
        said += f"; {RANGED}"
    return said


def diet_line(plan: Plan) -> str:
    """The plan's one diet line (the card adds only this): the estimate, its foods, where it
    stands against the person's EAR and RDA, and the total with this plan; "" without a
    diet."""
    diet = plan.diet
    if diet is None:
        return ""
    carried = carried_by_words(diet)
    mostly = f", mostly from {carried}" if carried else ""
    head = f"Diet ({ESTIMATE}): about {format_mg(diet.mg_per_day)} a day from food{mostly}: "
    if plan.blocked or not plan.doses:
        return head + plan_standing(plan) + "."
    total = plan.total_with_diet_mg or 0.0
    return (
        f"{head}{plan_standing(plan)}. With this plan, about {format_mg(total)} a day from food "
        f"and supplements ({UPPER_LIMIT_COUNTS})."
    )


def suggestion_words(s: FoodSuggestion) -> str:
    """ "Pumpkin seeds, 1 oz a day: +156 mg (a good source of fibre)"."""
    fibre = " (a good source of fibre)" if s.fibre_rich else ""
    return f"{s.food.name}, {s.food.serving} a day: +{format_mg(round(s.adds_mg))}{fibre}"


@value
class ShelfView:
    """One category of the grocery list in words."""

    name: str
    foods: tuple[FoodRow, ...]
    meal_ideas: tuple[str, ...]


@value
class FoodSheet:
    """The food-sources and grocery-list page, and the Food page's advice, in words.

    ``estimate`` is "" without a diet; ``suggestions`` are the foods that would close the gap
    first (none when the diet meets the RDA or there is no diet); ``shelves`` the grocery list.
    """

    title: str
    estimate: str  # the diet against the EAR and RDA, with ESTIMATE_NOTE's caveat
    carried_by: str  # "Your estimate comes mostly from almonds, ..." or ""
    supplement: str  # what the plan adds and the total, or ""
    suggestions_heading: str
    suggestions: tuple[str, ...]
    shelves: tuple[ShelfView, ...]
    fibre_first: bool
    sources: str  # where the numbers come from
    notes: tuple[str, ...] = ()  # the foods left out of the lists, and why


def supplement_words(plan: Plan) -> str:
    """What the supplement plan adds to the diet, or that it adds nothing and why."""
    total = format_mg(plan.total_with_diet_mg or 0.0)
    if plan.blocked:
        return f"No supplement is planned: see the plan's warnings. About {total} a day in all."
    if not plan.doses:
        return f"No supplement is planned (see the plan). About {total} a day in all."
    return (
        f"The supplement plan adds {format_mg(plan.daily_elemental_mg)} a day: about "
        f"{total} a day from food and supplements."
    )


def food_sheet(
    k: Knowledge,
    table: FoodTable,
    goals: tuple[str, ...],
    plan: Plan | None = None,
    *,
    age_years: int | None = None,
) -> FoodSheet:
    """The food advice for a person of ``age_years`` with ``goals`` and, when given, their
    ``plan`` (which carries the diet estimate and their EAR and RDA). A plan a condition
    stops gets no suggestions and no grocery list: food choices are the clinician's then."""
    from magplan.core.diet import food_first, grocery_list

    fibre_first = "constipation" in goals
    heading = "Foods that would close the gap first" + (
        " (good sources of fibre, for constipation)" if fibre_first else ""
    )
    sources = (
        f"Magnesium per serving: {table.about.get('source', 'USDA FoodData Central')}, "
        f"{table.about.get('release', '')}; each food cited by its FDC description and data "
        "type. EAR: Institute of Medicine, 1997. RDA: NIH Office of Dietary Supplements."
    )
    notes = table.suggest.notes_for(age_years)
    stopped = plan is not None and plan.food_is_clinicians
    shelves = () if stopped else _shelves(grocery_list(k, goals, table, age_years), table)
    empty = FoodSheet("Magnesium in food", "", "", "", heading, (), shelves, fibre_first, sources)
    if plan is None or plan.diet is None:
        return replace(empty, notes=notes)
    suggestions: tuple[str, ...] = ()
    if plan.diet_compared:
        ff = food_first(
            k,
            plan.diet,
            rda_mg=plan.rda_mg,
            ear_mg=plan.ear_mg,
            goals=goals,
            table=table,
            age_years=age_years,
            other_mg=plan.other_magnesium_mg,
        )
        suggestions = tuple(suggestion_words(s) for s in ff.suggestions)
    carried = carried_by_words(plan.diet)
    return replace(
        empty,
        estimate=(
            f"About {format_mg(plan.diet.mg_per_day)} a day from food ({ESTIMATE}): "
            f"{plan_standing(plan)}. {ESTIMATE_NOTE}"
        ),
        carried_by=f"Your estimate comes mostly from {carried}." if carried else "",
        supplement="" if stopped else supplement_words(plan),
        suggestions=suggestions,
        notes=notes if not stopped else (),
    )


def _shelves(shelves: tuple[Shelf, ...], table: FoodTable) -> tuple[ShelfView, ...]:
    return tuple(
        ShelfView(s.name, tuple(food_row(f, table) for f in s.foods), s.meal_ideas) for s in shelves
    )


GAP_TARGET = "Use my dietary gap as the supplement target"
"""The choice to plan the gap between the diet and the RDA (``target_from_diet``; never the
default)."""
GAP_TARGET_NOTE = (
    "Plans the supplement to close the gap between your diet estimate and the recommended "
    "intake (RDA) instead of the usual amount; the upper limit still counts supplements only."
)


def requirement_line(plan: Plan) -> str:
    """The person's EAR and RDA as a sentence, for a face that shows them before any diet is
    given: "Your requirement: the average requirement (EAR, 265 mg) and the recommended intake
    (RDA, 320 mg a day), from food and supplements together."."""
    rda = f"the recommended intake (RDA, {plan.rda_mg} mg a day)"
    ear = f"the average requirement (EAR, {plan.ear_mg} mg) and " if plan.ear_mg is not None else ""
    return f"Your requirement: {ear}{rda}, from food and supplements together."
