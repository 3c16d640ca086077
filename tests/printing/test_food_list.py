"""The printed food list, read back from the PDF as a person (and a PDF reader) would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from magplan.core.foods import load_foods
from magplan.present.words import format_mg
from magplan.printing.card import FONT_SIZES_PT, print_document
from magplan.printing.files import OutputError
from magplan.printing.foods import (
    BOX,
    CITATIONS_ELSEWHERE,
    FoodListDocument,
    build_food_list,
    write_food_list_pdf,
)
from tests.printing.food_cases import (
    CONSTIPATION_ARGS,
    SLEEP_ARGS,
    long_sheet,
    page_texts,
    reader_text,
    says,
    sheet_for,
)
from tests.printing.print_cases import pdf_pages

A4_PT = (595.3, 841.9)
LETTER_PT = (612.0, 792.0)
MARCH_4 = dt.date(2025, 3, 4)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a running application."""


def _close(found: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) < 1.5 for a, b in zip(found, expected, strict=True))


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_PT), ("letter", LETTER_PT)])
def test_a_constipated_person_with_a_diet_gets_the_estimate_fibre_first_and_the_shelves(
    tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    sheet, plan = sheet_for(CONSTIPATION_ARGS, diet=True)
    assert plan.diet is not None and sheet.suggestions and sheet.fibre_first
    out = tmp_path / "foods.pdf"
    pages = write_food_list_pdf(
        sheet, out, paper=paper, person_name="Maria Jensen", prepared_by="A. Lund, RD", when=MARCH_4
    )
    found = pdf_pages(out)
    assert pages == len(found) and 1 <= pages <= 2
    assert all(_close(page, size) for page in found)
    text = reader_text(out)
    assert "Maria Jensen" in text and "A. Lund, RD" in text and "4 March 2025" in text
    # the estimate, what carried it and what the plan adds
    assert f"About {format_mg(plan.diet.mg_per_day)} a day from food (an estimate)" in text
    assert says(text, sheet.estimate) and "(RDA, 320 mg a day)" in sheet.estimate
    assert says(text, sheet.carried_by)
    assert says(text, sheet.supplement)
    # the suggestions: good sources of fibre, for constipation
    assert sheet.suggestions_heading in text
    for suggestion in sheet.suggestions:
        assert suggestion in text
    # the grocery list: every shelf, its foods with a box to tick, and its meal ideas
    for shelf in sheet.shelves:
        assert shelf.name in text
        assert f"{BOX} {shelf.foods[0].name}" in text
        for idea in shelf.meal_ideas:
            assert says(text, idea)
    # where the numbers come from
    assert "USDA FoodData Central" in text
    assert load_foods().about["release"] in text


def test_no_diet_prints_the_grocery_list_without_an_estimate_or_suggestions(
    tmp_path: Path,
) -> None:
    sheet, plan = sheet_for(SLEEP_ARGS, diet=False)
    assert plan.diet is None and not sheet.estimate and not sheet.suggestions
    out = tmp_path / "foods.pdf"
    assert write_food_list_pdf(sheet, out, when=MARCH_4) <= 2
    text = reader_text(out)
    assert "Your diet" not in text and "a day from food" not in text
    assert "close the gap" not in text and "fibre" not in text.split("Sources")[0]
    assert sheet.shelves[0].name in text and sheet.shelves[-1].name in text
    assert says(text, sheet.shelves[0].meal_ideas[0])
    assert f"{BOX} {sheet.shelves[-1].foods[0].name}" in text
    assert "Name: ______" in text  # a line to write the name on
    assert "USDA FoodData Central" in text and load_foods().about["release"] in text


def test_the_food_data_fits_one_page_and_says_where_each_food_comes_from(
    tmp_path: Path,
) -> None:
    for args, diet in ((CONSTIPATION_ARGS, True), (SLEEP_ARGS, False)):
        sheet, _ = sheet_for(args, diet=diet)
        doc = build_food_list(sheet, person_name="Maria Jensen")
        assert isinstance(doc, FoodListDocument)
        assert doc.pageCount() == 1 and doc.split is None
        out = tmp_path / "foods.pdf"
        assert write_food_list_pdf(sheet, out, person_name="Maria Jensen") == 1
        text = reader_text(out)
        description = sheet.shelves[0].foods[0].source.split(": ", 1)[1]
        assert says(text, description) or CITATIONS_ELSEWHERE in text


def test_a_short_list_cites_each_food_by_its_fdc_description_and_data_type(
    tmp_path: Path,
) -> None:
    out = tmp_path / "short.pdf"
    assert write_food_list_pdf(long_sheet(2), out) == 1
    text = reader_text(out)
    assert "as USDA FoodData Central describes them. SR Legacy: Made-up food 0, cooked;" in text
    assert text.index("Made-up food 0, cooked") < text.index("Made-up food 3, cooked")
    assert CITATIONS_ELSEWHERE not in text


def test_a_list_too_long_for_one_page_breaks_between_shelves(tmp_path: Path) -> None:
    sheet = long_sheet(30)
    out = tmp_path / "long.pdf"
    assert write_food_list_pdf(sheet, out, person_name="Maria Jensen") == 2
    first, second = page_texts(out)
    assert "Your diet" in first and "Pumpkin seeds, 1 oz a day" in first
    assert first.endswith("Continued on page 2: the rest of the grocery list and the sources.")
    assert second.startswith("Magnesium in food for Maria Jensen: page 2 Grocery list (continued)")
    assert "Sources" in second and "Sources" not in first
    for shelf in sheet.shelves:  # each shelf whole on one page: never a name left alone
        (page,) = [p for p in (first, second) if f"{shelf.name} {BOX}" in p]
        assert says(page, shelf.meal_ideas[0])
        assert all(f"{BOX} {food.name}" in page for food in shelf.foods)
    shelves_on_first = [s for s in sheet.shelves if s.name in first]
    assert len(shelves_on_first) >= 4  # page 1 is filled before page 2 begins


def test_a_list_that_fits_one_page_at_a_smaller_type_takes_one_page() -> None:
    sheet = long_sheet(14)
    doc = build_food_list(sheet)
    assert doc.pageCount() == 1 and doc.split is None
    assert doc.font_size_pt < FONT_SIZES_PT[0]


def test_printing_lays_the_list_out_again_for_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    sheet, _ = sheet_for(CONSTIPATION_ARGS, diet=True)
    doc = build_food_list(sheet, person_name="Maria Jensen", when=MARCH_4)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_document(doc, printer)
    assert len(pdf_pages(out)) == doc.pages == 1
    assert "Maria Jensen" in reader_text(out) and sheet.shelves[0].name in reader_text(out)


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    sheet, _ = sheet_for(SLEEP_ARGS, diet=False)
    with pytest.raises(OutputError, match="does not exist"):
        write_food_list_pdf(sheet, tmp_path / "gone" / "foods.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_paper_is_refused(tmp_path: Path) -> None:
    sheet, _ = sheet_for(SLEEP_ARGS, diet=False)
    with pytest.raises(ValueError, match="paper"):
        write_food_list_pdf(sheet, tmp_path / "foods.pdf", paper="a3")
    assert list(tmp_path.iterdir()) == []
