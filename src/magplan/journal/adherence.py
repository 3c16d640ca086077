"""How much of the plan was taken: per day (for the heat map), per dose time, and overall.

Which doses count:
- every planned dose of a day that is over (before ``today``): one with no entry was not
  taken (nobody recorded it);
- of ``today``, only the doses already recorded (the others may still be taken);
- nothing after ``today``, and nothing on a day before the first plan.

A dose counts as taken when it was taken at its time or at another (``moved``); a skipped dose
was not taken. The per cent is of the doses that count, and is ``None`` where none do.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from magplan.core.values import value
from magplan.journal.records import DayDose, JournalDay, minute_of
from magplan.journal.store import Journal


@value(kw_only=True, slots=True)
class DayAdherence:
    """One day: its planned doses, those that count so far, and how they went."""

    day: date
    planned: int
    counted: int
    taken: int
    skipped: int
    not_recorded: int  # planned doses with no entry (on a day that is over: not taken)
    complete: bool  # the day is over (before today)

    @property
    def per_cent(self) -> float | None:
        return _per_cent(self.taken, self.counted)


@value(kw_only=True, slots=True)
class TimeAdherence:
    """One dose time over the days: how many of its doses count, and were taken."""

    time: str
    counted: int
    taken: int

    @property
    def per_cent(self) -> float | None:
        return _per_cent(self.taken, self.counted)


@value(kw_only=True, slots=True)
class AdherenceSummary:
    """Adherence from ``start`` to ``end`` (both included) as of ``today``."""

    start: date
    end: date
    today: date
    counted: int
    taken: int
    by_time: tuple[TimeAdherence, ...]  # in the order of the day, from waking
    by_day: tuple[DayAdherence, ...]  # every day of the range, in order

    @property
    def per_cent(self) -> float | None:
        return _per_cent(self.taken, self.counted)


def summary(journal: Journal, start: date, end: date, today: date) -> AdherenceSummary:
    """Adherence over the journal's days from ``start`` to ``end``, as of ``today``."""
    return summarize(journal.days(start, end), start, end, today)


def summarize(days: Iterable[JournalDay], start: date, end: date, today: date) -> AdherenceSummary:
    """The same from days already read (:meth:`Journal.days`)."""
    by_day = []
    by_time: dict[str, list[int]] = {}  # time -> [counted, taken, minutes from waking]
    for day in days:
        by_day.append(day_adherence(day, today))
        for dose in _counted_doses(day, today):
            tally = by_time.setdefault(
                dose.planned.time, [0, 0, _from_waking(day, dose.planned.time)]
            )
            tally[0] += 1
            tally[1] += dose.entry is not None and dose.entry.taken
    times = sorted(by_time.items(), key=lambda item: (item[1][2], item[0]))
    return AdherenceSummary(
        start=start,
        end=end,
        today=today,
        counted=sum(d.counted for d in by_day),
        taken=sum(d.taken for d in by_day),
        by_time=tuple(TimeAdherence(time=t, counted=c, taken=k) for t, (c, k, _) in times),
        by_day=tuple(by_day),
    )


def day_adherence(day: JournalDay, today: date) -> DayAdherence:
    """How one day's doses went, as of ``today``."""
    counted = _counted_doses(day, today)
    recorded = [d.entry for d in day.doses if d.entry is not None]
    return DayAdherence(
        day=day.day,
        planned=len(day.doses),
        counted=len(counted),
        taken=sum(1 for d in counted if d.entry is not None and d.entry.taken),
        skipped=sum(1 for e in recorded if not e.taken),
        not_recorded=len(day.doses) - len(recorded),
        complete=day.day < today,
    )


def _counted_doses(day: JournalDay, today: date) -> list[DayDose]:
    if day.day < today:
        return list(day.doses)
    if day.day == today:
        return [d for d in day.doses if d.entry is not None]
    return []


def _from_waking(day: JournalDay, time: str) -> int:
    """Minutes from the person's waking to ``time``: a dose after midnight sorts after the
    evening's."""
    wake = day.plan.wake if day.plan is not None else None
    return (minute_of(time) - (minute_of(wake) if wake else 0)) % (24 * 60)


def _per_cent(taken: int, counted: int) -> float | None:
    return 100.0 * taken / counted if counted else None
