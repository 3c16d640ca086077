"""The diet estimate: magnesium from what the person eats, against their EAR and RDA, and
the foods that would close the gap first.

An estimate from a short checklist is rough: each answer is servings of a usual portion, and a
group counts the mean of its foods. Every output says "estimate" and names the foods that
carried it (:attr:`DietEstimate.carried_by`). A food that varies (mineral water) counts at the
low end of its range, so the estimate does not claim more than the data supports.
"""

from __future__ import annotations

from magplan.core.errors import PlanInputError, shown
from magplan.core.foods import Food, FoodGroup, FoodTable, load_foods
from magplan.core.knowledge import Knowledge
from magplan.core.request import DietServing, PlanRequest
from magplan.core.values import value

CARRIED_BY = 3  # the foods named as carrying the estimate
FOOD_FIRST = 3  # the foods suggested to close the gap
GROCERY_PER_CATEGORY = 4  # foods listed on each shelf of the grocery list
CONSTIPATION_GOAL = "constipation"


@value(kw_only=True, slots=True)
class DietLine:
    """One answer of the checklist, and the magnesium it gives a day."""

    item: str
    name: str
    group: bool  # a checklist group, not one food
    serving: str
    servings: float
    per: str  # "day" or "week"
    mg_per_day: float
    source: str


@value(kw_only=True, slots=True)
class DietEstimate:
    """Magnesium a day from the diet, as estimated from the person's answers."""

    mg_per_day: float
    lines: tuple[DietLine, ...]  # most magnesium first
    ranged: bool  # a food that varies counted at the low end of its range

    @property
    def carried_by(self) -> tuple[DietLine, ...]:
        """The answers that gave the most magnesium."""
        return tuple(line for line in self.lines[:CARRIED_BY] if line.mg_per_day > 0)


@value(kw_only=True, slots=True)
class FoodSuggestion:
    """One food that would close part of the gap: a serving a day, and what it adds."""

    food: Food
    servings_per_day: float
    adds_mg: float
    fibre_rich: bool


@value(kw_only=True, slots=True)
class Shelf:
    """One category of the grocery list: its best foods for this person, and meal ideas."""

    category: str
    name: str
    foods: tuple[Food, ...]
    meal_ideas: tuple[str, ...]


@value(kw_only=True, slots=True)
class FoodFirst:
    """The diet against the person's requirements, and the foods to try first."""

    estimate: DietEstimate
    ear_mg: int | None
    rda_mg: int
    gap_mg: float  # the RDA less the diet estimate, at least 0
    below_ear: bool
    suggestions: tuple[FoodSuggestion, ...]
    fibre_first: bool  # the suggestions are fibre-rich foods (constipation)


def parse_diet_item(table: FoodTable, text: str) -> str:
    """The id of a food or checklist group, or one clear error with the closest ids."""
    key = text.strip().lower()
    if table.item(key) is not None:
        return key
    near = table.did_you_mean(key)
    hint = f"; did you mean {', '.join(near)}?" if near else "; see magplan foods --search"
    raise PlanInputError("diet", f"unknown food '{shown(text.strip())}'{hint}")


def check_diet(req: PlanRequest, k: Knowledge) -> None:
    """Every answer names a food or group the program knows; the gap as a target needs a
    diet, no target of its own, and the person's sex where the requirement depends on it."""
    from magplan.core.limits import sex_matters

    if req.target_from_diet and not req.diet:
        raise PlanInputError(
            "diet", "the dietary gap as the target needs the diet: list what you eat first"
        )
    if req.target_from_diet and req.target_mg is not None:
        raise PlanInputError(
            "target", "give either a target or the dietary gap as the target, not both"
        )
    if req.target_from_diet and req.diet and sex_matters(k, req):
        raise PlanInputError(
            "sex",
            "the dietary gap needs the person's sex: from 14 years the recommended intakes of "
            "women and men differ",
        )
    if req.diet:
        table = load_foods()
        for answer in req.diet:
            parse_diet_item(table, answer.item)


def estimate(diet: tuple[DietServing, ...], table: FoodTable | None = None) -> DietEstimate:
    """The magnesium a day the answers add up to (to 1 mg), with each answer's share."""
    table = table or load_foods()
    lines: list[DietLine] = []
    ranged = False
    for answer in diet:
        item = table.item(answer.item)
        if item is None:
            raise PlanInputError("diet", f"unknown food '{shown(answer.item)}'")
        members = item.foods if isinstance(item, FoodGroup) else (item.id,)
        ranged = ranged or any(table.foods[f].mg_high is not None for f in members)
        lines.append(_line(answer, item))
    lines.sort(key=lambda line: -line.mg_per_day)
    total = round(sum(line.mg_per_day for line in lines))
    return DietEstimate(mg_per_day=float(total), lines=tuple(lines), ranged=ranged)


def _line(answer: DietServing, item: Food | FoodGroup) -> DietLine:
    return DietLine(
        item=item.id,
        name=item.name,
        group=isinstance(item, FoodGroup),
        serving=item.serving,
        servings=answer.servings,
        per=answer.per,
        mg_per_day=round(item.mg * answer.per_day, 1),
        source=item.source,
    )


def food_first(
    k: Knowledge,
    diet: DietEstimate,
    *,
    rda_mg: int,
    ear_mg: int | None,
    goals: tuple[str, ...],
    table: FoodTable | None = None,
    age_years: int | None = None,
    other_mg: float = 0.0,
) -> FoodFirst:
    """The gap to the RDA and the few foods, a serving a day each, that would close the most
    of it; for constipation, only foods that are a good source of fibre; never a food the
    person already eats (alone or in a checklist group), nor one left out for their age."""
    table = table or load_foods()
    gap = max(0.0, rda_mg - diet.mg_per_day - other_mg)  # other products count to the RDA
    fibre_first = CONSTIPATION_GOAL in goals
    eaten = eaten_foods(diet, table)
    picked: list[FoodSuggestion] = []
    closed = 0.0
    for food in _candidates(k, table, fibre_first, eaten, age_years):
        if len(picked) == FOOD_FIRST or closed >= gap:
            break
        picked.append(
            FoodSuggestion(
                food=food,
                servings_per_day=1.0,
                adds_mg=food.mg,
                fibre_rich=_fibre_rich(k, food),
            )
        )
        closed += food.mg
    return FoodFirst(
        estimate=diet,
        ear_mg=ear_mg,
        rda_mg=rda_mg,
        gap_mg=round(gap),
        below_ear=ear_mg is not None and diet.mg_per_day < ear_mg,
        suggestions=tuple(picked),
        fibre_first=fibre_first,
    )


def _fibre_rich(k: Knowledge, food: Food) -> bool:
    return food.fibre_g is not None and food.fibre_g >= k.planning.food.fibre_rich_g


def eaten_foods(diet: DietEstimate, table: FoodTable) -> set[str]:
    """The foods the person eats: those they listed, every food of a group they ticked, and
    the same food prepared another way ("peanuts-oil-roasted" beside "peanuts")."""
    eaten: set[str] = set()
    for line in diet.lines:
        group = table.groups.get(line.item)
        eaten.update(group.foods if group is not None else (line.item,))
    listed = set(eaten)
    eaten.update(f for f in table.foods if any(_same_food(f, e) for e in listed))
    return eaten


def _same_food(one: str, other: str) -> bool:
    """The same food prepared another way: one id is the other's with words added
    ("peanuts-oil-roasted" of "peanuts"; never "bread-whole-wheat" of "bread-white")."""
    return one.startswith(other + "-") or other.startswith(one + "-")


def _candidates(
    k: Knowledge, table: FoodTable, fibre_first: bool, eaten: set[str], age_years: int | None
) -> list[Food]:
    """The richest food of each category not already eaten, richest first; a varying food
    (water) is never suggested, nor one the table's rules leave out for this age."""
    best: dict[str, Food] = {}
    for food in sorted(table.foods.values(), key=lambda f: (-f.mg, f.id)):
        if food.mg_high is not None or food.id in eaten:
            continue
        if not table.suggest.allowed(food, age_years):
            continue
        if fibre_first and not _fibre_rich(k, food):
            continue
        best.setdefault(food.category, food)
    return sorted(best.values(), key=lambda f: (-f.mg, f.id))


def grocery_list(
    k: Knowledge,
    goals: tuple[str, ...],
    table: FoodTable | None = None,
    age_years: int | None = None,
) -> tuple[Shelf, ...]:
    """The grocery list: each category's richest foods (fibre-rich first for constipation),
    with meal ideas, in the categories' order; without the foods left out for this age."""
    table = table or load_foods()
    fibre_first = CONSTIPATION_GOAL in goals
    shelves = []
    for category in table.categories.values():
        foods = [
            f
            for f in table.foods.values()
            if f.category == category.id and table.suggest.allowed(f, age_years)
        ]

        def rank(f: Food) -> tuple[bool, float, str]:
            return (fibre_first and not _fibre_rich(k, f), -f.mg, f.id)

        foods.sort(key=rank)
        if foods:
            shelves.append(
                Shelf(
                    category=category.id,
                    name=category.name,
                    foods=tuple(foods[:GROCERY_PER_CATEGORY]),
                    meal_ideas=tuple(
                        i for i in category.meal_ideas if table.suggest.idea_allowed(i, age_years)
                    ),
                )
            )
    return tuple(shelves)
