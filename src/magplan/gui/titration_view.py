"""The start-low ramp: the daily amount week by week."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from magplan.core.plan import Plan
from magplan.core.text import format_mg, format_units
from magplan.core.timeofday import format_time


class TitrationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Titration: start low")
        self.setAccessibleDescription("The daily amount to take each week until the full plan")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setSpacing(2)

    def show_plan(self, plan: Plan) -> None:
        self.clear()
        unit_at = {d.time_min: d.unit for d in plan.doses}
        for step in plan.titration:
            doses = ", ".join(
                f"{format_time(t)} {format_units(u, unit_at.get(t, 'mg'))}"
                for t, u in step.doses
                if u > 0
            )
            self.addItem(f"Week {step.week}: {format_mg(step.daily_elemental_mg)} a day\n{doses}")
        if not plan.titration:
            self.addItem("No ramp: no magnesium is planned.")
