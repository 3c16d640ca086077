"""The other medicines as a table: one row per medicine, with its name, times, weekdays and,
for a medicine the planner does not know, the spacing from magnesium the person states.

A name the planner does not know is never taken as it is: the row offers the close known name
(:attr:`MedicineName.suggestion`), sends a magnesium product to "Magnesium from other
products", and otherwise asks for the spacing from magnesium, in hours, that the person's
pharmacist gives (0 allowed): with it the medicine is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import (
    MAX_STATED_SPACING_MIN,
    MedEntry,
    MedicineName,
    MedicineTimes,
    format_weekdays,
    group_medicines,
    parse_medicine_class,
    recognise_medicine,
)
from magplan.core.text import medicine_rule
from magplan.core.timeofday import TIME_EXAMPLES
from magplan.gui.fields import (
    format_hours_field,
    format_times,
    normalised_times,
    parse_hours,
    parse_times,
    sentence,
    weekdays_short,
)
from magplan.gui.table_editor import EditorModel

NAME, TIMES, DAYS, SPACING = range(4)

EVERY_DAY = "Every day"
NAME_HINT = "name, e.g. calcium, sertraline"
TIMES_HINT = "e.g. 8:00, 20:00"
SPACING_HINT = "e.g. 2"
EMPTY_NAME = "Type the name of the medicine or supplement."


def suggestion_message(name: str, suggestion: str) -> str:
    return (
        f"Unknown medicine '{name}': did you mean '{suggestion}'? Press Enter to use it. If "
        "it is another medicine, type its spacing from magnesium under “Spacing (h)”."
    )


def magnesium_message(name: str) -> str:
    return (
        f"'{name}' is magnesium itself: count the magnesium it gives a day under “Magnesium "
        "from other products”, not as a medicine to keep apart."
    )


@dataclass
class MedicineRow:
    """One medicine as typed in its row."""

    name: str = ""
    times: str = ""
    weekdays: tuple[int, ...] = ()  # () every day; else the days it is taken (0 Monday)
    spacing: str = ""  # hours, as typed; only for a name the planner does not know

    def is_empty(self) -> bool:
        """A row with neither a name nor a time counts for nothing (and is no error)."""
        return not self.name.strip() and not self.times.strip()

    @classmethod
    def of(cls, med: MedicineTimes) -> MedicineRow:
        spacing = "" if med.spacing_min is None else format_hours_field(med.spacing_min)
        return cls(med.name, format_times(med.times_min), med.weekdays, spacing)


@dataclass(frozen=True)
class MedicineReading:
    """What the planner makes of one row: its entries (one per time) or the message at each
    field it cannot read, and the medicine's rule in words."""

    name: MedicineName
    entries: tuple[MedEntry, ...] = ()
    problems: dict[int, str] = field(default_factory=dict)
    info: str = ""


def read_medicine(k: Knowledge, row: MedicineRow, name: MedicineName) -> MedicineReading:
    """Read ``row``, whose name the planner recognised as ``name``."""
    if row.is_empty():
        return MedicineReading(name)
    problems: dict[int, str] = {}
    spacing_min = _stated_spacing(row, name, problems)
    class_id = _medicine_class(k, row.name.strip(), name, spacing_min, problems)
    times: tuple[int, ...] = ()
    try:
        times = parse_times(row.times, f"Time of {row.name.strip() or 'this medicine'}")
    except PlanInputError as exc:
        problems[TIMES] = sentence(exc.message)
    info = _describe(k, class_id, spacing_min, row.weekdays) if class_id else ""
    if problems:
        return MedicineReading(name, problems=problems, info=info)
    entries = tuple(
        MedEntry(row.name.strip(), class_id, t, row.weekdays, spacing_min) for t in times
    )
    return MedicineReading(name, entries, info=info)


def _stated_spacing(row: MedicineRow, name: MedicineName, problems: dict[int, str]) -> int | None:
    """The spacing stated for a medicine the planner does not know, in minutes; None while
    none is typed (or when it cannot be read: then marked)."""
    if name.kind != "unknown" or not row.spacing.strip():
        return None
    try:
        return parse_hours(row.spacing, "Spacing from magnesium", MAX_STATED_SPACING_MIN)
    except PlanInputError as exc:
        problems[SPACING] = sentence(exc.message)
        return None


def _medicine_class(
    k: Knowledge,
    typed: str,
    name: MedicineName,
    spacing_min: int | None,
    problems: dict[int, str],
) -> str:
    """The medicine's class id, or "" with the name marked (unless the stated spacing is
    what to fix)."""
    if name.kind == "empty":
        problems[NAME] = EMPTY_NAME
        return ""
    if name.kind == "magnesium":
        problems[NAME] = magnesium_message(typed)
        return ""
    try:
        return parse_medicine_class(k, typed, stated=spacing_min is not None)
    except PlanInputError as exc:
        if SPACING not in problems:
            problems[NAME] = (
                suggestion_message(typed, name.suggestion)
                if name.suggestion is not None
                else sentence(exc.message)
            )
        return ""


def _describe(k: Knowledge, class_id: str, spacing_min: int | None, days: tuple[int, ...]) -> str:
    cls = k.medicines[class_id]
    rule = medicine_rule(cls, spacing_min)
    if cls.stated:
        text = f"Not known to the planner: {rule}"
    else:
        text = cls.name + (f": {rule}" if rule else "")
    return text + (f"; taken on {format_weekdays(days)} only" if days else "")


class MedicinesModel(EditorModel[MedicineRow]):
    """The medicines table: what each row holds, shows and reads as."""

    HEADERS = ("Name", "Times", "Taken on", "Spacing (h)")
    FIELDS = ("name", "times", "taken on", "spacing from magnesium in hours")
    ROW_NOUN = "Medicine"
    HELP = (
        "A brand, generic or class name",
        f"When it is taken: one or more times, with commas; each e.g. {TIME_EXAMPLES}",
        "The weekdays it is taken on; none ticked: every day (e.g. a weekly tablet on Mondays)",
        "For a medicine the planner does not know: the hours to keep it apart from magnesium, "
        "both ways, as the pharmacist or the leaflet says (0 when none is needed)",
    )

    def __init__(self, k: Knowledge) -> None:
        super().__init__()
        self._k = k
        self._readings: list[MedicineReading] = []
        self._names: dict[str, MedicineName] = {}

    # ---- reading --------------------------------------------------------------------------

    def _recognise(self, typed: str) -> MedicineName:
        """What the planner makes of a name (worked out once per name, not per keystroke)."""
        key = typed.strip()
        if key not in self._names:
            if len(self._names) > 500:
                self._names.clear()
            self._names[key] = recognise_medicine(self._k, key)
        return self._names[key]

    def _read(self, row: int) -> MedicineReading:
        medicine = self._rows[row]
        return read_medicine(self._k, medicine, self._recognise(medicine.name))

    def _added(self, row: int) -> None:
        self._readings.insert(row, self._read(row))

    def _removed(self, row: int) -> None:
        del self._readings[row]

    def _reset(self) -> None:
        self._readings = [self._read(row) for row in range(len(self._rows))]

    def reading(self, row: int) -> MedicineReading:
        return self._readings[row]

    def medicines(self) -> tuple[MedicineTimes, ...]:
        """The medicines the rows give (rows that cannot be read give none)."""
        return group_medicines([e for r in self._readings for e in r.entries])

    def load(self, medicines: tuple[MedicineTimes, ...]) -> None:
        self.set_rows([MedicineRow.of(med) for med in medicines])

    # ---- what the rows say ------------------------------------------------------------------

    def new_row(self) -> MedicineRow:
        return MedicineRow()

    def display(self, row: int, column: int) -> str:
        medicine = self._rows[row]
        if column == NAME:
            return medicine.name or NAME_HINT
        if column == TIMES:
            return medicine.times or TIMES_HINT
        if column == DAYS:
            return weekdays_short(medicine.weekdays) if medicine.weekdays else EVERY_DAY
        if not self.is_editable(row, SPACING):
            return ""
        return medicine.spacing or SPACING_HINT

    def is_placeholder(self, row: int, column: int) -> bool:
        medicine = self._rows[row]
        typed = {NAME: medicine.name, TIMES: medicine.times, SPACING: medicine.spacing}
        return column in typed and not typed[column]

    def edit_value(self, row: int, column: int) -> object:
        medicine = self._rows[row]
        values = (medicine.name, medicine.times, medicine.weekdays, medicine.spacing)
        return values[column]

    def set_value(self, row: int, column: int, value: object) -> bool:
        medicine = self._rows[row]
        if self.edit_value(row, column) == value:
            return False
        if column == NAME:
            medicine.name = str(value)
            if self._recognise(medicine.name).kind == "known":
                # a known medicine's spacing comes from its rule, never from a figure typed
                # for another name
                medicine.spacing = ""
        elif column == TIMES:
            medicine.times = str(value)
        elif column == DAYS:
            medicine.weekdays = tuple(sorted(set(value))) if isinstance(value, tuple) else ()
        else:
            medicine.spacing = str(value)
        self._readings[row] = self._read(row)
        return True

    def entered(self, row: int) -> MedicineRow:
        """A copy of the row with its times as the window writes them (as :meth:`tidy`
        leaves them once the cell's editor closes)."""
        medicine = self._rows[row]
        return replace(medicine, times=normalised_times(medicine.times))

    def tidy(self, row: int, column: int) -> None:
        """Times that can be read are written as the window writes them (``8am, 2000`` ->
        ``08:00, 20:00``)."""
        medicine = self._rows[row]
        if column == TIMES and medicine.times != normalised_times(medicine.times):
            medicine.times = normalised_times(medicine.times)
            self._row_changed(row)

    def is_editable(self, row: int, column: int) -> bool:
        """The spacing only for a name the planner does not know."""
        return column != SPACING or self._readings[row].name.kind == "unknown"

    def help_text(self, row: int, column: int) -> str:
        if column == NAME and self._readings[row].info:
            return self._readings[row].info
        return super().help_text(row, column)

    def info(self, row: int) -> str:
        reading = self._readings[row]
        name = self._rows[row].name.strip()
        return f"{name} — {reading.info}" if reading.info else ""

    def problems(self, row: int) -> dict[int, str]:
        return self._readings[row].problems

    # ---- the help a row offers ----------------------------------------------------------------

    def suggestion(self, row: int) -> str | None:
        """The known name close to a name the planner does not know."""
        return self._readings[row].name.suggestion

    def is_magnesium(self, row: int) -> bool:
        return self._readings[row].name.kind == "magnesium"

    def accept_suggestion(self, row: int) -> bool:
        """Replace a misspelt name by the known name close to it; False when there is none."""
        suggestion = self.suggestion(row)
        return suggestion is not None and self.setData(self.index(row, NAME), suggestion)
