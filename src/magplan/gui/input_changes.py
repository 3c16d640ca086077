"""What one edit of the window's inputs changed, in the words of Edit ▸ Undo ("Undo Age",
"Undo Remove medicine", "Undo Tick Sleep").

The window's inputs are a :class:`PlanRequest`, the two names printed on the card and the rows
of its tables as entered (:class:`TableRows`: a product row without its form or its mg is in no
request, yet adding it and choosing its form are edits of their own); an edit is told by
comparing them before and after, whatever field or button made it. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge
    from magplan.core.request import PlanRequest

MAX_NAMED_CHANGES = 3  # more changes at once are "Several inputs"

# The request's fields as the window labels them, in the order the window shows them.
_VALUES = (
    ("age_years", "Age"),
    ("sex", "Sex"),
    ("wake_min", "Wake time"),
    ("bed_min", "Bed time"),
    ("meals_min", "Meal times"),
    ("other_magnesium_mg", "Magnesium from other products"),
    ("target_mg", "Daily amount"),
    ("limit", "Upper limit"),
    ("form", "Form"),
    ("supervised_by", "Supervising clinician"),
)
_TICKS = (
    ("pregnant", "Pregnant"),
    ("lactating", "Breastfeeding"),
    ("supervised", "Prescribed and supervised"),
    ("target_from_diet", "Dietary gap as the target"),
)
_ROWS = (("medicines", "medicine"), ("products", "product"))


@dataclass(frozen=True)
class TableRows:
    """The rows of the medicines and products tables as entered, each a copy of the table's
    own row value, rows still being filled in too (the request holds only complete ones)."""

    medicines: tuple[object, ...] = ()
    products: tuple[object, ...] = ()


@dataclass(frozen=True)
class InputState:
    """Everything the user typed or chose: the plan request, the card's two names, and the
    tables' rows as entered (None: only what the request holds)."""

    request: PlanRequest
    person_name: str = ""
    prepared_by: str = ""
    rows: TableRows | None = None


def describe_change(before: InputState, after: InputState, k: Knowledge) -> str:
    """The change from ``before`` to ``after`` in a few words, as Undo names it."""
    old, new = before.request, after.request
    if old.supervised != new.supervised:  # the clinician's name and "Prepared by" go with it
        return _tick("Prescribed and supervised", new.supervised)
    changes = [
        *_chosen(old.goals, new.goals, "Goals", lambda g: k.goals[g].name),
        *[label for field, label in _VALUES if getattr(old, field) != getattr(new, field)],
        *[
            _tick(label, getattr(new, f))
            for f, label in _TICKS
            if getattr(old, f) != getattr(new, f)
        ],
        *_chosen(old.conditions, new.conditions, "Conditions", lambda c: k.conditions[c].name),
        *[_rows(*_table(before, after, f), noun) for f, noun in _ROWS],
        _diet(old, new),
        "Name" if before.person_name != after.person_name else "",
        "Prepared by" if before.prepared_by != after.prepared_by else "",
    ]
    named = [change for change in changes if change]
    if not named:
        return "Inputs" if old != new else ""
    if len(named) > MAX_NAMED_CHANGES:
        return "Several inputs"
    return ", ".join(named)


def _table(
    before: InputState, after: InputState, field: str
) -> tuple[Sequence[object], Sequence[object]]:
    """One table's rows before and after: as entered where both states have them (a row
    being filled in counts), else as the requests hold them."""
    if before.rows is not None and after.rows is not None:
        return getattr(before.rows, field), getattr(after.rows, field)
    return getattr(before.request, field), getattr(after.request, field)


def _tick(label: str, ticked: bool) -> str:
    return f"Tick {label}" if ticked else f"Untick {label}"


def _chosen(
    old: tuple[str, ...], new: tuple[str, ...], label: str, name: Callable[[str], str]
) -> list[str]:
    """One goal or condition ticked or unticked ("Tick Sleep"), else ``label`` when the
    choice changed (its order, or several at once)."""
    if old == new:
        return []
    added = [i for i in new if i not in old]
    removed = [i for i in old if i not in new]
    if len(added) + len(removed) == 1:
        return [_tick(name(added[0] if added else removed[0]), bool(added))]
    return [label]


def _diet(old: PlanRequest, new: PlanRequest) -> str:
    """What changed in the food eaten: a food put on the person's list or taken off it
    ("Add Almonds, raw", "Remove Almonds, raw"), the servings or how often of one food or
    checklist group ("Nuts servings", "Nuts how often"), else ``Food eaten`` (several)."""
    if old.diet == new.diet:
        return ""
    before = {answer.item: answer for answer in old.diet}
    after = {answer.item: answer for answer in new.diet}
    changed = [i for i in before.keys() | after.keys() if before.get(i) != after.get(i)]
    if len(changed) != 1:
        return "Food eaten"
    from magplan.core.foods import load_foods  # loaded already: the diet was planned

    table = load_foods()
    item_id = changed[0]
    item = table.item(item_id)
    if item is None:
        return "Food eaten"
    was, now = before.get(item_id), after.get(item_id)
    if item_id in table.foods and (was is None or now is None):  # a food of the full list
        return f"Add {item.name}" if was is None else f"Remove {item.name}"
    if was is not None and now is not None and was.servings == now.servings:
        return f"{item.name} how often"
    return f"{item.name} servings"


def _rows(old: Sequence[object], new: Sequence[object], noun: str) -> str:
    """``Add medicine``, ``Remove medicine``, ``Medicine 2`` (one row changed), or
    ``Medicines`` (several)."""
    every_row = f"{noun}s".capitalize()
    if len(new) == len(old) + 1:
        return f"Add {noun}"
    if len(new) == len(old) - 1:
        return f"Remove {noun}"
    if len(new) != len(old):
        return every_row
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if len(changed) == 1:
        return f"{noun.capitalize()} {changed[0] + 1}"
    return every_row if changed else ""
