"""The options that describe a person and their day, shared by plan, print and export."""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast, get_args

from magplan.cli import UsageError
from magplan.core.day import meals_for_new_day, meals_set_by_person
from magplan.core.errors import PlanInputError, shown
from magplan.core.knowledge import Knowledge
from magplan.core.request import (
    DEFAULT_AGE_YEARS,
    DEFAULT_BED_MIN,
    DEFAULT_MEALS_MIN,
    DEFAULT_WAKE_MIN,
    MAX_AGE_YEARS,
    MAX_OTHER_MG,
    MAX_SERVINGS_PER_DAY,
    MAX_STATED_SPACING_MIN,
    MIN_SERVINGS,
    DietPer,
    DietServing,
    LimitStandard,
    MedEntry,
    PlanRequest,
    Sex,
    check_text,
    group_medicines,
    parse_condition,
    parse_form,
    parse_goal,
    parse_med_spec,
    parse_product_spec,
)
from magplan.core.timeofday import TIME_EXAMPLES, format_time, parse_time
from magplan.core.validation import validate_request

if TYPE_CHECKING:
    # Saved profiles (their models, the store, platformdirs) load only with --profile or
    # --save-profile: a command without them does not pay for their import.
    from magplan.core.foods import FoodTable
    from magplan.profiles import Profile


def add_plan_options(p: argparse.ArgumentParser) -> None:
    """The options that describe a person and their day, a saved profile and the card."""
    g = p.add_argument_group("the person and their day")
    _person_options(g)
    _day_options(g)
    _amount_options(g)
    _medicine_options(g)
    _diet_options(
        p.add_argument_group(
            "the diet (an estimate of magnesium from food; magplan foods lists the foods)"
        )
    )
    s = p.add_argument_group(
        "saved profiles",
        "An option given on the command line overrides the profile's value; a repeatable "
        "option (--goal, --meal, --med, --product, --condition) replaces the profile's list. "
        "A new --wake or --bed moves meals that were the default ones with the day, and keeps "
        "the profile's own meals if they fit in the new day (if not, give --meal).",
    )
    s.add_argument("--profile", metavar="NAME", help="plan from this saved profile")
    s.add_argument(
        "--save-profile",
        metavar="NAME",
        help="save these inputs as a profile (replacing one of the same name), once the "
        "command has succeeded",
    )
    c = p.add_argument_group("the person's card (printed, and kept in a saved profile)")
    c.add_argument("--name", metavar="NAME", help="the person's name on the card")
    c.add_argument("--prepared-by", metavar="NAME", help="who prepared the card (and contact)")


_Group = argparse._ArgumentGroup


def _person_options(g: _Group) -> None:
    g.add_argument(
        "--goal",
        action="append",
        default=None,
        metavar="G",
        help="sleep, anxiety, depression, cognition, clarity, constipation, "
        "repletion, cramps, migraine, heart (repeatable; default sleep)",
    )
    g.add_argument("--form", metavar="F", help="use this form instead of the suggestion")
    g.add_argument(
        "--age", metavar="N", help=f"age in whole years (default adult, {DEFAULT_AGE_YEARS})"
    )
    g.add_argument("--sex", metavar="female|male")
    g.add_argument("--pregnant", action=argparse.BooleanOptionalAction, default=None)
    g.add_argument("--lactating", action=argparse.BooleanOptionalAction, default=None)


def _day_options(g: _Group) -> None:
    g.add_argument(
        "--wake",
        metavar="TIME",
        help=f"wake time, e.g. {TIME_EXAMPLES} (default {format_time(DEFAULT_WAKE_MIN)})",
    )
    g.add_argument(
        "--bed", metavar="TIME", help=f"bed time (default {format_time(DEFAULT_BED_MIN)})"
    )
    g.add_argument(
        "--meal",
        action="append",
        default=None,
        metavar="TIME",
        help="a meal time (repeatable; default "
        f"{', '.join(format_time(m) for m in DEFAULT_MEALS_MIN)} for a "
        f"{format_time(DEFAULT_WAKE_MIN)} wake, moved with --wake)",
    )


def _amount_options(g: _Group) -> None:
    g.add_argument("--target", metavar="MG", help="daily elemental magnesium to plan")
    g.add_argument("--limit", metavar="us|eu", help="upper limit standard (default us)")
    g.add_argument(
        "--product",
        action="append",
        default=None,
        metavar="FORM:MG[:UNIT][:half]",
        help="your product, MG elemental magnesium per unit, e.g. glycinate:100:capsule",
    )
    g.add_argument(
        "--product-compound",
        action="append",
        default=None,
        metavar="FORM:MG[:UNIT][:half]",
        help="your product by the compound weight on its label, e.g. "
        "glycinate:500:capsule (500 mg of magnesium glycinate)",
    )
    g.add_argument(
        "--other-magnesium",
        metavar="MG",
        help="magnesium you already take from other products (multivitamin, antacid)",
    )


def _diet_options(g: _Group) -> None:
    g.add_argument(
        "--diet",
        action="append",
        default=None,
        metavar="FOOD:N[w]",
        help="how often you eat a food or checklist group (magplan foods): N servings a day, "
        "or Nw a week, e.g. almonds:1 or nuts:3w (repeatable)",
    )
    g.add_argument(
        "--diet-gap",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="plan the gap between your diet and your recommended intake (RDA), held to the "
        "upper limit for supplements (never the default)",
    )


def _medicine_options(g: _Group) -> None:
    g.add_argument(
        "--med",
        action="append",
        default=None,
        metavar="NAME@TIME[/DAYS]",
        help="another medicine or supplement and when you take it (repeatable); /mon or "
        "/mon,thu for one taken on some weekdays only, e.g. alendronate@07:00/mon or "
        "sertraline@8am",
    )
    g.add_argument(
        "--med-spacing",
        action="append",
        default=None,
        metavar="NAME=HOURS",
        help="keep a medicine the planner does not know, with the spacing from magnesium "
        "your pharmacist gives, in hours (0 when none is needed); repeatable",
    )
    g.add_argument(
        "--condition",
        action="append",
        default=None,
        metavar="NAME",
        help="kidney-disease, heart-block, myasthenia-gravis, diarrhoea, "
        "alcohol-use-disorder, malabsorption (repeatable)",
    )
    g.add_argument(
        "--supervised",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a clinician confirms the plan is prescribed and supervised "
        "(unlocks the kidney-disease and heart-block gates; shown on every output)",
    )


_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


def _number(text: str, option: str, *, low: float, high: float, whole: bool = False) -> float:
    pattern = _WHOLE if whole else _DECIMAL
    try:
        if not pattern.fullmatch(text.strip()):
            raise ValueError(text)
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number of mg" if whole and option != "--age" else "a whole number"
        raise PlanInputError(
            option.lstrip("-"), f"{option} '{shown(text)}' is not {kind if whole else 'a number'}"
        ) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise PlanInputError(
            option.lstrip("-"),
            f"{option} {shown(text)} is out of range: allowed {low:g} to {high:g}",
        )
    return value


def request_from_args(args: argparse.Namespace, k: Knowledge) -> PlanRequest:
    """A :class:`PlanRequest` from the parsed options; each bad value named in its error.

    With ``--profile NAME`` the saved profile's inputs are the starting point and every option
    given on the command line overrides them; with ``--save-profile NAME`` the resulting inputs
    are checked and saved. When the namespace has ``name`` / ``prepared_by`` (the card's fields)
    left unset, they are filled from the profile.
    """
    for attr, option in (("name", "--name"), ("prepared_by", "--prepared-by")):
        if getattr(args, attr, None) is not None:
            setattr(args, attr, check_text(getattr(args, attr), attr, option))
    profile = _load_profile(args.profile) if getattr(args, "profile", None) is not None else None
    fields = _given_fields(args, k)
    start = profile.request if profile is not None else PlanRequest()
    if "meals_min" not in fields and ("wake_min" in fields or "bed_min" in fields):
        # the window's rule too: meals not set follow the new day, meals set stay if they fit
        new_day = (
            cast(int, fields.get("wake_min", start.wake_min)),
            cast(int, fields.get("bed_min", start.bed_min)),
        )
        old_day = (start.wake_min, start.bed_min)
        fields["meals_min"] = _meals_for_new_day(start.meals_min, old_day, new_day)
    supervised = fields.get("supervised", start.supervised)
    if supervised and getattr(args, "prepared_by", None):
        fields["supervised_by"] = args.prepared_by  # who prepared a supervised plan supervises it
    elif not supervised:
        fields["supervised_by"] = ""
    request = replace(start, **fields)
    for attr, kept in (("name", "person_name"), ("prepared_by", "prepared_by")):
        if profile is not None and hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, getattr(profile, kept))
    if getattr(args, "save_profile", None) is not None:
        # Everything the save needs is checked here, before any output is written: the inputs
        # can be planned, and the profile (its name, the card's fields) is valid.
        validate_request(request, k)
        args.profile_to_save = _profile_to_save(args, request, profile)
    return request


def _meals_for_new_day(
    meals_min: tuple[int, ...], old_day: tuple[int, int], new_day: tuple[int, int]
) -> tuple[int, ...]:
    """The core's rule for the meals of a new day; but meals the person set (a profile's)
    are never replaced on the command line, where nobody would see it: the command is refused
    and asks for the meals (the window shows the new meals in their field, and can undo)."""
    meals = meals_for_new_day(meals_min, old_day, new_day)
    if meals != meals_min and meals_set_by_person(*old_day, meals_min):
        kept = ", ".join(format_time(m) for m in meals_min)
        day = f"{format_time(new_day[0])}-{format_time(new_day[1])}"
        raise PlanInputError(
            "meals_min",
            f"the profile's meals ({kept}) do not all fall in the new waking day {day}; "
            "give the meals with --meal",
        )
    return meals


def save_profile_if_asked(args: argparse.Namespace) -> None:
    """Save under ``--save-profile`` the profile :func:`request_from_args` built and checked
    (its request is the one the command planned with). Called by a command once its output is
    done, so that a command that fails (exit 2) saves and overwrites nothing."""
    profile = getattr(args, "profile_to_save", None)
    if profile is not None:
        _save_profile(profile)


def _given_fields(args: argparse.Namespace, k: Knowledge) -> dict[str, Any]:
    """The request fields the command line sets explicitly (nothing for an absent option),
    each option checked in the order the options are listed."""
    return {
        **_person_fields(args, k),
        **_day_fields(args),
        **_amount_fields(args, k),
        **_medicine_fields(args, k),
        **_diet_fields(args),
    }


def _diet_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if getattr(args, "diet", None):
        from magplan.core.foods import load_foods  # a broken file is a broken installation

        table = load_foods()
        fields["diet"] = tuple(parse_diet_spec(table, spec) for spec in args.diet)
    if getattr(args, "diet_gap", None) is not None:
        fields["target_from_diet"] = args.diet_gap
        if args.diet_gap and args.target is None:
            fields["target_mg"] = None  # the gap replaces a profile's own target
    elif args.target is not None:
        fields["target_from_diet"] = False  # a target given replaces a profile's gap
    return fields


_DIET_SPEC = re.compile(r"(?P<food>[^:]+):(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<per>[dwDW]?)")


def parse_diet_spec(table: FoodTable, spec: str) -> DietServing:
    """``almonds:1`` (a serving a day) or ``nuts:3w`` (three a week), the food checked."""
    from magplan.core.diet import parse_diet_item

    found = _DIET_SPEC.fullmatch(spec.strip())
    if found is None:
        raise PlanInputError(
            "diet",
            f"--diet '{shown(spec)}': give FOOD:SERVINGS_PER_DAY or FOOD:Nw for a week, "
            "e.g. almonds:1 or nuts:3w",
        )
    item = parse_diet_item(table, found["food"])
    servings = float(found["n"])
    per: DietPer = "week" if found["per"].lower() == "w" else "day"
    most = MAX_SERVINGS_PER_DAY * (7 if per == "week" else 1)
    if not MIN_SERVINGS <= servings <= most:
        raise PlanInputError(
            "diet",
            f"--diet '{shown(spec)}': servings a {per} must be from {MIN_SERVINGS:g} to {most:g}",
        )
    return DietServing(item=item, servings=servings, per=per)


def _person_fields(args: argparse.Namespace, k: Knowledge) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.goal:
        fields["goals"] = tuple(dict.fromkeys(parse_goal(k, g) for g in args.goal))
    if args.form is not None:
        fields["form"] = parse_form(k, args.form)
    if args.age is not None:
        fields["age_years"] = int(_number(args.age, "--age", low=0, high=MAX_AGE_YEARS, whole=True))
    if args.sex is not None:
        fields["sex"] = _sex(args.sex)
    for flag in ("pregnant", "lactating", "supervised"):
        if getattr(args, flag) is not None:
            fields[flag] = getattr(args, flag)
    return fields


_SEX_ALIASES = {"f": "female", "m": "male", "woman": "female", "man": "male"}


def _sex(text: str) -> str:
    sex = text.strip().lower()
    sex = _SEX_ALIASES.get(sex, sex)
    if sex not in get_args(Sex):
        raise PlanInputError("sex", f"--sex '{shown(text)}': allowed {' or '.join(get_args(Sex))}")
    return sex


def _day_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.wake is not None:
        fields["wake_min"] = parse_time(args.wake, "--wake")
    if args.bed is not None:
        fields["bed_min"] = parse_time(args.bed, "--bed")
    if args.meal:
        fields["meals_min"] = tuple(parse_time(m, "--meal") for m in args.meal)
    return fields


def _amount_fields(args: argparse.Namespace, k: Knowledge) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.target is not None:
        fields["target_mg"] = _number(
            args.target,
            "--target",
            low=k.planning.amounts.no_product_step_mg,
            high=k.intakes.dosing.max_daily_mg,
            whole=True,
        )
    if args.limit is not None:
        limit = args.limit.strip().lower()
        if limit not in get_args(LimitStandard):
            allowed = " or ".join(get_args(LimitStandard))
            raise PlanInputError("limit", f"--limit '{shown(args.limit)}': allowed {allowed}")
        fields["limit"] = limit
    if args.product or args.product_compound:
        products = [parse_product_spec(k, s) for s in args.product or []]
        products += [parse_product_spec(k, s, compound=True) for s in args.product_compound or []]
        fields["products"] = tuple(products)
    if args.other_magnesium is not None:
        fields["other_magnesium_mg"] = _number(
            args.other_magnesium, "--other-magnesium", low=0, high=MAX_OTHER_MG, whole=True
        )
    return fields


def _medicine_fields(args: argparse.Namespace, k: Knowledge) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    spacings = _spacings(args.med_spacing or [])
    if args.med:
        entries = [_med_entry(k, m, spacings) for m in args.med]
        fields["medicines"] = group_medicines(entries)
        _check_spacings_used(k, entries, spacings)
    elif spacings:
        raise PlanInputError("med-spacing", "--med-spacing needs a --med of the same name")
    if args.condition:
        fields["conditions"] = tuple(dict.fromkeys(parse_condition(k, c) for c in args.condition))
    return fields


def _check_spacings_used(k: Knowledge, entries: list[MedEntry], spacings: dict[str, int]) -> None:
    """Each ``--med-spacing`` belongs to a ``--med`` the planner does not know."""
    used = {e.name.casefold() for e in entries}
    for name in spacings:
        if name not in used:
            raise PlanInputError("med-spacing", f"--med-spacing '{shown(name)}': no --med of it")
    for e in entries:
        if e.name.casefold() in spacings and not k.medicines[e.class_id].stated:
            raise PlanInputError(
                "med-spacing",
                f"--med-spacing '{e.name}': the planner knows it "
                f"({k.medicines[e.class_id].name.lower()}); its spacing comes from its label",
            )


def _med_entry(k: Knowledge, spec: str, spacings: dict[str, int]) -> MedEntry:
    try:
        return parse_med_spec(k, spec, spacings)
    except PlanInputError as exc:
        if "state its spacing" not in exc.message:
            raise
        name = spec.rpartition("@")[0].strip()
        raise PlanInputError(exc.field, f"{exc.message}: --med-spacing '{name}=HOURS'") from None


def _spacings(specs: list[str]) -> dict[str, int]:
    """``--med-spacing NAME=HOURS`` -> {casefolded name: minutes}."""
    found: dict[str, int] = {}
    for spec in specs:
        name, sep, hours = spec.rpartition("=")
        if not sep or not name.strip():
            raise PlanInputError(
                "med-spacing", f"--med-spacing '{shown(spec)}' must be NAME=HOURS, e.g. ursodiol=2"
            )
        value = _number(hours, "--med-spacing", low=0, high=MAX_STATED_SPACING_MIN / 60)
        minutes = round(value * 60)
        if abs(value * 60 - minutes) > 1e-6:
            raise PlanInputError(
                "med-spacing", f"--med-spacing '{shown(spec)}': give the hours in whole minutes"
            )
        key = name.strip().casefold()
        if found.get(key, minutes) != minutes:
            raise PlanInputError(
                "med-spacing",
                f"--med-spacing '{shown(name.strip())}' is given twice with different hours",
            )
        found[key] = minutes
    return found


def _load_profile(name: str) -> Profile:
    from magplan.profiles import ProfileError, ProfileNotFound, ProfileStore

    try:
        return ProfileStore().load(name)
    except ProfileNotFound as exc:
        raise UsageError(f"{exc}; 'magplan profiles' lists the saved ones") from None
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def _profile_to_save(
    args: argparse.Namespace, request: PlanRequest, loaded: Profile | None
) -> Profile:
    """The profile ``--save-profile`` will write, checked now: a bad name or card field is an
    error before the command writes anything."""
    from pydantic import ValidationError

    from magplan.profiles import Profile, ProfileError, ProfileStore, check_profile_name
    from magplan.profiles.model import profile_to_data

    person = getattr(args, "name", None)
    prepared = getattr(args, "prepared_by", None)
    try:
        profile = Profile(
            name=check_profile_name(args.save_profile),
            person_name=person if person is not None else (loaded.person_name if loaded else ""),
            prepared_by=prepared
            if prepared is not None
            else (loaded.prepared_by if loaded else ""),
            request=request,
        )
        profile_to_data(profile)  # the file's own shape (lengths of names and labels)
        ProfileStore().check_can_save(profile.name)  # the folder, and the file it would replace
    except ProfileError as exc:
        raise UsageError(f"--save-profile: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _OPTION_FOR_FIELD.get(str(first["loc"][0]) if first["loc"] else "", "")
        raise UsageError(f"--save-profile: {where}{first['msg']}") from None
    except ValueError as exc:  # ProfileDataError: names the field of the file
        raise UsageError(f"--save-profile: {exc}") from None
    return profile


_OPTION_FOR_FIELD = {"person_name": "--name: ", "prepared_by": "--prepared-by: "}


def _save_profile(profile: Profile) -> None:
    from magplan.profiles import ProfileError, ProfileStore

    store = ProfileStore()
    try:
        store.save(profile)
    except ProfileError as exc:
        raise UsageError(f"--save-profile: {exc}") from None
    where = store.path_for(profile.name)
    print(
        f"magplan: saved profile '{profile.name}'" + (f" in {where}" if where else ""),
        file=sys.stderr,
    )
