"""The note over an empty schedule: no doses are planned, and why, first thing in the result.

A blocked plan has its red gate banner instead; this note is for a plan the planner could not
fill (a medicine that forbids magnesium, no time far enough from the medicines, the limit
already reached, ...). Its reason is also in the warnings list, where it may not be first.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from magplan.gui.models import severity_icon
from magplan.gui.theme import severity_color
from magplan.present import PlanView
from magplan.present.no_doses import NO_DOSES_TITLE, why_no_doses


class NoDosesNote(QFrame):
    """ "No doses are planned" with the warnings that say why, over the empty schedule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noDosesNote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(NO_DOSES_TITLE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.icon = QLabel()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = QLabel(NO_DOSES_TITLE)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAccessibleName("Why no doses are planned")
        texts.addWidget(self.title)
        texts.addWidget(self.reasons)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(texts, 1)
        self.hide()

    def show_view(self, view: PlanView) -> None:
        reasons = why_no_doses(view)
        if not reasons:
            self.hide()
            return
        severity = reasons[0].severity
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(severity_icon(severity).pixmap(size, size))
        color = severity_color(severity, self.palette()).name()
        self.title.setStyleSheet(f"color: {color};")
        self.reasons.setText(
            "<br>".join(
                f"{escape(r.message)} <i>Source: {escape(r.sources_short)}</i>" for r in reasons
            )
        )
        self.reasons.setToolTip("\n\n".join(r.tooltip for r in reasons))
        self.setAccessibleDescription(" ".join(r.accessible for r in reasons))
        self.show()
