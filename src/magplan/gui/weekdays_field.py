"""On which weekdays a medicine is taken: every day (the default), or only the days ticked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from magplan.core.request import WEEKDAY_NAMES
from magplan.gui.fields import FieldMessage, named

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
