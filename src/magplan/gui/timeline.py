"""The waking day drawn as a band: meals, the doses (each form its own shape and colour), other
medicines and the windows around them that magnesium keeps out of (shaded).

Every dose and medicine has its words by its mark, or, when the day is too crowded for them,
in a list under the drawing: none is left out. Each paint records what it drew
(:attr:`TimelineWidget.drawn`), and the words come from the presentation layer
(:mod:`magplan.present.day`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from magplan.core.plan import Plan
from magplan.core.timeofday import MINUTES_PER_DAY, forward_gap
from magplan.gui.accessibility import give_role, make_reachable
from magplan.gui.theme import (
    MIN_MARK_CONTRAST,
    contrast_ratio,
    form_mark_color,
    readable_on,
    severity_color,
)
from magplan.present import Clock, PlanView
from magplan.present.clock import clock_hour, clock_time
from magplan.present.day import UNLABELLED, DayMarks, day_marks

_MARGIN_MIN = 30  # drawn before waking and after bedtime
_SIDE_PX = 16
_BAND_PX = 24
_GAP_PX = 4
_LEGEND_MARK_PX = 18  # a legend entry's mark and the room after it
_LIST_SEPARATOR = ", "
_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for text
_SHADE_ALPHA = 80  # a window magnesium keeps out of: the caution colour, this opaque (of 255)
_DEEPEST_SHADE = 2  # windows that overlap shade the band twice, however many they are
_OUTLINE_PX = 2.0  # a medicine's mark's outline


@dataclass(frozen=True)
class DrawnLabel:
    """Words drawn by a mark: a dose's time and amount, or a medicine's name."""

    kind: str  # "dose" or "medicine"
    text: str
    rect: QRectF
    mark_x: float  # where its mark is


@dataclass(frozen=True)
class DrawnMark:
    """A mark drawn on or under the band, with the colour it was filled with, the colour it
    stands on (a shaded window's, where it stands in one) and the colour of its outline."""

    kind: str  # "dose-0", "dose-1" (the plan's first or second form), "meal", "medicine"
    center: QPointF
    color: QColor
    background: QColor
    in_legend: bool = False
    outline: QColor | None = None  # a medicine's: it stands out on the shade it sits in


@dataclass
class DayDrawing:
    """Where everything of one paint goes, and (once painted) the marks drawn: the timeline's
    report of what a user sees."""

    width: int
    height: int
    band: QRectF
    marks_y: float  # the top of the meal and medicine marks under the band
    hours_y: float
    legend_y: float
    list_y: float
    labels: list[DrawnLabel]
    listed: list[str]  # the marks' words that have no room by their marks, in time order
    list_lines: list[str]  # those, as drawn under the legend
    legend_lines: list[list[tuple[str, str]]]  # (kind of mark, what it means), line by line
    marks: list[DrawnMark] = field(default_factory=list)


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: PlanView | None = None
        self._marks: DayMarks | None = None
        self._height = self._base_height()
        self.drawn: DayDrawing | None = None  # what the last paint drew
        self.setAccessibleName("Day timeline")
        self.setMinimumHeight(self._height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.focus_ring = make_reachable(self)

    def _base_height(self) -> int:
        """The height with no list under the legend: two rows of words over the band, two
        under it, the hours and one line of legend."""
        line = QFontMetricsF(self.font()).height()
        return round(6 * line + _BAND_PX + 40)

    def sizeHint(self) -> QSize:
        return QSize(600, self._height)

    def show_view(self, view: PlanView) -> None:
        self._view = view
        self._marks = day_marks(view)
        text = self.describe()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self._fit_height()
        self.update()

    def describe(self) -> str:
        """The timeline in words, for screen readers and the tooltip."""
        return self._marks.described if self._marks is not None else "No plan yet."

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _fit_height(self) -> None:
        """Grow or shrink to the drawing at this width (a crowded day lists more words)."""
        needed = self.lay_out(self.width()).height if self._view is not None else 0
        needed = max(needed, self._base_height())
        if needed != self._height:
            self._height = needed
            self.setMinimumHeight(needed)
            self.updateGeometry()

    # ---- where everything goes -----------------------------------------------------------

    def lay_out(self, width: int) -> DayDrawing:
        """Where the band, the words and the legend go at ``width`` pixels wide."""
        assert self._view is not None and self._marks is not None
        plan, marks = self._view.plan, self._marks
        scale = _Scale.of(plan, width)
        fonts = _Fonts.of(self.font())
        bold_px, line_px, small_px = (QFontMetricsF(f).height() for f in fonts.all())
        band_top = _GAP_PX + 2 * bold_px + _GAP_PX
        band = QRectF(scale.x(_MARGIN_MIN), band_top, scale.band_width(), _BAND_PX)
        marks_y = band.bottom() + _GAP_PX
        hours_y = marks_y + 8 + 2 * line_px + _GAP_PX
        legend_y = hours_y + line_px + _GAP_PX
        labels, listed = _place_words(plan, marks, scale, fonts, band)
        small = QFontMetricsF(fonts.small)
        legend_lines = _wrap_legend(_legend_items(plan, marks), small, width - 2 * _SIDE_PX)
        list_y = legend_y + len(legend_lines) * small_px
        list_lines = _wrap_list(listed, small, width - 2 * _SIDE_PX)
        height = round(list_y + len(list_lines) * small_px + _GAP_PX)
        return DayDrawing(
            width=width,
            height=height,
            band=band,
            marks_y=marks_y,
            hours_y=hours_y,
            legend_y=legend_y,
            list_y=list_y,
            labels=labels,
            listed=listed,
            list_lines=list_lines,
            legend_lines=legend_lines,
        )

    # ---- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._view is not None:
            self.drawn = self.lay_out(self.width())
            self._paint_day(painter, self._view, self.drawn)
        painter.end()

    def _paint_day(self, painter: QPainter, view: PlanView, drawing: DayDrawing) -> None:
        """Rows, top to bottom: dose words, the band, meals and medicines, hours, legend and
        the list of words that had no room."""
        p = view.plan
        inks = _Inks.of(self.palette(), self.font())
        scale = _Scale.of(p, drawing.width)
        _paint_band(painter, p, scale, drawing.band, inks)
        _paint_hours(painter, p, scale, drawing, inks, view.clock)
        _paint_meals(painter, p, scale, drawing, inks)
        _paint_medicines(painter, p, scale, drawing, inks)
        self._paint_doses(painter, scale, drawing, inks)
        _paint_words(painter, drawing, inks)
        _paint_legend(painter, drawing, inks)
        _paint_list(painter, drawing, inks)

    def _paint_doses(
        self, painter: QPainter, scale: _Scale, drawing: DayDrawing, inks: _Inks
    ) -> None:
        """Doses: a circle for the plan's first form, a square for its second, on the band."""
        assert self._marks is not None and self._view is not None
        y = drawing.band.center().y()
        for mark in self._marks.doses:
            x = scale.x(scale.offset(mark.minute))
            color = inks.forms[mark.form_index % len(inks.forms)]
            painter.setPen(QPen(inks.base, 2))
            painter.setBrush(color)
            _draw_form_mark(painter, mark.form_index, x, y, 8)
            drawing.marks.append(
                DrawnMark(f"dose-{mark.form_index}", QPointF(x, y), color, inks.band)
            )
        if self._view.plan.blocked:
            painter.setPen(severity_color("danger", self.palette()))
            painter.drawText(drawing.band, Qt.AlignmentFlag.AlignCenter, "No magnesium is planned")


give_role(TimelineWidget, QAccessible.Role.Chart)


# ---- geometry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scale:
    """Minutes of the day to pixels across a drawing ``width`` wide: the waking day with a
    margin either side."""

    wake_min: int
    span_min: int
    width: int

    @classmethod
    def of(cls, p: Plan, width: int) -> _Scale:
        return cls(p.wake_min, forward_gap(p.wake_min, p.bed_min) + 2 * _MARGIN_MIN, width)

    def offset(self, minute: int) -> int:
        """Minutes from the start of the drawn span (wake minus the margin)."""
        return (minute - self.wake_min + _MARGIN_MIN) % MINUTES_PER_DAY

    def x(self, offset: float) -> float:
        return _SIDE_PX + (self.width - 2 * _SIDE_PX) * offset / self.span_min

    def band_width(self) -> float:
        return self.x(self.span_min - _MARGIN_MIN) - self.x(_MARGIN_MIN)

    def shown(self, minute: int) -> bool:
        """Whether ``minute`` falls in the drawn span (a medicine at night does not)."""
        return self.offset(minute) <= self.span_min

    def label_left(self, x: float, label_width: float) -> float:
        """The left edge of a label centred on ``x``, kept inside the drawing."""
        return min(max(2.0, x - label_width / 2), self.width - label_width - 2)


@dataclass(frozen=True)
class _Fonts:
    bold: QFont  # a dose's words
    normal: QFont  # a medicine's name, the hours
    small: QFont  # the legend and the list

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        normal = QFont(font)
        bold = QFont(normal)
        bold.setBold(True)
        small = QFont(normal)
        small.setPointSizeF(normal.pointSizeF() * 0.85)
        return cls(bold, normal, small)

    def all(self) -> tuple[QFont, QFont, QFont]:
        return self.bold, self.normal, self.small


def _place_words(
    p: Plan, marks: DayMarks, scale: _Scale, fonts: _Fonts, band: QRectF
) -> tuple[list[DrawnLabel], list[str]]:
    """The words drawn by the marks (doses over the band, medicines under it, two rows each)
    and, in time order, those listed under the drawing instead: a dose whose amount has no
    room (its time alone is by its mark), and a mark with no room for any words."""
    labels: list[DrawnLabel] = []
    listed: list[tuple[int, str]] = []
    bold = QFontMetricsF(fonts.bold)
    rows = _Rows(2)
    for dose in sorted(marks.doses, key=lambda d: scale.offset(d.minute)):
        x = scale.x(scale.offset(dose.minute))
        placed = _first_fitting(rows, scale, dose.minute, bold, (dose.label, dose.short))
        if placed is not None:
            row, left, text = placed
            top = _GAP_PX + (1 - row) * bold.height()  # the first row sits next to the band
            labels.append(DrawnLabel("dose", text, _rect(bold, left, top, text), x))
        if placed is None or placed[2] != dose.label:
            listed.append((scale.offset(dose.minute), dose.listed))
    normal = QFontMetricsF(fonts.normal)
    rows = _Rows(2)
    for med in sorted(marks.medicines, key=lambda m: scale.offset(m.minute)):
        x = scale.x(scale.offset(med.minute))
        placed = _first_fitting(rows, scale, med.minute, normal, (med.label,))
        if placed is None:
            listed.append((scale.offset(med.minute), med.listed))
            continue
        row, left, text = placed
        top = band.bottom() + _GAP_PX + 8 + row * normal.height()
        labels.append(DrawnLabel("medicine", text, _rect(normal, left, top, text), x))
    return labels, [text for _offset, text in sorted(listed, key=lambda item: item[0])]


def _rect(fm: QFontMetricsF, left: float, top: float, text: str) -> QRectF:
    return QRectF(left, top, _w(fm, text), fm.height())


def _w(fm: QFontMetricsF, text: str) -> float:
    return fm.horizontalAdvance(text)


def _first_fitting(
    rows: _Rows, scale: _Scale, minute: int, fm: QFontMetricsF, texts: tuple[str, ...]
) -> tuple[int, float, str] | None:
    """(row, left edge, text) of the first of ``texts`` that has room by the mark at
    ``minute``; None when none has, or the mark is outside the drawing (a medicine at night)."""
    if not scale.shown(minute):
        return None
    x = scale.x(scale.offset(minute))
    for text in texts:
        width = _w(fm, text)
        left = scale.label_left(x, width)
        row = rows.place(left, left + width)
        if row >= 0:
            return row, left, text
    return None


def _legend_items(p: Plan, marks: DayMarks) -> list[tuple[str, str]]:
    """(kind of mark, what it means) for the marks this plan's drawing has: each form's own."""
    forms = sorted({d.form_index for d in marks.doses})
    items = [(f"dose-{i}", marks.form_names[i]) for i in forms if i < len(marks.form_names)]
    if p.meals_min:
        items.append(("meal", "meal"))
    if p.medicines:
        items += [("medicine", "other medicine"), ("shade", "keep magnesium out")]
    if _windows_overlap(_keep_out_windows(p, _Scale.of(p, 1000))):
        items.append(("overlap", "two windows overlap"))
    if any(m.weekdays and (m.mg_first_min or m.other_first_min) for m in p.medicines):
        items.append(("hatch", "only on the days named"))
    return items


def _wrap_legend(
    items: list[tuple[str, str]], fm: QFontMetricsF, width: float
) -> list[list[tuple[str, str]]]:
    """The legend's entries in as many lines as ``width`` needs."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for kind, text in items:
        entry = _LEGEND_MARK_PX + _w(fm, text) + _LEGEND_MARK_PX
        if lines[-1] and used + entry - _LEGEND_MARK_PX > width:
            lines.append([])
            used = 0.0
        lines[-1].append((kind, text))
        used += entry
    return lines if lines[0] else []


def _wrap_list(listed: list[str], fm: QFontMetricsF, width: float) -> list[str]:
    """The words that had no room by their marks, after :data:`UNLABELLED`, in as many lines
    as ``width`` needs (a line breaks between entries, never inside one)."""
    if not listed:
        return []
    head = UNLABELLED + " "
    lines = [head]
    for i, entry in enumerate(listed):
        piece = entry + (_LIST_SEPARATOR if i < len(listed) - 1 else "")
        if lines[-1] != head and _w(fm, (lines[-1] + piece).rstrip()) > width:
            lines.append(piece)
        else:
            lines[-1] += piece
    return [line.rstrip() for line in lines]


# ---- painting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _KeepOut:
    """A window around a medicine's time that magnesium keeps out of, in minutes from the
    start of the drawn span."""

    left: float
    right: float
    some_days: bool  # the medicine is taken on some weekdays only

    def covers(self, offset: float) -> bool:
        return self.left <= offset <= self.right


def _keep_out_windows(p: Plan, scale: _Scale) -> list[_KeepOut]:
    """The plan's windows that magnesium keeps out of, within the drawn span."""
    span = float(scale.span_min)
    windows = []
    for med in p.medicines:
        if not (med.mg_first_min or med.other_first_min):
            continue
        for t in med.times_min:
            left = max(0.0, float(scale.offset(t) - med.mg_first_min))
            right = min(span, float(scale.offset(t) + med.other_first_min))
            if right > left:
                windows.append(_KeepOut(left, right, bool(med.weekdays)))
    return windows


def _shade_depth(windows: list[_KeepOut], offset: float) -> int:
    """How many layers of shade the band has at ``offset``: one for an everyday window, two
    where windows overlap (the legend's two shades)."""
    covering = sum(1 for w in windows if not w.some_days and w.covers(offset))
    return min(covering, _DEEPEST_SHADE)


def _shade_spans(windows: list[_KeepOut]) -> list[tuple[float, float, int]]:
    """(start, end, layers of shade) along the band, for its everyday windows."""
    edges = sorted({e for w in windows if not w.some_days for e in (w.left, w.right)})
    spans = []
    for start, end in pairwise(edges):
        depth = _shade_depth(windows, (start + end) / 2)
        if depth:
            spans.append((start, end, depth))
    return spans


def _windows_overlap(windows: list[_KeepOut]) -> bool:
    """Whether two everyday windows shade the band at the same time (a darker shade)."""
    return any(depth > 1 for _start, _end, depth in _shade_spans(windows))


def _paint_band(painter: QPainter, p: Plan, scale: _Scale, band: QRectF, inks: _Inks) -> None:
    """The waking day, and the shaded windows that magnesium keeps out of (where two meet,
    the shade is deeper)."""
    painter.setPen(QPen(inks.frame, 1))
    painter.setBrush(inks.band)
    painter.drawRoundedRect(band, 4, 4)
    windows = _keep_out_windows(p, scale)
    spans = [(s, e, QBrush(inks.shade), depth) for s, e, depth in _shade_spans(windows)]
    # a medicine taken on some weekdays only: hatched, its window is not there every day
    spans += [(w.left, w.right, inks.some_days, 1) for w in windows if w.some_days]
    for start, end, brush, layers in spans:
        x0 = max(scale.x(start), band.left())
        x1 = min(scale.x(end), band.right())
        for _ in range(layers if x1 > x0 else 0):
            painter.fillRect(QRectF(x0, band.top(), x1 - x0, band.height()), brush)


def _paint_hours(
    painter: QPainter, p: Plan, scale: _Scale, drawing: DayDrawing, inks: _Inks, clock: Clock
) -> None:
    """Hour ticks and times under the band (on the plan's ``clock``); wake and bed at its
    ends."""
    painter.setFont(inks.fonts.normal)
    band, fm = drawing.band, QFontMetricsF(inks.fonts.normal)
    painter.setPen(QPen(inks.muted, 1))
    step_min = 60 if scale.width > 1000 else 120
    wake_label = f"wake {clock_time(p.wake_min, clock)}"
    bed_label = f"bed {clock_time(p.bed_min, clock)}"
    keep_out = (
        band.left() + _w(fm, wake_label) / 2 + 12,
        band.right() - _w(fm, bed_label) / 2 - 12,
    )
    base = drawing.hours_y + fm.ascent()
    minute = (p.wake_min - _MARGIN_MIN + 59) // 60 * 60
    while scale.shown(minute) and minute < p.wake_min + MINUTES_PER_DAY:
        x = scale.x(scale.offset(minute))
        if band.left() <= x <= band.right():
            painter.drawLine(QPointF(x, band.bottom()), QPointF(x, band.bottom() + 3))
        label = clock_hour(minute, clock)
        w = _w(fm, label)
        if minute % step_min == 0 and keep_out[0] + w / 2 < x < keep_out[1] - w / 2:
            painter.drawText(QPointF(x - w / 2, base), label)
        minute += 60
    painter.setPen(inks.text)
    for label, x in ((wake_label, band.left()), (bed_label, band.right())):
        painter.drawText(QPointF(scale.label_left(x, _w(fm, label)), base), label)


def _paint_meals(
    painter: QPainter, p: Plan, scale: _Scale, drawing: DayDrawing, inks: _Inks
) -> None:
    """Meals: triangles under the band."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(inks.meal)
    for m in p.meals_min:
        x = scale.x(scale.offset(m))
        painter.drawPolygon(_triangle(x, drawing.marks_y, 5, 8))
        drawing.marks.append(
            DrawnMark("meal", QPointF(x, drawing.marks_y + 4), inks.meal, inks.base)
        )


def _paint_medicines(
    painter: QPainter, p: Plan, scale: _Scale, drawing: DayDrawing, inks: _Inks
) -> None:
    """Other medicines: diamonds on the band's lower edge (their names: :func:`_paint_words`),
    each outlined in a colour that stands out on the shade it sits in (its own window's, and
    deeper where windows overlap) and on the background under the band."""
    windows = _keep_out_windows(p, scale)
    painter.setBrush(inks.caution)
    for med in p.medicines:
        for t in med.times_min:
            if not scale.shown(t):
                continue
            center = QPointF(scale.x(scale.offset(t)), drawing.band.bottom())
            shade = inks.shaded(_shade_depth(windows, scale.offset(t)))
            outline = inks.outline_on(shade)
            painter.setPen(QPen(outline, _OUTLINE_PX))
            painter.drawPolygon(_diamond(center.x(), center.y(), 8))
            drawing.marks.append(
                DrawnMark("medicine", center, inks.caution, shade, outline=outline)
            )


def _paint_words(painter: QPainter, drawing: DayDrawing, inks: _Inks) -> None:
    """The words by the marks, with a line to the mark from words in the farther row."""
    band = drawing.band
    for label in drawing.labels:
        dose = label.kind == "dose"
        painter.setFont(inks.fonts.bold if dose else inks.fonts.normal)
        fm = QFontMetricsF(painter.font())
        x = label.mark_x
        painter.setPen(QPen(inks.muted, 1))
        if dose:
            painter.drawLine(QPointF(x, label.rect.bottom()), QPointF(x, band.top()))
        elif label.rect.top() > drawing.marks_y + 8 + 1:  # the second row: a leader line
            painter.drawLine(QPointF(x, band.bottom() + 7), QPointF(x, label.rect.top() + 2))
        painter.setPen(inks.text)
        painter.drawText(QPointF(label.rect.left(), label.rect.top() + fm.ascent()), label.text)


def _paint_legend(painter: QPainter, drawing: DayDrawing, inks: _Inks) -> None:
    """What each mark means, under the hours (only the marks drawn)."""
    painter.setFont(inks.fonts.small)
    fm = QFontMetricsF(inks.fonts.small)
    for line_no, line in enumerate(drawing.legend_lines):
        x = float(_SIDE_PX)
        y = drawing.legend_y + line_no * fm.height() + fm.height() / 2
        for kind, text in line:
            painter.setPen(Qt.PenStyle.NoPen)
            color = _paint_legend_mark(painter, kind, x, y, inks)
            if color is not None:
                drawing.marks.append(DrawnMark(kind, QPointF(x + 5, y), color, inks.base, True))
            painter.setPen(inks.muted)
            painter.drawText(QPointF(x + _LEGEND_MARK_PX, y - fm.height() / 2 + fm.ascent()), text)
            x += _LEGEND_MARK_PX + _w(fm, text) + _LEGEND_MARK_PX


def _paint_list(painter: QPainter, drawing: DayDrawing, inks: _Inks) -> None:
    """The words that had no room by their marks, under the legend."""
    painter.setFont(inks.fonts.small)
    painter.setPen(inks.text)
    fm = QFontMetricsF(inks.fonts.small)
    for line_no, line in enumerate(drawing.list_lines):
        top = drawing.list_y + line_no * fm.height()
        painter.drawText(QPointF(float(_SIDE_PX), top + fm.ascent()), line)


def _paint_legend_mark(
    painter: QPainter, kind: str, x: float, y: float, inks: _Inks
) -> QColor | None:
    """One legend mark, 10 to 14 px wide, starting at ``x`` and centred on ``y``; its colour
    (None for a shading)."""
    if kind.startswith("dose-"):
        index = int(kind.removeprefix("dose-"))
        color = inks.forms[index % len(inks.forms)]
        painter.setBrush(color)
        _draw_form_mark(painter, index, x + 5, y, 5)
        return color
    if kind == "meal":
        painter.setBrush(inks.meal)
        painter.drawPolygon(_triangle(x + 5, y - 5, 5, 9))
        return inks.meal
    if kind == "medicine":
        painter.setBrush(inks.caution)
        painter.setPen(QPen(inks.outline_on(inks.base), _OUTLINE_PX * 0.75))
        painter.drawPolygon(_diamond(x + 5, y, 5))
        return inks.caution
    fill = inks.some_days if kind == "hatch" else QBrush(inks.shade)
    swatch = QRectF(x, y - 5, 14, 10)
    painter.fillRect(swatch, QBrush(inks.band))  # the shade as it lies on the band
    painter.fillRect(swatch, fill)
    if kind == "overlap":  # two windows at once: the shade twice
        painter.fillRect(swatch, fill)
    return None


def _draw_form_mark(painter: QPainter, form_index: int, x: float, y: float, r: float) -> None:
    """A dose's mark centred on (``x``, ``y``): a circle ``r`` in radius for the first form, a
    square ``2 r`` wide for the second."""
    if form_index % 2 == 0:
        painter.drawEllipse(QPointF(x, y), r, r)
    else:
        painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))


@dataclass(frozen=True)
class _Inks:
    """The colours and fonts of one paint, from the widget's palette and font; every mark's
    colour keeps 3:1 against what it is drawn on."""

    text: QColor
    muted: QColor  # the hours and the legend's words: quieter than text, still 4.5:1
    base: QColor  # the widget's background
    band: QColor  # the waking day's band
    frame: QColor  # the band's outline
    caution: QColor  # other medicines' marks
    meal: QColor
    forms: tuple[QColor, QColor]  # the doses of the plan's first and second form
    shade: QColor  # a window magnesium keeps out of, every day
    some_days: QBrush  # hatched: a window on the days named only
    fonts: _Fonts

    def shaded(self, depth: int) -> QColor:
        """The band under ``depth`` everyday windows, as painted (each lays its shade over
        what is there)."""
        color = QColor(self.band)
        share = self.shade.alphaF()
        for _ in range(depth):
            color = QColor.fromRgbF(
                color.redF() + (self.shade.redF() - color.redF()) * share,
                color.greenF() + (self.shade.greenF() - color.greenF()) * share,
                color.blueF() + (self.shade.blueF() - color.blueF()) * share,
            )
        return color

    def outline_on(self, background: QColor) -> QColor:
        """An outline that stands out (3:1) on ``background`` and on the widget's own
        background: the text colour, else white or black, whichever does (else the one that
        stands out most on the two)."""
        candidates = (self.text, QColor("#ffffff"), QColor("#000000"))

        def least(color: QColor) -> float:
            return min(contrast_ratio(color, background), contrast_ratio(color, self.base))

        enough = [c for c in candidates if least(c) >= MIN_MARK_CONTRAST]
        return QColor(enough[0] if enough else max(candidates, key=least))

    @classmethod
    def of(cls, pal: QPalette, font: QFont) -> _Inks:
        base = pal.color(QPalette.ColorRole.Base)
        band = pal.color(QPalette.ColorRole.AlternateBase)
        caution = severity_color("caution", pal)
        shade = QColor(caution)
        shade.setAlpha(_SHADE_ALPHA)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        return cls(
            text=pal.color(QPalette.ColorRole.Text),
            muted=readable_on(muted, base, _TEXT_CONTRAST),
            base=base,
            band=band,
            frame=pal.color(QPalette.ColorRole.Mid),
            caution=_on_both(caution, band, base),
            meal=readable_on(muted, base),
            forms=(
                _on_both(form_mark_color(0, pal), band, base),
                _on_both(form_mark_color(1, pal), band, base),
            ),
            shade=shade,
            some_days=QBrush(caution.darker(110), Qt.BrushStyle.BDiagPattern),
            fonts=_Fonts.of(font),
        )


def _on_both(color: QColor, band: QColor, base: QColor) -> QColor:
    """``color`` made readable on the band and then on the background around it (a legend's
    marks stand on the background)."""
    return readable_on(readable_on(color, band), base)


def _triangle(x: float, top: float, half_width: float, height: float) -> QPolygonF:
    """A meal's mark: a triangle pointing up at (``x``, ``top``)."""
    return QPolygonF(
        [
            QPointF(x, top),
            QPointF(x - half_width, top + height),
            QPointF(x + half_width, top + height),
        ]
    )


def _diamond(x: float, y: float, radius: float) -> QPolygonF:
    """A medicine's mark: a diamond centred on (``x``, ``y``)."""
    return QPolygonF(
        [
            QPointF(x, y - radius),
            QPointF(x + radius, y),
            QPointF(x, y + radius),
            QPointF(x - radius, y),
        ]
    )


class _Rows:
    """Greedy placement of labels in a few rows so that they do not overlap."""

    def __init__(self, count: int) -> None:
        self._ends = [float("-inf")] * count

    def place(self, left: float, right: float) -> int:
        """The row the label goes in, or -1 when every row is taken there (no overlap)."""
        for i, end in enumerate(self._ends):
            if left >= end + 6:
                self._ends[i] = right
                return i
        return -1
