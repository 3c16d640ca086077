"""Qt item models over the plan in words (:mod:`magplan.present`): the schedule table and
the warnings list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from magplan.core.plan import Dose, PlanWarning
from magplan.present import PlanView, WarningRow

Index = QModelIndex | QPersistentModelIndex

# Plain ints: data() is called for every cell and role, and enum arithmetic is slow in Python.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_RIGHT = int(Qt.AlignmentFlag.AlignRight.value | Qt.AlignmentFlag.AlignVCenter.value)

# Custom roles, shared by the views, the timeline and the tests.
_USER = int(Qt.ItemDataRole.UserRole.value)
DoseRole = _USER + 1  # the core's Dose
TimeMinRole = _USER + 2  # minute of the day (int)
ElementalMgRole = _USER + 3  # elemental mg of the dose (float)
SeverityRole = _USER + 4  # "danger" | "caution" | "info"
WarningRole = _USER + 5  # the core's PlanWarning
CodeRole = _USER + 6  # the warning's stable code


class ScheduleModel(QAbstractTableModel):
    """The day's doses, one row each, as the schedule table shows them."""

    TIME, PRODUCT, UNITS, ELEMENTAL, FOOD, GOAL, WHY = range(7)
    HEADERS = ("Time", "Product", "Take", "Elemental", "With food", "For", "Why")

    def __init__(self) -> None:
        super().__init__()
        self._doses: tuple[Dose, ...] = ()
        self._cells: list[tuple[str, ...]] = []
        self._tips: list[tuple[str, ...]] = []

    def set_view(self, view: PlanView | None) -> None:
        """Show the doses of ``view`` (worded once per plan, not per paint)."""
        self.beginResetModel()
        rows = view.doses if view is not None else ()
        self._doses = tuple(r.dose for r in rows)
        self._cells = [
            (
                r.time_cell,
                r.product_cell,
                r.take_cell,  # without a product, the dose is the Elemental column's mg
                r.elemental,  # the compound's weight is in its tooltip: the column stays narrow
                r.food_cell,
                r.goals_cell,
                r.reason,
            )
            for r in rows
        ]
        self._tips = [
            (*cells[: self.UNITS], r.take_tip, r.elemental_cell, *cells[self.ELEMENTAL + 1 :])
            for r, cells in zip(rows, self._cells, strict=True)
        ]
        self.endResetModel()

    def doses(self) -> tuple[Dose, ...]:
        return self._doses

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._doses)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._doses):
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._cells[index.row()][col]
        if role == _TOOLTIP:
            return self._tips[index.row()][col]
        d = self._doses[index.row()]
        if role == _ALIGN and col in (self.UNITS, self.ELEMENTAL):
            return _RIGHT
        if role == _ACCESSIBLE:  # the whole text, as the tooltip has it
            return f"{self.HEADERS[col]}: {self._tips[index.row()][col]}"
        if role == DoseRole:
            return d
        if role == TimeMinRole:
            return d.time_min
        if role == ElementalMgRole:
            return d.elemental_mg
        return None


_ICONS = {
    "danger": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "caution": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def severity_icon(severity: str) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(_ICONS.get(severity, _ICONS["info"]))


_WARNING_ROLES = {
    _DISPLAY: "cell",
    _ACCESSIBLE: "accessible",
    _TOOLTIP: "tooltip",
    SeverityRole: "severity",
    CodeRole: "code",
    WarningRole: "warning",
}
"""Each role and the warning row's attribute that answers it."""


class WarningsModel(QAbstractListModel):
    """The plan's warnings, most severe first, each with its severity icon and source."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[WarningRow, ...] = ()
        self._icons: dict[str, QIcon] = {}

    def set_view(self, view: PlanView | None) -> None:
        self.beginResetModel()
        self._rows = view.warnings if view is not None else ()
        self.endResetModel()

    def warnings(self) -> tuple[PlanWarning, ...]:
        return tuple(r.warning for r in self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        w = self._rows[index.row()]
        if role == _DECORATION:
            if w.severity not in self._icons:
                self._icons[w.severity] = severity_icon(w.severity)
            return self._icons[w.severity]
        name = _WARNING_ROLES.get(role)
        return getattr(w, name) if name is not None else None
