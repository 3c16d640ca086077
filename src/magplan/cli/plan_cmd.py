"""``magplan plan``: the day's plan as a readable table or as JSON."""

from __future__ import annotations

import argparse
import contextlib
import json
import textwrap
from typing import Any

from magplan.cli import write_output
from magplan.cli.options import add_plan_options, request_from_args, save_profile_if_asked
from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import format_weekdays
from magplan.core.text import (
    SEVERITY_LABELS,
    compound_text,
    dose_amount,
    format_mg,
    medicine_label,
    short_form_name,
)
from magplan.core.timeofday import format_time


def register(sub: Any) -> None:
    p = sub.add_parser("plan", help="plan the day's magnesium and print it")
    add_plan_options(p)
    p.add_argument("--json", action="store_true", help="print the plan as one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    k = load_knowledge()
    request = request_from_args(args, k)
    plan = plan_day(request, k)
    text = json.dumps(plan.to_json(), indent=2, ensure_ascii=False) if args.json else None
    # a reader that stopped reading (| head) is not an error: the plan was made, and is saved
    with contextlib.suppress(BrokenPipeError):
        write_output(text if text is not None else render_table(plan, k))
    save_profile_if_asked(args)
    return 0


def render_table(plan: Plan, k: Knowledge) -> str:
    """The plan as a terminal reader sees it."""
    out: list[str] = []
    limit = f"{plan.upper_limit_mg} mg" if plan.upper_limit_mg is not None else "none set"
    if plan.blocked:
        out.append("NO SCHEDULE: this plan is blocked.")
    elif not plan.doses:
        out.append("No magnesium is planned: see the warnings below.")
        out.append(f"Upper limit from supplements: {limit} ({plan.limit_name})")
    else:
        forms = ", ".join(k.forms[f].name.lower() for f in plan.forms) or "none"
        out.append(
            f"Magnesium plan: {format_mg(plan.daily_elemental_mg)} elemental magnesium a day "
            f"as {forms}"
        )
        other = ""
        if plan.other_magnesium_mg and plan.upper_limit_mg is not None:
            left = max(0.0, plan.upper_limit_mg - plan.other_magnesium_mg)
            other = (
                f"; {format_mg(plan.other_magnesium_mg)} of it come from your other products, "
                f"{format_mg(left)} are left for this plan"
            )
        out.append(f"Upper limit from supplements: {limit} ({plan.limit_name}){other}")
    if plan.supervised:
        by = f" by {plan.supervised_by}" if plan.supervised_by else ""
        out.append(f"PRESCRIBED AND SUPERVISED{by}: a clinician confirmed this plan.")
    if plan.doses:
        out.append("")
        header = ("TIME", "TAKE", "ELEMENTAL", "FOOD", "FOR", "WHY")
        rows = [
            (
                d.time,
                f"{dose_amount(d)}, {short_form_name(k.forms[d.form].name)}",
                " ".join(
                    filter(
                        None, [format_mg(d.elemental_mg), compound_text(d, k.forms[d.form].name)]
                    )
                ),
                "with food" if d.with_food else "-",
                ", ".join(d.goals) or "-",
                d.reason,
            )
            for d in plan.doses
        ]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
        for r in [header, *rows]:
            cells = [r[i].ljust(widths[i]) for i in range(5)]
            out.append("  ".join(cells) + "  " + r[5])
    if plan.titration:
        steps = " -> ".join(
            f"week {s.week}: {format_mg(s.daily_elemental_mg)}" for s in plan.titration
        )
        out += ["", f"Start low: {steps} a day"]
    if plan.medicines:
        out += ["", "Other medicines:"]
        for m in plan.medicines:
            times = ", ".join(format_time(t) for t in m.times_min)
            if m.weekdays:
                times += f" on {format_weekdays(m.weekdays)}"
            rule = f" - {m.rule}" if m.rule else ""
            strength = f" ({m.strength})" if m.strength else ""
            out.append(f"  {medicine_label(m.name, m.class_name)} at {times}{rule}{strength}")
    if plan.warnings:
        out += ["", "Warnings:"]
        for w in plan.warnings:
            label = f"[{SEVERITY_LABELS[w.severity]}]"
            body = f"{label} {w.message} (source: {w.source})"
            out += textwrap.wrap(body, 100, initial_indent="  ", subsequent_indent="    ")
    out.append("")
    for note in plan.notes:
        out += textwrap.wrap(note, 100)
    return "\n".join(out)
