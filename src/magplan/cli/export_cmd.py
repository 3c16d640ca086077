"""``magplan export --ics FILE``: the doses as daily calendar reminders with alarms.

Exit status: 0 written; 2 for a bad option or a file that cannot be written (nothing is left at
the path); 1 for a plan with no doses (blocked: there is nothing to remind).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from magplan.cli import UsageError, notice, refuse_profiles_folder
from magplan.cli.dates import parse_date
from magplan.cli.options import add_plan_options, request_from_args, save_profile_if_asked
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day

EXIT_NOTHING_TO_REMIND = 1


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export the doses as calendar reminders (.ics)",
        description="Write an iCalendar file: one daily repeating event with an alarm per dose, "
        "and the start-low steps as all-day events. Times are local clock times.",
        epilog="Exit status: 0 written; 2 a bad option, or the file cannot be written (nothing "
        "is left at the path); 1 the plan has no doses (nothing to remind).",
    )
    p.add_argument("--ics", required=True, metavar="FILE", help="the .ics file to write")
    add_plan_options(p)
    p.add_argument(
        "--start", metavar="YYYY-MM-DD", help="the first day of the schedule (default today)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from magplan.printing.files import OutputError
    from magplan.printing.ics import NothingToRemind, write_ics

    if not args.ics.strip():
        raise UsageError(f"--ics '{args.ics}': give the calendar a file name, e.g. --ics plan.ics")
    refuse_profiles_folder(args.ics, "--ics")
    start = parse_date(args.start, "--start")
    k = load_knowledge()
    request = request_from_args(args, k)
    plan = plan_day(request, k)
    try:
        write_ics(plan, args.ics, start)
    except NothingToRemind as exc:
        print(f"magplan: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING_TO_REMIND
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    notice(f"wrote {args.ics}")
    save_profile_if_asked(args)
    return 0
