"""Two fields of a medicine row: the weekdays it is taken on, and the spacing from magnesium
stated for a medicine the planner does not know."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.request import MAX_STATED_SPACING_MIN, WEEKDAY_NAMES
from magplan.gui.fields import (
    Errors,
    FieldMessage,
    format_hours_field,
    named,
    parse_hours,
    sentence,
)

EVERY_DAY = "Every day"
SOME_DAYS = "Some days only"
NO_DAY_TICKED = "Tick the days it is taken, or choose “Every day”."


class WeekdaysField(QWidget):
    """A choice of "Every day" or "Some days only"; the seven day boxes show for the latter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Taken:")
        self.combo = QComboBox()
        self.combo.addItems([EVERY_DAY, SOME_DAYS])
        label.setBuddy(self.combo)
        top.addWidget(label)
        top.addWidget(self.combo)
        top.addStretch(1)
        self.days_row = QWidget()
        days = QHBoxLayout(self.days_row)
        days.setContentsMargins(0, 0, 0, 0)
        days.setSpacing(4)
        self.day_boxes: list[QCheckBox] = []
        for name in WEEKDAY_NAMES:
            box = QCheckBox(name[:3])
            box.setToolTip(name)
            box.toggled.connect(self.changed)
            days.addWidget(box)
            self.day_boxes.append(box)
        days.addStretch(1)
        self.days_row.hide()
        self.message = FieldMessage("Weekdays")
        column.addLayout(top)
        column.addWidget(self.days_row)
        column.addWidget(self.message)
        self.combo.currentIndexChanged.connect(self._mode_changed)

    def set_number(self, number: int) -> None:
        named(
            self.combo,
            f"Medicine {number} taken on",
            "Every day, or only on the weekdays ticked (e.g. a weekly tablet on Mondays)",
        )
        for box, name in zip(self.day_boxes, WEEKDAY_NAMES, strict=True):
            named(box, f"Medicine {number} taken on {name}s")
        self.message.setAccessibleName(f"Problem with medicine {number} weekdays")

    def _mode_changed(self) -> None:
        self.days_row.setVisible(self.combo.currentIndex() == 1)
        self.changed.emit()

    def weekdays(self) -> tuple[int, ...] | None:
        """() for every day, the days ticked (0 Monday), or None when no day is ticked yet."""
        if self.combo.currentIndex() == 0:
            return ()
        days = tuple(i for i, box in enumerate(self.day_boxes) if box.isChecked())
        return days or None

    def set_weekdays(self, days: tuple[int, ...]) -> None:
        """Show ``days`` (empty: every day) without emitting ``changed``."""
        for widget in (self.combo, *self.day_boxes):
            widget.blockSignals(True)
        self.combo.setCurrentIndex(1 if days else 0)
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in days)
        for widget in (self.combo, *self.day_boxes):
            widget.blockSignals(False)
        self.days_row.setVisible(bool(days))


class StatedSpacingField(QWidget):
    """The hours to keep a medicine the planner does not know apart from magnesium, both
    ways, as the pharmacist or the leaflet says; 0 when none is needed, empty until stated."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("e.g. 2")
        self.edit.setMaxLength(6)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00.00") * 2 + 16)
        self.edit.setToolTip(
            "For a medicine the planner does not know: the hours to keep it apart from "
            "magnesium, both ways, as the pharmacist or the leaflet says (0 when none is needed)"
        )
        self.message = FieldMessage("Spacing from magnesium")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        label = QLabel("Spacing from magnesium:")
        label.setBuddy(self.edit)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addWidget(QLabel("hours (0: none needed)"), 0, 2)
        grid.addWidget(self.message, 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        self.edit.textChanged.connect(self.changed)

    def set_number(self, number: int) -> None:
        named(self.edit, f"Medicine {number} spacing from magnesium in hours", self.edit.toolTip())

    def minutes(self, errors: Errors) -> int | None:
        """The stated spacing in minutes; None while empty, or when unreadable (then marked)."""
        if not self.edit.text().strip():
            return None
        try:
            return parse_hours(self.edit.text(), "Spacing from magnesium", MAX_STATED_SPACING_MIN)
        except PlanInputError as exc:
            errors[self.edit] = sentence(exc.message)
            return None

    def set_minutes(self, minutes: int | None) -> None:
        """Show ``minutes`` (None: nothing stated) without emitting ``changed``."""
        self.edit.blockSignals(True)
        self.edit.setText("" if minutes is None else format_hours_field(minutes))
        self.edit.blockSignals(False)
