"""Conditions (kidney disease, heart block, ...) and the clinician's "prescribed and
supervised" confirmation that unlocks the gated ones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from magplan.core.knowledge import Knowledge
from magplan.core.request import PlanRequest
from magplan.gui.fields import Reading, named
from magplan.gui.supervision_dialog import SupervisionDialog


class ConfirmedCheckBox(QCheckBox):
    """A check box that a user can tick only when ``confirm()`` says yes (unticking is free).
    Ticking it from code (a loaded profile) asks nothing."""

    def __init__(self, text: str, confirm: Callable[[], bool]) -> None:
        super().__init__(text)
        self._confirm = confirm

    def nextCheckState(self) -> None:
        if not self.isChecked() and not self._confirm():
            return
        super().nextCheckState()


class ConditionsPanel(QGroupBox):
    changed = Signal()
    supervisorConfirmed = Signal(str)  # the clinician's name, before the box is ticked

    def __init__(self, k: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__("Conditions", parent)
        named(self, "Conditions")
        self.supervisor_name = ""  # as confirmed in the dialog; "" when loaded or unticked
        self.ramp_holds: tuple[int, ...] = ()  # steps held from the journal; kept as loaded
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        self._order: list[str] = []
        self._boxes: dict[str, QCheckBox] = {}
        for cond in k.conditions.values():
            text = cond.name + (" — stops the plan" if cond.gate else "")
            box = QCheckBox(text)
            named(box, f"Condition: {cond.name}", cond.message)
            box.setToolTip(cond.message)
            box.toggled.connect(lambda on, cid=cond.id: self._toggled(cid, on))
            lay.addWidget(box)
            self._boxes[cond.id] = box
        self.supervised_box = ConfirmedCheckBox(
            "Prescribed and supervised by a clinician", self._confirm_supervision
        )
        named(
            self.supervised_box,
            "Prescribed and supervised by a clinician",
            "For clinicians: asks the supervising clinician's name and a confirmation, then "
            "lets the planner plan despite a condition that otherwise stops the plan",
        )
        self.supervised_box.setToolTip(self.supervised_box.accessibleDescription())
        hint = QLabel(
            "For clinicians only: asks the supervising clinician's name and a confirmation, "
            "then unlocks a plan stopped by kidney disease, heart block or myasthenia gravis "
            "and marks every output as supervised."
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addSpacing(4)
        lay.addWidget(self.supervised_box)
        lay.addWidget(hint)
        self.supervised_box.toggled.connect(self._supervised_toggled)

    def _confirm_supervision(self) -> bool:
        name = SupervisionDialog.ask(self.window())
        if not name:
            return False  # cancelled: the box stays unticked and the plan as it was
        self.supervisor_name = name
        self.supervisorConfirmed.emit(name)
        return True

    def _supervised_toggled(self, on: bool) -> None:
        if not on:
            self.supervisor_name = ""
        self.changed.emit()

    def box(self, condition_id: str) -> QCheckBox:
        return self._boxes[condition_id]

    def _toggled(self, condition_id: str, on: bool) -> None:
        if condition_id in self._order:
            self._order.remove(condition_id)
        if on:
            self._order.append(condition_id)
        self.changed.emit()

    def read(self) -> Reading:
        supervised = self.supervised_box.isChecked()
        return {
            "conditions": tuple(self._order),
            "supervised": supervised,
            "supervised_by": self.supervisor_name if supervised else "",
            "ramp_holds": self.ramp_holds,
        }

    def load(self, req: PlanRequest) -> None:
        for cid, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(cid in req.conditions)
            box.blockSignals(False)
        self._order = [c for c in req.conditions if c in self._boxes]
        self.supervised_box.blockSignals(True)
        self.supervised_box.setChecked(req.supervised)
        self.supervised_box.blockSignals(False)
        self.supervisor_name = req.supervised_by if req.supervised else ""
        self.ramp_holds = req.ramp_holds
