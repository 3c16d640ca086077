"""A planner's :class:`~magplan.core.plan.Plan` as the journal keeps it, and its fingerprint.

The journal keeps each version of the plan as a ``plan_json`` object (``journal-spec``): the
full doses (time, elemental mg, units, form, product, and the unit's name), the start-low ramp
week by week (each week's doses with their units and mg), the day's amount and a headline.
Besides the spec's keys it keeps the person's ``wake`` time (so that times sort from the start
of their day) and the ``weekday_times`` of a medicine taken on some weekdays only (a dose moved
or left out on those days), so each day of the journal lists the doses the card and the
calendar show for it.

The fingerprint says whether two plans ask the person to take the same things at the same
times: it covers the doses, the ramp, the day's amount and the weekday times, and not the
headline's words or the wake time, so a plan recorded from the command line and from the
window is the same version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from magplan.core.timeofday import format_time
from magplan.journal.records import WEEKDAYS_SHORT, PlanContent

if TYPE_CHECKING:
    from magplan.core.plan import Dose, Plan, TitrationStep, WeekdayTimes

_FINGERPRINTED = ("doses", "ramp", "daily_mg", "weekday_times")


def plan_json(plan: Plan) -> dict[str, Any]:
    """The journal's ``plan_json`` object for ``plan`` (a blocked plan has no doses)."""
    by_time = {d.time_min: d for d in plan.doses}
    return {
        "doses": [_dose(d) for d in plan.doses],
        "ramp": [_ramp_step(s, by_time) for s in plan.titration],
        "daily_mg": round(float(plan.daily_elemental_mg), 1),
        "headline": headline(plan),
        "wake": format_time(plan.wake_min),
        "weekday_times": [_weekday_times(w) for w in plan.weekday_times],
    }


def headline(plan: Plan) -> str:
    """The plan in a few words: ``"glycinate + citrate, 350 mg a day"``."""
    if not plan.doses:
        return "no doses"
    mg = round(float(plan.daily_elemental_mg), 1)
    amount = f"{int(mg)}" if mg.is_integer() else f"{mg}"
    return f"{' + '.join(plan.forms)}, {amount} mg a day"


def fingerprint(plan: Mapping[str, Any]) -> str:
    """A hash of what ``plan`` (a ``plan_json`` object) asks the person to take and when.

    The plan is read first (``ValueError`` when it is not in the journal's format), so numbers
    written as 350 or 350.0 give the same fingerprint.
    """
    import hashlib  # only when a plan is recorded: logging a dose need not load it

    content = PlanContent.from_json(dict(plan)).to_json()
    dosing = {key: content[key] for key in _FINGERPRINTED}
    text = json.dumps(dosing, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dose(d: Dose) -> dict[str, Any]:
    return {
        "time": d.time,
        "mg": round(float(d.elemental_mg), 1),
        "units": float(d.units),
        "form": d.form,
        "product": d.product_label,
        "unit": d.unit,
    }


def _ramp_step(step: TitrationStep, by_time: Mapping[int, Dose]) -> dict[str, Any]:
    return {
        "week": step.week,
        "daily_mg": round(float(step.daily_elemental_mg), 1),
        "doses": [
            {
                "time": format_time(time_min),
                "units": float(units),
                "mg": round(units * by_time[time_min].elemental_mg_per_unit, 1),
            }
            for time_min, units in step.doses
        ],
    }


def _weekday_times(w: WeekdayTimes) -> dict[str, Any]:
    return {
        "weekdays": [WEEKDAYS_SHORT[d] for d in w.weekdays],
        "times": [format_time(t) if t is not None else None for t in w.times_min],
    }
