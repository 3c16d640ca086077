"""The raw journal as CSV (``magplan journal --csv``): one row per planned dose, check-in and
side effect, for a spreadsheet or the clinician's own records."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from magplan.journal.summary import CheckinDay, JournalSummary

COLUMNS = (
    "date",
    "record",
    "time",
    "status",
    "taken_at",
    "reason",
    "elemental_mg",
    "form",
    "ramp_week",
    "kind",
    "score",
    "band",
    "answers",
)


def journal_csv(summary: JournalSummary) -> str:
    """Every record of ``summary``'s days, by day: doses, then side effects, then check-ins."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    checkins: dict[dt.date, list[CheckinDay]] = {}
    for c in summary.checkins:
        checkins.setdefault(c.day, []).append(c)
    for d in summary.days:
        for x in d.doses:
            writer.writerow(
                {
                    "date": d.day.isoformat(),
                    "record": "dose",
                    "time": x.planned_time,
                    "status": x.status or "not recorded",
                    "taken_at": x.taken_at or "",
                    "reason": x.reason,
                    "elemental_mg": f"{x.elemental_mg:g}",
                    "form": x.form,
                    "ramp_week": d.ramp_week or "",
                }
            )
        for effect in d.side_effects:
            writer.writerow({"date": d.day.isoformat(), "record": "side effect", "kind": effect})
        for c in checkins.pop(d.day, []):
            writer.writerow(_checkin_row(c))
    for rest in checkins.values():  # check-ins before the plan's first day (a baseline)
        for c in rest:
            writer.writerow(_checkin_row(c))
    return out.getvalue()


def _checkin_row(c: CheckinDay) -> dict[str, object]:
    return {
        "date": c.day.isoformat(),
        "record": "check-in",
        "kind": c.kind,
        "score": "" if c.score is None else f"{c.score:g}",
        "band": c.band,
        "answers": json.dumps(c.answers, sort_keys=True),
    }
