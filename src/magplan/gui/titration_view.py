"""The start-low ramp: the daily amount week by week."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from magplan.present import PlanView


class TitrationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Titration: start low")
        self.setAccessibleDescription("The daily amount to take each week until the full plan")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(2)

    def show_view(self, view: PlanView) -> None:
        self.clear()
        for row in view.ramp:
            self.addItem(f"{row.heading}\n{row.taken}")
        if not view.ramp:
            self.addItem("No ramp: no magnesium is planned.")
