"""Plans to print (a typical day, a crowded day, a blocked plan, a supervised one) and what a
PDF reader sees in the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from magplan.cli import build_parser
from magplan.cli.options import request_from_args
from magplan.core.knowledge import load_knowledge
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.printing.card import CardInfo

TYPICAL_ARGS = [
    "--goal", "sleep",
    "--goal", "anxiety",
    "--target", "300",
    "--product", "glycinate:100:capsule",
    "--med", "sertraline@08:00",
    "--med", "calcium@12:00",
]  # fmt: skip
HARD_ARGS = [
    "--goal", "constipation",
    "--goal", "sleep",
    "--target", "350",
    "--product-compound", "glycinate:500:capsule",
    "--product", "citrate:75:tablet:half",
    "--med", "calcium@10:00",
    "--med", "sertraline@08:00",
    "--med", "omeprazole@07:00",
    "--med", "furosemide@09:00",
    "--med", "zinc@13:00",
]  # fmt: skip
BLOCKED_ARGS = ["--condition", "kidney-disease", "--product", "glycinate:100:capsule"]
SUPERVISED_ARGS = [
    "--condition", "kidney-disease",
    "--supervised", "--target", "200",
    "--goal", "sleep",
    "--product", "glycinate:100:capsule",
]  # fmt: skip


def request_for(args: list[str]) -> PlanRequest:
    return request_from_args(build_parser().parse_args(["plan", *args]), load_knowledge())


def planned(args: list[str]) -> tuple[Plan, PlanRequest]:
    request = request_for(args)
    return plan_day(request), request


def hard_plan() -> tuple[Plan, PlanRequest]:
    """Two forms, four doses, five medicines. The planner divides a day's 350 mg into fewer
    doses, so the crowded card is made by adding the doses a clinician might have asked for."""
    plan, request = planned(HARD_ARGS)
    doses = list(plan.doses)
    extra_times = iter((16 * 60 + 30, 19 * 60 + 30))
    while len(doses) < 4:
        doses.insert(-1, replace(doses[0], time_min=next(extra_times)))
    return replace(plan, doses=tuple(doses)), request


def info(paper: str = "a4") -> CardInfo:
    return CardInfo(
        person_name="Maria Jensen",
        prepared_by="A. Lund, RD",
        date=dt.date(2025, 3, 4),
        paper="letter" if paper == "letter" else "a4",
    )


def pdf_text(path: Path) -> str:
    """The text of every page, as a PDF reader extracts it, with whitespace runs collapsed."""
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """Each page's size in points."""
    reader = PdfReader(str(path))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
