"""The printed card, read back from the PDF as a person (and a PDF reader) would."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSizeF
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from magplan.core.foods import load_foods
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.present import present
from magplan.present.diet import diet_line
from magplan.present.words import SEVERITY_LABELS
from magplan.printing import files
from magplan.printing.card import (
    CardDocument,
    CardInfo,
    build_card,
    card_html,
    default_paper,
    pdf_bytes,
    print_document,
    write_pdf,
)
from magplan.printing.files import OutputError
from tests.printing.food_cases import long_named_diet, reader_text, says, with_diet
from tests.printing.print_cases import (
    BLOCKED_ARGS,
    SUPERVISED_ARGS,
    TYPICAL_ARGS,
    hard_plan,
    info,
    pdf_pages,
    pdf_text,
    planned,
)

A4_PT = (595.3, 841.9)
LETTER_PT = (612.0, 792.0)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a running application."""


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US", "letter"),
        ("en_CA", "letter"),
        ("fr_CA", "letter"),
        ("es_MX", "letter"),
        ("en_PH", "letter"),
        ("en_GB", "a4"),
        ("de_DE", "a4"),
        ("fr_FR", "a4"),
        ("ja_JP", "a4"),
        ("en_AU", "a4"),
    ],
)
def test_paper_follows_the_locale(name: str, paper: str) -> None:
    assert default_paper(QLocale(name)) == paper


def test_card_info_defaults_to_today_and_the_system_paper() -> None:
    card = CardInfo()
    assert card.person_name == "" and card.prepared_by == ""
    assert card.paper == default_paper(QLocale())
    import datetime as dt

    assert card.date == dt.date.today()


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1.5 and abs(a[1] - b[1]) < 1.5


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_PT), ("letter", LETTER_PT)])
def test_typical_plan_prints_on_one_page_with_everything_a_reader_needs(
    tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "schedule.pdf"
    write_pdf(plan, info(paper), out)

    pages = pdf_pages(out)
    assert len(pages) == 1
    assert _close(pages[0], size)
    text = pdf_text(out)
    # who, when, by whom
    for words in ("Daily magnesium schedule", "Maria Jensen", "4 March 2025", "A. Lund, RD"):
        assert words in text
    # the AHRQ columns and each dose: time, units, elemental mg, food, goal
    for column in ("Morning", "Noon", "Evening", "Bedtime"):
        assert column in text
    assert len(plan.doses) == 2
    for dose in plan.doses:
        assert dose.time in text
    assert "1 capsule" in text and "2 capsules" in text
    assert "100 mg" in text and "200 mg" in text
    assert "With food" in text and "Sleep" in text
    # the total against the limit
    assert "Each day: 300 mg of elemental magnesium" in text
    assert "350 mg a day" in text
    # the ramp, the medicines and their rules
    assert "Start low" in text and "Week 1" in text
    assert "sertraline" in text and "at least 4 h apart" in text
    assert "calcium" in text and "at least 2 h apart" in text
    # the warnings with their severity in words, the sources, the note, the tick grid
    for warning in plan.warnings:
        assert SEVERITY_LABELS[warning.severity] in text
        assert " ".join(warning.message.split()[:6]) in text
    assert "How to Create a Pill Card" in text
    assert "This plan is not medical advice" in text
    assert "Tick each dose" in text and "Day 1" in text and "Day 7" in text


def test_a_typical_card_keeps_its_full_font_size() -> None:
    plan, _ = planned(TYPICAL_ARGS)
    for paper in ("a4", "letter"):
        doc = build_card(plan, info(paper))
        assert isinstance(doc, CardDocument)
        assert doc.pageCount() == 1
        assert doc.font_size_pt == 10.0


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_PT), ("letter", LETTER_PT)])
def test_a_crowded_day_still_fits_one_page(
    tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    plan, _ = hard_plan()
    assert len(plan.doses) == 4 and len(plan.forms) == 2 and len(plan.medicines) == 5
    out = tmp_path / "crowded.pdf"
    write_pdf(plan, info(paper), out)
    pages = pdf_pages(out)
    assert len(pages) == 1 and _close(pages[0], size)
    text = pdf_text(out)
    for dose in plan.doses:
        assert dose.time in text
    for medicine in ("calcium", "sertraline", "omeprazole", "furosemide", "zinc"):
        assert medicine in text
    glycinate = next(d for d in plan.doses if d.form == "glycinate")
    assert glycinate.compound_mg is not None
    # the compound weight from the label next to the elemental mg
    assert f"in {glycinate.compound_mg:g} mg of the compound" in text


def test_a_blocked_plan_shows_the_gate_and_no_doses(tmp_path: Path) -> None:
    plan, _ = planned(BLOCKED_ARGS)
    assert plan.blocked
    out = tmp_path / "blocked.pdf"
    write_pdf(plan, info(), out)
    assert len(pdf_pages(out)) == 1
    text = pdf_text(out)
    assert "NO MAGNESIUM SCHEDULE" in text
    assert "DANGER" in text and "Kidney disease" in text
    for dose_words in ("capsule", "Morning", "Bedtime", "Tick each dose", "Start low", "Each day"):
        assert dose_words not in text
    assert "This plan is not medical advice" in text


def test_a_supervised_plan_says_so(tmp_path: Path) -> None:
    plan, _ = planned(SUPERVISED_ARGS)
    assert plan.supervised and not plan.blocked and plan.doses
    out = tmp_path / "supervised.pdf"
    write_pdf(plan, info("letter"), out)
    text = pdf_text(out)
    assert "PRESCRIBED AND SUPERVISED" in text
    assert "capsule" in text


def test_an_unsupervised_plan_does_not_claim_supervision(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "s.pdf"
    write_pdf(plan, info(), out)
    assert "SUPERVISED" not in pdf_text(out)


def test_blank_name_leaves_a_line_to_write_on(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    out = tmp_path / "blank.pdf"
    write_pdf(plan, CardInfo(paper="a4"), out)
    assert "Name: ____" in pdf_text(out)


def test_printing_to_a_printer_gives_the_same_one_page_card(qtbot: QtBot, tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    doc = build_card(plan, info("letter"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_document(doc, printer)
    assert len(pdf_pages(out)) == 1
    assert "Maria Jensen" in pdf_text(out)


def _page_contents(path: Path) -> list[bytes]:
    """What each page draws (the content streams), without the file's date and ID."""
    return [page["/Contents"].get_object().get_data() for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("args", [TYPICAL_ARGS, BLOCKED_ARGS, SUPERVISED_ARGS, "hard"])
def test_a_pdf_is_laid_out_once_and_matches_the_previewed_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str] | str
) -> None:
    """write_pdf lays the card out for the PDF writer only (no screen layout first), and the
    PDF is the one the window's route (the screen card, laid out again to print) gives."""
    plan, _ = hard_plan() if args == "hard" else planned(list(args))
    page_sizes: list[tuple[float, float]] = []
    fit_page = CardDocument.fit_page

    def counted(doc: CardDocument, size: QSizeF) -> None:
        page_sizes.append((size.width(), size.height()))
        fit_page(doc, size)

    monkeypatch.setattr(CardDocument, "fit_page", counted)
    for paper in ("a4", "letter"):
        page_sizes.clear()
        direct = tmp_path / f"direct-{paper}.pdf"
        write_pdf(plan, info(paper), direct)
        assert len(page_sizes) == 1  # the writer's page at its resolution, nothing else
        previewed = tmp_path / f"previewed-{paper}.pdf"
        previewed.write_bytes(pdf_bytes(build_card(plan, info(paper)), info(paper).paper))
        assert page_sizes[-1] == page_sizes[0]
        assert _page_contents(direct) == _page_contents(previewed)


# ---- never half a file where the user asked for it -------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    target = tmp_path / "schedule.pdf"
    target.write_bytes(b"the old schedule")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OutputError, match="the disk is full"):
        write_pdf(plan, info(), target)
    assert target.read_bytes() == b"the old schedule"
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    target = tmp_path / "nowhere" / "schedule.pdf"
    with pytest.raises(OutputError, match=r"folder .*nowhere does not exist"):
        write_pdf(plan, info(), target)
    assert not target.exists()


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    with pytest.raises(OutputError, match="it is a folder"):
        write_pdf(plan, info(), tmp_path)
    assert _leftovers(tmp_path) == []


# The most the program accepts: twenty medicines, each up to six times a day, long names.
_MOST_NAMES = [
    "calcium", "sertraline", "iron", "gabapentin", "zinc", "fluoxetine", "furosemide",
    "omeprazole", "prednisolone", "spironolactone", "amitriptyline", "ferrous fumarate",
    "zinc citrate", "citalopram", "hydrochlorothiazide", "budesonide", "trazodone",
    "calcium citrate", "X" * 60, "Y" * 60,
]  # fmt: skip
MOST_ARGS = [
    "--goal", "sleep", "--goal", "constipation", "--goal", "depression", "--goal", "cognition",
    "--target", "600", "--name", "N" * 200, "--prepared-by", "P" * 200,
    *(a for i, n in enumerate(_MOST_NAMES) for h in (6, 9, 12, 15, 18, 21)
      for a in ("--med", f"{n}@{(h + i % 3) % 24:02d}:{(i * 5) % 60:02d}")),
    "--med-spacing", f"{'X' * 60}=1", "--med-spacing", f"{'Y' * 60}=0",
]  # fmt: skip


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_most_the_program_accepts_keeps_every_dose_on_page_one(
    tmp_path: Path, paper: str
) -> None:
    plan, _ = planned(MOST_ARGS)
    assert len(plan.medicines) == 20 and len(plan.doses) >= 2
    assert len(plan.warnings) >= 12
    out = tmp_path / "most.pdf"
    write_pdf(plan, info(paper), out)
    reader = PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 2
    first = " ".join((reader.pages[0].extract_text() or "").split())
    for dose in plan.doses:
        assert dose.time in first
    if len(reader.pages) == 2:  # a clearly marked second page
        assert "Continued on page 2" in first
        second = " ".join((reader.pages[1].extract_text() or "").split())
        assert second.startswith("Page 2 of the daily magnesium schedule for Maria Jensen")
        assert "Sources" in second and "Sources" not in first


def test_a_weekday_medicine_shows_its_days_times_on_the_schedule_and_the_tick_grid(
    tmp_path: Path,
) -> None:
    plan, _ = planned(["--goal", "repletion", "--med", "alendronate@07:00/sun"])
    assert plan.weekday_times
    out = tmp_path / "weekly.pdf"
    write_pdf(plan, info(), out)
    text = pdf_text(out)
    assert "On Sundays (alendronate): take magnesium at" in text
    moved = next(t for t in plan.weekday_times[0].times_min if t is not None)
    assert text.count(f"Sun: {moved // 60:02d}:{moved % 60:02d}") >= 2  # schedule and grid


@pytest.mark.parametrize("args", [TYPICAL_ARGS, BLOCKED_ARGS, SUPERVISED_ARGS, "hard"])
def test_the_cards_rules_and_badges_are_styled_once_in_its_style_sheet(
    args: list[str] | str,
) -> None:
    """Tables, frames and severity badges name a class; no border or badge colour is written
    out again on each element."""
    plan, _ = hard_plan() if args == "hard" else planned(list(args))
    html = card_html(present(plan, load_knowledge()), info(), 9.0, compact=True, overflow=2)
    body = html.split("<body>", 1)[1]
    assert re.findall(r'style="[^"]*(?:border|color: #ffffff|padding: 6px)[^"]*"', body) == []
    assert re.search(r'<table [^>]*class="(grid|gate)"', body)


# ---- the one line about food ------------------------------------------------------------------


def test_a_card_with_a_diet_adds_one_line_with_the_estimate_and_the_gap(tmp_path: Path) -> None:
    plan, _ = with_diet(TYPICAL_ARGS)
    line = diet_line(plan)
    assert line.startswith("Diet (an estimate): about") and "(RDA, " in line
    out = tmp_path / "diet.pdf"
    write_pdf(plan, info(), out)
    assert len(pdf_pages(out)) == 1
    assert says(reader_text(out), line)


def test_a_card_without_a_diet_says_nothing_about_food(tmp_path: Path) -> None:
    plan, _ = planned(TYPICAL_ARGS)
    assert plan.diet is None and diet_line(plan) == ""
    out = tmp_path / "card.pdf"
    write_pdf(plan, info(), out)
    text = reader_text(out)
    assert "Diet (an estimate)" not in text and "a day from food" not in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_crowded_day_with_a_long_diet_line_still_fits_one_page(
    tmp_path: Path, paper: str
) -> None:
    crowded, request = hard_plan()
    with_food = plan_day(replace(request, diet=long_named_diet(load_foods())))
    plan = replace(crowded, diet=with_food.diet, ear_mg=with_food.ear_mg)
    assert plan.diet is not None and len(plan.diet.carried_by) == 3
    out = tmp_path / "crowded-diet.pdf"
    write_pdf(plan, info(paper), out)
    assert len(pdf_pages(out)) == 1
    text = reader_text(out)
    assert says(text, diet_line(plan)) and "Tick each dose" in text and "Sources" in text
    for dose in plan.doses:
        assert dose.time in text
