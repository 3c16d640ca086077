"""The printed schedule: a one-page pill card after AHRQ's *How to Create a Pill Card*.

One renderer for every way out of the program: :func:`build_card` makes a
:class:`QTextDocument` (QtGui only, so it runs with the offscreen platform and no display);
:func:`write_pdf` writes it to a PDF, :func:`print_document` sends it to a printer, and the
window's print preview paints it with the same call. The card is laid out with the fonts and
resolution of the device it goes to, and its fonts shrink a step at a time until it fits one
page (down to a floor that stays readable; a plan too long even then runs onto a second page).

The card reads in black and white: severities are words (DANGER, CAUTION, NOTE) and the
time-of-day mark is a filled dot, never a colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.plan import Plan
from magplan.core.values import value
from magplan.present import DoseRow, PlanView, WarningRow, present
from magplan.present.words import SUPERVISED, UPPER_LIMIT, format_mg, supervised_by
from magplan.printing.files import write_atomically

Paper = Literal["a4", "letter"]

COLUMNS = ("Morning", "Noon", "Evening", "Bedtime")
MARK = "●"
MARGIN_MM = 12.0
PDF_DPI = 600
FONT_SIZES_PT = tuple(10.0 - 0.25 * i for i in range(13))
"""Base font sizes tried in turn until the card fits one page; 7 pt is the readable floor."""
LAYOUTS = ((FONT_SIZES_PT[0], False), *((size, True) for size in FONT_SIZES_PT))
"""(font size, compact) in the order tried: roomy at full size, then compact (the ramp and the
medicines side by side) at shrinking sizes."""
OVERFLOW_LEVELS = (1, 2, 3)
"""When even the smallest layout takes two pages, what moves to a clearly marked second page,
level by level: (1) the tick grid, the notes and the sources; (2) and the other medicines;
(3) and every warning but the dangers. The schedule's rows never leave the first page."""

# Territories that use US Letter paper (ISO 3166 codes): the US and the Americas that follow
# it, and the Philippines. Everyone else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "CL", "CO", "CR", "DO", "SV", "GT", "NI", "PA", "PH", "PR", "VE", "BZ"}
)


def default_paper(locale: QLocale | None = None) -> Paper:
    """Letter where the locale's territory uses it (US, Canada, Mexico, ...), else A4."""
    territory = (locale if locale is not None else QLocale()).territory()
    return "letter" if QLocale.territoryToCode(territory) in LETTER_TERRITORIES else "a4"


@value
class CardInfo:
    """What the card says about who it is for: the person, who prepared it, when, the paper."""

    person_name: str = ""
    prepared_by: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    paper: Paper = field(default_factory=default_paper)


def page_layout(paper: Paper) -> QPageLayout:
    """Portrait A4 or Letter with 12 mm margins all round."""
    size = QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


class CardDocument(QTextDocument):
    """The pill card. It keeps its HTML source so it can re-fit itself to any page."""

    def __init__(self, render: Callable[[float, bool, int, bool], str], title: str) -> None:
        super().__init__()
        self._render = render
        self.font_size_pt = FONT_SIZES_PT[0]
        self.compact = False
        self.overflow = 0
        self.setDocumentMargin(0)
        self.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)

    def fit_page(self, page_size: QSizeF) -> None:
        """Lay out on pages of ``page_size`` (device pixels): the roomiest layout that fits one."""
        self.setPageSize(page_size)
        self.overflow = 0
        if self._fits(FONT_SIZES_PT[0], False) or self._fits(FONT_SIZES_PT[0], True):
            return
        # Text height grows about with the square of the font size (taller lines, and more of
        # them as lines wrap): start at the size that should just fit, and step down from there
        # (a quarter point smaller than the very largest that fits, at worst): three or four
        # layouts instead of one per size.
        height = self._content_height()
        guess = FONT_SIZES_PT[0] * (page_size.height() / height) ** 0.5 if height else 0.0
        i = next((j for j, size in enumerate(FONT_SIZES_PT) if size <= guess), 1)
        i = max(1, min(i, len(FONT_SIZES_PT) - 1))
        for size in FONT_SIZES_PT[i:]:
            if self._fits(size, True):
                return
        # Too much for one page even at the smallest size: the rest goes to a second page, so
        # that the first keeps the whole schedule and what is most important.
        size = FONT_SIZES_PT[-1]
        for level in OVERFLOW_LEVELS:
            self.overflow = level
            self.setHtml(self._render(size, True, level, True))
            if self.pageCount() <= 1 or level == OVERFLOW_LEVELS[-1]:
                break
        self.setHtml(self._render(size, True, self.overflow, False))

    def _fits(self, size: float, compact: bool) -> bool:
        """Lay out at ``size`` (compact or roomy); whether it fits one page."""
        self.font_size_pt, self.compact = size, compact
        self.setHtml(self._render(size, compact, 0, False))
        return self.pageCount() <= 1

    def _content_height(self) -> float:
        """How tall the laid-out text is, across its pages (without the last page's blank)."""
        last = self.lastBlock()
        rect = self.documentLayout().blockBoundingRect(last)
        return float(rect.bottom())

    def fit_to(self, device: QPagedPaintDevice) -> None:
        """Lay out with ``device``'s fonts and resolution on its printable area."""
        self.documentLayout().setPaintDevice(device)
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.fit_page(QSizeF(rect.size()))


def _screen_dpi() -> int:
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    return round(screen.logicalDotsPerInchY()) if screen is not None else 96


def build_card(plan: Plan, info: CardInfo) -> QTextDocument:
    """The one-page card for ``plan``, laid out for the screen on ``info.paper``.

    Printing or writing a PDF lays it out again for the device (see :func:`print_document`).
    Needs a ``QGuiApplication``.
    """
    doc = _card_document(plan, load_knowledge(), info)
    rect = page_layout(info.paper).paintRectPixels(_screen_dpi())
    doc.fit_page(QSizeF(rect.size()))
    return doc


def _card_document(plan: Plan, k: Knowledge, info: CardInfo) -> CardDocument:
    """The card, not laid out yet: :meth:`CardDocument.fit_page` or ``fit_to`` lays it out."""
    view = present(plan, k)
    title = "Daily magnesium schedule"
    if info.person_name.strip():
        title += f" for {info.person_name.strip()}"
    return CardDocument(
        lambda size, compact, overflow, first_only: card_html(
            view, info, size, compact=compact, overflow=overflow, first_page_only=first_only
        ),
        title,
    )


def print_document(doc: QTextDocument, printer: QPagedPaintDevice) -> None:
    """Print ``doc`` on ``printer`` (a QPrinter, a QPdfWriter or a preview's printer).

    A card is first laid out again for the printer's own page and resolution.
    """
    if isinstance(doc, CardDocument):
        doc.fit_to(printer)
    else:
        rect = printer.pageLayout().paintRectPixels(printer.logicalDpiX())
        doc.documentLayout().setPaintDevice(printer)
        doc.setPageSize(QSizeF(rect.size()))
    try:
        doc.print_(printer)
    finally:
        doc.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]


def pdf_bytes(doc: QTextDocument, paper: Paper) -> bytes:
    """``doc`` as a PDF on A4 or Letter."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Magnesium Planner")
    print_document(doc, writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(buffer.data().data())


def write_pdf(plan: Plan, info: CardInfo, path: str | Path) -> None:
    """Write the card to ``path`` as a PDF, all at once or not at all.

    Raises :class:`magplan.printing.files.OutputError` (an ``OSError``) with a one-line reason.
    """
    # Laid out once, for the PDF writer (in print_document): a screen layout first, as the
    # preview needs, would be thrown away.
    doc = _card_document(plan, load_knowledge(), info)
    write_atomically(path, pdf_bytes(doc, info.paper))


# ---- the card's HTML ------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _date_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


class _Sources:
    """Source keys numbered in the order the card first cites them."""

    def __init__(self, k: Knowledge) -> None:
        self._k = k
        self.keys: list[str] = []

    def cite(self, keys: Iterable[str]) -> str:
        numbers = []
        for key in keys:
            if key not in self._k.sources:
                continue
            if key not in self.keys:
                self.keys.append(key)
            numbers.append(str(self.keys.index(key) + 1))
        return f"[{',&#160;'.join(numbers)}]" if numbers else ""


def card_html(
    view: PlanView,
    info: CardInfo,
    pt: float,
    *,
    compact: bool = False,
    overflow: int = 0,
    first_page_only: bool = False,
) -> str:
    """The card as Qt rich text with base font size ``pt``; ``compact`` sets the ramp and the
    other medicines side by side; ``overflow`` moves parts to a second page (see
    :data:`OVERFLOW_LEVELS`), and ``first_page_only`` leaves that page out (to measure the
    first)."""
    plan = view.plan
    sources = _Sources(view.knowledge)
    first = [_header(plan, info, pt)]
    if plan.blocked:
        first.append(_gate(view, sources, pt))
    else:
        first += [_summary(view), _dose_table(view, pt)]
    first.append(_diet(view))
    ramp = "" if plan.blocked else _titration(view)
    medicines = _medicines(view) if overflow < 2 else ""
    first += [_side_by_side(ramp, medicines)] if compact else [ramp, medicines]
    first_warnings, later_warnings = _split_warnings(view, overflow)
    first.append(_warnings(first_warnings, sources))
    later = [_medicines(view)] if overflow >= 2 else []
    later.append(_warnings(later_warnings, sources))
    if not plan.blocked and plan.doses:
        (later if overflow else first).append(_tick_grid(view))
    later.append(_footer(view, sources))
    if overflow:
        later = _second_page(info, pt, overflow, later, first_page_only)
    body = "".join(first + later)
    return f"<html><head><style>{_css(pt)}</style></head><body>{body}</body></html>"


def _css(pt: float) -> str:
    """The card's style sheet at base font size ``pt``: every repeated style has a class."""
    small = round(pt * 0.85, 1)
    return f"""
      body {{ font-family: 'Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans', sans-serif;
              font-size: {pt}pt; color: #000000; }}
      p {{ margin-top: 0px; margin-bottom: 0px; }}
      .h2 {{ font-size: {round(pt * 1.15, 1)}pt; font-weight: bold; margin-top: {pt * 1.1}px;
             margin-bottom: {pt * 0.35}px; }}
      .small {{ font-size: {small}pt; }}
      .muted {{ font-size: {small}pt; color: #333333; }}
      th {{ background-color: #e0e0e0; font-weight: bold; text-align: left;
            font-size: {small}pt; }}
      .grid, .box, .gate {{ border-collapse: collapse; border-color: #000000;
                            border-style: solid; }}
      .box {{ margin-top: 4px; }}
      .gate {{ margin-top: 10px; }}
      .danger {{ background-color: #000000; color: #ffffff; font-weight: bold; }}
      .caution {{ border: 2px solid #000000; font-weight: bold; }}
      .tick {{ padding: 6px; }}
    """


def _second_page(
    info: CardInfo, pt: float, overflow: int, later: list[str], first_page_only: bool
) -> list[str]:
    """The line that sends the reader to page 2, then page 2 (left out to measure page 1)."""
    out = [
        '<p style="margin-top: 6px; page-break-after: always;"><b>Continued on page 2: '
        f"{_e(_later_words(overflow))}.</b></p>"
    ]
    if first_page_only:
        return out
    name = info.person_name.strip()
    # an empty first line on page 2: a printer draws a page's next lines into its bottom
    # margin, so page 1 would show a sliver of them
    out.append('<p style="font-size: 34pt;">&#160;</p>')
    out.append(
        f'<p style="font-weight: bold; font-size: {round(pt * 1.3, 1)}pt;">'
        "Page 2 of the daily magnesium schedule" + (f" for {_e(name)}" if name else "") + "</p>"
    )
    return out + later


def _later_words(overflow: int) -> str:
    """What the second page holds, for the line that sends the reader there."""
    words = ["the notes", "the tick grid", "the sources"]
    if overflow >= 2:
        words.insert(0, "your other medicines")
    if overflow >= 3:
        words.insert(0, "the cautions")
    return ", ".join(words[:-1]) + " and " + words[-1]


def _split_warnings(view: PlanView, overflow: int) -> tuple[list[WarningRow], list[WarningRow]]:
    """The warnings for the first page and for the second (see :data:`OVERFLOW_LEVELS`); a
    blocked card shows its dangers in the gate, and the weekday times under the schedule."""
    blocked = view.plan.blocked
    shown = [
        w
        for w in view.warnings
        if not (blocked and w.severity == "danger") and w.code != WEEKDAY_CODE
    ]
    first: tuple[str, ...] = ("danger", "caution", "info")
    if overflow >= 3:
        first = ("danger",)
    elif overflow:
        first = ("danger", "caution")
    return [w for w in shown if w.severity in first], [w for w in shown if w.severity not in first]


WEEKDAY_CODE = "weekday-times"


def _table(pad: float = 3, css_class: str = "grid", border: int = 1) -> str:
    """A ruled table across the page: ``grid`` for rows of a section, ``box`` for a framed
    message under one, ``gate`` for the blocked card's frame."""
    return (
        f'<table width="100%" border="{border}" cellspacing="0" cellpadding="{pad}" '
        f'class="{css_class}">'
    )


def _blank(text: str, width: int = 26) -> str:
    """The text, or a line to write on by hand."""
    return _e(text.strip()) if text.strip() else "_" * width


def _header(plan: Plan, info: CardInfo, pt: float) -> str:
    title_pt = round(pt * 1.9, 1)
    rows = [
        ("Name", f"<b>{_blank(info.person_name)}</b>"),
        ("Date", _e(_date_text(info.date))),
        ("Prepared by", _blank(info.prepared_by)),
        ("Questions? Call", "_" * 26),
    ]
    facts = "".join(
        f'<tr><td class="small" align="right" style="padding-right: 6px;">{label}:</td>'
        f"<td>{value}</td></tr>"
        for label, value in rows
    )
    out = (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        '<td width="55%" valign="top">'
        f'<p style="font-size: {title_pt}pt; font-weight: bold;">Daily magnesium schedule</p>'
        '<p class="muted">Take each dose at the time shown. Keep this page with your '
        "medicines and bring it to every appointment.</p>"
        "</td>"
        f'<td width="45%" valign="top"><table cellspacing="0" cellpadding="1" border="0">'
        f"{facts}</table></td>"
        "</tr></table>"
        '<hr style="height: 2px; background-color: #000000;"/>'
    )
    if plan.supervised:
        supervisor = plan.supervised_by or info.prepared_by.strip()
        out += (
            _table(4, "box", border=2) + f'<tr><td><p style="font-size: {round(pt * 1.1, 1)}pt;">'
            f"<b>{SUPERVISED.upper()}</b>{_e(supervised_by(supervisor))}</p>"
            "</td></tr></table>"
        )
    return out


def _gate(view: PlanView, sources: _Sources, pt: float) -> str:
    gates = view.dangers or view.warnings[:1]
    body = "".join(
        f'<p style="margin-top: 6px;"><span style="font-size: {round(pt * 1.3, 1)}pt;">'
        f"<b>{w.label}:</b> {_e(w.message)}</span> "
        f'<span class="small">{sources.cite(w.warning.sources)}</span></p>'
        for w in gates
    )
    return (
        _table(10, "gate", border=3) + "<tr><td>"
        f'<p style="font-size: {round(pt * 2, 1)}pt; font-weight: bold;">'
        "NO MAGNESIUM SCHEDULE</p>"
        f'<p style="font-size: {round(pt * 1.2, 1)}pt;">Do not start magnesium from this page. '
        "The planner made no schedule, for this reason:</p>"
        f"{body}</td></tr></table>"
    )


def _summary(view: PlanView) -> str:
    plan = view.plan
    if not plan.doses:
        return (
            '<p class="h2">No doses planned</p>'
            "<p>The planner found no dose to plan for this person: see the warnings below.</p>"
        )
    n = len(plan.doses)
    lines = [
        f"<b>Each day: {view.daily} of elemental magnesium</b> as "
        f"{_e(view.forms_in_sentence)}, in {n} dose{'s' if n != 1 else ''}."
    ]
    if plan.other_magnesium_mg:
        lines.append(
            f"With {format_mg(plan.other_magnesium_mg)} from your other products: "
            f"<b>{format_mg(plan.total_with_other_mg)} a day in total</b>."
        )
    if plan.upper_limit_mg is not None:
        verdict = ""
        if plan.warning("above-upper-limit") is not None:
            verdict = " <b>This plan is above it: only under medical supervision.</b>"
        lines.append(
            f"{UPPER_LIMIT}: <b>{plan.upper_limit_mg} mg a day</b> "
            f"({_e(plan.limit_name)}).{verdict}"
        )
    return (
        '<p style="margin-top: 8px; margin-bottom: 6px;">'
        + "<br/>".join(lines)
        + " Amounts are elemental magnesium, not the weight of the compound.</p>"
    )


def _diet(view: PlanView) -> str:
    """The card's one line about food: the diet estimate and the gap to the RDA, when the
    person gave their diet (nothing otherwise)."""
    line = view.diet
    if not line:
        return ""
    label, colon, rest = line.partition(": ")
    text = f"<b>{_e(label)}:</b> {_e(rest)}" if colon else _e(line)
    return f'<p style="margin-top: 4px;">{text}</p>'


_DOSE_HEAD = (
    "<tr>"
    '<th width="8%">Time</th>'
    + "".join(
        f'<th width="9%" align="center" style="white-space: nowrap;">{c}</th>' for c in COLUMNS
    )
    + '<th width="19%">Take</th>'
    '<th width="12%">Magnesium</th>'
    '<th width="12%">Food</th>'
    '<th width="13%">For</th>'
    "</tr>"
)


def _dose_table(view: PlanView, pt: float) -> str:
    if not view.doses:
        return ""
    big = round(pt * 1.25, 1)
    rows = [_dose_rows(d, big) for d in view.doses]
    return _table(3) + _DOSE_HEAD + "".join(rows) + "</table>" + _weekdays(view)


def _dose_rows(d: DoseRow, big: float) -> str:
    """A dose's row of the schedule, with its reason in a row of its own below."""
    other_days = "".join(f'<br/><span class="small">{_e(w)}</span>' for w in d.other_days)
    marks = "".join(
        f'<td align="center" valign="middle" style="font-size: {big}pt;">'
        f"{MARK if c == d.column else ''}</td>"
        for c in COLUMNS
    )
    about = d.compound_short
    compound = f'<br/><span class="small">{_e(about)}</span>' if about else ""
    return (
        "<tr>"
        f'<td valign="middle" style="font-size: {big}pt; white-space: nowrap;">'
        f"<b>{d.time}</b>{other_days}</td>"
        f"{marks}"
        f'<td valign="middle"><b>{_e(d.amount)}</b><br/>'
        f'<span class="small">{_e(d.product_name)}</span></td>'
        f'<td valign="middle"><b>{d.elemental}</b>{compound}</td>'
        f'<td valign="middle">{d.food_label}</td>'
        f'<td valign="middle">{_e(d.goals_label)}</td>'
        "</tr>"
        f'<tr><td></td><td colspan="8" class="small"><i>{_e(d.reason)}</i></td></tr>'
    )


def _weekdays(view: PlanView) -> str:
    """The days a weekday-only medicine changes the times, right under the schedule."""
    days = [w for w in view.warnings if w.code == WEEKDAY_CODE]
    if not days:
        return ""
    return (
        _table(4, "box", border=2)
        + "".join(f"<tr><td><b>{_e(w.message)}</b></td></tr>" for w in days)
        + "</table>"
    )


def _side_by_side(left: str, right: str) -> str:
    """Two sections next to each other, or the one there is across the page."""
    if not (left and right):
        return left or right
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
        f'<td width="44%" valign="top" style="padding-right: 8px;">{left}</td>'
        f'<td width="56%" valign="top">{right}</td>'
        "</tr></table>"
    )


def _titration(view: PlanView) -> str:
    if not view.has_ramp:
        return ""
    rows = []
    for row in view.ramp:
        if row.last:
            when, what = f"Week {row.week} on", "The full schedule above"
        else:
            when, what = f"Week {row.week}<br/>{row.days}", _e(row.taken_and_skipped)
        rows.append(
            f'<tr><td class="small">{when}</td><td><b>{row.daily}</b></td><td>{what}</td></tr>'
        )
    return (
        '<p class="h2">Start low: step up each week</p>'
        + _table(2)
        + '<tr><th width="19%">When</th><th width="21%">Each day</th><th>What to take</th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _medicines(view: PlanView) -> str:
    if not view.medicines:
        return ""
    rows = "".join(
        f"<tr><td><b>{_e(m.label)}</b></td>"
        f"<td>{m.times}" + (f"<br/>{_e(m.weekdays)}" if m.weekdays else "") + "</td>"
        f"<td>{_e(m.rule_label)}"
        + (f' <span class="small">({_e(m.strength)})</span>' if m.strength else "")
        + "</td></tr>"
        for m in view.medicines
    )
    return (
        '<p class="h2">Your other medicines</p>'
        + _table(2)
        + '<tr><th width="36%">Medicine</th><th width="30%">Taken at</th>'
        "<th>Keep apart from magnesium</th></tr>" + rows + "</table>"
    )


def _warnings(shown: list[WarningRow], sources: _Sources) -> str:
    """The warnings, each with its severity as a word in a badge (black for a danger, framed
    for a caution) and its sources' numbers."""
    if not shown:
        return ""
    rows = []
    for w in shown:
        badge_class = f' class="{w.severity}"' if w.severity in ("danger", "caution") else ""
        badge = f'<td width="11%" align="center" valign="middle"{badge_class}>{w.label}</td>'
        cite = sources.cite(w.warning.sources)
        rows.append(
            f'<tr>{badge}<td>{_e(w.message)}&#160;<span class="small">{cite}</span></td></tr>'
        )
    return '<p class="h2">Warnings</p>' + _table(2) + "".join(rows) + "</table>"


def _tick_grid(view: PlanView) -> str:
    days = "".join(f'<th align="center">Day {i}</th>' for i in range(1, 8))
    rows = "".join(
        f"<tr><td><b>{d.time}</b> {_e(d.amount)}"
        + "".join(f'<br/><span class="small">{_e(w)}</span>' for w in d.other_days)
        + "</td>"
        + '<td class="tick">&nbsp;</td>' * 7
        + "</tr>"
        for d in view.doses
    )
    return (
        '<p class="h2">Tick each dose when you take it</p>'
        + _table(2)
        + f'<tr><th width="23%">Dose</th>{days}</tr>'
        + rows
        + "</table>"
        + '<p class="small">Date of day 1: ______________</p>'
    )


def _footer(view: PlanView, sources: _Sources) -> str:
    """The notes, then every source the card cites, numbered as cited (the chosen forms',
    the disclaimer's and AHRQ's pill card come last)."""
    plan, k = view.plan, view.knowledge
    for choice in plan.suggestions:
        if choice.form in plan.forms:
            sources.cite(choice.sources)
    sources.cite(k.disclaimer.sources)
    sources.cite(["AHRQ"])
    notes = "".join(
        f"<p><b>{_e(n)}</b></p>" if i == 0 else f"<p>{_e(n)}</p>" for i, n in enumerate(plan.notes)
    )
    listed = " ".join(
        f"[{i}] {_e(k.sources[key].title)}." for i, key in enumerate(sources.keys, start=1)
    )
    return (
        f'<p class="h2">Important</p>{notes}<p class="h2">Sources</p><p class="muted">{listed}</p>'
    )
