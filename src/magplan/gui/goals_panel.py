"""Goals: one checkbox per goal with its one-line description."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QWidget

from magplan.core.knowledge import Knowledge
from magplan.core.request import PlanRequest
from magplan.gui.fields import FieldMessage, Reading, named


class GoalsPanel(QGroupBox):
    """The goals the person wants magnesium for, in the order they were ticked (the first
    ticked goal weighs most when goals pull apart)."""

    changed = Signal()

    def __init__(self, k: Knowledge, parent: QWidget | None = None) -> None:
        super().__init__("Goals", parent)
        named(self, "Goals", "What the person wants magnesium for; tick one or more")
        self._order: list[str] = []
        self._boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, goal in enumerate(k.goals.values()):
            box = QCheckBox(goal.name)
            named(box, f"Goal: {goal.name}", goal.description)
            box.setToolTip(goal.description)
            box.toggled.connect(lambda on, gid=goal.id: self._toggled(gid, on))
            text = QLabel(goal.description)
            text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            text.setWordWrap(True)
            text.setBuddy(box)
            grid.addWidget(box, row, 0)
            grid.addWidget(text, row, 1)
            self._boxes[goal.id] = box
        grid.setColumnStretch(1, 1)
        self.message = FieldMessage("Goals")
        grid.addWidget(self.message, len(k.goals), 0, 1, 2)

    def box(self, goal_id: str) -> QCheckBox:
        return self._boxes[goal_id]

    def _toggled(self, goal_id: str, on: bool) -> None:
        if goal_id in self._order:
            self._order.remove(goal_id)
        if on:
            self._order.append(goal_id)
        self.changed.emit()

    def read(self) -> Reading:
        """The goals in the order they were ticked (none ticked: the window marks the panel)."""
        return {"goals": tuple(self._order)}

    def load(self, request: PlanRequest) -> None:
        for gid, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(gid in request.goals)
            box.blockSignals(False)
        self._order = [g for g in request.goals if g in self._boxes]
