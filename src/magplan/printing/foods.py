"""The printed food list: magnesium in food and a grocery list to take to the shop.

One page when it fits (two at most), from the words of :func:`magplan.present.diet.food_sheet`:
who it is for, who prepared it and when; the diet estimate with the foods that carried it and
what the supplement plan adds (when the person gave their diet); the foods that would close the
gap first; the grocery list by shelf, each food with its usual serving and the magnesium in it,
a box to tick at the shop and a few meal ideas; and at the foot where the numbers come from.

Built like the pill card (:mod:`magplan.printing.card`): a ``QTextDocument`` that keeps its HTML
source and is laid out again for the device it goes to (printer, preview or PDF), its type
shrinking a step at a time until the list fits one page. Each food's FoodData Central
description is cited at the foot while that still fits one page at :data:`CITED_FLOOR_PT` or
more; otherwise the foot says where the citations are. A list too long for one page even at
7 pt goes onto a second page at the largest type that fits two, broken between rows of shelves
(never a heading left alone at the foot of the first page). :func:`write_food_list_pdf`
writes the PDF all at once or not at all.
Needs a ``QGuiApplication`` (the command line's comes from :mod:`magplan.printing.headless`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QGuiApplication

from magplan.present.diet import FoodRow, FoodSheet, ShelfView
from magplan.printing.card import (
    FONT_SIZES_PT,
    CardDocument,
    Paper,
    default_paper,
    page_layout,
    pdf_bytes,
)
from magplan.printing.files import write_atomically

BOX = "☐"  # a box to tick at the shop
SHELVES_ACROSS = 2  # shelves of the grocery list side by side
CITED_FLOOR_PT = 8.0
"""The smallest type at which the foot still cites each food; below it, it says where the
citations are (``magplan foods --json``)."""
FDC = "USDA FoodData Central"
CITATIONS_ELSEWHERE = (
    "The FoodData Central record of each food (its description and data type) is in the "
    "program's full food list."
)
SCREEN_DPI = 96
LIKELY_STEPS_ABOVE = 2  # type sizes tried above the one the list's height says should fit

Render = Callable[[float, bool, int | None, bool], str]
"""(font size, cite each food, shelf rows on page 1 or None for one page, page 1 only) to
the list's HTML."""


class FoodListDocument(CardDocument):
    """The food list. It keeps its HTML source so it can re-fit itself to any page."""

    def __init__(self, render: Render, shelf_rows: int, title: str) -> None:
        super().__init__(
            lambda size, _compact, _overflow, _first: render(size, True, None, False), title
        )
        self._render_list = render
        self._shelf_rows = shelf_rows
        self.cites_foods = True
        self.split: int | None = None  # shelf rows on page 1 when the list takes two pages
        self.pages = 0  # pages of the last layout

    def fit_page(self, page_size: QSizeF) -> None:
        """Lay out on pages of ``page_size`` (device pixels): the roomiest layout that fits one
        page; else two pages at the largest type that fits them."""
        self.setPageSize(page_size)
        self.split = None
        for cite in (True, False):
            sizes = [s for s in FONT_SIZES_PT if s >= CITED_FLOOR_PT] if cite else FONT_SIZES_PT
            if self._lay_out(sizes[0], cite, None) <= 1:
                return
            likely = self._likely_sizes(sizes, page_size.height())
            if any(self._lay_out(size, cite, None) <= 1 for size in likely):
                return
        for cite in (True, False):
            if any(self._two_pages(size, cite) <= 2 for size in FONT_SIZES_PT):
                return

    def _likely_sizes(self, sizes: Sequence[float], page_height: float) -> Sequence[float]:
        """The sizes after the first worth trying, laid out as it is at the first: text height
        grows about with the square of the type size, so from two steps above the size that
        should just fit (a few layouts instead of one a size)."""
        height = float(self.documentLayout().blockBoundingRect(self.lastBlock()).bottom())
        guess = sizes[0] * (page_height / height) ** 0.5 if height else 0.0
        below = next((i for i, size in enumerate(sizes) if size <= guess), len(sizes))
        return sizes[max(1, below - LIKELY_STEPS_ABOVE) :]

    def _two_pages(self, size: float, cite: bool) -> int:
        """Lay out on two pages at ``size``: as many shelf rows on page 1 as fit there (the
        estimate and the suggestions always stay on it). Returns the pages it took."""
        fits, too_many = 0, self._shelf_rows  # page 1 holds ``fits`` rows, not ``too_many``
        while too_many - fits > 1:
            rows = (fits + too_many) // 2
            if self._lay_out(size, cite, rows, first_only=True) <= 1:
                fits = rows
            else:
                too_many = rows
        return self._lay_out(size, cite, fits)

    def _lay_out(
        self, size: float, cite: bool, split: int | None, *, first_only: bool = False
    ) -> int:
        """Lay out at ``size``; the number of pages it takes."""
        self.font_size_pt, self.cites_foods, self.split = size, cite, split
        self.setHtml(self._render_list(size, cite, split, first_only))
        self.pages = self.pageCount()
        return self.pages


def build_food_list(
    sheet: FoodSheet,
    *,
    person_name: str = "",
    prepared_by: str = "",
    when: dt.date | None = None,
) -> FoodListDocument:
    """The food list for ``sheet``, laid out for the screen on the system's paper (a print
    preview); printing or writing a PDF lays it out again for the device. Needs a
    ``QGuiApplication``."""
    doc = _food_list_document(sheet, person_name, prepared_by, when or dt.date.today())
    screen = QGuiApplication.primaryScreen()
    dpi = round(screen.logicalDotsPerInchY()) if screen is not None else SCREEN_DPI
    doc.fit_page(QSizeF(page_layout(default_paper()).paintRectPixels(dpi).size()))
    return doc


def write_food_list_pdf(
    sheet: FoodSheet,
    path: Path,
    *,
    paper: str = "a4",
    person_name: str = "",
    prepared_by: str = "",
    when: dt.date | None = None,
) -> int:
    """Write the food list to ``path`` as a PDF on A4 or Letter, all at once or not at all;
    the number of pages written (one, or two for a very long list).

    Raises :class:`magplan.printing.files.OutputError` (an ``OSError``) with a one-line reason,
    and ``ValueError`` for a paper other than ``"a4"`` or ``"letter"``.
    """
    if paper not in ("a4", "letter"):
        raise ValueError(f"paper must be 'a4' or 'letter', not {paper!r}")
    chosen: Paper = "letter" if paper == "letter" else "a4"
    doc = _food_list_document(sheet, person_name, prepared_by, when or dt.date.today())
    write_atomically(path, pdf_bytes(doc, chosen))
    return doc.pages


def _food_list_document(
    sheet: FoodSheet, person_name: str, prepared_by: str, when: dt.date
) -> FoodListDocument:
    """The food list, not laid out yet (:meth:`FoodListDocument.fit_page` lays it out)."""
    name = person_name.strip()
    rows = _shelf_rows(sheet.shelves)
    title = sheet.title + (f" for {name}" if name else "")

    def render(size: float, cite: bool, split: int | None, first_only: bool) -> str:
        page = _Page(sheet, name, prepared_by.strip(), when, size)
        return page.html(rows, cite=cite, split=split, first_only=first_only)

    return FoodListDocument(render, len(rows), title)


def _shelf_rows(shelves: Sequence[ShelfView]) -> list[tuple[ShelfView, ...]]:
    """The grocery list's shelves, :data:`SHELVES_ACROSS` to a row, in the sheet's order."""
    return [tuple(shelves[i : i + SHELVES_ACROSS]) for i in range(0, len(shelves), SHELVES_ACROSS)]


# ---- the list's HTML --------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class _Page:
    """The list's HTML at one type size, for one person."""

    sheet: FoodSheet
    name: str
    prepared_by: str
    when: dt.date
    pt: float

    def html(
        self,
        rows: Sequence[tuple[ShelfView, ...]],
        *,
        cite: bool,
        split: int | None,
        first_only: bool,
    ) -> str:
        """The whole list; with ``split``, the shelf rows after the first ``split`` go onto a
        second page (left out with ``first_only``, to measure the first)."""
        first_rows = rows if split is None else rows[:split]
        parts = [self.header(), self.diet(), self.suggestions()]
        if first_rows:
            parts += [self.grocery_heading(), self.shelves(first_rows)]
        if split is not None:
            parts.append(self.continued(bool(first_rows)))
            if first_only:
                return self.document(parts)
            parts += [self.second_page_head(), self.grocery_heading(continued=bool(first_rows))]
            parts.append(self.shelves(rows[split:]))
        parts.append(self.sources(rows, cite))
        return self.document(parts)

    def document(self, parts: Sequence[str]) -> str:
        return f"<html><head><style>{self.css()}</style></head><body>{''.join(parts)}</body></html>"

    def css(self) -> str:
        pt = self.pt
        small = round(pt * 0.85, 1)
        return f"""
          body {{ font-family: 'Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans',
                  sans-serif; font-size: {pt}pt; color: #000000; }}
          p {{ margin-top: 0px; margin-bottom: 0px; }}
          .h2 {{ font-size: {round(pt * 1.15, 1)}pt; font-weight: bold;
                 margin-top: {pt * 1.1}px; margin-bottom: {pt * 0.35}px; }}
          .shelf {{ font-weight: bold; margin-bottom: 2px; }}
          .small {{ font-size: {small}pt; }}
          .muted {{ font-size: {small}pt; color: #333333; }}
          .idea {{ font-size: {small}pt; font-style: italic; margin-top: 1px; }}
          .box {{ border-collapse: collapse; border-color: #000000; border-style: solid; }}
          .box {{ margin-top: 6px; }}
          .tick {{ font-size: {pt}pt; }}
        """

    def header(self) -> str:
        """The title, what the page is for, and who, who prepared it and when."""
        rows = [
            ("Name", f"<b>{_blank(self.name)}</b>"),
            ("Date", _e(f"{self.when.day} {self.when:%B %Y}")),
            ("Prepared by", _blank(self.prepared_by)),
        ]
        facts = "".join(
            f'<tr><td class="small" align="right" style="padding-right: 6px;">{label}:</td>'
            f"<td>{text}</td></tr>"
            for label, text in rows
        )
        return (
            '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
            '<td width="58%" valign="top" style="padding-right: 12px;">'
            f'<p style="font-size: {round(self.pt * 1.9, 1)}pt; font-weight: bold;">'
            f"{_e(self.sheet.title)}</p>"
            '<p class="muted">Foods that carry magnesium, each at a usual serving, and a '
            f"grocery list: tick {BOX} what to buy.</p>"
            "</td>"
            '<td width="42%" valign="top"><table cellspacing="0" cellpadding="1" border="0">'
            f"{facts}</table></td>"
            "</tr></table>"
            '<hr style="height: 2px; background-color: #000000;"/>'
        )

    def diet(self) -> str:
        """The estimate, the foods that carried it and what the supplement adds, framed; nothing
        without a diet."""
        sheet = self.sheet
        if not sheet.estimate:
            return ""
        lines = [f"<b>Your diet.</b> {_e(sheet.estimate)}"]
        lines += [_e(text) for text in (sheet.carried_by, sheet.supplement) if text]
        body = "<br/>".join(lines)
        return (
            '<table width="100%" border="2" cellspacing="0" cellpadding="5" class="box">'
            f"<tr><td><p>{body}</p></td></tr></table>"
        )

    def suggestions(self) -> str:
        """The foods that would close the gap first, one a line; nothing when there are none."""
        sheet = self.sheet
        notes = "".join(f'<p class="muted">{_e(n)}</p>' for n in sheet.notes)
        if not sheet.suggestions:
            return notes
        items = "".join(f"<p>• {_e(s)}</p>" for s in sheet.suggestions)
        return f'<p class="h2">{_e(sheet.suggestions_heading)}</p>{items}{notes}'

    def grocery_heading(self, *, continued: bool = False) -> str:
        head = "Grocery list" + (" (continued)" if continued else "")
        fibre = (
            " (and its fibre: good sources of fibre come first)" if self.sheet.fibre_first else ""
        )
        return (
            f'<p class="h2">{head}</p>'
            '<p class="muted">Each shelf\'s richest foods, with a usual serving and the '
            f"magnesium in it{fibre}, and a few meal ideas.</p>"
        )

    def shelves(self, rows: Sequence[tuple[ShelfView, ...]]) -> str:
        """The shelves, side by side, each a column of foods with their boxes."""
        width = 100 // SHELVES_ACROSS
        out = ['<table width="100%" cellspacing="0" cellpadding="0" border="0">']
        for i, row in enumerate(rows):
            space = f" padding-top: {round(self.pt * 0.9)}px;" if i else ""
            cells = [
                f'<td width="{width}%" valign="top" style="padding-right: 10px;{space}">'
                f"{self.shelf(shelf)}</td>"
                for shelf in row
            ]
            cells += [f'<td width="{width}%"></td>'] * (SHELVES_ACROSS - len(row))
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        return "".join(out)

    def shelf(self, shelf: ShelfView) -> str:
        foods = "".join(self.food(f) for f in shelf.foods)
        ideas = (
            f'<p class="idea">Ideas: {_e("; ".join(shelf.meal_ideas))}.</p>'
            if shelf.meal_ideas
            else ""
        )
        return (
            f'<p class="shelf">{_e(shelf.name)}</p>'
            '<table width="100%" cellspacing="0" cellpadding="0" border="0">'
            f"{foods}</table>{ideas}"
        )

    def food(self, row: FoodRow) -> str:
        """One food: a box, its name, a usual serving, its magnesium (and its fibre when the
        list puts fibre first)."""
        fibre = ""
        if self.sheet.fibre_first:
            fibre = (
                f'<td class="muted" width="8%" align="right" style="padding-left: 4px;">'
                f"{_e(row.fibre)}</td>"
            )
        return (
            f'<tr valign="baseline"><td class="tick" width="5%">{BOX}</td>'
            f"<td>{_e(row.name)}</td>"
            f'<td class="small" width="23%" style="white-space: nowrap; padding-left: 4px;">'
            f"{_e(row.serving)} ({_e(row.grams)})</td>"
            f'<td width="14%" align="right" style="white-space: nowrap; padding-left: 4px;">'
            f"<b>{_e(row.mg)}&#160;mg</b></td>"
            f"{fibre}</tr>"
        )

    def continued(self, some_shelves: bool) -> str:
        what = "the rest of the grocery list" if some_shelves else "the grocery list"
        return (
            '<p style="margin-top: 6px; page-break-after: always;">'
            f"<b>Continued on page 2: {what} and the sources.</b></p>"
        )

    def second_page_head(self) -> str:
        # an empty first line on page 2: a printer draws a page's next lines into its bottom
        # margin, so page 1 would show a sliver of them (as on the card)
        name = f" for {_e(self.name)}" if self.name else ""
        return (
            '<p style="font-size: 34pt;">&#160;</p>'
            f'<p style="font-weight: bold; font-size: {round(self.pt * 1.3, 1)}pt;">'
            f"{_e(self.sheet.title)}{name}: page 2</p>"
        )

    def sources(self, rows: Sequence[tuple[ShelfView, ...]], cite: bool) -> str:
        """Where the numbers come from; each food's FDC description when ``cite``."""
        foods = [food for row in rows for shelf in row for food in shelf.foods]
        cited = _citations(foods) if cite else _e(CITATIONS_ELSEWHERE)
        listed = f'<p class="muted" style="margin-top: 2px;">{cited}</p>' if foods else ""
        return (
            f'<p style="font-size: {round(self.pt * 0.5, 1)}pt;">&#160;</p>'
            '<p class="h2">Sources</p>'
            f'<p class="muted">{_e(self.sheet.sources)}</p>{listed}'
        )


def _blank(text: str, width: int = 26) -> str:
    """The text, or a line to write on by hand."""
    return _e(text) if text else "_" * width


def _citations(foods: Sequence[FoodRow]) -> str:
    """The foods on the list as FoodData Central describes them, in the list's order, by data
    type: "SR Legacy: Seeds, flaxseed; Nuts, almonds; ..."."""
    by_type: dict[str, list[str]] = {}
    for food in {food.id: food for food in foods}.values():
        cited = food.source.removeprefix(f"{FDC}, ")
        data_type, _, description = cited.partition(": ")
        if not description:
            data_type, description = FDC, cited
        by_type.setdefault(data_type, []).append(_e(description))
    listed = " ".join(
        f"<b>{_e(data_type)}:</b> {'; '.join(entries)}." for data_type, entries in by_type.items()
    )
    return f"The foods above, in their order, as {FDC} describes them. {listed}"
