"""The Journal page's calendar of adherence: one cell per day, weeks left to right and the
days of the week top to bottom, its shade the share of that day's planned doses taken.

A day with nothing recorded is hatched, not shaded, so it is never taken for a day of 0%; a
day without doses planned (before the plan, after today) has no cell. Today counts the doses
recorded so far (the others may still be taken), as the journal's adherence does. Clicking a
cell, or moving to it with the arrow keys, opens that day.

The shades run from pale to strong on a light palette and from dim to bright on a dark one,
through the blues and greens of ColorBrewer's YlGnBu, which people with any colour vision see
in order; each cell keeps a frame in the palette's mid colour. For assistive technology the
calendar is a chart the keyboard reaches: its description gives the span, the doses taken and
the selected day in words, and each cell's words are its tooltip.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QToolTip, QWidget

from magplan.gui.accessibility import give_role, make_reachable
from magplan.gui.journal_words import long_day, per_cent, short_day, short_month
from magplan.gui.theme import contrast_ratio, is_dark
from magplan.journal.records import JournalDay as StoredDay
from magplan.journal.summary import JournalDay

WEEK = dt.timedelta(days=7)
GAP_PX = 2
LEGEND_SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)
LEGEND_TITLE = "Doses taken:"

# (share of the day's doses taken, colour): ColorBrewer YlGnBu, pale to strong on a light
# palette; the same order from dim to bright on a dark one.
_LIGHT_STOPS = (
    (0.0, "#ffffcc"),
    (0.25, "#c7e9b4"),
    (0.5, "#7fcdbb"),
    (0.75, "#41b6c4"),
    (1.0, "#225ea8"),
)
_DARK_STOPS = (
    (0.0, "#4d4a1c"),
    (0.25, "#2f6150"),
    (0.5, "#2b8a83"),
    (0.75, "#41b6c4"),
    (1.0, "#a6dcff"),
)


@dataclass(frozen=True)
class DayMark:
    """One day of the calendar: its planned doses, those recorded, those taken."""

    day: dt.date
    planned: int
    recorded: int
    taken: int
    is_today: bool = False

    @property
    def share(self) -> float | None:
        """The share of the day's doses taken (today: of those recorded so far); ``None`` when
        nothing was recorded or nothing planned."""
        if not self.planned or not self.recorded:
            return None
        return self.taken / (self.recorded if self.is_today else self.planned)

    def words(self) -> str:
        """``Mon 2 Jun 2025: 3 of 4 doses taken (75%)``."""
        day = short_day(self.day) + (" (today)" if self.is_today else "")
        if not self.planned:
            return f"{day}: no doses planned"
        if not self.recorded:
            return f"{day}: nothing recorded yet" if self.is_today else f"{day}: nothing recorded"
        share = self.share or 0.0
        if self.is_today:
            return (
                f"{day}: {self.taken} of {self.recorded} recorded doses taken so far"
                f" ({self.planned} planned)"
            )
        not_recorded = self.planned - self.recorded
        rest = f", {not_recorded} not recorded" if not_recorded else ""
        return f"{day}: {self.taken} of {self.planned} doses taken ({per_cent(share)}){rest}"


def mark_of(day: JournalDay, today: dt.date) -> DayMark:
    """A day of the journal's summary, as the calendar shows it."""
    recorded = sum(1 for d in day.doses if d.status is not None)
    return DayMark(day.day, day.planned, recorded, day.taken, day.day == today)


def mark_of_stored(day: StoredDay, today: dt.date) -> DayMark:
    """A day read from the journal itself (after a dose was marked), as the calendar shows it."""
    entries = [d.entry for d in day.doses if d.entry is not None]
    taken = sum(1 for e in entries if e.taken)
    return DayMark(day.day, len(day.doses), len(entries), taken, day.day == today)


def share_color(share: float, palette: QPalette) -> QColor:
    """The shade of a day of which ``share`` of the doses were taken, on this palette."""
    stops = _DARK_STOPS if is_dark(palette) else _LIGHT_STOPS
    share = min(1.0, max(0.0, share))
    for (low, low_color), (high, high_color) in itertools.pairwise(stops):
        if share <= high:
            part = (share - low) / (high - low)
            a, b = QColor(low_color), QColor(high_color)
            return QColor.fromRgbF(
                a.redF() + (b.redF() - a.redF()) * part,
                a.greenF() + (b.greenF() - a.greenF()) * part,
                a.blueF() + (b.blueF() - a.blueF()) * part,
            )
    return QColor(stops[-1][1])


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class _Grid:
    """Where the cells are: the first Monday, the number of weeks, the cell and its labels."""

    first_monday: dt.date
    weeks: int
    cell: float
    left: float  # the weekday labels' width
    top: float  # the month labels' height

    def rect(self, day: dt.date) -> QRectF:
        column = (day - self.first_monday).days // 7
        x = self.left + column * (self.cell + GAP_PX)
        y = self.top + day.weekday() * (self.cell + GAP_PX)
        return QRectF(x, y, self.cell, self.cell)

    def day_at(self, point: QPointF) -> dt.date | None:
        step = self.cell + GAP_PX
        column = int((point.x() - self.left) // step)
        row = int((point.y() - self.top) // step)
        if point.x() < self.left or point.y() < self.top or not 0 <= row < 7:
            return None
        if not 0 <= column < self.weeks:
            return None
        return self.first_monday + dt.timedelta(days=7 * column + row)

    @property
    def bottom(self) -> float:
        return self.top + 7 * (self.cell + GAP_PX)


class AdherenceCalendar(QWidget):
    """The calendar of adherence, from the journal's first day to today."""

    dayChosen = Signal(object)  # a datetime.date: the user clicked it or moved to it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adherenceCalendar")
        self.setAccessibleName("Adherence calendar")
        self.focus_ring = make_reachable(self)
        self.setMouseTracking(True)
        self._marks: dict[dt.date, DayMark] = {}
        self._cache: QPixmap | None = None
        self._cache_key: object = None
        self._today = dt.date.today()
        self._first = self._today
        self.selected = self._today
        self._describe()

    # ---- what it shows ----------------------------------------------------------------------

    def set_marks(self, marks: Iterable[DayMark], today: dt.date, selected: dt.date) -> None:
        """Show ``marks`` (the journal's days up to ``today``) with ``selected`` marked."""
        self._marks = {m.day: m for m in marks}
        self._today = today
        self._first = min(self._marks, default=today)
        self.selected = selected
        self.updateGeometry()
        self._describe()
        self._forget_drawing()

    def update_mark(self, mark: DayMark) -> None:
        """One day again, after a dose of it was marked."""
        self._marks[mark.day] = mark
        self._describe()
        self._forget_drawing()

    def set_selected(self, day: dt.date) -> None:
        self.selected = day
        self._describe()
        self.update()

    def mark(self, day: dt.date) -> DayMark | None:
        return self._marks.get(day)

    def marks(self) -> Sequence[DayMark]:
        return [self._marks[d] for d in sorted(self._marks)]

    def cell_rect(self, day: dt.date) -> QRectF:
        """Where ``day``'s cell is drawn, in the widget's coordinates."""
        return self._grid().rect(day)

    # ---- words ------------------------------------------------------------------------------

    def summary_words(self) -> str:
        """The span and the doses taken, in one sentence."""
        complete = [m for m in self._marks.values() if not m.is_today and m.planned]
        if not complete:
            return "No day of the plan is over yet."
        planned = sum(m.planned for m in complete)
        taken = sum(m.taken for m in complete)
        missing = sum(1 for m in complete if not m.recorded)
        days = f"{len(complete)} day{'s' if len(complete) != 1 else ''}"
        text = (
            f"From {short_day(self._first)} to {short_day(self._today)}: {taken} of {planned}"
            f" doses taken ({per_cent(taken / planned)}) over {days} before today"
        )
        if missing:
            text += f"; {missing} day{'s' if missing != 1 else ''} with nothing recorded"
        return text + "."

    def _describe(self) -> None:
        chosen = self._marks.get(self.selected)
        selected = chosen.words() if chosen else long_day(self.selected)
        self.setAccessibleDescription(
            "Each day's share of its planned doses taken, weeks from left to right, Monday at"
            " the top: the stronger the shade, the more was taken; a hatched day had nothing"
            f" recorded. {self.summary_words()} Selected: {selected}. The arrow keys move by"
            " day (up, down) and by week (left, right); each day opens as it is selected."
        )
        self.setToolTip("")  # the cells give their own

    # ---- size and places ----------------------------------------------------------------------

    def _weeks(self) -> int:
        return (monday_of(self._today) - monday_of(self._first)).days // 7 + 1

    def _grid(self) -> _Grid:
        fm = QFontMetricsF(self.font())
        base = max(9.0, round(fm.height() * 0.6))
        weeks = self._weeks()
        cell = base * (2 if weeks <= 8 else 1.5 if weeks <= 20 else 1)
        left = fm.horizontalAdvance("Wed") + 8
        return _Grid(monday_of(self._first), weeks, cell, left, fm.height() + 4)

    def _legend_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 10

    def sizeHint(self) -> QSize:
        grid = self._grid()
        fm = QFontMetricsF(self.font())
        last_label = fm.horizontalAdvance("Sep 2026")  # a month's name over the last week
        width = grid.left + grid.weeks * (grid.cell + GAP_PX) + last_label
        legend = self._legend_width()
        return QSize(int(max(width, legend)) + 4, int(grid.bottom + self._legend_height()) + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # ---- drawing -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._drawing())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grid = self._grid()
        pal = self.palette()
        today = self._marks.get(self._today)
        if today is not None and today.planned:
            _paint_today(painter, grid.rect(self._today), today.share, pal)
        if self._first <= self.selected <= self._today:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(grid.rect(self.selected).adjusted(-1.5, -1.5, 1.5, 1.5))
        painter.end()

    def _drawing(self) -> QPixmap:
        """The labels, the cells and the legend, drawn once for what is shown (the selection
        and today's dot are drawn over it)."""
        ratio = self.devicePixelRatioF()
        key = (self.size(), ratio, self.palette().cacheKey(), self.font().key())
        if self._cache is not None and self._cache_key == key:
            return self._cache
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        grid = self._grid()
        pal = self.palette()
        self._paint_labels(painter, grid, pal)
        cells: dict[float | None, list[QRectF]] = {}
        for mark in self._marks.values():
            if mark.planned and self._first <= mark.day <= self._today:
                cells.setdefault(mark.share, []).append(grid.rect(mark.day))
        for share, rects in cells.items():
            self._paint_cells(painter, rects, share, pal)
        self._paint_legend(painter, pal)
        painter.end()
        self._cache, self._cache_key = pixmap, key
        return pixmap

    def _forget_drawing(self) -> None:
        self._cache = None
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._forget_drawing()
        super().changeEvent(event)

    @classmethod
    def _paint_cell(
        cls, painter: QPainter, rect: QRectF, share: float | None, pal: QPalette
    ) -> None:
        cls._paint_cells(painter, [rect], share, pal)

    @staticmethod
    def _paint_cells(
        painter: QPainter, rects: list[QRectF], share: float | None, pal: QPalette
    ) -> None:
        """Cells of one share (``None``: nothing recorded, hatched, never a shade), framed."""
        frame = QPen(pal.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(Qt.PenStyle.NoPen)
        if share is None:
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.drawRects(rects)
            painter.setBrush(QBrush(pal.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern))
            frame.setStyle(Qt.PenStyle.DotLine)
        else:
            painter.setBrush(share_color(share, pal))
        painter.drawRects(rects)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects([r.adjusted(0.5, 0.5, -0.5, -0.5) for r in rects])

    def _paint_labels(self, painter: QPainter, grid: _Grid, pal: QPalette) -> None:
        fm = QFontMetricsF(self.font())
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        every_day = grid.cell + GAP_PX >= fm.height()
        for row, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
            if every_day or row % 2 == 0:
                y = grid.top + row * (grid.cell + GAP_PX)
                painter.drawText(
                    QRectF(0, y, grid.left - 4, grid.cell),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    name,
                )
        last_right = -1.0
        for column in range(grid.weeks):
            monday = grid.first_monday + column * WEEK
            sunday = monday + dt.timedelta(days=6)
            if column == 0 or sunday.month != monday.month or monday.day == 1:
                month = sunday if column else max(monday, self._first)
                label = short_month(month.month)
                if column == 0 or month.month == 1:
                    label += f" {month.year}"
                x = grid.left + column * (grid.cell + GAP_PX)
                if x > last_right:
                    painter.drawText(QPointF(x, fm.ascent()), label)
                    last_right = x + fm.horizontalAdvance(label) + 6

    def _legend_width(self) -> float:
        fm = QFontMetricsF(self.font())
        swatch = fm.height()
        words = [LEGEND_TITLE, *(per_cent(s) for s in LEGEND_SHARES), "nothing recorded"]
        return sum(fm.horizontalAdvance(w) for w in words) + (len(words) + 1) * (swatch + 8)

    def legend(self) -> list[tuple[QRectF, float | None, str]]:
        """The legend's swatches under the calendar: (where, share or ``None`` for nothing
        recorded, its words)."""
        fm = QFontMetricsF(self.font())
        swatch = fm.height() - 2
        top = self._grid().bottom + 6
        x = fm.horizontalAdvance(LEGEND_TITLE) + 8
        found: list[tuple[QRectF, float | None, str]] = []
        for share in (*LEGEND_SHARES, None):
            label = per_cent(share) if share is not None else "nothing recorded"
            found.append((QRectF(x, top + 1, swatch, swatch), share, label))
            x += swatch + 4 + fm.horizontalAdvance(label) + 10
        return found

    def _paint_legend(self, painter: QPainter, pal: QPalette) -> None:
        fm = QFontMetricsF(self.font())
        text = pal.color(QPalette.ColorRole.WindowText)
        top = self._grid().bottom + 6
        painter.setPen(text)
        painter.drawText(QPointF(0, top + fm.ascent()), LEGEND_TITLE)
        for rect, share, label in self.legend():
            self._paint_cell(painter, rect, share, pal)
            painter.setPen(text)
            painter.drawText(QPointF(rect.right() + 4, top + fm.ascent()), label)

    # ---- the user -----------------------------------------------------------------------------

    def _choose(self, day: dt.date) -> None:
        day = min(self._today, max(self._first, day))
        mark = self._marks.get(day)
        if mark is None or not mark.planned:
            return
        self.set_selected(day)
        self.dayChosen.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._grid().day_at(event.position())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._choose(day)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
        }
        key = Qt.Key(event.key())
        if key in steps:
            self._choose(self.selected + dt.timedelta(days=steps[key]))
        elif key == Qt.Key.Key_Home:
            self._choose(self._first)
        elif key == Qt.Key.Key_End:
            self._choose(self._today)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.position() if hasattr(event, "position") else event.pos()  # type: ignore[attr-defined]
            day = self._grid().day_at(QPointF(position))
            mark = self._marks.get(day) if day is not None else None
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.words(), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _paint_today(painter: QPainter, rect: QRectF, share: float | None, pal: QPalette) -> None:
    """A dot in the middle of today's cell, in black or white, whichever stands out there."""
    fill = share_color(share, pal) if share is not None else pal.color(QPalette.ColorRole.Base)
    white, black = QColor("#ffffff"), QColor("#000000")
    dot = white if contrast_ratio(white, fill) > contrast_ratio(black, fill) else black
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(dot)
    radius = max(2.0, rect.width() / 6)
    painter.drawEllipse(rect.center(), radius, radius)


give_role(AdherenceCalendar, QAccessible.Role.Chart)
