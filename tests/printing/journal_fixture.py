"""A journal to draw and print: weeks of realistic, made-up entries as a ``JournalSummary``.

The person follows a start-low ramp of 120, 240 then 360 mg a day, takes about 85% of their
doses (the bedtime dose is the one missed most), answers PHQ-8, GAD-7 and WHO-5 weekly with
scores that improve a little, keeps a sleep diary twice a week, and has loose stools on two days
of week 2. The journal then suggested holding week 2's amount one more week; the person
accepted, which started a new plan version on the first day of week 3 (so week 3 is 240 mg too,
and 360 mg starts in week 4).

Used by the report's and the charts' tests, and by whoever needs a journal with a few weeks of
data (the Journal page, the README's pictures). Every number is drawn from a seeded generator:
the same arguments give the same journal.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.journal import scales
from magplan.journal.suggest import PlanFacts, WeekFacts, suggest
from magplan.journal.summary import (
    CheckinDay,
    DoseDay,
    DoseTimeAdherence,
    JournalDay,
    JournalSummary,
    PlanChange,
    SuggestionView,
)
from tests.printing.print_cases import request_for

START = dt.date(2026, 3, 1)
RAMP_MG = (120.0, 240.0, 360.0)
HELD_WEEK = 2  # loose stools in this week of the ramp; its amount is held one more week
LOOSE_STOOL_DAYS = (2, 4)  # days of HELD_WEEK (0 = its first day) with loose stools
DOSE_TIMES = ("07:30", "12:30", "18:00", "22:00")  # the last is the bedtime dose
TAKEN_SHARE = (0.93, 0.88, 0.90, 0.70)  # of each dose time, the bedtime dose last
DEFAULT_KINDS = ("phq8", "gad7", "who5", "sleep")
BED_MIN, WAKE_MIN = 23 * 60, 7 * 60
FOLLOWUP_ARGS = [
    "--goal", "depression",
    "--goal", "anxiety",
    "--goal", "sleep",
    "--target", "360",
    "--supervised",
]  # fmt: skip


def followup_plan() -> Plan:
    """The plan the journal's person follows now: 360 mg of glycinate a day, supervised."""
    return plan_day(request_for(FOLLOWUP_ARGS))


def summary_of_weeks(
    weeks: int = 6,
    doses_per_day: int = 4,
    *,
    start: dt.date = START,
    kinds: Sequence[str] = DEFAULT_KINDS,
    taken_share: Sequence[float] = TAKEN_SHARE,
    seed: int = 15,
    profile: str = "Maria Jensen",
) -> JournalSummary:
    """``weeks`` completed weeks of journal from ``start``, ``doses_per_day`` doses a day (1-4:
    the bedtime dose always, then the earlier ones), check-ins of ``kinds``. ``taken_share``
    gives the chance each dose time is taken (its last entry is the bedtime dose's)."""
    rng = random.Random(seed)
    times = dose_times(doses_per_day)
    shares = [*taken_share[: len(times) - 1], taken_share[-1]]
    end = start + dt.timedelta(days=7 * weeks - 1)
    days = tuple(
        _journal_day(start, start + dt.timedelta(days=i), times, shares, rng)
        for i in range(7 * weeks)
    )
    checkins = tuple(
        c
        for kind in kinds
        for c in _checkins_of(kind, start, weeks, random.Random(f"{seed}{kind}"))
    )
    k = load_knowledge()
    return JournalSummary(
        profile=profile,
        start=start,
        end=end,
        today=end + dt.timedelta(days=1),
        ramp_start=start,
        days=days,
        by_time=_by_time(days, times),
        checkins=tuple(sorted(checkins, key=lambda c: (c.day, c.kind))),
        suggestions=_suggestions(days, weeks, k),
        plan_changes=_plan_changes(start, weeks),
        effect_window_weeks=scales.effect_window_weeks(),
    )


def dose_times(doses_per_day: int) -> tuple[str, ...]:
    """The day's dose times: the earlier ones first, the bedtime dose always last."""
    if not 1 <= doses_per_day <= len(DOSE_TIMES):
        raise ValueError(f"doses_per_day must be 1 to {len(DOSE_TIMES)}")
    return (*DOSE_TIMES[: doses_per_day - 1], DOSE_TIMES[-1])


def ramp_mg(start: dt.date, day: dt.date) -> tuple[int | None, float]:
    """The ramp week (None once the ramp is over) and the day's amount, with the held week."""
    week = (day - start).days // 7 + 1
    step = week if week <= HELD_WEEK else week - 1  # week 2's amount held one more week
    if step >= len(RAMP_MG):
        return None, RAMP_MG[-1]
    return week, RAMP_MG[step - 1]


def _journal_day(
    start: dt.date, day: dt.date, times: Sequence[str], shares: Sequence[float], rng: random.Random
) -> JournalDay:
    ramp_week, daily_mg = ramp_mg(start, day)
    each_mg = round(daily_mg / len(times), 1)
    doses = tuple(_dose(t, each_mg, share, rng) for t, share in zip(times, shares, strict=True))
    week, weekday = divmod((day - start).days, 7)
    loose = week + 1 == HELD_WEEK and weekday in LOOSE_STOOL_DAYS
    return JournalDay(day, ramp_week, daily_mg, doses, ("loose_stools",) if loose else (), True)


def _dose(time: str, mg: float, share: float, rng: random.Random) -> DoseDay:
    """One planned dose and its mark: taken (now and then at another time), skipped with a
    reason, or not recorded."""
    draw = rng.random()
    status: str | None
    taken_at, reason = None, ""
    if draw < share * 0.9:
        status = "taken"
    elif draw < share:
        status, taken_at = "moved", _later(time, rng.choice((30, 45, 60, 90)))
    elif draw < share + (1 - share) * 0.6:
        status, reason = "skipped", rng.choice(("forgot", "asleep already", "away from home", ""))
    else:
        status = None
    return DoseDay(time, mg, mg, "glycinate", status, taken_at, reason)


def _later(time: str, minutes: int) -> str:
    hour, minute = map(int, time.split(":"))
    total = (hour * 60 + minute + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _by_time(days: Sequence[JournalDay], times: Sequence[str]) -> tuple[DoseTimeAdherence, ...]:
    out = []
    for time in times:
        doses = [d for day in days if day.complete for d in day.doses if d.planned_time == time]
        out.append(DoseTimeAdherence(time, len(doses), sum(d.taken for d in doses)))
    return tuple(out)


# ---- check-ins ------------------------------------------------------------------------------

# The score a scale starts at, and where it ends after a year (it moves a little each week).
_SCALE_COURSE = {"phq8": (11, 6), "gad7": (10, 6), "who5": (11, 16)}


def _checkins_of(kind: str, start: dt.date, weeks: int, rng: random.Random) -> list[CheckinDay]:
    """``kind``'s check-ins: questionnaires and day counts on the last day of each week, the
    sleep diary on two nights a week, bowel movements every day."""
    out: list[CheckinDay] = []
    for week in range(weeks):
        first = start + dt.timedelta(days=7 * week)
        if kind in _SCALE_COURSE:
            out.append(_scale_checkin(kind, first + dt.timedelta(days=6), week, rng))
        elif kind == "sleep":
            out += [_sleep_checkin(first + dt.timedelta(days=d), week, rng) for d in (2, 6)]
        elif kind == "stools":
            out += [_stool_checkin(first, d, week, rng) for d in range(7)]
        else:  # cramp_days, migraine_days: fewer days as the weeks go by
            days = max(0, min(7, round(4 - 3 * min(week, 8) / 8 + rng.uniform(-1, 1))))
            out.append(CheckinDay(first + dt.timedelta(days=6), kind, {"days": days}, days, ""))
    return out


def _scale_checkin(kind: str, day: dt.date, week: int, rng: random.Random) -> CheckinDay:
    """A questionnaire answered so that its score drifts from the start to the end value of
    :data:`_SCALE_COURSE` over the first eight weeks, with a little noise."""
    first, last = _SCALE_COURSE[kind]
    drift = (last - first) * min(week, 8) / 8
    scale = scales.scale(kind)
    high = scale.max_score
    target = max(scale.min_score, min(high, round(first + drift + rng.choice((-1, 0, 0, 1)))))
    items = _items_summing_to(target, len(scale.items), scale.answer_min, scale.answer_max)
    found = scales.score(kind, items)
    return CheckinDay(day, kind, {"items": list(items)}, found.value, found.band_label or "")


def _items_summing_to(total: int, count: int, low: int, high: int) -> tuple[int, ...]:
    """``count`` answers from ``low`` to ``high`` that add up to ``total``, spread evenly."""
    base, extra = divmod(total - low * count, count)
    return tuple(min(high, low + base + (1 if i < extra else 0)) for i in range(count))


def _sleep_checkin(day: dt.date, week: int, rng: random.Random) -> CheckinDay:
    """A night of the sleep diary: hours slept rise from about 6 to about 6.8."""
    hours = round(6.0 + 0.8 * min(week, 8) / 8 + rng.uniform(-0.4, 0.4), 1)
    night = scales.SleepDiary(
        latency_min=max(5, round(40 - 15 * min(week, 8) / 8 + rng.uniform(-8, 8))),
        wakings=rng.choice((1, 1, 2, 2, 3)),
        hours_slept=hours,
        quality=min(5, 2 + (week >= 3) + rng.choice((0, 0, 1))),
    )
    efficiency = round(night.efficiency_pct(scales.time_in_bed_min(BED_MIN, WAKE_MIN)), 1)
    return CheckinDay(day, "sleep", dict(night.answers()), efficiency, "")


def _stool_checkin(first: dt.date, weekday: int, week: int, rng: random.Random) -> CheckinDay:
    loose = week + 1 == HELD_WEEK and weekday in LOOSE_STOOL_DAYS
    count = rng.choice((2, 3)) if loose else rng.choice((0, 1, 1, 1, 2))
    form = "mushy" if loose else rng.choice(("firm", "soft", "soft", "hard"))
    day = first + dt.timedelta(days=weekday)
    return CheckinDay(day, "stools", {"count": count, "form": form}, count, "")


# ---- suggestions and plan changes -----------------------------------------------------------


def _suggestions(
    days: Sequence[JournalDay], weeks: int, k: Knowledge
) -> tuple[SuggestionView, ...]:
    """What the journal suggested after each completed week (by its own rules); the suggestion
    to hold week 2's amount was accepted the day it was made, any other with an action was
    declined, and a statement (low adherence: nothing to accept) stays open."""
    out: list[SuggestionView] = []
    facts = [_week_facts(days[7 * w : 7 * w + 7]) for w in range(weeks)]
    for w in range(weeks):
        for found in suggest(facts[: w + 1], PlanFacts((), False)):
            made_on = found.week_start + dt.timedelta(days=7)
            status = "accepted" if found.code == "hold_step" else "declined"
            if not found.action.label:
                status = "open"
            out.append(
                SuggestionView(
                    id=len(out) + 1,
                    code=found.code,
                    week_start=found.week_start,
                    made_on=made_on,
                    status=status,
                    decided_on=None if status == "open" else made_on,
                    reason=found.reason_text,
                    action=found.action.label,
                    sources=tuple(k.sources[key].title for key in found.source_keys),
                )
            )
    return tuple(out)


def _week_facts(week: Sequence[JournalDay]) -> WeekFacts:
    """A completed week as the journal judges it (the ramp's week, as the journal counts it)."""
    return WeekFacts(
        week_start=week[0].day,
        planned_doses=sum(d.planned for d in week),
        taken_doses=sum(d.taken for d in week),
        loose_stool_days=sum("loose_stools" in d.side_effects for d in week),
        in_ramp=week[0].ramp_week is not None,
        ramp_step=week[0].ramp_week,
    )


def _plan_changes(start: dt.date, weeks: int) -> tuple[PlanChange, ...]:
    first = PlanChange(start, RAMP_MG[-1], "Magnesium glycinate, 360 mg a day", "First plan")
    if weeks <= HELD_WEEK:
        return (first,)
    held = PlanChange(
        start + dt.timedelta(days=7 * HELD_WEEK),
        RAMP_MG[-1],
        "Magnesium glycinate, 360 mg a day",
        f"Accepted: stay at week {HELD_WEEK}'s amount one more week (loose stools)",
    )
    return first, held
