"""The follow-up report for the clinician: one or two pages from the person's journal.

In this order: who it is for and the span of days; the plan now and each change of plan (when,
the daily amount, why); how many planned doses were taken, overall and at each dose time (low
adherence said plainly, before any score); each check-in's first and last score with its band,
and its chart against the daily amount (``magplan.printing.journal_charts``); side effects,
days per week; the suggestions the journal made and what the person decided; the sources and
the planner's not-medical-advice note.

Built like the pill card (``magplan.printing.card``): a ``QTextDocument`` laid out for the
device it goes to, on A4 or Letter with the card's margins, its type shrinking a step at a
time (and its charts with it) until it fits two pages; :func:`write_report_pdf` writes the PDF
all at once or not at all. The charts are pictures in the document (``addResource``). Needs a
``QApplication`` (:func:`magplan.printing.journal_charts.chart_application`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Plan
from magplan.journal import scales
from magplan.journal.summary import CheckinDay, JournalSummary, SuggestionView
from magplan.present import PlanView, present
from magplan.present.words import SUPERVISED, format_mg
from magplan.printing.card import CardDocument, CardInfo, page_layout, pdf_bytes
from magplan.printing.files import write_atomically
from magplan.printing.journal_charts import (
    chart_image,
    chart_kinds,
    kind_axis,
    score_chart,
    weeks_since,
)

REPORT_TITLE = "Magnesium follow-up report"
MOST_PAGES = 2
FONT_SIZES_PT = (9.0, 8.5, 8.0)
SMALL_FONT_SIZES_PT = (7.5, 7.0)
CHART_SCALES = (1.0, 0.85, 0.72, 0.62)
LAYOUTS = tuple(
    (size, scale)
    for sizes in (FONT_SIZES_PT, SMALL_FONT_SIZES_PT)
    for scale in CHART_SCALES
    for size in sizes
)
"""(font size, chart scale) from the roomiest: the type shrinks to 8 pt, then the charts with
it, and only then the type below 8 pt (7 pt is the floor). The report takes the first that fits
two pages, found by halving the list (a layout later in it is about as tall or shorter)."""
CHART_WIDTH_MM = 180.0
CHART_HEIGHT_MM = 62.0
FLAT_CHART_HEIGHT_MM = 50.0
"""Each chart is drawn across the page, 62 mm tall; flatter when more than
:data:`TALL_CHARTS_MOST` check-ins are charted, so that all of them fit two pages."""
TALL_CHARTS_MOST = 4
CHART_DPI = 150
CHART_FONT_PT = 7.5
SCREEN_DPI = 96  # an image's width in the document's HTML is in pixels of this resolution


def build_report(
    summary: JournalSummary, plan: Plan, k: Knowledge, info: CardInfo
) -> QTextDocument:
    """The report for ``summary`` (a span of the journal) and the plan now, laid out for the
    screen on ``info.paper`` (a print preview); printing or writing a PDF lays it out again
    for the device. Needs a ``QApplication``."""
    doc = _report_document(summary, plan, k, info)
    screen = QGuiApplication.primaryScreen()
    dpi = round(screen.logicalDotsPerInchY()) if screen is not None else SCREEN_DPI
    doc.fit_page(QSizeF(page_layout(info.paper).paintRectPixels(dpi).size()))
    return doc


def write_report_pdf(
    summary: JournalSummary, plan: Plan, k: Knowledge, info: CardInfo, path: str | Path
) -> None:
    """Write the report to ``path`` as a PDF on ``info.paper``, all at once or not at all.

    Raises :class:`magplan.printing.files.OutputError` (an ``OSError``) with a one-line reason.
    """
    doc = _report_document(summary, plan, k, info)
    write_atomically(path, pdf_bytes(doc, info.paper))


class ReportDocument(CardDocument):
    """The report: it keeps its HTML source and its charts so it can re-fit itself to any page
    (:meth:`fit_page`, called by ``print_document`` through ``fit_to``)."""

    def __init__(
        self, render: Callable[[float, float], str], images: Mapping[str, QImage], title: str
    ) -> None:
        super().__init__(lambda size, _compact, _overflow, _first: render(size, 1.0), title)
        self._render_report = render
        self._images = dict(images)
        self.chart_scale = 1.0

    def fit_page(self, page_size: QSizeF) -> None:
        """Lay out on pages of ``page_size`` (device pixels): the roomiest of :data:`LAYOUTS`
        that fits :data:`MOST_PAGES` pages (the smallest when none does)."""
        self.setPageSize(page_size)
        # One layout after another while the steps are small (most reports fit in the first
        # few), then twice as far each time, then halving the gap left.
        low, step = -1, 1
        while low + step < len(LAYOUTS) - 1 and not self._fits_layout(low + step):
            low, step = low + step, step * 2 if low + step >= len(FONT_SIZES_PT) else 1
        high = min(low + step, len(LAYOUTS) - 1)  # LAYOUTS[low] does not fit; LAYOUTS[high] may
        while high - low > 1:
            middle = (low + high) // 2
            if self._fits_layout(middle):
                high = middle
            else:
                low = middle
        if (self.font_size_pt, self.chart_scale) != LAYOUTS[high]:
            self._fits_layout(high)

    def _fits_layout(self, index: int) -> bool:
        """Lay out as ``LAYOUTS[index]``; whether it fits :data:`MOST_PAGES` pages."""
        self.font_size_pt, self.chart_scale = LAYOUTS[index]
        self.setHtml(self._render_report(self.font_size_pt, self.chart_scale))
        for name, image in self._images.items():
            self.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        return self.pageCount() <= MOST_PAGES


def _report_document(
    summary: JournalSummary, plan: Plan, k: Knowledge, info: CardInfo
) -> ReportDocument:
    """The report with its charts drawn, not laid out yet."""
    view = present(plan, k)
    kinds = chart_kinds(summary)
    height_mm = chart_height_mm(len(kinds))
    images = {_chart_name(kind): _chart_picture(summary, kind, height_mm) for kind in kinds}
    name = _person(summary, info)
    return ReportDocument(
        lambda size, scale: report_html(summary, view, info, size, chart_scale=scale),
        images,
        f"{REPORT_TITLE} for {name}",
    )


def _chart_name(kind: str) -> str:
    return f"chart/{kind}.png"


def chart_height_mm(charts: int) -> float:
    """How tall each of ``charts`` charts is drawn (at full size)."""
    return CHART_HEIGHT_MM if charts <= TALL_CHARTS_MOST else FLAT_CHART_HEIGHT_MM


def _chart_picture(summary: JournalSummary, kind: str, height_mm: float) -> QImage:
    width = round(CHART_WIDTH_MM / 25.4 * CHART_DPI)
    height = round(height_mm / 25.4 * CHART_DPI)
    chart = score_chart(summary, kind, font_pt=CHART_FONT_PT)
    return chart_image(chart, width, height, CHART_DPI)


# ---- the report's HTML ------------------------------------------------------------------------


def report_html(
    summary: JournalSummary, view: PlanView, info: CardInfo, pt: float, *, chart_scale: float = 1.0
) -> str:
    """The report as Qt rich text with base font size ``pt`` and charts ``chart_scale`` times
    their full size."""
    k = view.knowledge
    kinds = chart_kinds(summary)
    body = "".join(
        [
            _header(summary, info, pt),
            _plan_section(summary, view),
            _adherence_section(summary),
            _scores_section(summary, kinds, k, chart_scale),
            _side_effects_section(summary),
            _suggestions_section(summary),
            _sources_section(summary, kinds, k),
        ]
    )
    return f"<html><head><style>{_css(pt)}</style></head><body>{body}</body></html>"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _css(pt: float) -> str:
    small = round(pt * 0.88, 1)
    return f"""
      body {{ font-family: 'Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans', sans-serif;
              font-size: {pt}pt; color: #000000; }}
      p {{ margin-top: 0px; margin-bottom: 0px; }}
      .h2 {{ font-size: {round(pt * 1.2, 1)}pt; font-weight: bold; margin-top: {pt * 1.2}px;
             margin-bottom: {pt * 0.4}px; }}
      .small {{ font-size: {small}pt; }}
      .muted {{ font-size: {small}pt; color: #333333; }}
      .first {{ font-weight: bold; }}
      th {{ background-color: #e0e0e0; font-weight: bold; text-align: left;
            font-size: {small}pt; }}
      .grid {{ border-collapse: collapse; border-color: #000000; border-style: solid; }}
    """


def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int], across: int = 100
) -> str:
    """A ruled table ``across`` per cent of the page wide: a header row, then one row per
    entry (HTML cells); ``widths`` are the columns' shares of the table."""
    heads = "".join(f'<th width="{w}%">{h}</th>' for h, w in zip(head, widths, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table width="{across}%" border="1" cellspacing="0" cellpadding="2" class="grid">'
        f"<tr>{heads}</tr>{body}</table>"
    )


def day_text(day: dt.date, *, year: bool = True) -> str:
    """``"1 March 2026"``, or ``"1 March"``."""
    return f"{day.day} {day:%B}" + (f" {day.year}" if year else "")


def short_day(day: dt.date) -> str:
    """``"1 Mar"``: a day in a table."""
    return f"{day.day} {day:%b}"


def span_text(start: dt.date, end: dt.date) -> str:
    """``"1 March to 12 April 2026, 6 weeks"``: both days included; whole weeks, or the days
    of a span under two weeks."""
    days = (end - start).days + 1
    length = f"{days} day{'s' if days != 1 else ''}" if days < 14 else f"{days // 7} weeks"
    first = day_text(start, year=start.year != end.year)
    return f"{first} to {day_text(end)}, {length}"


def _person(summary: JournalSummary, info: CardInfo) -> str:
    return info.person_name.strip() or summary.profile


def _header(summary: JournalSummary, info: CardInfo, pt: float) -> str:
    person = _person(summary, info)
    facts = [f"<b>{_e(person)}</b>"]
    if summary.profile and summary.profile != person:
        facts.append(f"profile {_e(summary.profile)}")
    facts.append(f"journal from {_e(span_text(summary.start, summary.end))}")
    made = f"Made on {_e(day_text(info.date))}"
    if info.prepared_by.strip():
        made += f" by {_e(info.prepared_by.strip())}"
    return (
        f'<p style="font-size: {round(pt * 1.8, 1)}pt; font-weight: bold;">{REPORT_TITLE}</p>'
        f"<p>{' · '.join(facts)}</p>"
        f'<p class="muted">{made}. For the person\'s clinician: what the person recorded '
        "in their journal.</p>"
        '<hr style="height: 2px; background-color: #000000;"/>'
    )


# ---- the plan ---------------------------------------------------------------------------------


def _plan_section(summary: JournalSummary, view: PlanView) -> str:
    """The plan now in one sentence, its doses, then each plan the journal kept (the first,
    then each change) with its day, daily amount and reason."""
    out = ['<p class="h2">The plan now, and its changes</p>', f"<p>{_plan_now(view)}</p>"]
    if summary.plan_changes:
        rows = [
            (
                _e(short_day(c.starts_on) + f" {c.starts_on.year}"),
                _e(format_mg(c.daily_mg)),
                _e(c.reason or "—") + (f'<br/><span class="small">{_e(c.headline)}</span>'),
            )
            for c in summary.plan_changes
        ]
        out.append(_table(("From", "Daily amount", "Why"), rows, (16, 14, 70)))
    return "".join(out)


def _plan_now(view: PlanView) -> str:
    plan = view.plan
    if plan.blocked or not plan.doses:
        reason = view.dangers[0].message if view.dangers else "the planner made no schedule"
        return f"<b>No magnesium schedule now:</b> {_e(reason)}"
    doses = ", ".join(f"{d.time} {d.elemental}" for d in view.doses)
    n = len(plan.doses)
    text = (
        f"<b>{view.daily} of elemental magnesium a day</b> as {_e(view.forms_in_sentence)}, "
        f"in {n} dose{'s' if n != 1 else ''}: {_e(doses)}."
    )
    if plan.supervised:
        text += f" {SUPERVISED}" + (f" by {_e(plan.supervised_by)}." if plan.supervised_by else ".")
    return text


# ---- adherence --------------------------------------------------------------------------------


def _adherence_section(summary: JournalSummary) -> str:
    """Doses taken of those planned: low adherence first and plainly, then the dose time
    missed most and the table of dose times."""
    out = ['<p class="h2">Doses taken</p>']
    percent = summary.adherence_percent
    if percent is None:
        return out[0] + "<p>No planned dose of a completed day is in this span.</p>"
    below = 100 * scales.definitions().suggestions.taken_share_below
    counts = f"{summary.taken:,} of {summary.planned:,} planned doses ({percent:g}%)"
    if percent < below:
        out.append(
            f'<p class="first">Low adherence: {counts} were taken, below {below:g}%. The scores '
            "below cannot show whether magnesium helps until the plan is followed.</p>"
        )
    else:
        out.append(f"<p>{counts} were taken.</p>")
    out.append(f"<p>{_e(_weeks_below(summary, below))}{_e(_missed_most(summary))}</p>")
    rows = [
        (
            a.planned_time,
            str(a.planned),
            str(a.taken),
            f"{a.percent:g}%" if a.percent is not None else "—",
        )
        for a in summary.by_time
    ]
    head = ("Dose time", "Planned", "Taken", "Taken (%)")
    out.append(_table(head, rows, (25, 25, 25, 25), across=60))
    return "".join(out)


def weekly_adherence(summary: JournalSummary) -> list[tuple[dt.date, int, int]]:
    """Each completed week's (first day, planned doses, taken doses), weeks counted from the
    ramp's first day (or the span's)."""
    weeks: dict[int, list[int]] = {}
    for day in summary.days:
        if day.complete and day.planned:
            found = weeks.setdefault(int(weeks_since(summary, day.day) // 1), [0, 0])
            found[0] += day.planned
            found[1] += day.taken
    start = summary.ramp_start or summary.start
    return [(start + dt.timedelta(days=7 * w), p, t) for w, (p, t) in sorted(weeks.items())]


def _weeks_below(summary: JournalSummary, below: float) -> str:
    weeks = weekly_adherence(summary)
    low = [w for w in weeks if 100 * w[2] / w[1] < below]
    if not low:
        return f"No week was below {below:g}%. "
    return f"{len(low)} of {len(weeks)} weeks were below {below:g}%. "


def _missed_most(summary: JournalSummary) -> str:
    timed = [a for a in summary.by_time if a.percent is not None]
    if len(timed) < 2:
        return ""
    worst = min(timed, key=lambda a: a.percent or 0.0)
    return f"The dose missed most: {worst.planned_time} ({worst.percent:g}% taken)."


# ---- scores -----------------------------------------------------------------------------------


def _scores_section(
    summary: JournalSummary, kinds: Sequence[str], k: Knowledge, chart_scale: float
) -> str:
    out = ['<p class="h2">Scores over the weeks</p>']
    if not kinds:
        return out[0] + "<p>No check-in was recorded in this span.</p>"
    out.append(f'<p class="small">{_e(k.disclaimer.timeframe)}</p>')
    rows = [_score_row(summary, kind) for kind in kinds]
    out.append(_table(("Check-in", "First", "Last", "Check-ins"), rows, (22, 33, 33, 12)))
    width = round(CHART_WIDTH_MM / 25.4 * SCREEN_DPI * chart_scale)
    height = round(chart_height_mm(len(kinds)) / 25.4 * SCREEN_DPI * chart_scale)
    for kind in kinds:
        out.append(
            f'<p align="center" style="margin-top: 4px;"><img src="{_chart_name(kind)}" '
            f'width="{width}" height="{height}"/></p>'
        )
    return "".join(out)


def _score_row(summary: JournalSummary, kind: str) -> tuple[str, str, str, str]:
    found = sorted(
        (c for c in summary.checkins if c.kind == kind and c.score is not None), key=lambda c: c.day
    )
    axis = kind_axis(kind)
    return (
        f"<b>{_e(axis.name)}</b>",
        _score_text(found[0], axis.percent_factor),
        _score_text(found[-1], axis.percent_factor),
        str(len(found)),
    )


def _score_text(c: CheckinDay, factor: int) -> str:
    """``"10, moderate (7 Mar)"``; WHO-5 as a percentage; the sleep diary's efficiency."""
    score = (c.score or 0.0) * factor
    value = f"{score:g}%" if factor != 1 or c.kind == "sleep" else f"{score:g}"
    if c.kind == "sleep" and "hours_slept" in c.answers:
        value += f" efficiency, {c.answers['hours_slept']:g} h slept"
    band = f", {_e(c.band)}" if c.band else ""
    return f'{_e(value)}{band} <span class="small">({_e(short_day(c.day))})</span>'


# ---- side effects, suggestions, sources -------------------------------------------------------


def _side_effects_section(summary: JournalSummary) -> str:
    """Each side effect noted: on how many days, in how many of the span's weeks, and the days
    in each of those weeks (weeks of the plan, counted from the ramp's first day)."""
    out = ['<p class="h2">Side effects</p>']
    labels = {e.id: e.label for e in scales.definitions().side_effects.values()}
    weeks: dict[str, dict[int, int]] = {}
    for day in summary.days:
        for effect in day.side_effects:
            week = int(weeks_since(summary, day.day) // 1)
            counts = weeks.setdefault(effect, {})
            counts[week] = counts.get(week, 0) + 1
    if not weeks:
        return out[0] + "<p>No side effect was recorded in this span.</p>"
    span_weeks = len({int(weeks_since(summary, d.day) // 1) for d in summary.days})
    start = summary.ramp_start or summary.start
    rows = []
    for effect in sorted(weeks, key=lambda e: list(labels).index(e) if e in labels else 99):
        counts = weeks[effect]
        each = ", ".join(
            f"week {w + 1} (from {short_day(start + dt.timedelta(days=7 * w))}): {n}"
            for w, n in sorted(counts.items())
        )
        total = _days(sum(counts.values())) + f" in {len(counts)} of {span_weeks} weeks"
        rows.append((_e(labels.get(effect, effect)), _e(total), _e(each)))
    head = ("Side effect", "Days", "Days in each week")
    out.append(_table(head, rows, (18, 24, 58)))
    return "".join(out)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _suggestions_section(summary: JournalSummary) -> str:
    """Each kind of suggestion the journal made: when, why (the latest words), and what the
    person decided each time."""
    out = ['<p class="h2">Suggestions the journal made</p>']
    if not summary.suggestions:
        return out[0] + "<p>The journal made no suggestion in this span.</p>"
    groups: dict[str, list[SuggestionView]] = {}
    for s in sorted(summary.suggestions, key=lambda s: s.made_on):
        groups.setdefault(s.code, []).append(s)
    rows = [_suggestion_row(found) for found in groups.values()]
    out.append(_table(("Made on", "What and why", "Decided"), rows, (16, 62, 22)))
    return "".join(out)


def _suggestion_row(found: Sequence[SuggestionView]) -> tuple[str, str, str]:
    last = found[-1]
    when = short_day(found[0].made_on) + f" {found[0].made_on.year}"
    if len(found) > 1:
        first, then = found[0].made_on, last.made_on
        since = short_day(first) + (f" {first.year}" if first.year != then.year else "")
        when = f"{len(found)} times, {since} to {short_day(then)} {then.year}"
    what = (f"<b>{_e(last.action)}.</b> " if last.action else "") + _e(last.reason)
    return _e(when), what, _e(_decisions(found))


def _decisions(found: Sequence[SuggestionView]) -> str:
    """``"accepted 15 Mar"``, or counts when a suggestion was made more than once; a statement
    with nothing to accept says so."""
    if not found[-1].action:
        return "a statement: nothing to accept"
    if len(found) == 1:
        s = found[0]
        return s.status + (f" {short_day(s.decided_on)}" if s.decided_on else "")
    counts: dict[str, int] = {}
    for s in found:
        counts[s.status] = counts.get(s.status, 0) + 1
    return ", ".join(f"{status} {n}" for status, n in counts.items())


def _sources_section(summary: JournalSummary, kinds: Sequence[str], k: Knowledge) -> str:
    """The questionnaires' attributions, every source the report rests on, and the note that
    this is not medical advice."""
    found = scales.definitions()
    lines = [found.scales[kind].attribution for kind in kinds if kind in found.scales]
    keys: list[str] = [
        key for kind in kinds if kind in found.scales for key in found.scales[kind].sources
    ]
    if "sleep" in kinds:
        keys += found.sleep.sources
    keys += [*found.suggestions.words["low_adherence"].sources, *found.effect_window.sources]
    titles = [k.sources[key].title for key in dict.fromkeys(keys) if key in k.sources]
    titles += [t for s in summary.suggestions for t in s.sources]
    listed = " ".join(f"[{i}] {_e(t)}." for i, t in enumerate(dict.fromkeys(titles), start=1))
    return (
        '<p class="h2">Sources</p>'
        + "".join(f'<p class="muted">{_e(line)}</p>' for line in dict.fromkeys(lines))
        + f'<p class="muted">{listed}</p>'
        + f'<p style="margin-top: 6px;"><b>{_e(k.disclaimer.text)}</b></p>'
    )
