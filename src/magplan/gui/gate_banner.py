"""Banners over the schedule: the blocking gate (no schedule, and why) and the clinician's
supervised marker."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from magplan.core.plan import Plan
from magplan.gui.accessibility import announce_alert, give_role
from magplan.gui.theme import BANNER_BACKGROUND, BANNER_TEXT, SUPERVISED_BACKGROUND
from magplan.present import PlanView
from magplan.present.words import SUPERVISED, supervised_by

GATE_TITLE = "No schedule is planned"
GATE_HINT = (
    "Plan magnesium with the treating doctor. A clinician who prescribes and supervises it "
    "can tick “Prescribed and supervised by a clinician” under Conditions."
)


def _filled(frame: QFrame, name: str, background: str) -> None:
    frame.setObjectName(name)
    frame.setStyleSheet(
        f"QFrame#{name} {{ background: {background}; border-radius: 6px; }}"
        f"QFrame#{name} QLabel {{ color: {BANNER_TEXT}; background: transparent; }}"
    )


class GateBanner(QFrame):
    """A large red banner: shown whenever the plan is blocked. Assistive technology knows it
    as an alert, and is told when it appears or its reasons change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _filled(self, "gateBanner", BANNER_BACKGROUND)
        self.setAccessibleName(GATE_TITLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel(GATE_TITLE)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        bold = self.reasons.font()
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.reasons.setFont(bold)
        self.hint = QLabel(GATE_HINT)
        self.hint.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.reasons)
        lay.addWidget(self.hint)
        self.hide()

    def show_view(self, view: PlanView) -> None:
        if not view.plan.blocked:
            self.hide()
            return
        why = [w.message for w in view.dangers]
        said = " ".join(why)
        news = self.isHidden() or said != self.accessibleDescription()
        self.reasons.setText("<br>".join(escape(m) for m in why))
        self.setAccessibleDescription(said)
        self.show()
        if news:
            announce_alert(self)


give_role(GateBanner, QAccessible.Role.AlertMessage)


class SupervisedMarker(QFrame):
    """Shown when a clinician has confirmed the plan is prescribed and supervised, with the
    supervising clinician's name when it is known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _filled(self, "supervisedMarker", SUPERVISED_BACKGROUND)
        self.setAccessibleName("Prescribed and supervised")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(SUPERVISED + supervised_by(""))
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the name is as typed
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        lay.addWidget(self.label)
        self.hide()

    def show_plan(self, plan: Plan, supervisor: str = "") -> None:
        text = SUPERVISED + supervised_by(supervisor)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(plan.supervised)
