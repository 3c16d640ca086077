"""An independent oracle for the separation rules (issue: safe with many medicines).

For generated days and medicine lists it enumerates every candidate time on the planner's
5-minute grid, straight from the knowledge files, and checks the plan against it:

- no dose ever lies inside a *must* window (the planner plans fewer doses, or none, instead);
- "no magnesium is planned" is said only when no time of the day keeps the must rules;
- every should or precaution rule a dose misses is in the warnings, with its minutes short;
- no warning claims that no time keeps every rule when one does, or that the times keeping
  every rule cannot hold the doses when they can;
- when the times keeping every rule can hold the doses an hour apart, nothing is given up.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings

from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest, format_weekdays
from magplan.core.timeofday import format_time
from tests.core.helpers import K
from tests.core.strategies import requests

DAY = 1440
GAP = 60  # the planner's least gap between two magnesium doses


@dataclass(frozen=True)
class Window:
    name: str
    at: int  # the other medicine's time
    before: int  # it must come at least this long before magnesium
    after: int  # magnesium must come at least this long before it
    strength: str

    def short(self, t: int) -> int:
        since = (t - self.at) % DAY  # minutes since the medicine
        until = (self.at - t) % DAY  # minutes until it comes again
        if since == 0:
            return max(self.before, self.after)
        return max(0, self.before - since) + max(0, self.after - until)


def windows(req: PlanRequest, weekday: int | None = None) -> list[Window]:
    """The rules in force every day (``weekday`` None) or on one weekday, from the files."""
    found = []
    for m in req.medicines:
        cls = K.medicines[m.class_id]
        if not (cls.other_first_min or cls.mg_first_min):
            continue
        for at in m.times_min:
            if m.weekdays and (
                weekday is None
                or not any(
                    touches(req, d, at, cls.other_first_min, cls.mg_first_min, weekday)
                    for d in m.weekdays
                )
            ):
                continue
            found.append(
                Window(m.name, at, cls.other_first_min, cls.mg_first_min, cls.strength or "")
            )
    return found


def touches(req: PlanRequest, day: int, at: int, before: int, after: int, waking: int) -> bool:
    """Whether a medicine taken on calendar ``day`` at ``at`` has its window (``after`` min
    before it to ``before`` min after it) inside the waking day that starts on ``waking``."""
    week = 7 * DAY
    taken = day * DAY + at
    start = waking * DAY + req.wake_min
    return any(
        taken + shift - after < start + req.waking_min and taken + shift + before > start
        for shift in (-week, 0, week)
    )


def grid(req: PlanRequest) -> list[int]:
    """Every clock time on the 5-minute grid in the waking day, in day order."""
    first = req.wake_min + (-req.wake_min) % 5
    return [t % DAY for t in range(first, req.wake_min + req.waking_min + 1, 5)]


def keeps(t: int, ws: list[Window]) -> bool:
    return all(w.short(t) == 0 for w in ws)


def most_doses(times: list[int], req: PlanRequest) -> int:
    """How many doses, an hour apart, the times can hold (greedy is optimal here)."""
    count, last = 0, None
    for t in times:
        off = (t - req.wake_min) % DAY
        if last is None or off - last >= GAP:
            count, last = count + 1, off
    return count


def check(p: Plan, req: PlanRequest, times: list[int], ws: list[Window], prefix: str) -> None:
    """``prefix``: "" for the usual day, "On Mondays: " (as the warnings say) for a weekday."""
    must = [w for w in ws if w.strength == "must"]
    for t in times:
        assert keeps(t, must), f"{prefix}dose at {format_time(t)} inside a must window"
    every = [t for t in grid(req) if keeps(t, ws)]
    shorts = [
        w.message.removeprefix(prefix)
        for w in p.warnings
        if w.code == "separation-short"
        and (w.message.startswith(prefix) if prefix else not w.message.startswith("On "))
    ]
    for t in times:
        for w in ws:
            missed = w.short(t)
            if missed:
                assert w.strength in ("should", "precaution")
                expected = (
                    f"the {format_time(t)} dose is {missed} min short of {w.name} at "
                    f"{format_time(w.at)}"
                )
                assert any(expected in m.lower() for m in shorts), (expected, shorts)
    for m in shorts:
        if "No time in your day keeps every rule" in m:
            assert not every, f"claimed no time, but {format_time(every[0])} keeps every rule"
        if "cannot hold all" in m:
            n = int(m.split("cannot hold all ")[1].split()[0])
            assert most_doses(every, req) < n
    if times and most_doses(every, req) >= len(times) and not prefix:
        assert all(w.short(t) == 0 for t in times for w in ws), "gave up a rule needlessly"


REACHED: list[bool] = []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(min_medicines=1, gates=False, adults=True, conditions=False))
def _check_against_the_oracle(req: PlanRequest) -> None:
    p = plan_day(req, K)
    daily = windows(req)
    must_free = [t for t in grid(req) if keeps(t, [w for w in daily if w.strength == "must"])]
    if p.warning("separation-no-time") is not None:
        assert not must_free, f"said no time, but {format_time(must_free[0])} keeps the musts"
    check(p, req, [d.time_min for d in p.doses], daily, "")
    # each group of weekdays with the same weekday-only medicines: its own times, or the usual
    groups: dict[frozenset[tuple[str, int]], list[int]] = {}
    for day in range(7):
        extra = {(w.name, w.at) for w in windows(req, day)} - {(w.name, w.at) for w in daily}
        if extra:
            groups.setdefault(frozenset(extra), []).append(day)
    for days in groups.values():
        variant = next((v for v in p.weekday_times if v.weekdays == tuple(days)), None)
        times = (
            [t for t in variant.times_min if t is not None]
            if variant is not None
            else [d.time_min for d in p.doses]
        )
        check(p, req, times, windows(req, days[0]), f"On {format_weekdays(tuple(days))}: ")
    # something was checked: doses against the rules, a true "no time" (no doses), or, with
    # no timing rule at all, doses and not one separation warning
    ruled = bool(daily) or bool(groups)
    if not ruled:
        assert not {"separation-short", "separation-no-time", "reduced-for-separation"} & {
            w.code for w in p.warnings
        }
    REACHED.append(bool(p.doses) or p.warning("separation-no-time") is not None)


def test_plans_agree_with_an_independent_oracle_of_the_separation_rules() -> None:
    REACHED.clear()
    _check_against_the_oracle()
    assert len(REACHED) >= 100
    assert sum(REACHED) / len(REACHED) >= 0.9, f"{sum(REACHED)} of {len(REACHED)}"
