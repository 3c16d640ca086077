"""``magplan plan``'s table: the plan as a terminal reader sees it."""

from __future__ import annotations

import textwrap

from magplan.core.plan import Plan
from magplan.present import PlanView
from magplan.present.words import SUPERVISED, UPPER_LIMIT, format_mg, supervised_by


def render_table(view: PlanView) -> str:
    """The plan as a terminal reader sees it."""
    out = _summary_lines(view)
    if view.diet:
        out += textwrap.wrap(view.diet, 100)
    if view.doses:
        out += ["", *_dose_table(view)]
    if view.ramp:
        out += ["", f"Start low: {' -> '.join(r.step_plain for r in view.ramp)} a day"]
    if view.medicines:
        out += ["", "Other medicines:", *(f"  {m.line_plain}" for m in view.medicines)]
    if view.warnings:
        out += ["", "Warnings:"]
        for w in view.warnings:
            out += textwrap.wrap(w.line_plain, 100, initial_indent="  ", subsequent_indent="    ")
    out.append("")
    for note in view.plan.notes:
        out += textwrap.wrap(note, 100)
    return "\n".join(out)


def _summary_lines(view: PlanView) -> list[str]:
    """What the plan comes to, its upper limit, and whether a clinician supervises it."""
    plan = view.plan
    limit = f"{plan.upper_limit_mg} mg" if plan.upper_limit_mg is not None else "none set"
    limit_line = f"{UPPER_LIMIT}: {limit} ({plan.limit_name})"
    if plan.blocked:
        out = ["NO SCHEDULE: this plan is blocked."]
    elif not plan.doses:
        out = ["No magnesium is planned: see the warnings below.", limit_line]
    else:
        head = f"Magnesium plan: {view.daily} elemental magnesium a day as {view.forms_plain}"
        out = [head, limit_line + _other_magnesium(plan)]
    if plan.supervised:
        out.append(SUPERVISED.upper() + supervised_by(plan.supervised_by))
    return out


def _other_magnesium(plan: Plan) -> str:
    """How much of the limit the person's other magnesium products take."""
    if not (plan.other_magnesium_mg and plan.upper_limit_mg is not None):
        return ""
    left = max(0.0, plan.upper_limit_mg - plan.other_magnesium_mg)
    return (
        f"; {format_mg(plan.other_magnesium_mg)} of it come from your other products, "
        f"{format_mg(left)} are left for this plan"
    )


_HEADER = ("TIME", "TAKE", "ELEMENTAL", "FOOD", "FOR", "WHY")


def _dose_table(view: PlanView) -> list[str]:
    """The doses in columns padded to their widest cell; the reason runs on at the end."""
    rows = [
        (d.time, d.take_plain, d.elemental_plain, d.food_plain, d.goals_plain, d.reason)
        for d in view.doses
    ]
    widths = [max(len(r[i]) for r in [_HEADER, *rows]) for i in range(5)]
    return [
        "  ".join(r[i].ljust(widths[i]) for i in range(5)) + "  " + r[5] for r in [_HEADER, *rows]
    ]
