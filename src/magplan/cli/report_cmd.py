"""``magplan report``: the follow-up report for the clinician, as a PDF of one or two pages.

Exit status: 0 written; 2 a bad option, an unknown profile, a journal that cannot be used or a
PDF that cannot be written (nothing is left at the path).
"""

from __future__ import annotations

import argparse
from typing import Any

from magplan.cli import UsageError, check_pdf_output, notice
from magplan.cli.dates import parse_date


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write the follow-up report for the clinician (PDF)",
        description="The profile's journal for the clinician on one or two pages: the plan and "
        "its changes, doses taken by time of day, scores over the weeks with their charts, "
        "side effects and the suggestions made. No display is needed.",
        epilog="Example: magplan report --profile Anna -o followup.pdf --from 2026-03-01",
    )
    p.add_argument("--profile", metavar="NAME", required=True, help="the saved profile")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="the PDF to write")
    p.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        help="first day (default: the journal's first)",
    )
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default today)")
    p.add_argument("--paper", type=str.lower, choices=("a4", "letter"), metavar="a4|letter")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from magplan.cli.journal_cmd import followed
    from magplan.journal.follow import first_day, has_journal, summarise
    from magplan.profiles import ProfileError

    check_pdf_output(args.output, "followup.pdf")
    end = parse_date(args.end, "--to")
    start = parse_date(args.start, "--from") if args.start else None
    if start is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    try:
        if not has_journal(args.profile):
            raise UsageError(
                f"the profile '{args.profile}' has no journal yet: log a dose first "
                "(magplan log --profile NAME --dose HH:MM taken)"
            )
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    with followed(args.profile) as f:
        summary = summarise(f, start or first_day(f) or end, end)
    _write(args, f, summary)
    notice(f"wrote {args.output}")
    return 0


def _write(args: argparse.Namespace, f: Any, summary: Any) -> None:
    from magplan.printing.card import CardInfo, default_paper
    from magplan.printing.files import OutputError
    from magplan.printing.journal_charts import chart_application
    from magplan.printing.report import write_report_pdf

    app = chart_application()  # charts need a QApplication; kept alive until the PDF is out
    info = CardInfo(
        person_name=f.profile.person_name,
        prepared_by=f.profile.prepared_by,
        date=parse_date(None, "--date"),
        paper=args.paper or default_paper(),
    )
    try:
        write_report_pdf(summary, f.plan, f.k, info, args.output)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    del app
