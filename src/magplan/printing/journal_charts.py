"""The journal's charts: a check-in's weekly score over the weeks, against the daily amount.

:func:`score_chart` draws one check-in kind (PHQ-8, GAD-7, WHO-5 in per cent, the sleep diary's
sleep efficiency, bowel movements a day, cramp or migraine days) as a line of weekly values on
the left axis, the day's planned magnesium (the start-low ramp, then the full amount) as a step
line on the right axis in mg, and the weeks within which studies measured results (2-8 weeks)
as a shaded, framed band named in the legend. A questionnaire's bands, as its authors name them,
are a second left axis of band names with every other band lightly shaded.

Qt Charts (``PySide6.QtCharts``) is imported here and nowhere else; nothing on the window's
start path imports this module. Its charts are ``QGraphicsWidget``s: they need a
``QApplication`` (:func:`chart_application`), not only a ``QGuiApplication``.
:func:`chart_image` renders a chart off screen, at any size and resolution, for the follow-up
report (``magplan.printing.report``) or a picture of the Journal page.

The colours read on a white page and in a dark window: pass the window's palette to draw for
it; without one, the chart is drawn for a printed page.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from magplan.core.values import value
from magplan.journal import scales
from magplan.journal.summary import CheckinDay, JournalSummary
from magplan.printing.headless import use_offscreen_without_display

LOGICAL_DPI = 96
"""The resolution a chart is laid out at: its fonts' points become pixels at this rate, and
:func:`chart_image` scales the drawing to the resolution asked for."""
BAND_LABEL_CHARACTERS = 18
"""A band's name is wrapped onto lines of about this many characters beside the score axis."""
TICK_STEPS = (1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
"""The steps a value axis's ticks may take: the first that gives at most eight."""
POINT_LABELS_MOST = 16
"""Up to this many weekly values, each point is labelled with its value."""


# ---- what a chart shows -----------------------------------------------------------------------


@value
class Band:
    """A named range of a chart's values (a questionnaire's band, in the chart's unit)."""

    low: float
    high: float
    label: str


@value
class KindAxis:
    """How a check-in kind is charted: its name, the value axis's title and range, its bands."""

    kind: str
    name: str  # "PHQ-8", "Sleep diary"
    title: str  # the value axis's title, with the unit
    low: float
    high: float
    bands: tuple[Band, ...]
    percent_factor: int  # a score times this is the charted value (WHO-5: 4, the others 1)


@value
class WeekValue:
    """A check-in kind's value for one week: where it sits on the weeks axis, the value (the
    mean of that week's check-ins), the band of the week's last check-in, and its day."""

    week: float  # weeks since the start, at the end of the day of the week's last check-in
    value: float
    band: str
    day: dt.date


def kind_axis(kind: str, values: Iterable[float] = ()) -> KindAxis:
    """How ``kind`` is charted, from ``resources/checkins.toml``: a questionnaire on its score
    range (WHO-5 in per cent) with its bands; the sleep diary as sleep efficiency; bowel
    movements a day and cramp or migraine days on a range that holds ``values``. Axis titles
    are short (a chart may be a few centimetres tall): the chart's title names the check-in."""
    found = scales.definitions()
    if kind in found.scales:
        scale = found.scales[kind]
        factor = scale.percent_factor or 1
        on_score = scale.bands_on == "score"
        bands = tuple(
            Band(b.low * (factor if on_score else 1), b.high * (factor if on_score else 1), b.label)
            for b in scale.bands
        )
        low, high = scale.min_score * factor, scale.max_score * factor
        title = f"{'Per cent' if scale.percent_factor else 'Score'} ({low:g}-{high:g})"
        return KindAxis(kind, scale.name, title, low, high, bands, factor)
    if kind == "sleep":
        return KindAxis(kind, found.sleep.name, "Efficiency (%)", 0, 100, (), 1)
    if kind == "stools":
        high = max(3, math.ceil(max(values, default=0)) + 1)
        return KindAxis(kind, found.stools.name, "Per day", 0, high, (), 1)
    count = found.counts[kind]
    return KindAxis(kind, count.name, f"Days (of {count.days_max})", 0, count.days_max, (), 1)


def chart_kinds(summary: JournalSummary) -> tuple[str, ...]:
    """The check-in kinds with a score in ``summary``, in the journal's order."""
    found = {c.kind for c in summary.checkins if c.score is not None}
    return tuple(k for k in scales.KINDS if k in found)


def origin(summary: JournalSummary) -> dt.date:
    """Day 1 of the weeks axis: the first day of the ramp, or the summary's first day."""
    return summary.ramp_start or summary.start


def weeks_since(summary: JournalSummary, day: dt.date, *, end_of_day: bool = False) -> float:
    return ((day - origin(summary)).days + (1 if end_of_day else 0)) / 7


def weekly_values(summary: JournalSummary, kind: str) -> tuple[WeekValue, ...]:
    """``kind``'s check-ins with a score, one value a week (the mean of the week's, in the
    chart's unit: WHO-5 in per cent), oldest first."""
    factor = kind_axis(kind).percent_factor
    weeks: dict[int, list[CheckinDay]] = {}
    for c in sorted(summary.checkins, key=lambda c: c.day):
        if c.kind == kind and c.score is not None:
            weeks.setdefault((c.day - origin(summary)).days // 7, []).append(c)
    out = []
    for found in weeks.values():
        last = found[-1]
        mean = sum(c.score or 0.0 for c in found) / len(found)
        week = weeks_since(summary, last.day, end_of_day=True)
        out.append(WeekValue(week, round(mean * factor, 1), last.band, last.day))
    return tuple(out)


def amount_steps(summary: JournalSummary) -> tuple[tuple[float, float], ...]:
    """The daily amount over the summary's days as the corners of a step line: (weeks since
    the start, mg) at the start and end of each run of days with the same amount."""
    points: list[tuple[float, float]] = []
    for day in sorted(summary.days, key=lambda d: d.day):
        begin = weeks_since(summary, day.day)
        end = weeks_since(summary, day.day, end_of_day=True)
        if points and points[-1][1] == day.daily_mg and math.isclose(points[-1][0], begin):
            points[-1] = (end, day.daily_mg)
        else:
            points += [(begin, day.daily_mg), (end, day.daily_mg)]
    return tuple(points)


def weeks_range(summary: JournalSummary) -> tuple[float, float]:
    """The weeks axis: the summary's days, and on to the end of the effect window while the
    span starts before it ends (so the reader sees how much of the window is still ahead)."""
    first = weeks_since(summary, summary.start)
    last = weeks_since(summary, summary.end, end_of_day=True)
    window_end = summary.effect_window_weeks[1]
    return first, max(last, float(window_end)) if first < window_end else last


# ---- colours ----------------------------------------------------------------------------------


@value
class ChartColours:
    """The chart's colours for a page or a window palette (each readable on its background)."""

    background: QColor
    text: QColor
    grid: QColor
    score: QColor
    amount: QColor
    window_fill: QColor
    window_edge: QColor
    band_shade: QColor


# (on a light background, on a dark one): blue for the score, vermillion for the amount, a
# bluish green for the effect window (Okabe and Ito's colours, told apart with any colour vision;
# the lines differ in shape too: the score has points, the amount is a step line).
_SCORE = ("#0b5cad", "#7db9f0")
_AMOUNT = ("#b34700", "#ffa866")
_WINDOW = ("#00795c", "#5fd3b0")


def chart_colours(palette: QPalette | None = None) -> ChartColours:
    """Colours for a white page (no palette), or for ``palette``'s window, light or dark."""
    if palette is None:
        background, text = QColor("#ffffff"), QColor("#000000")
    else:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
    dark = background.lightness() < 128
    pick = 1 if dark else 0
    window = QColor(_WINDOW[pick])
    fill = QColor(window)
    fill.setAlpha(48 if dark else 36)
    grid = QColor(text)
    grid.setAlpha(60)
    shade = QColor(text)
    shade.setAlpha(22 if dark else 14)
    return ChartColours(
        background, text, grid, QColor(_SCORE[pick]), QColor(_AMOUNT[pick]), fill, window, shade
    )


# ---- the chart --------------------------------------------------------------------------------


def score_chart(
    summary: JournalSummary,
    kind: str,
    palette: QPalette | None = None,
    *,
    font_pt: float = 8.0,
) -> QChart:
    """``kind``'s weekly value over the weeks of ``summary``, against the daily amount (mg, on
    a second axis), with the effect window marked and named. Needs a ``QApplication``."""
    _require_application()
    values = weekly_values(summary, kind)
    axis = kind_axis(kind, (v.value for v in values))
    colours = chart_colours(palette)
    chart = QChart()
    chart.setTitle(f"{axis.name}{_what_is_charted(kind)} and the daily amount")
    weeks = _weeks_axis(summary)
    left = _value_axis(axis.title, axis.low, axis.high)
    mg = _value_axis("mg a day", 0, _mg_top(summary))
    mg.setGridLineVisible(False)
    chart.addAxis(weeks, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    if axis.bands:
        chart.addAxis(_bands_axis(axis), Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(mg, Qt.AlignmentFlag.AlignRight)
    window = _window_series(summary, axis, colours)
    if window is not None:
        _attach(chart, window, weeks, left)
    _attach(chart, _amount_series(summary, colours), weeks, mg)
    _attach(chart, _score_series(axis, values, colours), weeks, left)
    _style(chart, colours, font_pt)
    return chart


def _what_is_charted(kind: str) -> str:
    """What of a check-in the chart shows, where its name does not say: ``": efficiency"``."""
    return {"sleep": ": sleep efficiency", "stools": " a day"}.get(kind, "")


def _attach(chart: QChart, series: QLineSeries | QAreaSeries, x: QValueAxis, y: QValueAxis) -> None:
    chart.addSeries(series)
    series.attachAxis(x)
    series.attachAxis(y)


def _weeks_axis(summary: JournalSummary) -> QValueAxis:
    first, last = weeks_range(summary)
    axis = _value_axis("Weeks since the start", math.floor(first), math.ceil(last))
    axis.setTickAnchor(0)
    axis.setTickInterval(next((s for s in (1, 2, 4, 8) if (last - first) / s <= 14), 13))
    return axis


def _value_axis(title: str, low: float, high: float) -> QValueAxis:
    """An axis from ``low`` to ``high`` with ticks at whole, round steps from ``low``."""
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setRange(low, high)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(low)
    axis.setTickInterval(next((s for s in TICK_STEPS if (high - low) / s <= 8), TICK_STEPS[-1]))
    axis.setLabelFormat("%d")
    return axis


def _mg_top(summary: JournalSummary) -> float:
    """The mg axis's top: the largest daily amount and a fifth more, in whole 50 mg."""
    most = max((d.daily_mg for d in summary.days), default=0.0)
    return max(50.0, math.ceil(most * 1.2 / 50) * 50)


def _bands_axis(axis: KindAxis) -> QCategoryAxis:
    """The questionnaire's bands as named ranges beside the score axis, every other one shaded;
    a band's upper edge is half way to the next band's lower one (scores are whole numbers)."""
    bands = QCategoryAxis()
    bands.setStartValue(axis.low)
    for band, following in zip(axis.bands, (*axis.bands[1:], None), strict=True):
        edge = axis.high if following is None else (band.high + following.low) / 2
        bands.append(_wrapped(f"{band.label} ({band.low:g}-{band.high:g})"), edge)
    bands.setRange(axis.low, axis.high)
    bands.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    bands.setGridLineVisible(False)
    bands.setShadesVisible(True)
    bands.setShadesPen(QPen(Qt.PenStyle.NoPen))
    return bands


def _wrapped(label: str, width: int = BAND_LABEL_CHARACTERS) -> str:
    """A band's name on lines of about ``width`` characters (axis labels are rich text)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _score_series(
    axis: KindAxis, values: Sequence[WeekValue], colours: ChartColours
) -> QLineSeries:
    series = QLineSeries()
    series.setName(f"{axis.name}, weekly")
    for v in values:
        series.append(v.week, v.value)
    series.setPen(QPen(colours.score, 2.0))
    series.setPointsVisible(True)
    few = len(values) <= POINT_LABELS_MOST
    series.setMarkerSize(5.0 if few else 3.5)
    if few:
        series.setPointLabelsVisible(True)
        series.setPointLabelsFormat("@yPoint")
        series.setPointLabelsColor(colours.text)
        series.setPointLabelsClipping(False)
    return series


def _amount_series(summary: JournalSummary, colours: ChartColours) -> QLineSeries:
    series = QLineSeries()
    series.setName("Daily magnesium (mg)")
    for week, mg in amount_steps(summary):
        series.append(week, mg)
    series.setPen(QPen(colours.amount, 2.5))
    return series


def _window_series(
    summary: JournalSummary, axis: KindAxis, colours: ChartColours
) -> QAreaSeries | None:
    """The effect window as a shaded band across the value range, with dashed edges; None
    when it lies outside the weeks shown."""
    first, last = weeks_range(summary)
    begin, end = summary.effect_window_weeks
    left, right = max(first, float(begin)), min(last, float(end))
    if left >= right:
        return None
    lower, upper = QLineSeries(), QLineSeries()
    for line, y in ((lower, axis.low), (upper, axis.high)):
        line.append(left, y)
        line.append(right, y)
    area = QAreaSeries()  # takes the two lines (made with the area as their parent, the
    area.setUpperSeries(upper)  # lines would take it with them when they go out of scope)
    area.setLowerSeries(lower)
    area.setName(f"Weeks {begin}-{end}: when studies measured results")
    area.setBrush(colours.window_fill)
    area.setPen(QPen(colours.window_edge, 1.2, Qt.PenStyle.DashLine))
    return area


def _style(chart: QChart, colours: ChartColours, font_pt: float) -> None:
    """Fonts, colours and margins for every part of the chart."""
    small, title = QFont(), QFont()
    small.setPointSizeF(font_pt)
    title.setPointSizeF(font_pt * 1.15)
    title.setBold(True)
    chart.setBackgroundBrush(colours.background)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setTitleFont(title)
    chart.setTitleBrush(colours.text)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(small)
    legend.setLabelColor(colours.text)
    for axis in chart.axes():
        axis.setTruncateLabels(False)
        axis.setLabelsFont(small)
        axis.setTitleFont(small)
        axis.setLabelsColor(colours.text)
        axis.setTitleBrush(colours.text)
        axis.setLinePenColor(colours.grid)
        axis.setGridLineColor(colours.grid)
        if isinstance(axis, QCategoryAxis):
            axis.setShadesBrush(colours.band_shade)
    for series in chart.series():
        if isinstance(series, QLineSeries):
            series.setPointLabelsFont(small)


# ---- off screen -------------------------------------------------------------------------------


def chart_application() -> QApplication:
    """The running ``QApplication``, or a new one that needs no display (as the command line's
    printing does). Raises ``RuntimeError`` when a plain ``QGuiApplication`` runs already:
    charts cannot be drawn in it, and a second application cannot be made."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if app is not None:
        raise RuntimeError("the journal's charts need a QApplication, not a QGuiApplication")
    use_offscreen_without_display()
    return QApplication(["magplan"])


def _require_application() -> None:
    if not isinstance(QApplication.instance(), QApplication):
        raise RuntimeError(
            "the journal's charts need a QApplication: call chart_application() first"
        )


def chart_image(chart: QChart, width_px: int, height_px: int, dpi: float = LOGICAL_DPI) -> QImage:
    """``chart`` drawn off screen on an image of ``width_px`` x ``height_px`` at ``dpi``: laid
    out at :data:`LOGICAL_DPI` (fonts keep their size in points) and drawn scaled, so the
    same chart at 300 dpi is a sharper picture of the same layout. A chart shown in a view is
    given back to it as it was (its scene, place and size)."""
    _require_application()
    scale = dpi / LOGICAL_DPI
    source = QRectF(0, 0, width_px / scale, height_px / scale)
    shown_in, place, size = chart.scene(), chart.pos(), chart.size()
    if shown_in is not None:
        shown_in.removeItem(chart)
    chart.setPos(0, 0)
    chart.resize(source.size())
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)  # opaque: no PDF mask
    image.fill(chart.backgroundBrush().color())
    scene = QGraphicsScene()
    scene.addItem(chart)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        scene.render(painter, QRectF(image.rect()), source)
    finally:
        painter.end()
        scene.removeItem(chart)
        if shown_in is not None:
            chart.resize(size)
            chart.setPos(place)
            shown_in.addItem(chart)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # set after drawing: fonts follow LOGICAL_DPI
    image.setDotsPerMeterY(dots_per_metre)
    return image
