"""The waking day drawn as a band: meals, the doses, other medicines and the windows around
them that magnesium keeps out of (shaded)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from magplan.core.plan import Plan
from magplan.core.request import format_weekdays
from magplan.core.text import format_mg
from magplan.core.timeofday import MINUTES_PER_DAY, format_time, forward_gap
from magplan.gui.fields import weekdays_short
from magplan.gui.theme import severity_color

_MARGIN_MIN = 30  # drawn before waking and after bedtime
_SIDE_PX = 16


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self.setAccessibleName("Day timeline")
        fm = self.fontMetrics()
        self.setMinimumHeight(6 * fm.height() + 24 + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    def set_plan(self, plan: Plan | None) -> None:
        self._plan = plan
        text = self.describe()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def describe(self) -> str:
        """The timeline in words, for screen readers and the tooltip."""
        p = self._plan
        if p is None:
            return "No plan yet."
        parts = [f"Waking day {format_time(p.wake_min)} to {format_time(p.bed_min)}."]
        if p.meals_min:
            parts.append("Meals at " + ", ".join(format_time(m) for m in p.meals_min) + ".")
        if p.doses:
            parts.append(
                "Magnesium at "
                + ", ".join(f"{d.time} ({format_mg(d.elemental_mg)})" for d in p.doses)
                + "."
            )
        elif p.blocked:
            parts.append("No magnesium is planned.")
        for m in p.medicines:
            times = ", ".join(format_time(t) for t in m.times_min)
            if m.weekdays:
                times += f" on {format_weekdays(m.weekdays)} only"
            rule = f"; keep magnesium out of the shaded time ({m.rule})" if m.rule else ""
            parts.append(f"{m.name} at {times}{rule}.")
        return " ".join(parts)

    # ---- geometry -----------------------------------------------------------------------

    def _span_min(self) -> int:
        assert self._plan is not None
        return forward_gap(self._plan.wake_min, self._plan.bed_min) + 2 * _MARGIN_MIN

    def _offset(self, minute: int) -> int:
        """Minutes from the start of the drawn span (wake minus the margin)."""
        assert self._plan is not None
        return (minute - self._plan.wake_min + _MARGIN_MIN) % MINUTES_PER_DAY

    def _x(self, offset: float) -> float:
        width = self.width() - 2 * _SIDE_PX
        return _SIDE_PX + width * offset / self._span_min()

    # ---- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._plan is not None:
            self._paint_day(painter, self._plan)
        painter.end()

    def _paint_day(self, painter: QPainter, p: Plan) -> None:
        """Rows, top to bottom: dose labels, the band, meals and medicines, hours, legend."""
        inks = _Inks.of(self.palette(), self.font())
        painter.setFont(inks.normal)
        rows = self._rows(painter.fontMetrics().height())
        self._paint_band(painter, p, rows.band, inks)
        self._paint_hours(painter, p, rows, inks)
        self._paint_meals(painter, p, rows, inks)
        self._paint_medicines(painter, p, rows, inks)
        self._paint_doses(painter, p, rows.band, inks)
        self._paint_legend(painter, p, rows.legend_y, inks)

    def _rows(self, line_px: int) -> _DayRows:
        """Where each row of the drawing goes, for text ``line_px`` high."""
        span = self._span_min()
        band = QRectF(
            self._x(_MARGIN_MIN),
            4 + 2 * line_px + 4,
            self._x(span - _MARGIN_MIN) - self._x(_MARGIN_MIN),
            24,
        )
        marks_y = band.bottom() + 4
        hours_y = marks_y + 8 + 2 * line_px + 4
        return _DayRows(band, marks_y, hours_y, hours_y + line_px + 4)

    def _paint_band(self, painter: QPainter, p: Plan, band: QRectF, inks: _Inks) -> None:
        """The waking day, and the shaded windows that magnesium keeps out of."""
        pal = self.palette()
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(band, 4, 4)
        span = float(self._span_min())
        for med in p.medicines:
            if not (med.mg_first_min or med.other_first_min):
                continue
            # a medicine taken on some weekdays only: hatched, its window is not there every day
            brush = inks.some_days if med.weekdays else QBrush(inks.shade)
            for t in med.times_min:
                left = max(0.0, float(self._offset(t) - med.mg_first_min))
                right = min(span, float(self._offset(t) + med.other_first_min))
                x0, x1 = max(self._x(left), band.left()), min(self._x(right), band.right())
                if right > left and x1 > x0:
                    painter.fillRect(QRectF(x0, band.top(), x1 - x0, band.height()), brush)

    def _paint_hours(self, painter: QPainter, p: Plan, rows: _DayRows, inks: _Inks) -> None:
        """Hour ticks and times under the band; wake and bed at its ends."""
        band, fm = rows.band, painter.fontMetrics()
        painter.setPen(QPen(inks.muted, 1))
        step_min = 60 if self.width() > 1000 else 120
        wake_label = f"wake {format_time(p.wake_min)}"
        bed_label = f"bed {format_time(p.bed_min)}"
        keep_out = (
            band.left() + fm.horizontalAdvance(wake_label) / 2 + 12,
            band.right() - fm.horizontalAdvance(bed_label) / 2 - 12,
        )
        base = rows.hours_y + fm.ascent()
        span = self._span_min()
        minute = (p.wake_min - _MARGIN_MIN + 59) // 60 * 60
        while self._offset(minute) <= span and minute < p.wake_min + MINUTES_PER_DAY:
            x = self._x(self._offset(minute))
            if band.left() <= x <= band.right():
                painter.drawLine(QPointF(x, band.bottom()), QPointF(x, band.bottom() + 3))
            label = format_time(minute)
            w = fm.horizontalAdvance(label)
            if minute % step_min == 0 and keep_out[0] + w / 2 < x < keep_out[1] - w / 2:
                painter.drawText(QPointF(x - w / 2, base), label)
            minute += 60
        painter.setPen(inks.text)
        for label, x in ((wake_label, band.left()), (bed_label, band.right())):
            painter.drawText(QPointF(self._label_left(x, fm.horizontalAdvance(label)), base), label)

    def _paint_meals(self, painter: QPainter, p: Plan, rows: _DayRows, inks: _Inks) -> None:
        """Meals: triangles under the band."""
        painter.setFont(inks.small)
        for m in p.meals_min:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(inks.muted)
            painter.drawPolygon(_triangle(self._x(self._offset(m)), rows.marks_y, 5, 8))

    def _paint_medicines(self, painter: QPainter, p: Plan, rows: _DayRows, inks: _Inks) -> None:
        """Other medicines: diamonds on the band's lower edge, their names in two rows under
        it (a name with no room left out: the diamond stays, the list has it)."""
        painter.setFont(inks.normal)
        fm = painter.fontMetrics()
        band = rows.band
        name_rows = _Rows(2)
        for med in p.medicines:
            label = med.name + _days_short(med.weekdays)
            w = fm.horizontalAdvance(label)
            for t in med.times_min:
                if self._offset(t) > self._span_min():
                    continue
                x = self._x(self._offset(t))
                painter.setPen(QPen(inks.text, 1))
                painter.setBrush(inks.caution)
                painter.drawPolygon(_diamond(x, band.bottom(), 7))
                left = self._label_left(x, w)
                row = name_rows.place(left, left + w)
                if row < 0:
                    continue
                painter.setPen(inks.text)
                top = rows.marks_y + 8 + row * fm.height()
                if row:
                    painter.setPen(QPen(inks.muted, 1))
                    painter.drawLine(QPointF(x, band.bottom() + 7), QPointF(x, top + 2))
                    painter.setPen(inks.text)
                painter.drawText(QPointF(left, top + fm.ascent()), label)

    def _paint_doses(self, painter: QPainter, p: Plan, band: QRectF, inks: _Inks) -> None:
        """Doses: circles on the band, time and amount above (the time alone when crowded,
        nothing when even that has no room: the schedule table has it)."""
        painter.setFont(inks.bold)
        bfm = painter.fontMetrics()
        label_rows = _Rows(2)
        for d in p.doses:
            x = self._x(self._offset(d.time_min))
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 2))
            painter.setBrush(inks.accent)
            painter.drawEllipse(QPointF(x, band.center().y()), 8, 8)
            placed = self._place_label(
                label_rows, x, bfm, (f"{d.time} · {format_mg(d.elemental_mg)}", d.time)
            )
            if placed is None:
                continue
            row, left, label = placed
            top = 4 + (1 - row) * bfm.height()  # the first row sits next to the band
            painter.setPen(QPen(inks.muted, 1))
            painter.drawLine(QPointF(x, top + bfm.height()), QPointF(x, band.top()))
            painter.setPen(inks.text)
            painter.drawText(QPointF(left, top + bfm.ascent()), label)
        if p.blocked:
            painter.setPen(severity_color("danger", self.palette()))
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, "No magnesium is planned")

    def _place_label(
        self, rows: _Rows, x: float, fm: QFontMetrics, labels: tuple[str, ...]
    ) -> tuple[int, float, str] | None:
        """(row, left edge, text) of the first of ``labels`` that has room over ``x``."""
        for label in labels:
            w = fm.horizontalAdvance(label)
            left = self._label_left(x, w)
            row = rows.place(left, left + w)
            if row >= 0:
                return row, left, label
        return None

    def _label_left(self, x: float, width: float) -> float:
        """The left edge of a label ``width`` wide centred on ``x``, kept inside the widget."""
        return min(max(2.0, x - width / 2), self.width() - width - 2)

    def _paint_legend(self, painter: QPainter, p: Plan, legend_y: float, inks: _Inks) -> None:
        """What each mark means, in one line under the hours (only the marks drawn)."""
        painter.setFont(inks.small)
        sfm = painter.fontMetrics()
        x = float(_SIDE_PX)
        y = legend_y + sfm.height() / 2
        for kind, text in _legend_items(p):
            painter.setPen(Qt.PenStyle.NoPen)
            _paint_legend_mark(painter, kind, x, y, inks)
            painter.setPen(inks.muted)
            painter.drawText(QPointF(x + 18, y - sfm.height() / 2 + sfm.ascent()), text)
            x += 18 + sfm.horizontalAdvance(text) + 18


@dataclass(frozen=True)
class _DayRows:
    """The vertical places of one paint: the band, then under it the meal and medicine marks
    (two rows of names), the hours and the legend."""

    band: QRectF
    marks_y: float
    hours_y: float
    legend_y: float


@dataclass(frozen=True)
class _Inks:
    """The colours and fonts of one paint, from the widget's palette and font."""

    text: QColor
    muted: QColor
    caution: QColor
    accent: QColor
    shade: QColor  # a window magnesium keeps out of, every day
    some_days: QBrush  # hatched: a window on the days named only
    normal: QFont
    bold: QFont
    small: QFont

    @classmethod
    def of(cls, pal: QPalette, font: QFont) -> _Inks:
        caution = severity_color("caution", pal)
        shade = QColor(caution)
        shade.setAlpha(80)
        normal = QFont(font)
        bold = QFont(normal)
        bold.setBold(True)
        small = QFont(normal)
        small.setPointSizeF(normal.pointSizeF() * 0.85)
        return cls(
            text=pal.color(QPalette.ColorRole.Text),
            muted=pal.color(QPalette.ColorRole.PlaceholderText),
            caution=caution,
            accent=pal.color(QPalette.ColorRole.Highlight),
            shade=shade,
            some_days=QBrush(caution.darker(110), Qt.BrushStyle.BDiagPattern),
            normal=normal,
            bold=bold,
            small=small,
        )


def _legend_items(p: Plan) -> list[tuple[str, str]]:
    """(kind of mark, what it means) for the marks this plan's drawing has."""
    items = [("dose", "magnesium"), ("meal", "meal")]
    if p.medicines:
        items += [("med", "other medicine"), ("shade", "keep magnesium out")]
    if any(m.weekdays and (m.mg_first_min or m.other_first_min) for m in p.medicines):
        items.append(("hatch", "only on the days named"))
    return items


def _paint_legend_mark(painter: QPainter, kind: str, x: float, y: float, inks: _Inks) -> None:
    """One legend mark, 10 to 14 px wide, starting at ``x`` and centred on ``y``."""
    if kind == "dose":
        painter.setBrush(inks.accent)
        painter.drawEllipse(QPointF(x + 5, y), 5, 5)
    elif kind == "meal":
        painter.setBrush(inks.muted)
        painter.drawPolygon(_triangle(x + 5, y - 5, 5, 9))
    elif kind == "med":
        painter.setBrush(inks.caution)
        painter.drawPolygon(_diamond(x + 5, y, 5))
    else:
        fill = inks.some_days if kind == "hatch" else QBrush(inks.shade)
        painter.fillRect(QRectF(x, y - 5, 14, 10), fill)


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


def _days_short(weekdays: tuple[int, ...]) -> str:
    """`` (Mon)`` after a weekday-only medicine's name; nothing for one taken every day."""
    return f" ({weekdays_short(weekdays)})" if weekdays else ""


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
