"""While a field cannot be read, the plan on screen is the last valid one, not the inputs'.

Nothing moves when that happens: the plan stays where it is, dimmed under a veil
(:class:`StaleVeil`, which leaves the choice of form clear: it is an input), the status bar
says so in one line (:class:`ProblemNote`, the whole of it in its tooltip), and assistive
technology is told once, politely, and can read it in the plan's description. The marked
field has its own message under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from magplan.gui.accessibility import announce
from magplan.gui.theme import severity_color

STALE = "Showing the last valid plan, dimmed"
"""The head of the note, and of what assistive technology is told."""
VEIL_ALPHA = 150
"""How much of the window's colour the veil lays over the plan (of 255)."""


def stale_text(messages: list[str]) -> str:
    """``"Showing the last valid plan, dimmed. Fix the marked field: Bed time ... (and 1
    more)"``."""
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    fields = "fields" if more else "field"
    return f"{STALE}. Fix the marked {fields}: {messages[0]}{more}"


class ElidedLabel(QLabel):
    """One line that is cut short with an ellipsis where it has no room (never wider than
    its place: a status bar's long note would widen the window)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 600), super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn at the label's width."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), align, self.shown_text())
        painter.end()


class ProblemNote(QWidget):
    """The status bar's note while input is invalid: the plan shown is the last valid one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Input problem")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.label = ElidedLabel()
        self.label.setAccessibleName("Input problem")
        lay.addWidget(self.icon)
        lay.addWidget(self.label, 1)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show ``text`` ("" hides the note)."""
        if not text:
            self.hide()
            return
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, severity_color("caution", self.palette()))
        self.label.setPalette(palette)
        self.label.setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.label.setAccessibleDescription(text)
        self.show()


class StaleVeil(QWidget):
    """A veil of the window's colour over ``panel`` (all of it but ``clear``, widgets in it
    that stay as they are): the plan under it reads as not the inputs'. It takes no room and
    no clicks: what is under it still scrolls and shows its tooltips."""

    def __init__(self, panel: QWidget, clear: tuple[QWidget, ...]) -> None:
        super().__init__(panel)
        self._panel = panel
        self._clear = clear
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel.installEventFilter(self)
        self.hide()

    def cover(self, shown: bool) -> None:
        if shown:
            self._fit()
            self.show()
            self.raise_()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._panel and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
        ):
            self._fit()
        return False

    def _fit(self) -> None:
        """Over the whole panel, with a hole where each widget that stays clear is."""
        self.setGeometry(self._panel.rect())
        region = QRegion(self.rect())
        for widget in self._clear:
            if widget.isVisible():
                top_left = widget.mapTo(self._panel, QPoint(0, 0))
                region -= QRegion(QRect(top_left, widget.size()).adjusted(-2, -2, 2, 2))
        self.setMask(region)

    def color(self) -> QColor:
        veil = QColor(self.palette().color(QPalette.ColorRole.Window))
        veil.setAlpha(VEIL_ALPHA)
        return veil

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.color())
        painter.end()


class StalePlan:
    """The dimmed plan, the status bar's note and what assistive technology is told, kept in
    step: :meth:`show_problems` with the marked fields' messages (none: the plan is the
    inputs' again)."""

    def __init__(self, panel: QWidget, clear: tuple[QWidget, ...], described: QWidget) -> None:
        self.note = ProblemNote()
        self.veil = StaleVeil(panel, clear)
        self._described = described  # its description says the plan is the last valid one
        self._own_description = described.accessibleDescription()
        self._said = ""

    def is_stale(self) -> bool:
        return bool(self._said)

    def show_problems(self, messages: list[str]) -> None:
        text = stale_text(messages) if messages else ""
        self.note.show_text(text)
        self.veil.cover(bool(text))
        self._described.setAccessibleDescription(
            f"{text} {self._own_description}".strip() if text else self._own_description
        )
        if text and text != self._said:
            announce(self._described, text)
        self._said = text
