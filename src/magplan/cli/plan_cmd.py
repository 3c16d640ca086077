"""``magplan plan``: the day's plan as a readable table or as JSON."""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import Any

from magplan.cli import write_output
from magplan.cli.options import add_plan_options, request_from_args, save_profile_if_asked
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day


def register(sub: Any) -> None:
    p = sub.add_parser("plan", help="plan the day's magnesium and print it")
    add_plan_options(p)
    p.add_argument("--json", action="store_true", help="print the plan as one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    k = load_knowledge()
    request = request_from_args(args, k)
    plan = plan_day(request, k)
    if args.json:
        text = json.dumps(plan.to_json(), indent=2, ensure_ascii=False)
    else:  # the table's words (magplan.present) load only for the table
        from magplan.cli.plan_table import render_table
        from magplan.present import present

        text = render_table(present(plan, k))
    # a reader that stopped reading (| head) is not an error: the plan was made, and is saved
    with contextlib.suppress(BrokenPipeError):
        write_output(text)
    save_profile_if_asked(args)
    return 0
