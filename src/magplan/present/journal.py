"""A journal's summary in words, for the terminal (``magplan journal``) and the window.

Adherence comes first, before any score: whether magnesium helps can only be judged once the
plan is followed.
"""

from __future__ import annotations

from magplan.journal.summary import CheckinDay, JournalSummary

NO_DAYS = "Nothing is logged yet: mark a dose with 'magplan log --profile NAME --dose HH:MM taken'."


def adherence_line(summary: JournalSummary) -> str:
    """``"Doses taken: 25 of 28 (89%) over the days that are over."``"""
    percent = summary.adherence_percent
    if percent is None:
        return "Doses taken: no day is over yet."
    return (
        f"Doses taken: {summary.taken} of {summary.planned} ({percent:g}%)"
        " over the days that are over."
    )


def span_line(summary: JournalSummary) -> str:
    weeks = ((summary.end - summary.start).days + 1) / 7
    return (
        f"Journal of {summary.profile}: {summary.start.isoformat()} to {summary.end.isoformat()}"
        f" ({weeks:.1f} weeks)"
    )


def journal_text(summary: JournalSummary) -> str:
    """The summary as the terminal shows it."""
    lines = [span_line(summary), ""]
    if not summary.days or summary.ramp_start is None:
        return "\n".join([*lines, NO_DAYS])
    lines.append(adherence_line(summary))
    lines += [
        f"  {a.planned_time}: {a.taken} of {a.planned}"
        + (f" ({a.percent:g}%)" if a.percent is not None else "")
        for a in summary.by_time
    ]
    if summary.checkins:
        lines += ["", "Check-ins:"]
        lines += [f"  {c.day.isoformat()} {checkin_words(c)}" for c in summary.checkins]
    lines += _plan_lines(summary)
    lines += _suggestion_lines(summary)
    return "\n".join(lines)


def checkin_words(c: CheckinDay) -> str:
    """``"PHQ-8: 6 (mild)"``, ``"sleep: 7 h, efficiency 82%"``, ``"stools: 1, mushy"``."""
    from magplan.journal.follow import scale_title

    if c.kind == "sleep":
        return f"sleep: {c.answers.get('hours_slept', '?')} h, efficiency {c.score or 0:.0f}%"
    if c.kind == "stools":
        form = c.answers.get("form")
        return f"stools: {c.score or 0:g}" + (f", {form}" if form else "")
    if c.kind in ("cramp_days", "migraine_days"):
        return f"{c.kind.replace('_', ' ')}: {c.score or 0:g} of 7"
    score = "" if c.score is None else f"{c.score:g}"
    return f"{scale_title(c.kind)}: {score}" + (f" ({c.band})" if c.band else "")


def _plan_lines(summary: JournalSummary) -> list[str]:
    return ["", "Plan:"] + [
        f"  from {p.starts_on.isoformat()}: {p.headline}" + (f" ({p.reason})" if p.reason else "")
        for p in summary.plan_changes
    ]


def _suggestion_lines(summary: JournalSummary) -> list[str]:
    open_ones = [s for s in summary.suggestions if s.status == "open"]
    decided = [s for s in summary.suggestions if s.status != "open"]
    lines: list[str] = []
    if open_ones:
        lines += ["", "Suggestions (accept with --accept ID, set aside with --decline ID):"]
        for s in open_ones:
            lines.append(f"  [{s.id}] {s.reason}")
            if s.action:
                lines.append(f"       Accepting: {s.action}.")
            lines.append(f"       Sources: {'; '.join(s.sources)}")
    if decided:
        lines += ["", "Decided:"]
        lines += [f"  [{s.id}] {s.code} ({s.week_start.isoformat()}): {s.status}" for s in decided]
    return lines
