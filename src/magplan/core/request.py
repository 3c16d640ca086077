"""What the user tells the planner: the person, their day, goals, medicines and products.

Names are stored as the knowledge base's ids (``"glycinate"``, ``"anxiety"``); the ``parse_*``
helpers turn what a user typed (an alias, a brand name, ``"08:00"``) into those ids, with one
clear :class:`PlanInputError` when they cannot.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Annotated, Literal

from magplan.core.bounds import Bounds, check_fields
from magplan.core.errors import MAX_TEXT_CHARS, PlanInputError, first_invisible, shown
from magplan.core.knowledge import Knowledge
from magplan.core.plan import WEEKDAYS_SHORT
from magplan.core.separation import MAX_SEPARATION_MIN
from magplan.core.timeofday import MINUTES_PER_DAY, format_time, forward_gap, parse_time
from magplan.core.values import value

# What the program accepts as input: limits of the program, not clinical figures (those live in
# resources/; the most planned in a day is intakes.toml's dosing.max_daily_mg).
MIN_WAKING_DAY_MIN = 6 * 60
MAX_AGE_YEARS = 120
MIN_PRODUCT_MG = 1.0
MAX_PRODUCT_MG = 2000.0
MAX_COMPOUND_MG = 20000.0  # a label's compound weight per unit
MAX_OTHER_MG = 2000.0
MAX_STATED_SPACING_MIN = MAX_SEPARATION_MIN
MAX_MEDICINE_NAME_CHARS = 60  # the longest generic or brand names are about 40
MAX_MEDICINES = 20
MAX_TIMES_PER_MEDICINE = 6
MAX_MEALS = 6
MAX_PRODUCTS = 8
MAX_RAMP_HOLDS = 12  # weeks a start-low ramp may be held in all (a quarter of a year)
MAX_DIET_ITEMS = 80  # foods and checklist groups in one diet
MAX_SERVINGS_PER_DAY = 20.0  # servings of one food a day (140 a week)
MIN_SERVINGS = 0.01  # less is no serving at all: a typing slip, not a diet
WEEKDAYS = WEEKDAYS_SHORT
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Sex = Literal["female", "male"]
LimitStandard = Literal["us", "eu"]

DEFAULT_WAKE_MIN = 7 * 60
DEFAULT_BED_MIN = 22 * 60 + 30
DEFAULT_MEALS_MIN = (7 * 60 + 30, 12 * 60 + 30, 18 * 60 + 30)
DEFAULT_AGE_YEARS = 35
DEFAULT_LAST_MEAL_BEFORE_BED_MIN = 60  # a default meal less than this before bed is left out


def _minutes_of_day(value: tuple[int, ...], field: str) -> tuple[int, ...]:
    """``value`` when every time in it is a minute of the day (0 to 1439)."""
    for t in value:
        if not 0 <= t < MINUTES_PER_DAY:
            raise PlanInputError(field, f"{t} is not a minute of the day")
    return value


def _check_ramp_holds(holds: tuple[int, ...]) -> None:
    """Each held step is a step number (1 is the first week); at most :data:`MAX_RAMP_HOLDS`."""
    if len(holds) > MAX_RAMP_HOLDS:
        raise PlanInputError("ramp_holds", f"at most {MAX_RAMP_HOLDS} weeks can be held")
    for step in holds:
        if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= MAX_RAMP_HOLDS:
            raise PlanInputError("ramp_holds", f"{step!r} is not a step of the ramp")


def _check_diet(diet: tuple[DietServing, ...]) -> None:
    """At most :data:`MAX_DIET_ITEMS` answers, each food or group once."""
    if len(diet) > MAX_DIET_ITEMS:
        raise PlanInputError("diet", f"at most {MAX_DIET_ITEMS} foods can be listed")
    seen: set[str] = set()
    for answer in diet:
        if answer.item in seen:
            raise PlanInputError("diet", f"{answer.item} is listed twice: give it once")
        seen.add(answer.item)


@value(kw_only=True, slots=True)
class Product:
    """One of the person's own bottles."""

    form: str
    elemental_mg_per_unit: Annotated[float, Bounds(ge=MIN_PRODUCT_MG, le=MAX_PRODUCT_MG)]
    unit: str = "capsule"
    halves: bool = False
    compound_mg_per_unit: Annotated[float, Bounds(gt=0, le=MAX_COMPOUND_MG)] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        check_fields(self)

    @property
    def step_mg(self) -> float:
        """The smallest amount this product can give: a half unit where halves are allowed."""
        return self.elemental_mg_per_unit / 2 if self.halves else self.elemental_mg_per_unit


@value(kw_only=True, slots=True)
class MedicineTimes:
    """Another medicine or supplement, the times of day it is taken, and on which weekdays.

    ``times_min`` are kept sorted, each once. ``weekdays`` are 0 (Monday) to 6 (Sunday); empty
    (or all seven) means every day. ``spacing_min`` is the spacing from magnesium the person
    states for a medicine the planner does not know (class ``stated``), both ways; 0 when a
    pharmacist said none is needed.
    """

    name: str
    class_id: str
    times_min: Annotated[tuple[int, ...], Bounds(min_length=1)]
    weekdays: tuple[int, ...] = ()
    spacing_min: Annotated[int, Bounds(ge=0, le=MAX_STATED_SPACING_MIN)] | None = None

    def __post_init__(self) -> None:
        check_fields(self)
        times = _minutes_of_day(self.times_min, "times_min")
        object.__setattr__(self, "times_min", tuple(sorted(set(times))))
        for d in self.weekdays:
            if not 0 <= d < len(WEEKDAYS):
                raise PlanInputError("weekdays", f"{d} is not a weekday (0 Monday to 6 Sunday)")
        days = tuple(sorted(set(self.weekdays)))
        object.__setattr__(self, "weekdays", () if len(days) == len(WEEKDAYS) else days)

    @property
    def every_day(self) -> bool:
        return not self.weekdays


DietPer = Literal["day", "week"]


@value(kw_only=True, slots=True)
class DietServing:
    """How often the person eats one food or checklist group (``resources/foods.json``,
    ``food_groups.toml``): ``servings`` a day, or a week, as they answered."""

    item: str
    servings: Annotated[float, Bounds(ge=MIN_SERVINGS, le=MAX_SERVINGS_PER_DAY * 7)]
    per: DietPer = "day"

    def __post_init__(self) -> None:
        check_fields(self)
        if self.per_day > MAX_SERVINGS_PER_DAY:
            raise PlanInputError(
                "diet",
                f"{self.item}: {self.servings:g} servings a {self.per} is more than "
                f"{MAX_SERVINGS_PER_DAY:g} a day",
            )

    @property
    def per_day(self) -> float:
        return self.servings if self.per == "day" else self.servings / 7

    @property
    def typed(self) -> str:
        """As the command line takes it: ``almonds:1`` or ``almonds:3w``."""
        return f"{self.item}:{self.servings:g}" + ("w" if self.per == "week" else "")


@value(kw_only=True, slots=True)
class PlanRequest:
    """Everything the planner needs. Every field has a safe default.

    Built from values the command line and the window have read (each checked, with its own
    message), so only the bounds written in the fields' types are checked here
    (:func:`magplan.core.bounds.check_fields`); a saved profile's request is validated by
    pydantic against the same types. What needs the knowledge base is checked by
    :func:`magplan.core.validation.validate_request`.
    """

    goals: tuple[str, ...] = ("sleep",)
    form: str | None = None
    age_years: Annotated[int, Bounds(ge=0, le=MAX_AGE_YEARS)] = DEFAULT_AGE_YEARS
    sex: Sex | None = None
    pregnant: bool = False
    lactating: bool = False
    wake_min: Annotated[int, Bounds(ge=0, lt=MINUTES_PER_DAY)] = DEFAULT_WAKE_MIN
    bed_min: Annotated[int, Bounds(ge=0, lt=MINUTES_PER_DAY)] = DEFAULT_BED_MIN
    meals_min: tuple[int, ...] = DEFAULT_MEALS_MIN
    target_mg: Annotated[float, Bounds(gt=0)] | None = None
    limit: LimitStandard = "us"
    products: tuple[Product, ...] = ()
    other_magnesium_mg: Annotated[float, Bounds(ge=0, le=MAX_OTHER_MG)] = 0.0
    medicines: tuple[MedicineTimes, ...] = ()
    conditions: tuple[str, ...] = ()
    supervised: bool = False
    supervised_by: str = ""  # the supervising clinician, when a plan is supervised
    ramp_holds: tuple[int, ...] = ()  # steps of the start-low ramp held one more week each
    diet: tuple[DietServing, ...] = ()  # the food-frequency answers, for the diet estimate
    target_from_diet: bool = False  # plan the gap between the diet and the RDA (never default)

    def __post_init__(self) -> None:
        check_fields(self)
        _minutes_of_day(self.meals_min, "meals_min")
        _check_ramp_holds(self.ramp_holds)
        _check_diet(self.diet)

    @property
    def waking_min(self) -> int:
        """Length of the waking day in minutes; bed after midnight is an ordinary day."""
        return forward_gap(self.wake_min, self.bed_min)


# ---- turning what a user typed into ids -------------------------------------------------


def check_text(text: str, field: str, what: str, most: int = MAX_TEXT_CHARS) -> str:
    """``text`` as it will be kept (NFC, surrounding spaces removed), or one clear error: at
    most ``most`` characters, and no control, format or direction characters
    (a right-to-left override or a zero-width space would make a card say what it does not)."""
    cleaned = unicodedata.normalize("NFC", text).strip()
    if len(cleaned) > most:
        raise PlanInputError(
            field, f"{what} has {len(cleaned)} characters; at most {most} are kept"
        )
    bad = first_invisible(cleaned)
    if bad is not None:
        raise PlanInputError(
            field,
            f"{what} '{shown(cleaned)}' contains an invisible or control character ({bad}); "
            "type it without",
        )
    return cleaned


def parse_goal(k: Knowledge, text: str) -> str:
    ident = k.find_goal(text)
    if ident is None:
        raise PlanInputError("goal", f"unknown goal '{shown(text)}'; allowed: {', '.join(k.goals)}")
    return ident


def parse_form(k: Knowledge, text: str) -> str:
    ident = k.find_form(text)
    if ident is None:
        raise PlanInputError("form", f"unknown form '{shown(text)}'; allowed: {', '.join(k.forms)}")
    return ident


def parse_condition(k: Knowledge, text: str) -> str:
    ident = k.find_condition(text)
    if ident is None:
        raise PlanInputError(
            "condition", f"unknown condition '{shown(text)}'; allowed: {', '.join(k.conditions)}"
        )
    return ident


@value
class MedicineName:
    """What the planner makes of a typed medicine name: a medicine it knows (by generic or
    brand name, with or without its salt and strength), magnesium itself, or unknown (with
    the known name closest to it, if one is close)."""

    kind: Literal["empty", "known", "magnesium", "unknown"]
    class_id: str = ""
    suggestion: str | None = None


def recognise_medicine(k: Knowledge, name: str) -> MedicineName:
    name = name.strip()
    if not name:
        return MedicineName("empty")
    class_id = k.find_medicine(name)
    if class_id is not None:
        return MedicineName("known", class_id)
    if k.is_magnesium(name):
        return MedicineName("magnesium")
    return MedicineName("unknown", suggestion=k.suggest_medicine(name))


def parse_medicine_class(k: Knowledge, name: str, *, stated: bool = False) -> str:
    """The class id of a medicine name; ``stated`` when the person gives its spacing."""
    found = recognise_medicine(k, name)
    if found.kind == "known":
        return found.class_id
    if found.kind == "magnesium":
        raise PlanInputError(
            "med",
            f"'{shown(name)}' is magnesium itself: count it with --other-magnesium MG (the mg of "
            "magnesium it gives a day), not as a medicine to keep apart",
        )
    close = found.suggestion
    if stated and close is None:
        return k.stated_class
    if stated:
        raise PlanInputError(
            "med",
            f"'{shown(name)}' is close to '{close}', which the planner knows: write its name "
            "(its own label's rule then applies) rather than stating a spacing",
        )
    hint = f"did you mean '{close}'? If not, " if close else ""
    raise PlanInputError(
        "med",
        f"unknown medicine '{shown(name)}'; {hint}use a generic or brand name the planner knows "
        "(e.g. sertraline, doxycycline), or state its spacing from magnesium in hours "
        "(0 when your pharmacist said none is needed)",
    )


_MG_NUMBER = re.compile(r"[0-9]{1,6}(\.[0-9])?")  # as labels print them: at most one decimal


def parse_weekdays(text: str, field: str = "med") -> tuple[int, ...]:
    """``"mon"``, ``"mon,thu"``, ``"Monday"`` -> weekday numbers (0 Monday)."""
    days = []
    for part in text.split(","):
        word = part.strip().lower()
        full = [n.lower() for n in WEEKDAY_NAMES]
        if word in full:
            word = WEEKDAYS[full.index(word)]
        if word not in WEEKDAYS:
            raise PlanInputError(
                field,
                f"'{shown(part.strip())}' is not a weekday: use mon, tue, wed, thu, fri, sat, sun",
            )
        days.append(WEEKDAYS.index(word))
    return tuple(sorted(set(days)))


def format_weekdays(days: tuple[int, ...]) -> str:
    """(0, 3) -> ``"Mondays and Thursdays"``; () -> ``"every day"``."""
    if not days:
        return "every day"
    names = [WEEKDAY_NAMES[d] + "s" for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@value
class MedEntry:
    """One ``--med`` as typed: a name, its class, a time and the weekdays (empty: daily)."""

    name: str
    class_id: str
    minute: int
    weekdays: tuple[int, ...] = ()
    spacing_min: int | None = None


def parse_med_spec(k: Knowledge, spec: str, spacings: dict[str, int] | None = None) -> MedEntry:
    """``"sertraline@08:00"`` or ``"alendronate@07:00/mon"``; ``spacings`` holds the stated
    spacing (minutes) of medicines the planner does not know, by casefolded name."""
    name, sep, when = spec.rpartition("@")
    if not sep or not name.strip():
        raise PlanInputError(
            "med", f"--med '{shown(spec)}' must be NAME@HH:MM[/DAYS], e.g. sertraline@08:00"
        )
    name = check_text(name, "med", "a medicine name", MAX_MEDICINE_NAME_CHARS)
    if "@" in name:
        raise PlanInputError("med", f"--med '{shown(spec)}' must be NAME@HH:MM with one @")
    when, slash, days_text = when.partition("/")
    days = parse_weekdays(days_text) if slash else ()
    stated = (spacings or {}).get(name.casefold())
    class_id = parse_medicine_class(k, name, stated=stated is not None)
    minute = parse_time(when, f"time of {name}")
    spacing = stated if k.medicines[class_id].stated else None
    return MedEntry(name, class_id, minute, days, spacing)


def group_medicines(entries: list[MedEntry]) -> tuple[MedicineTimes, ...]:
    """Several times of one medicine (on the same weekdays) become one entry, in input order."""
    grouped: dict[tuple[str, tuple[int, ...]], list[MedEntry]] = {}
    for e in entries:
        grouped.setdefault((e.name.casefold(), e.weekdays), []).append(e)
    return tuple(
        MedicineTimes(
            name=es[0].name,
            class_id=es[0].class_id,
            times_min=tuple(e.minute for e in es),
            weekdays=es[0].weekdays,
            spacing_min=es[0].spacing_min,
        )
        for es in grouped.values()
    )


def parse_product_spec(k: Knowledge, spec: str, *, compound: bool = False) -> Product:
    """``"glycinate:100:capsule"`` (elemental mg per unit) or ``"citrate:150:tablet:half"``.

    With ``compound=True`` the number is the compound weight on the label, converted to
    elemental magnesium with the form's fraction (the high end of its range, so the planner
    never counts more units than the label would allow).
    """
    what = "--product-compound" if compound else "--product"
    parts = [p.strip() for p in spec.split(":")]
    if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
        raise PlanInputError(
            "product",
            f"{what} '{shown(spec)}' must be FORM:MG[:UNIT][:half], e.g. glycinate:100:capsule",
        )
    form = parse_form(k, parts[0])
    number = parts[1].lower().removesuffix("mg").strip()
    try:
        if not _MG_NUMBER.fullmatch(number):
            raise ValueError(number)
        mg = float(number)
    except ValueError:
        raise PlanInputError(
            "product",
            f"{what} '{shown(spec)}': '{shown(parts[1])}' is not a number of mg "
            "(at most one decimal)",
        ) from None
    unit = parts[2] if len(parts) > 2 and parts[2] else "capsule"
    halves = False
    if len(parts) == 4:
        if parts[3].lower() not in ("half", "halves"):
            raise PlanInputError(
                "product", f"{what} '{shown(spec)}': the fourth part may only be 'half'"
            )
        halves = True
    return make_product(k, form, mg, unit=unit, halves=halves, compound=compound, what=what)


def make_product(
    k: Knowledge,
    form: str,
    mg: float,
    *,
    unit: str = "capsule",
    halves: bool = False,
    compound: bool = False,
    label: str = "",
    what: str = "product",
) -> Product:
    """A product from elemental mg per unit, or from the label's compound weight.

    Amounts have at most one decimal (as labels print them and the window shows them), and a
    unit must hold between ``MIN_PRODUCT_MG`` and ``MAX_PRODUCT_MG`` of elemental magnesium to be
    a real product.
    """
    if not math.isfinite(mg) or mg <= 0:
        raise PlanInputError("product", f"{what}: {mg:g} mg per unit must be more than 0")
    if compound and mg > MAX_COMPOUND_MG:
        raise PlanInputError(
            "product",
            f"{what}: {mg:g} mg of compound per unit is not a real product "
            f"(at most {MAX_COMPOUND_MG:g})",
        )
    elemental = round(mg * k.forms[form].elemental_fraction, 1) if compound else mg
    if not MIN_PRODUCT_MG <= elemental <= MAX_PRODUCT_MG:
        held = f"{mg:g} mg of {form} holds {elemental:g} mg" if compound else f"{mg:g} mg"
        raise PlanInputError(
            "product",
            f"{what}: {held} of elemental magnesium per unit; a real product holds "
            f"{MIN_PRODUCT_MG:g} to {MAX_PRODUCT_MG:g} mg",
        )
    if abs(mg * 10 - round(mg * 10)) > 1e-6:
        raise PlanInputError("product", f"{what}: {mg:g} mg: give it with at most one decimal")
    unit = check_text(unit, "product", "a product's unit").lower() or "capsule"
    label = check_text(label, "product", "a product's label")
    compound_mg = mg if compound else None
    return Product(
        form=form,
        elemental_mg_per_unit=elemental,
        unit=unit,
        halves=halves,
        compound_mg_per_unit=compound_mg,
        label=label,
    )


def default_meals(wake_min: int, bed_min: int) -> tuple[int, ...]:
    """Meals at the default offsets from waking (07:30, 12:30, 18:30 for a 07:00 wake), kept
    inside the waking day: a night-shift day gets its meals in its own day."""
    waking = forward_gap(wake_min, bed_min)
    offsets = [m - DEFAULT_WAKE_MIN for m in DEFAULT_MEALS_MIN]
    last = waking - DEFAULT_LAST_MEAL_BEFORE_BED_MIN
    return tuple((wake_min + o) % MINUTES_PER_DAY for o in offsets if o <= last)


def check_day(wake_min: int, bed_min: int, meals_min: tuple[int, ...]) -> None:
    """A waking day of at least ``MIN_WAKING_DAY_MIN``, and meals inside it."""
    waking = forward_gap(wake_min, bed_min)
    if waking < MIN_WAKING_DAY_MIN:
        raise PlanInputError(
            "bed",
            f"waking day {format_time(wake_min)}-{format_time(bed_min)} is "
            f"{waking // 60} h {waking % 60:02d} min; it must be at least "
            f"{MIN_WAKING_DAY_MIN // 60} hours",
        )
    for meal in meals_min:
        if forward_gap(wake_min, meal) > waking:
            raise PlanInputError(
                "meal",
                f"meal at {format_time(meal)} is outside the waking day "
                f"{format_time(wake_min)}-{format_time(bed_min)}",
            )
