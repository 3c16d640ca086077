"""The options that describe a person and their day, shared by plan, print and export."""

from __future__ import annotations

import argparse
import math

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import (
    DEFAULT_BED_MIN,
    DEFAULT_WAKE_MIN,
    MAX_OTHER_MG,
    PlanRequest,
    default_meals,
    group_medicines,
    parse_condition,
    parse_form,
    parse_goal,
    parse_med_spec,
    parse_product_spec,
)
from magplan.core.timeofday import parse_time


def add_plan_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("the person and their day")
    g.add_argument(
        "--goal",
        action="append",
        default=[],
        metavar="G",
        help="sleep, anxiety, depression, cognition, clarity, constipation, "
        "repletion, cramps, migraine, heart (repeatable; default sleep)",
    )
    g.add_argument("--form", metavar="F", help="use this form instead of the suggestion")
    g.add_argument("--age", metavar="N", help="age in whole years (default adult, 35)")
    g.add_argument("--sex", metavar="female|male")
    g.add_argument("--pregnant", action="store_true")
    g.add_argument("--lactating", action="store_true")
    g.add_argument("--wake", metavar="HH:MM", help="wake time (default 07:00)")
    g.add_argument("--bed", metavar="HH:MM", help="bed time (default 22:30)")
    g.add_argument(
        "--meal",
        action="append",
        default=[],
        metavar="HH:MM",
        help="a meal time (repeatable; default 07:30, 12:30, 18:30)",
    )
    g.add_argument("--target", metavar="MG", help="daily elemental magnesium to plan")
    g.add_argument("--limit", metavar="us|eu", help="upper limit standard (default us)")
    g.add_argument(
        "--product",
        action="append",
        default=[],
        metavar="FORM:MG[:UNIT][:half]",
        help="your product, MG elemental magnesium per unit, e.g. glycinate:100:capsule",
    )
    g.add_argument(
        "--product-compound",
        action="append",
        default=[],
        metavar="FORM:MG[:UNIT][:half]",
        help="your product by the compound weight on its label, e.g. "
        "glycinate:500:capsule (500 mg of magnesium glycinate)",
    )
    g.add_argument(
        "--other-magnesium",
        metavar="MG",
        help="magnesium you already take from other products (multivitamin, antacid)",
    )
    g.add_argument(
        "--med",
        action="append",
        default=[],
        metavar="NAME@HH:MM",
        help="another medicine or supplement and when you take it (repeatable)",
    )
    g.add_argument(
        "--condition",
        action="append",
        default=[],
        metavar="NAME",
        help="kidney-disease, heart-block, myasthenia-gravis, diarrhoea, "
        "alcohol-use-disorder, malabsorption (repeatable)",
    )
    g.add_argument(
        "--supervised",
        action="store_true",
        help="a clinician confirms the plan is prescribed and supervised "
        "(unlocks the kidney-disease and heart-block gates; shown on every output)",
    )


def _number(text: str, option: str, *, low: float, high: float, whole: bool = False) -> float:
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise PlanInputError(option.lstrip("-"), f"{option} '{text}' is not {kind}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise PlanInputError(
            option.lstrip("-"), f"{option} {text} is out of range: allowed {low:g} to {high:g}"
        )
    return value


def request_from_args(args: argparse.Namespace, k: Knowledge) -> PlanRequest:
    """A :class:`PlanRequest` from the parsed options; each bad value named in its error."""
    fields: dict[str, object] = {}
    goals = [parse_goal(k, g) for g in args.goal] or ["sleep"]
    fields["goals"] = tuple(dict.fromkeys(goals))
    if args.form:
        fields["form"] = parse_form(k, args.form)
    if args.age is not None:
        fields["age_years"] = int(_number(args.age, "--age", low=0, high=120, whole=True))
    if args.sex is not None:
        sex = args.sex.strip().lower()
        aliases = {"f": "female", "m": "male", "woman": "female", "man": "male"}
        sex = aliases.get(sex, sex)
        if sex not in ("female", "male"):
            raise PlanInputError("sex", f"--sex '{args.sex}': allowed female or male")
        fields["sex"] = sex
    fields["pregnant"] = args.pregnant
    fields["lactating"] = args.lactating
    if args.wake is not None:
        fields["wake_min"] = parse_time(args.wake, "--wake")
    if args.bed is not None:
        fields["bed_min"] = parse_time(args.bed, "--bed")
    meals = tuple(parse_time(m, "--meal") for m in args.meal)
    if meals:
        fields["meals_min"] = meals
    else:
        wake = int(fields.get("wake_min", DEFAULT_WAKE_MIN))  # type: ignore[call-overload]
        bed = int(fields.get("bed_min", DEFAULT_BED_MIN))  # type: ignore[call-overload]
        fields["meals_min"] = default_meals(wake, bed)
    if args.target is not None:
        fields["target_mg"] = _number(args.target, "--target", low=1, high=600)
    if args.limit is not None:
        limit = args.limit.strip().lower()
        if limit not in ("us", "eu"):
            raise PlanInputError("limit", f"--limit '{args.limit}': allowed us or eu")
        fields["limit"] = limit
    products = [parse_product_spec(k, s) for s in args.product]
    products += [parse_product_spec(k, s, compound=True) for s in args.product_compound]
    fields["products"] = tuple(products)
    if args.other_magnesium is not None:
        fields["other_magnesium_mg"] = _number(
            args.other_magnesium, "--other-magnesium", low=0, high=MAX_OTHER_MG
        )
    fields["medicines"] = group_medicines([parse_med_spec(k, m) for m in args.med])
    fields["conditions"] = tuple(dict.fromkeys(parse_condition(k, c) for c in args.condition))
    fields["supervised"] = args.supervised
    return PlanRequest.model_validate(fields)
