"""The journal: what a person took of their plan, how they felt, and what was suggested.

One SQLite file per profile (:mod:`magplan.journal.store`), its tables built by named steps
(:mod:`magplan.journal.schema`), the values read and written (:mod:`magplan.journal.records`),
a plan as the journal keeps it (:mod:`magplan.journal.plan_record`) and adherence
(:mod:`magplan.journal.adherence`). Standard library only: no Qt, no pydantic.
"""

from __future__ import annotations

from magplan.journal.records import (
    CHECKIN_KINDS,
    DOSE_STATUSES,
    SIDE_EFFECTS,
    SUGGESTION_STATUSES,
    CheckinRecord,
    DayDose,
    DayPlan,
    DoseEntry,
    JournalDay,
    JournalError,
    PlanContent,
    PlannedDose,
    PlanVersion,
    SideEffect,
    SuggestionRecord,
)
from magplan.journal.store import Journal, journal_path

__all__ = [
    "CHECKIN_KINDS",
    "DOSE_STATUSES",
    "SIDE_EFFECTS",
    "SUGGESTION_STATUSES",
    "CheckinRecord",
    "DayDose",
    "DayPlan",
    "DoseEntry",
    "Journal",
    "JournalDay",
    "JournalError",
    "PlanContent",
    "PlanVersion",
    "PlannedDose",
    "SideEffect",
    "SuggestionRecord",
    "journal_path",
]
