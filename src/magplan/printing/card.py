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
from dataclasses import dataclass, field
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
from magplan.core.plan import Dose, Plan, PlanWarning
from magplan.core.request import PlanRequest, format_weekdays
from magplan.core.text import (
    SEVERITY_LABELS,
    compound_text,
    format_mg,
    format_units,
    medicine_label,
    time_of_day_column,
    weekday_times_of,
)
from magplan.core.timeofday import format_time
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


@dataclass(frozen=True)
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


def build_card(plan: Plan, request: PlanRequest, info: CardInfo) -> QTextDocument:
    """The one-page card for ``plan``, laid out for the screen on ``info.paper``.

    Printing or writing a PDF lays it out again for the device (see :func:`print_document`).
    Needs a ``QGuiApplication``.
    """
    doc = _card_document(plan, request, info)
    rect = page_layout(info.paper).paintRectPixels(_screen_dpi())
    doc.fit_page(QSizeF(rect.size()))
    return doc


def _card_document(plan: Plan, request: PlanRequest, info: CardInfo) -> CardDocument:
    """The card, not laid out yet: :meth:`CardDocument.fit_page` or ``fit_to`` lays it out."""
    k = load_knowledge()
    title = "Daily magnesium schedule"
    if info.person_name.strip():
        title += f" for {info.person_name.strip()}"
    return CardDocument(
        lambda size, compact, overflow, first_only: card_html(
            plan,
            request,
            info,
            k,
            size,
            compact=compact,
            overflow=overflow,
            first_page_only=first_only,
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


def write_pdf(plan: Plan, request: PlanRequest, info: CardInfo, path: str | Path) -> None:
    """Write the card to ``path`` as a PDF, all at once or not at all.

    Raises :class:`magplan.printing.files.OutputError` (an ``OSError``) with a one-line reason.
    """
    # Laid out once, for the PDF writer (in print_document): a screen layout first, as the
    # preview needs, would be thrown away.
    doc = _card_document(plan, request, info)
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
    plan: Plan,
    request: PlanRequest,
    info: CardInfo,
    k: Knowledge,
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
    del request  # the plan carries everything the card shows; kept for the contract
    sources = _Sources(k)
    small = round(pt * 0.85, 1)
    css = f"""
      body {{ font-family: 'Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans', sans-serif;
              font-size: {pt}pt; color: #000000; }}
      p {{ margin-top: 0px; margin-bottom: 0px; }}
      .h2 {{ font-size: {round(pt * 1.15, 1)}pt; font-weight: bold; margin-top: {pt * 1.1}px;
             margin-bottom: {pt * 0.35}px; }}
      .small {{ font-size: {small}pt; }}
      .muted {{ font-size: {small}pt; color: #333333; }}
      th {{ background-color: #e0e0e0; font-weight: bold; text-align: left;
            font-size: {small}pt; }}
    """
    parts = [f"<html><head><style>{css}</style></head><body>"]
    parts.append(_header(plan, info, pt))
    if plan.blocked:
        parts.append(_gate(plan, sources, pt))
    else:
        parts.append(_summary(plan, k))
        parts.append(_dose_table(plan, k, pt))
    ramp = "" if plan.blocked else _titration(plan)
    medicines = _medicines(plan) if overflow < 2 else ""
    if compact:
        parts.append(_side_by_side(ramp, medicines))
    else:
        parts += [ramp, medicines]
    first_warnings, later_warnings = _split_warnings(plan, overflow)
    parts.append(_warnings(first_warnings, sources, pt))
    later = []
    if overflow >= 2:
        later.append(_medicines(plan))
    later.append(_warnings(later_warnings, sources, pt))
    if not plan.blocked and plan.doses:
        (later if overflow else parts).append(_tick_grid(plan))
    for choice in plan.suggestions:
        if choice.form in plan.forms:
            sources.cite(choice.sources)
    sources.cite(k.disclaimer.sources)
    sources.cite(["AHRQ"])
    later.append(_footer(plan, sources, k))
    if overflow:
        parts.append(
            '<p style="margin-top: 6px; page-break-after: always;"><b>Continued on page 2: '
            f"{_e(_later_words(overflow))}.</b></p>"
        )
        if not first_page_only:
            # an empty first line on page 2: a printer draws a page's next lines into its
            # bottom margin, so page 1 would show a sliver of them
            parts.append('<p style="font-size: 34pt;">&#160;</p>')
            parts.append(
                f'<p style="font-weight: bold; font-size: {round(pt * 1.3, 1)}pt;">'
                "Page 2 of the daily magnesium schedule"
                + (f" for {_e(info.person_name.strip())}" if info.person_name.strip() else "")
                + "</p>"
            )
            parts += later
    else:
        parts += later
    parts.append("</body></html>")
    return "".join(parts)


def _later_words(overflow: int) -> str:
    """What the second page holds, for the line that sends the reader there."""
    words = ["the notes", "the tick grid", "the sources"]
    if overflow >= 2:
        words.insert(0, "your other medicines")
    if overflow >= 3:
        words.insert(0, "the cautions")
    return ", ".join(words[:-1]) + " and " + words[-1]


def _split_warnings(plan: Plan, overflow: int) -> tuple[list[PlanWarning], list[PlanWarning]]:
    """The warnings for the first page and for the second (see :data:`OVERFLOW_LEVELS`); a
    blocked card shows its dangers in the gate, and the weekday times under the schedule."""
    shown = [
        w
        for w in plan.warnings
        if not (plan.blocked and w.severity == "danger") and w.code != WEEKDAY_CODE
    ]
    first: tuple[str, ...] = ("danger", "caution", "info")
    if overflow >= 3:
        first = ("danger",)
    elif overflow:
        first = ("danger", "caution")
    return [w for w in shown if w.severity in first], [w for w in shown if w.severity not in first]


_TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="{pad}" '
    'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
)


WEEKDAY_CODE = "weekday-times"


def _table(pad: float = 3) -> str:
    return _TABLE.format(pad=pad)


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
            '<table width="100%" border="2" cellspacing="0" cellpadding="4" '
            'style="border-collapse: collapse; border-color: #000000; border-style: solid; '
            'margin-top: 4px;"><tr><td>'
            f'<p style="font-size: {round(pt * 1.1, 1)}pt;"><b>PRESCRIBED AND SUPERVISED</b>'
            + (f" by <b>{_e(supervisor)}</b>" if supervisor else "")
            + " &#8212; a clinician confirmed that this plan is prescribed and supervised.</p>"
            "</td></tr></table>"
        )
    return out


def _gate(plan: Plan, sources: _Sources, pt: float) -> str:
    gates = [w for w in plan.warnings if w.severity == "danger"] or list(plan.warnings)[:1]
    body = "".join(
        f'<p style="margin-top: 6px;"><span style="font-size: {round(pt * 1.3, 1)}pt;">'
        f"<b>{SEVERITY_LABELS[w.severity]}:</b> {_e(w.message)}</span> "
        f'<span class="small">{sources.cite(w.sources)}</span></p>'
        for w in gates
    )
    return (
        '<table width="100%" border="3" cellspacing="0" cellpadding="10" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid; '
        'margin-top: 10px;"><tr><td>'
        f'<p style="font-size: {round(pt * 2, 1)}pt; font-weight: bold;">'
        "NO MAGNESIUM SCHEDULE</p>"
        f'<p style="font-size: {round(pt * 1.2, 1)}pt;">Do not start magnesium from this page. '
        "The planner made no schedule, for this reason:</p>"
        f"{body}</td></tr></table>"
    )


def _form_names(plan: Plan, k: Knowledge) -> str:
    names = [k.forms[f].name for f in plan.forms]
    return " and ".join(n[0].lower() + n[1:] for n in names) if names else "magnesium"


def _summary(plan: Plan, k: Knowledge) -> str:
    if not plan.doses:
        return (
            '<p class="h2">No doses planned</p>'
            "<p>The planner found no dose to plan for this person: see the warnings below.</p>"
        )
    n = len(plan.doses)
    lines = [
        f"<b>Each day: {format_mg(plan.daily_elemental_mg)} of elemental magnesium</b> as "
        f"{_e(_form_names(plan, k))}, in {n} dose{'s' if n != 1 else ''}."
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
            f"Upper limit from supplements and medicines: <b>{plan.upper_limit_mg} mg a day</b> "
            f"({_e(plan.limit_name)}).{verdict}"
        )
    return (
        '<p style="margin-top: 8px; margin-bottom: 6px;">'
        + "<br/>".join(lines)
        + " Amounts are elemental magnesium, not the weight of the compound.</p>"
    )


def _food(dose: Dose) -> str:
    return "With food" if dose.with_food else "Without food"


def _dose_table(plan: Plan, k: Knowledge, pt: float) -> str:
    if not plan.doses:
        return ""
    head = (
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
    rows = []
    big = round(pt * 1.25, 1)
    for i, d in enumerate(plan.doses):
        other_days = "".join(
            f'<br/><span class="small">{_e(w)}</span>' for w in weekday_times_of(plan, i)
        )
        column = time_of_day_column(d.time_min, at_bedtime=d.at_bedtime, wake_min=plan.wake_min)
        marks = "".join(
            f'<td align="center" valign="middle" style="font-size: {big}pt;">'
            f"{MARK if c == column else ''}</td>"
            for c in COLUMNS
        )
        product = d.product_label or k.forms[d.form].name
        amount = format_units(d.units, d.unit)
        about = compound_text(d, k.forms[d.form].name, short=True)
        compound = f'<br/><span class="small">{_e(about)}</span>' if about else ""
        goals = ", ".join(k.goals[g].name for g in d.goals) or "General use"
        rows.append(
            "<tr>"
            f'<td valign="middle" style="font-size: {big}pt; white-space: nowrap;">'
            f"<b>{d.time}</b>{other_days}</td>"
            f"{marks}"
            f'<td valign="middle"><b>{_e(amount)}</b><br/>'
            f'<span class="small">{_e(product)}</span></td>'
            f'<td valign="middle"><b>{format_mg(d.elemental_mg)}</b>{compound}</td>'
            f'<td valign="middle">{_food(d)}</td>'
            f'<td valign="middle">{_e(goals)}</td>'
            "</tr>"
            f'<tr><td></td><td colspan="8" class="small"><i>{_e(d.reason)}</i></td></tr>'
        )
    return _table(3) + head + "".join(rows) + "</table>" + _weekdays(plan)


def _weekdays(plan: Plan) -> str:
    """The days a weekday-only medicine changes the times, right under the schedule."""
    days = [w for w in plan.warnings if w.code == WEEKDAY_CODE]
    if not days:
        return ""
    return (
        '<table width="100%" border="2" cellspacing="0" cellpadding="4" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid; '
        'margin-top: 4px;">'
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


def _titration(plan: Plan) -> str:
    if len(plan.titration) < 2:
        return ""
    rows = []
    last = len(plan.titration)
    for step in plan.titration:
        first_day = (step.week - 1) * 7 + 1
        if step.week == last:
            when = f"Week {step.week} on"
            what = "The full schedule above"
        else:
            when = f"Week {step.week}<br/>days {first_day}-{first_day + 6}"
            what = _step_doses(plan.doses, step.doses)
        rows.append(
            f'<tr><td class="small">{when}</td>'
            f"<td><b>{format_mg(step.daily_elemental_mg)}</b></td><td>{what}</td></tr>"
        )
    return (
        '<p class="h2">Start low: step up each week</p>'
        + _table(2)
        + '<tr><th width="19%">When</th><th width="21%">Each day</th><th>What to take</th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _step_doses(doses: tuple[Dose, ...], step: tuple[tuple[int, float], ...]) -> str:
    """``"22:00 2 capsules; skip 18:30"`` for one week of the ramp."""
    taken: list[str] = []
    skipped: list[str] = []
    remaining = list(step)
    for d in doses:
        if remaining and remaining[0][0] == d.time_min:
            _, units = remaining.pop(0)
            taken.append(f"{d.time} {format_units(units, d.unit)}")
        else:
            skipped.append(d.time)
    text = ", ".join(taken)
    if skipped:
        text += f"; skip {', '.join(skipped)}"
    return _e(text)


def _medicines(plan: Plan) -> str:
    if not plan.medicines:
        return ""
    rows = "".join(
        f"<tr><td><b>{_e(medicine_label(m.name, m.class_name))}</b></td>"
        f"<td>{', '.join(format_time(t) for t in m.times_min)}"
        + (f"<br/>{_e(format_weekdays(m.weekdays))}" if m.weekdays else "")
        + "</td>"
        f"<td>{_e(m.rule) if m.rule else 'no timing rule'}"
        + (f' <span class="small">({_e(m.strength)})</span>' if m.strength else "")
        + "</td></tr>"
        for m in plan.medicines
    )
    return (
        '<p class="h2">Your other medicines</p>'
        + _table(2)
        + '<tr><th width="36%">Medicine</th><th width="30%">Taken at</th>'
        "<th>Keep apart from magnesium</th></tr>" + rows + "</table>"
    )


def _warnings(shown: list[PlanWarning], sources: _Sources, pt: float) -> str:
    if not shown:
        return ""
    rows = []
    for w in shown:
        label = SEVERITY_LABELS[w.severity]
        if w.severity == "danger":
            badge = (
                f'<td width="11%" align="center" valign="middle" '
                f'style="background-color: #000000; color: #ffffff; font-weight: bold;">'
                f"{label}</td>"
            )
        elif w.severity == "caution":
            badge = (
                f'<td width="11%" align="center" valign="middle" '
                f'style="border: 2px solid #000000; font-weight: bold;">{label}</td>'
            )
        else:
            badge = f'<td width="11%" align="center" valign="middle">{label}</td>'
        cite = sources.cite(w.sources)
        rows.append(
            f'<tr>{badge}<td>{_e(w.message)}&#160;<span class="small">{cite}</span></td></tr>'
        )
    return (
        '<p class="h2">Warnings</p>'
        '<table width="100%" border="1" cellspacing="0" cellpadding="2" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
        + "".join(rows)
        + "</table>"
    )


def _tick_grid(plan: Plan) -> str:
    days = "".join(f'<th align="center">Day {i}</th>' for i in range(1, 8))
    rows = "".join(
        f"<tr><td><b>{d.time}</b> {_e(format_units(d.units, d.unit))}"
        + "".join(f'<br/><span class="small">{_e(w)}</span>' for w in weekday_times_of(plan, i))
        + "</td>"
        + "".join('<td style="padding: 6px;">&nbsp;</td>' for _ in range(7))
        + "</tr>"
        for i, d in enumerate(plan.doses)
    )
    return (
        '<p class="h2">Tick each dose when you take it</p>'
        + _table(2)
        + f'<tr><th width="23%">Dose</th>{days}</tr>'
        + rows
        + "</table>"
        + '<p class="small">Date of day 1: ______________</p>'
    )


def _footer(plan: Plan, sources: _Sources, k: Knowledge) -> str:
    notes = "".join(
        f"<p><b>{_e(n)}</b></p>" if i == 0 else f"<p>{_e(n)}</p>" for i, n in enumerate(plan.notes)
    )
    listed = " ".join(
        f"[{i}] {_e(k.sources[key].title)}." for i, key in enumerate(sources.keys, start=1)
    )
    return (
        f'<p class="h2">Important</p>{notes}<p class="h2">Sources</p><p class="muted">{listed}</p>'
    )
