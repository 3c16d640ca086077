"""The days a weekday-only medicine is taken (a weekly bisphosphonate): the times of the day's
doses that keep it apart too, and what the plan says about those days."""

from __future__ import annotations

from itertools import combinations

from magplan.core.knowledge import Knowledge
from magplan.core.medicines import Medicines
from magplan.core.plan import Dose, PlanWarning, WeekdayTimes
from magplan.core.plan_warnings import warning
from magplan.core.request import format_weekdays
from magplan.core.schedule import Day, DoseSlot, Placement, place_doses
from magplan.core.separation import SeparationRule, missed_min
from magplan.core.spacing_warnings import short, unkept
from magplan.core.text import format_mg
from magplan.core.timeofday import format_time


def weekday_times(
    k: Knowledge,
    day: Day,
    slots: list[DoseSlot],
    doses: tuple[Dose, ...],
    meds: Medicines,
    out: list[PlanWarning],
) -> tuple[WeekdayTimes, ...]:
    """On the days a weekday-only medicine is taken, the times that keep it too."""
    if not doses or not meds.weekday_rules:
        return ()
    groups: dict[tuple[tuple[str, int], ...], list[int]] = {}
    for weekday, extra in sorted(meds.weekday_rules.items()):
        key = tuple(sorted({(r.name, r.time_min) for r in extra}))
        groups.setdefault(key, []).append(weekday)
    found = []
    for days in groups.values():
        rules = meds.rules + meds.weekday_rules[days[0]]
        times = _times_keeping(day, slots, rules)
        names = tuple(dict.fromkeys(r.name for r in meds.weekday_rules[days[0]]))
        kept = [t for t in times if t is not None]
        when = format_weekdays(tuple(days))
        out.append(_weekday_warning(k, doses, times, names, when, meds.weekday_rules[days[0]]))
        if kept:
            out.extend(short(k, day, kept, rules, when))
        if tuple(times) != tuple(d.time_min for d in doses):
            found.append(WeekdayTimes(weekdays=tuple(days), medicines=names, times_min=times))
    return tuple(found)


def _times_keeping(
    day: Day, slots: list[DoseSlot], rules: list[SeparationRule]
) -> tuple[int | None, ...]:
    """The doses' times under ``rules``; the fewest doses left out when not all fit."""
    n = len(slots)
    for keep in range(n, 0, -1):
        best: tuple[tuple[int, int], tuple[int, ...], list[Placement]] | None = None
        for subset in combinations(range(n), keep):
            placed = place_doses(day, [slots[i] for i in subset], rules)
            if placed is None:
                continue
            missed = missed_min([p.time_min for p in placed], rules)
            if best is None or missed < best[0]:
                best = (missed, subset, placed)
        if best is not None:
            times: list[int | None] = [None] * n
            for i, p in zip(best[1], best[2], strict=True):
                times[i] = p.time_min
            return tuple(times)
    return (None,) * n


def _weekday_warning(
    k: Knowledge,
    doses: tuple[Dose, ...],
    times: tuple[int | None, ...],
    names: tuple[str, ...],
    when: str,
    rules: list[SeparationRule],
) -> PlanWarning:
    changes = any(t != d.time_min for d, t in zip(doses, times, strict=True))
    taken = [
        f"{format_time(t)} ({format_mg(d.elemental_mg)})"
        for d, t in zip(doses, times, strict=True)
        if t is not None
    ]
    if all(t is None for t in times):
        case = "none-fit"
    elif changes:
        case = "moved-fewer" if len(taken) < len(doses) else "moved"
    else:
        case = ""
    return warning(
        k,
        "weekday-times",
        case,
        sources=dict.fromkeys(s for r in rules for s in k.medicines[r.class_id].sources),
        days=when,
        medicines=", ".join(dict.fromkeys(names)),
        times=_and_list(taken) if taken else "",
        usual=_and_list([d.time for d in doses]),
        what_to_do=unkept(k, rules),
    )


def _and_list(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
