"""The person's other medicines as the plan sees them: their separation rules (every day, or
on some weekdays only), the medicines no magnesium may be taken beside, and what the plan says
about each."""

from __future__ import annotations

from magplan.core.knowledge import Knowledge, MedicineClass
from magplan.core.plan import MedicineInPlan, PlanWarning
from magplan.core.plan_warnings import warning
from magplan.core.request import MedicineTimes, PlanRequest, format_weekdays
from magplan.core.separation import SeparationRule, format_hours
from magplan.core.text import medicine_rule
from magplan.core.timeofday import MINUTES_PER_DAY, format_time
from magplan.core.values import value


@value
class Medicines:
    """The other medicines as rules: every day, on some weekdays only, and never beside."""

    listed: tuple[MedicineInPlan, ...]
    rules: list[SeparationRule]  # every day
    weekday_rules: dict[int, list[SeparationRule]]  # 0 Monday .. 6 Sunday: only on those days
    avoided: list[MedicineTimes]  # the label advises against magnesium at any spacing


def medicines(k: Knowledge, req: PlanRequest, out: list[PlanWarning]) -> Medicines:
    """The request's medicines as rules; what the plan says about them goes to ``out``."""
    rules: list[SeparationRule] = []
    weekday_rules: dict[int, list[SeparationRule]] = {}
    listed: list[MedicineInPlan] = []
    avoided: list[MedicineTimes] = []
    named: dict[str, list[str]] = {}  # "sertraline (08:00)" by class, for one warning a class
    for med in req.medicines:
        cls = k.medicines[med.class_id]
        listed.append(_in_plan(cls, med))
        if cls.avoid:
            avoided.append(med)
        for rule in _rules(cls, med):
            if med.every_day:
                rules.append(rule)
            for day in _waking_days(req, rule, med.weekdays):
                weekday_rules.setdefault(day, []).append(rule)
        if cls.stated:
            out.append(_stated_warning(k, cls, med))
        elif not cls.avoid:  # an avoided medicine has its own warning, with what to do
            named.setdefault(cls.id, []).append(f"{med.name} ({_times_text(med)})")
    out.extend(_class_warnings(k, named))
    return Medicines(tuple(listed), rules, weekday_rules, avoided)


def _spacing(cls: MedicineClass, med: MedicineTimes) -> tuple[int, int]:
    """(other first, magnesium first) in minutes: the class's, or the one the person stated."""
    if cls.stated:
        return med.spacing_min or 0, med.spacing_min or 0
    return cls.other_first_min, cls.mg_first_min


def _in_plan(cls: MedicineClass, med: MedicineTimes) -> MedicineInPlan:
    other_first, mg_first = _spacing(cls, med)
    separates = other_first > 0 or mg_first > 0
    return MedicineInPlan(
        name=med.name,
        class_id=cls.id,
        class_name=cls.name,
        times_min=med.times_min,
        other_first_min=other_first,
        mg_first_min=mg_first,
        rule=medicine_rule(cls, med.spacing_min),
        strength=(cls.strength or "") if (separates or cls.avoid) else "",
        weekdays=med.weekdays,
    )


def _rules(cls: MedicineClass, med: MedicineTimes) -> list[SeparationRule]:
    """A rule for each time the medicine is taken, when it is kept apart from magnesium by a
    spacing (an avoided one is kept apart at any spacing: it has none)."""
    other_first, mg_first = _spacing(cls, med)
    if cls.avoid or not (other_first > 0 or mg_first > 0):
        return []
    return [
        SeparationRule(
            name=med.name,
            class_id=cls.id,
            warning_code=cls.warning_code,
            time_min=t,
            other_first_min=other_first,
            mg_first_min=mg_first,
            strength=cls.strength or "must",
        )
        for t in med.times_min
    ]


def _waking_days(req: PlanRequest, rule: SeparationRule, weekdays: tuple[int, ...]) -> list[int]:
    """The waking days (by the weekday they start on) a weekday-only medicine constrains.

    The medicine is taken at its clock time on its calendar weekdays; it constrains every
    waking day whose span (wake to bed, past midnight too) meets its window. A Saturday 00:30
    dose constrains the waking day that began on Friday for someone who goes to bed at 02:00.
    """
    found = []
    week = 7 * MINUTES_PER_DAY
    for day in weekdays:
        at = week + day * MINUTES_PER_DAY + rule.time_min
        lo, hi = at - rule.mg_first_min, at + rule.other_first_min  # the open window
        for waking in range(day - 2, day + 2):  # a window reaches back at most half a day
            start = week + waking * MINUTES_PER_DAY + req.wake_min
            if lo < start + req.waking_min and hi > start:
                found.append(waking % 7)
    return sorted(set(found))


def _times_text(med: MedicineTimes) -> str:
    """``"08:00, 20:00"``, and ``" on Mondays"`` for a medicine taken on some weekdays."""
    times = ", ".join(format_time(t) for t in med.times_min)
    if med.weekdays:
        times += f" on {format_weekdays(med.weekdays)}"
    return times


def _class_warnings(k: Knowledge, named: dict[str, list[str]]) -> list[PlanWarning]:
    """One warning a class (medicines.toml), naming each of its medicines and their times."""
    found = []
    for class_id, names in named.items():
        cls = k.medicines[class_id]
        message = cls.message_plural if len(names) > 1 and cls.message_plural else cls.message
        found.append(
            PlanWarning(
                code=cls.warning_code,
                severity=cls.severity,
                message=f"{', '.join(names)}: {message}",
                sources=tuple(cls.sources),
            )
        )
    return found


def _stated_warning(k: Knowledge, cls: MedicineClass, med: MedicineTimes) -> PlanWarning:
    spacing = med.spacing_min or 0
    return warning(
        k,
        "stated-separation",
        "" if spacing else "no-spacing",
        sources=cls.sources,
        medicine=med.name,
        times=_times_text(med),
        spacing=format_hours(spacing),
    )


def avoided_warnings(k: Knowledge, avoided: list[MedicineTimes]) -> list[PlanWarning]:
    """No magnesium is planned beside a medicine whose label advises against it at any
    spacing: why, and what to do."""
    return [
        warning(
            k,
            "magnesium-not-with-medicine",
            sources=k.medicines[m.class_id].sources,
            medicine=m.name,
            times=", ".join(format_time(t) for t in m.times_min),
            label_says=k.medicines[m.class_id].message,
            what_to_do=k.medicines[m.class_id].unkept,
        )
        for m in avoided
    ]
