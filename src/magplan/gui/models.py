"""Qt item models over the core's plan: the schedule table and the warnings list."""

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

from magplan.core.knowledge import Knowledge
from magplan.core.plan import Dose, Plan, PlanWarning
from magplan.core.text import (
    SEVERITY_LABELS,
    compound_text,
    format_mg,
    format_units,
    weekday_time,
)

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
    HEADERS = ("Time", "Product", "Take", "Elemental mg", "With food", "For", "Why")

    def __init__(self, k: Knowledge) -> None:
        super().__init__()
        self._k = k
        self._doses: tuple[Dose, ...] = ()
        self._cells: list[tuple[str, ...]] = []

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._doses = plan.doses if plan is not None else ()
        self._cells = [self._row_text(d) for d in self._doses]
        for days in plan.weekday_times if plan is not None else ():
            for i, (d, t) in enumerate(zip(self._doses, days.times_min, strict=True)):
                if t != d.time_min:
                    cells = self._cells[i]
                    self._cells[i] = (cells[0] + "\n" + weekday_time(days, t), *cells[1:])
        self.endResetModel()

    def _row_text(self, d: Dose) -> tuple[str, ...]:
        """The row's cells as the user reads them (worked out once per plan, not per paint)."""
        return (
            d.time + (" (bedtime)" if d.at_bedtime else ""),
            self._product(d),
            format_units(d.units, d.unit),
            " ".join(
                filter(
                    None,
                    [
                        format_mg(d.elemental_mg),
                        compound_text(d, self._k.forms[d.form].name, short=True),
                    ],
                )
            ),
            "With food" if d.with_food else "—",
            self._goals(d),
            d.reason,
        )

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

    def _product(self, d: Dose) -> str:
        name = self._k.forms[d.form].name.split(" (")[0]  # "Magnesium glycinate"
        return f"{d.product_label} ({name.lower()})" if d.product_label else name

    def _goals(self, d: Dose) -> str:
        return ", ".join(self._k.goals[g].name for g in d.goals if g in self._k.goals) or "—"

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._doses):
            return None
        col = index.column()
        if role in (_DISPLAY, _TOOLTIP):
            return self._cells[index.row()][col]
        d = self._doses[index.row()]
        if role == _ALIGN and col in (self.UNITS, self.ELEMENTAL):
            return _RIGHT
        if role == _ACCESSIBLE:
            return f"{self.HEADERS[col]}: {self.data(index)}"
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


class WarningsModel(QAbstractListModel):
    """The plan's warnings, most severe first, each with its severity icon and source."""

    def __init__(self, k: Knowledge) -> None:
        super().__init__()
        self._k = k
        self._warnings: tuple[PlanWarning, ...] = ()
        self._icons: dict[str, QIcon] = {}

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._warnings = plan.warnings if plan is not None else ()
        self.endResetModel()

    def warnings(self) -> tuple[PlanWarning, ...]:
        return self._warnings

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._warnings)

    def source_text(self, w: PlanWarning, *, full: bool) -> str:
        names = [
            (self._k.sources[s].title if full else self._k.sources[s].short)
            if s in self._k.sources
            else s
            for s in w.sources
        ]
        return "; ".join(names)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._warnings):
            return None
        w = self._warnings[index.row()]
        if role == _DISPLAY:
            return (
                f"{SEVERITY_LABELS[w.severity]}: {w.message}\n"
                f"Source: {self.source_text(w, full=False)}"
            )
        if role == _ACCESSIBLE:
            label = SEVERITY_LABELS[w.severity]
            return f"{label}: {w.message} Source: {self.source_text(w, full=False)}"
        if role == _TOOLTIP:
            return f"{w.message}\n\nSource: {self.source_text(w, full=True)}"
        if role == _DECORATION:
            if w.severity not in self._icons:
                self._icons[w.severity] = severity_icon(w.severity)
            return self._icons[w.severity]
        if role == SeverityRole:
            return w.severity
        if role == CodeRole:
            return w.code
        if role == WarningRole:
            return w
        return None
