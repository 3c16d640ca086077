"""What the plan says about keeping magnesium apart from other medicines: no time for it, a
smaller amount to keep a must rule, rules the doses miss, doses with little time to spare, and
doses close together."""

from __future__ import annotations

from magplan.core.knowledge import Knowledge
from magplan.core.plan import PlanWarning
from magplan.core.plan_warnings import warning, words
from magplan.core.schedule import Day
from magplan.core.separation import (
    SeparationRule,
    Strength,
    feasible_intervals,
    format_hours,
    of_strength,
    rule_text,
)
from magplan.core.timeofday import CLOCK_STEP_MIN, format_time, forward_gap

_STRONGER: dict[Strength, tuple[Strength, ...]] = {
    "must": (),
    "should": ("must",),
    "precaution": ("must", "should"),
}


def must_names(rules: list[SeparationRule]) -> str:
    """``"doxycycline (08:00, 20:00), levothyroxine (06:30)"``: the medicines of must rules."""
    times: dict[str, list[str]] = {}
    for r in of_strength(rules, "must"):
        times.setdefault(r.name, []).append(format_time(r.time_min))
    return ", ".join(f"{name} ({', '.join(ts)})" for name, ts in times.items())


def must_sources(k: Knowledge, rules: list[SeparationRule]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            src for r in of_strength(rules, "must") for src in k.medicines[r.class_id].sources
        )
    )


def unkept(k: Knowledge, rules: list[SeparationRule]) -> str:
    """What to do when the must rules cannot be kept (medicines.toml, unkept)."""
    return " ".join(
        dict.fromkeys(k.medicines[r.class_id].unkept for r in of_strength(rules, "must"))
    )


def no_time(k: Knowledge, day: Day, rules: list[SeparationRule]) -> list[PlanWarning]:
    """No time in the day keeps every must rule: no magnesium is planned, and why."""
    must = of_strength(rules, "must")
    if not must or feasible_intervals(must, day.wake_min, day.waking_min, CLOCK_STEP_MIN):
        return []
    return [
        warning(
            k,
            "separation-no-time",
            sources=must_sources(k, rules),
            medicines=must_names(rules),
            what_to_do=unkept(k, rules),
        )
    ]


def reduced(
    k: Knowledge, rules: list[SeparationRule], planned: float, target: float
) -> PlanWarning:
    """Fewer doses, and less magnesium, to keep the must rules."""
    return warning(
        k,
        "reduced-for-separation",
        sources=must_sources(k, rules),
        planned_mg=planned,
        target_mg=target,
        medicines=must_names(rules),
        what_to_do=unkept(k, rules),
    )


def short(
    k: Knowledge, day: Day, times: list[int], rules: list[SeparationRule], days: str = ""
) -> list[PlanWarning]:
    """A warning for each strength of rule the doses miss: by how much, what was kept
    instead, and why (``days``: the weekdays it is said for, if not every day)."""
    misses: dict[Strength, list[tuple[int, SeparationRule, int]]] = {}
    for t in times:
        for r in rules:
            missed = r.shortfall_min(t)
            if missed:
                misses.setdefault(r.strength, []).append((t, r, missed))
    if not misses:
        return []
    why = _why_short(k, day, times, rules)
    return [_short_of(k, strength, found, rules, why, days) for strength, found in misses.items()]


def _why_short(k: Knowledge, day: Day, times: list[int], rules: list[SeparationRule]) -> str:
    """Why not every rule is kept: the times that keep them all cannot hold the doses."""
    code = "separation-short"
    every_rule = feasible_intervals(rules, day.wake_min, day.waking_min, CLOCK_STEP_MIN)
    if not every_rule:
        return words(k, code, "why-no-time")
    spans = ", ".join(
        format_time(day.clock(lo))
        if lo == hi
        else f"{format_time(day.clock(lo))}-{format_time(day.clock(hi))}"
        for lo, hi in every_rule
    )
    doses = (
        words(k, code, "both-doses")
        if len(times) == 2
        else words(k, code, "all-doses", count=len(times))
    )
    return words(k, code, "why-no-room", spans=spans, doses=doses)


def _short_of(
    k: Knowledge,
    strength: Strength,
    misses: list[tuple[int, SeparationRule, int]],
    rules: list[SeparationRule],
    why: str,
    days: str,
) -> PlanWarning:
    """Every dose and medicine a rule of ``strength`` is missed for, by how much."""
    code = "separation-short"
    kept = sorted({s.name for s in rules if s.strength in _STRONGER[strength]})
    instead = "kept-instead" if len(kept) == 1 else "kept-instead-plural"
    which = "; ".join(
        words(
            k,
            code,
            "miss",
            time=format_time(t),
            missed_min=missed,
            medicine=r.name,
            medicine_time=format_time(r.time_min),
            rule=rule_text(r.other_first_min, r.mg_first_min),
        )
        for t, r, missed in misses
    )
    return warning(
        k,
        code,
        "should" if strength == "should" else "",
        sources=dict.fromkeys(src for _, r, _ in misses for src in k.medicines[r.class_id].sources),
        on_days=words(k, code, "on-days", days=days) if days else "",
        misses=which[0].upper() + which[1:],
        strength=words(k, code, strength),
        kept_instead=words(k, code, instead, kept=", ".join(kept)) if kept else "",
        why=why,
    )


def tight(k: Knowledge, times: list[int], rules: list[SeparationRule]) -> list[PlanWarning]:
    """Doses that keep a must rule with little time to spare: a late medicine or an early dose
    would break it, so the person is told."""
    spare_min = k.planning.day.tight_min
    close = []
    tight_rules: list[SeparationRule] = []
    for t in times:
        for r in of_strength(rules, "must"):
            after = forward_gap(r.time_min, t) - r.other_first_min  # spare after the medicine
            before = forward_gap(t, r.time_min) - r.mg_first_min  # spare before the next one
            if min(after, before) < spare_min:
                tight_rules.append(r)
            if 0 <= after < spare_min:
                close.append(_tight_dose(k, "after", t, r, r.other_first_min, after))
            elif 0 <= before < spare_min:
                close.append(_tight_dose(k, "before", t, r, r.mg_first_min, before))
    if not close:
        return []
    # a must rule always says what to do when it cannot be kept (medicines.toml, unkept)
    return [
        warning(
            k,
            "must-tight",
            sources=must_sources(k, tight_rules),
            doses="; ".join(dict.fromkeys(close)),
            what_to_do=unkept(k, tight_rules),
        )
    ]


def _tight_dose(
    k: Knowledge, side: str, time_min: int, rule: SeparationRule, spacing_min: int, spare_min: int
) -> str:
    """``"the 14:00 dose comes 2 h 10 min after doxycycline (12:00): never take it earlier"``."""
    return words(
        k,
        "must-tight",
        side,
        time=format_time(time_min),
        spacing=format_hours(spacing_min),
        spare=words(k, "must-tight", "spare", minutes=spare_min) if spare_min else "",
        medicine=rule.name,
        medicine_time=format_time(rule.time_min),
    )


def close_doses(
    k: Knowledge, day: Day, times: list[int], rules: list[SeparationRule]
) -> list[PlanWarning]:
    """Two doses closer than ``close_gap_min`` are explained, never left unsaid."""
    gap = day.closest_gap_min(times)
    if gap is None or gap >= day.timing.close_gap_min:
        return []
    if day.waking_min < day.timing.short_day_min:
        hours, minutes = divmod(day.waking_min, 60)
        because = words(k, "doses-close", "short-day", hours=hours, minutes=minutes)
    else:
        because = words(k, "doses-close", "medicines" if rules else "meals")
    return [warning(k, "doses-close", gap_min=gap, because=because)]
