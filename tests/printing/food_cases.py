"""People whose food list is printed: one who gave a diet well below their requirement and is
constipated (the suggestions are good sources of fibre), one who gave no diet; and a sheet
with far more shelves than the food data has, to make the list run onto a second page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from magplan.core.foods import FoodTable, load_foods
from magplan.core.knowledge import load_knowledge
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import DietServing, PlanRequest
from magplan.present.diet import FoodRow, FoodSheet, ShelfView, food_sheet
from tests.printing.print_cases import request_for

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})


def page_texts(path: Path) -> list[str]:
    """Each page's text as a reader copies it: whitespace runs collapsed, the font's
    ligatures ("ﬁ") written out."""
    return [
        " ".join((page.extract_text() or "").translate(LIGATURES).split())
        for page in PdfReader(str(path)).pages
    ]


def reader_text(path: Path) -> str:
    """The whole PDF's text, as :func:`page_texts`."""
    return " ".join(page_texts(path))


def says(text: str, phrase: str) -> bool:
    """Whether ``text`` (a PDF's) holds ``phrase``, wherever a line was broken: after a
    hyphen ("whole-|wheat") a reader gets a space that is not in the phrase."""
    return "".join(phrase.split()) in "".join(text.split())


CONSTIPATION_ARGS = ["--goal", "constipation", "--product", "citrate:100:capsule", "--sex", "f"]
SLEEP_ARGS = ["--goal", "sleep", "--product", "glycinate:100:capsule", "--sex", "f"]


def little_diet(table: FoodTable) -> tuple[DietServing, ...]:
    """One serving a week of the checklist's first three groups: far below anyone's RDA."""
    return tuple(
        DietServing(item=group.id, servings=1, per="week")
        for group in list(table.groups.values())[:3]
    )


def with_diet(args: list[str]) -> tuple[Plan, PlanRequest]:
    """The plan for ``args``, with :func:`little_diet` as the person's diet."""
    request = request_for(args)  # the EAR and RDA need the person's sex from 14 years
    request = replace(request, diet=little_diet(load_foods()), sex=request.sex or "female")
    return plan_day(request), request


def sheet_for(args: list[str], *, diet: bool) -> tuple[FoodSheet, Plan]:
    """The food sheet (and the plan) of the person ``args`` describes."""
    if diet:
        plan, request = with_diet(args)
    else:
        request = request_for(args)
        plan = plan_day(request)
    return food_sheet(load_knowledge(), load_foods(), request.goals, plan), plan


def long_sheet(shelves: int) -> FoodSheet:
    """A sheet with ``shelves`` made-up shelves of four foods each: more than one page holds."""
    foods = tuple(
        FoodRow(
            id=f"food-{i}",
            name=f"Food number {i}",
            category="Shelf",
            serving="1/2 cup",
            grams="90 g",
            mg=str(40 + i),
            fibre="3 g",
            source=f"USDA FoodData Central, SR Legacy: Made-up food {i}, cooked",
        )
        for i in range(4)
    )
    return FoodSheet(
        title="Magnesium in food",
        estimate="About 120 mg a day from food (an estimate): 200 mg below the RDA.",
        carried_by="Your estimate comes mostly from milk.",
        supplement="The supplement plan adds 200 mg a day.",
        suggestions_heading="Foods that would close the gap first",
        suggestions=("Pumpkin seeds, 1 oz a day: +156 mg",),
        shelves=tuple(
            ShelfView(
                name=f"Shelf {n:02d}",
                foods=tuple(replace(f, id=f"{f.id}-{n}") for f in foods),
                meal_ideas=(f"Meal idea {n:02d}",),
            )
            for n in range(shelves)
        ),
        fibre_first=False,
        sources="Magnesium per serving: USDA FoodData Central, test release.",
    )


def long_named_diet(table: FoodTable) -> tuple[DietServing, ...]:
    """Three servings a day of the three foods with the longest names, then one a week of
    the checklist's groups: the longest diet line a card can get ("mostly from" names three)."""
    longest = sorted(table.foods.values(), key=lambda f: (-len(f.name), f.id))[:3]
    eaten = [DietServing(item=food.id, servings=3) for food in longest]
    eaten += [DietServing(item=group.id, servings=1, per="week") for group in table.groups.values()]
    return tuple(eaten)
