"""What a journal says over a span of days, as plain data: read by ``magplan journal --json``,
the Journal page and the follow-up report, so that each of them only lays it out.

Built from the journal by :func:`magplan.journal.follow.summarise`; nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from magplan.core.values import value

DOSE_STATUSES = ("taken", "skipped", "moved")
"""What a planned dose can be marked; a dose with no mark is "not recorded"."""


@value
class DoseDay:
    """One planned dose of one day, and what was recorded of it."""

    planned_time: str  # "HH:MM"
    elemental_mg: float
    units: float
    form: str  # the form's id
    status: str | None  # one of DOSE_STATUSES, or None: not recorded
    taken_at: str | None  # "HH:MM" when moved
    reason: str  # why it was skipped, when the person said

    @property
    def taken(self) -> bool:
        return self.status in ("taken", "moved")


@value
class JournalDay:
    """One day: the plan in force that day, its doses and their marks, and the side effects."""

    day: dt.date
    ramp_week: int | None  # the week of the start-low ramp; None once the ramp is over
    daily_mg: float  # the day's planned amount (that week's step of the ramp)
    doses: tuple[DoseDay, ...]
    side_effects: tuple[str, ...]  # ids, e.g. "loose_stools"
    complete: bool  # the day is over (before today): a dose not recorded counts as not taken

    @property
    def planned(self) -> int:
        return len(self.doses)

    @property
    def taken(self) -> int:
        return sum(d.taken for d in self.doses)


@value
class CheckinDay:
    """One check-in: its kind, when, the answers and the score with its band."""

    day: dt.date
    kind: str  # "phq8", "gad7", "who5", "sleep", "stools", "cramp_days", "migraine_days"
    answers: dict[str, Any]
    score: float | None
    band: str  # the band's words as the scale's authors name them; "" when the kind has none


@value
class SuggestionView:
    """A suggestion the journal made, its reason and sources, and what the person decided."""

    id: int
    code: str  # "low_adherence", "hold_step", "gentler_form"
    week_start: dt.date
    made_on: dt.date
    status: str  # "open", "accepted", "declined", or "expired" (a hold whose week has passed)
    decided_on: dt.date | None
    reason: str
    action: str  # what accepting does, in words ("" when there is nothing to accept)
    sources: tuple[str, ...]  # source titles


@value
class PlanChange:
    """A plan that came into force on a day (the first one, and each change)."""

    starts_on: dt.date
    daily_mg: float
    headline: str
    reason: str


@value
class DoseTimeAdherence:
    planned_time: str
    planned: int
    taken: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.taken / self.planned, 1) if self.planned else None


@value
class JournalSummary:
    """The journal of one profile from ``start`` to ``end`` (both included), as of ``today``."""

    profile: str
    start: dt.date
    end: dt.date
    today: dt.date
    ramp_start: dt.date | None
    days: tuple[JournalDay, ...]
    by_time: tuple[DoseTimeAdherence, ...]
    checkins: tuple[CheckinDay, ...]
    suggestions: tuple[SuggestionView, ...]
    plan_changes: tuple[PlanChange, ...]
    effect_window_weeks: tuple[int, int]  # when studies measured an effect (CLINICAL: 2-8 weeks)

    @property
    def planned(self) -> int:
        return sum(d.planned for d in self._counted())

    @property
    def taken(self) -> int:
        return sum(d.taken for d in self._counted())

    @property
    def adherence_percent(self) -> float | None:
        """Doses taken of doses planned, over completed days and today's recorded doses."""
        return round(100 * self.taken / self.planned, 1) if self.planned else None

    def _counted(self) -> tuple[JournalDay, ...]:
        return tuple(d for d in self.days if d.complete)

    def to_json(self) -> dict[str, Any]:
        """The summary as ``magplan journal --json`` prints it."""
        return {
            "profile": self.profile,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "today": self.today.isoformat(),
            "ramp_start": self.ramp_start.isoformat() if self.ramp_start else None,
            "adherence_percent": self.adherence_percent,
            "doses_planned": self.planned,
            "doses_taken": self.taken,
            "adherence_by_time": [
                {
                    "time": a.planned_time,
                    "planned": a.planned,
                    "taken": a.taken,
                    "percent": a.percent,
                }
                for a in self.by_time
            ],
            "days": [_day_json(d) for d in self.days],
            "checkins": [_checkin_json(c) for c in self.checkins],
            "suggestions": [_suggestion_json(s) for s in self.suggestions],
            "plan_changes": [
                {
                    "starts_on": p.starts_on.isoformat(),
                    "daily_mg": p.daily_mg,
                    "headline": p.headline,
                    "reason": p.reason,
                }
                for p in self.plan_changes
            ],
        }


def _day_json(d: JournalDay) -> dict[str, Any]:
    return {
        "date": d.day.isoformat(),
        "ramp_week": d.ramp_week,
        "daily_mg": d.daily_mg,
        "complete": d.complete,
        "doses": [
            {
                "time": x.planned_time,
                "mg": x.elemental_mg,
                "units": x.units,
                "form": x.form,
                "status": x.status or "not recorded",
                "taken_at": x.taken_at,
                "reason": x.reason,
            }
            for x in d.doses
        ],
        "side_effects": list(d.side_effects),
    }


def _checkin_json(c: CheckinDay) -> dict[str, Any]:
    return {
        "date": c.day.isoformat(),
        "kind": c.kind,
        "answers": c.answers,
        "score": c.score,
        "band": c.band,
    }


def _suggestion_json(s: SuggestionView) -> dict[str, Any]:
    return {
        "id": s.id,
        "code": s.code,
        "week_start": s.week_start.isoformat(),
        "made_on": s.made_on.isoformat(),
        "status": s.status,
        "decided_on": s.decided_on.isoformat() if s.decided_on else None,
        "reason": s.reason,
        "action": s.action,
        "sources": list(s.sources),
    }
