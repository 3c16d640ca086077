"""The person (name for the printout, age, sex, pregnancy), their day and the daily amount."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from magplan.core.day import is_a_day, meals_for_new_day
from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import MAX_AGE_YEARS, PlanRequest
from magplan.core.timeofday import TIME_EXAMPLES
from magplan.gui.fields import (
    Errors,
    FieldMarks,
    FieldMessage,
    Reading,
    TimeField,
    Values,
    format_times,
    named,
    normalised_times,
    parse_times,
    reading,
    sentence,
    set_buddies,
    show_text,
    stacked,
    when_set,
    when_typed,
)
from magplan.profiles.names import MAX_TEXT_CHARS

_SEXES = (("Not given", None), ("Female", "female"), ("Male", "male"))


class PersonPanel(QGroupBox):
    """Name and "Prepared by" (for the printed card), age, sex, pregnancy and breastfeeding."""

    changed = Signal()

    def __init__(self, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Person", parent)
        named(self, "Person")
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_TEXT_CHARS)  # what a saved profile can keep
        self.name_edit.setPlaceholderText("for the printed schedule")
        named(self.name_edit, "Name", "The person's name, printed on the schedule")
        self.prepared_edit = QLineEdit()
        self.prepared_edit.setMaxLength(MAX_TEXT_CHARS)
        self.prepared_edit.setPlaceholderText("e.g. your name and role")
        named(self.prepared_edit, "Prepared by", "Who prepared the plan, printed on the schedule")
        self.age_spin = QSpinBox()
        self.age_spin.setRange(0, MAX_AGE_YEARS)
        self.age_spin.setSuffix(" years")
        self.age_spin.setValue(PlanRequest().age_years)
        named(self.age_spin, "Age", "Age in whole years")
        self.age_message = FieldMessage("Age")
        marks.register(self.age_spin, self.age_message)
        self.sex_combo = QComboBox()
        for text, _ in _SEXES:
            self.sex_combo.addItem(text)
        named(self.sex_combo, "Sex")
        self.sex_message = FieldMessage("Sex")
        marks.register(self.sex_combo, self.sex_message)
        self.pregnant_box = QCheckBox("Pregnant")
        named(self.pregnant_box, "Pregnant")
        self.lactating_box = QCheckBox("Breastfeeding")
        named(self.lactating_box, "Breastfeeding")
        self.states_message = FieldMessage("Pregnant or breastfeeding")
        marks.register(self.lactating_box, self.states_message)
        states = QWidget()
        row = QHBoxLayout(states)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pregnant_box)
        row.addWidget(self.lactating_box)
        row.addStretch(1)

        form.addRow("&Name:", self.name_edit)
        form.addRow("Prepared &by:", self.prepared_edit)
        form.addRow("&Age:", stacked(self.age_spin, self.age_message))
        form.addRow("&Sex:", stacked(self.sex_combo, self.sex_message))
        form.addRow("", stacked(states, self.states_message))
        set_buddies(form)

        when_typed(self.name_edit, self.changed.emit)
        when_typed(self.prepared_edit, self.changed.emit)
        when_set(self.age_spin)  # 42 typed is never planned as 4
        self.age_spin.valueChanged.connect(self.changed)
        self.sex_combo.currentIndexChanged.connect(self.changed)
        for box in (self.pregnant_box, self.lactating_box):
            box.toggled.connect(self._one_state_at_a_time)
            box.toggled.connect(self.changed)

    def _one_state_at_a_time(self) -> None:
        """Pregnant and breastfeeding exclude each other: while one is ticked the other cannot
        be (both stay usable when a loaded profile has both, so that one can be unticked)."""
        pregnant, lactating = self.pregnant_box.isChecked(), self.lactating_box.isChecked()
        for box, other, ticked in (
            (self.pregnant_box, self.lactating_box, pregnant),
            (self.lactating_box, self.pregnant_box, lactating),
        ):
            usable = ticked or not other.isChecked()
            box.setEnabled(usable)
            box.setToolTip(
                ""
                if usable
                else f"Untick {other.text()} first: choose the one that applies now "
                "(each has its own reference intake)"
            )
            box.setAccessibleDescription(box.toolTip())

    def card_info(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.prepared_edit.text().strip()

    def read(self) -> Reading:
        return {
            "age_years": self.age_spin.value(),
            "sex": _SEXES[self.sex_combo.currentIndex()][1],
            "pregnant": self.pregnant_box.isChecked(),
            "lactating": self.lactating_box.isChecked(),
        }

    def set_card_info(self, person_name: str, prepared_by: str) -> None:
        """Show the name and "Prepared by" for the printed card."""
        show_text(self.name_edit, person_name)
        show_text(self.prepared_edit, prepared_by)

    def load(self, req: PlanRequest) -> None:
        self.age_spin.setValue(req.age_years)
        self.sex_combo.setCurrentIndex([s for _, s in _SEXES].index(req.sex))
        self.pregnant_box.setChecked(req.pregnant)
        self.lactating_box.setChecked(req.lactating)
        self._one_state_at_a_time()


class DayPanel(QGroupBox):
    """Wake and bed time and the meal times, each planned once it is typed in full.

    Meals follow the day as on the command line (``core/day.py``): while they are the default
    meals of the day, a new wake or bed time moves them with it; meals the person typed stay
    when they fit in the new day."""

    changed = Signal()

    def __init__(self, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Day", parent)
        named(self, "Day")
        req = PlanRequest()
        self._day = (req.wake_min, req.bed_min)  # the last complete day the meals were for
        form = QFormLayout(self)
        self.wake_edit = TimeField("Wake time", req.wake_min)
        self.wake_message = FieldMessage("Wake time")
        marks.register(self.wake_edit, self.wake_message)
        self.bed_edit = TimeField("Bed time", req.bed_min)
        self.bed_message = FieldMessage("Bed time")
        marks.register(self.bed_edit, self.bed_message)
        self.meals_edit = QLineEdit(format_times(req.meals_min))
        self.meals_edit.setPlaceholderText("e.g. 7:30, 12:30, 18:30 (empty: no regular meals)")
        hint = f"Meal times separated by commas, each e.g. {TIME_EXAMPLES}"
        self.meals_edit.setToolTip(hint)
        named(self.meals_edit, "Meal times", hint)
        self.meals_message = FieldMessage("Meal times")
        marks.register(self.meals_edit, self.meals_message)
        form.addRow("&Wake time:", stacked(self.wake_edit, self.wake_message))
        form.addRow("Be&d time:", stacked(self.bed_edit, self.bed_message))
        form.addRow("&Meals:", stacked(self.meals_edit, self.meals_message))
        set_buddies(form)
        for edit in (self.wake_edit, self.bed_edit):
            when_typed(edit, self._day_typed)
        when_typed(self.meals_edit, self.changed.emit)
        self.meals_edit.editingFinished.connect(self._normalise_meals)

    def _day_typed(self) -> None:
        """A complete wake or bed time: the meals the person has not set move with the day."""
        try:
            day = (self.wake_edit.minute(), self.bed_edit.minute())
        except PlanInputError:
            day = self._day  # marked by the window; the meals stay for the last day
        if day != self._day and is_a_day(*day):
            self._move_meals(self._day, day)
            self._day = day
        self.changed.emit()

    def _move_meals(self, old_day: tuple[int, int], new_day: tuple[int, int]) -> None:
        try:
            meals = self._meals()
        except PlanInputError:
            return  # meals that cannot be read stay as typed, marked
        moved = meals_for_new_day(meals, old_day, new_day)
        if moved != meals:
            show_text(self.meals_edit, format_times(moved))

    def _meals(self) -> tuple[int, ...]:
        text = self.meals_edit.text().strip()
        return parse_times(text, "Meal time") if text else ()

    def _normalise_meals(self) -> None:
        text = normalised_times(self.meals_edit.text())
        if text != self.meals_edit.text():
            show_text(self.meals_edit, text)

    def read(self) -> Reading:
        values: Values = {}
        errors: Errors = {}
        for key, edit in (("wake_min", self.wake_edit), ("bed_min", self.bed_edit)):
            try:
                values[key] = edit.minute()
            except PlanInputError as exc:
                errors[edit] = sentence(exc.message)
        try:
            values["meals_min"] = self._meals()
        except PlanInputError as exc:
            errors[self.meals_edit] = sentence(exc.message)
        return reading(values, errors)

    def load(self, req: PlanRequest) -> None:
        self.wake_edit.set_minute(req.wake_min)
        self.bed_edit.set_minute(req.bed_min)
        show_text(self.meals_edit, format_times(req.meals_min))
        self._day = (req.wake_min, req.bed_min)


class AmountPanel(QGroupBox):
    """The daily amount (automatic: up to the person's limit) and the limit standard."""

    changed = Signal()

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Daily amount", parent)
        named(self, "Daily amount")
        form = QFormLayout(self)
        self.target_spin = QSpinBox()
        self.target_spin.setRange(0, k.intakes.dosing.max_daily_mg)
        self.target_spin.setSingleStep(25)
        self.target_spin.setSuffix(" mg")
        self.target_spin.setSpecialValueText("Automatic (up to the limit)")
        self.target_spin.setToolTip(
            "Elemental magnesium to plan each day; Automatic plans up to the person's upper limit"
        )
        named(self.target_spin, "Daily amount of elemental magnesium")
        self.target_message = FieldMessage("Daily amount")
        marks.register(self.target_spin, self.target_message)
        self.limit_combo = QComboBox()
        self._limits = list(k.intakes.upper_limits)
        for std in self._limits:
            self.limit_combo.addItem(k.intakes.upper_limits[std].name, std)
        named(self.limit_combo, "Upper limit standard")
        form.addRow("Amoun&t:", stacked(self.target_spin, self.target_message))
        form.addRow("&Limit:", self.limit_combo)
        set_buddies(form)
        when_set(self.target_spin)
        self.target_spin.valueChanged.connect(self.changed)
        self.limit_combo.currentIndexChanged.connect(self.changed)

    def read(self) -> Reading:
        value = self.target_spin.value()
        return {
            "target_mg": float(value) if value > 0 else None,
            "limit": self.limit_combo.currentData(),
        }

    def load(self, req: PlanRequest) -> None:
        self.target_spin.setValue(round(req.target_mg or 0))
        index = self._limits.index(req.limit) if req.limit in self._limits else 0
        self.limit_combo.setCurrentIndex(index)
