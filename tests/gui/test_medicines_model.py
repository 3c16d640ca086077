"""The medicines table's model without a window: what a row reads as, and what it shows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.request import MedicineTimes, recognise_medicine
from magplan.gui.fields import Cell
from magplan.gui.medicines_model import (
    DAYS,
    EMPTY_NAME,
    NAME,
    SPACING,
    TIMES,
    MedicineReading,
    MedicineRow,
    MedicinesModel,
    read_medicine,
)
from magplan.gui.table_editor import FieldNameRole, PlaceholderRole, ProblemRole


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load_knowledge()


def _read(k: Knowledge, **typed: Any) -> MedicineReading:
    row = MedicineRow(**typed)
    return read_medicine(k, row, recognise_medicine(k, row.name))


def test_an_empty_row_counts_for_nothing_and_is_no_error(k: Knowledge) -> None:
    reading = _read(k)
    assert reading.entries == () and reading.problems == {}


def test_a_time_without_a_name_asks_for_the_name(k: Knowledge) -> None:
    assert _read(k, times="08:00").problems == {NAME: EMPTY_NAME}


def test_a_known_name_gives_one_entry_per_time_with_its_rule(k: Knowledge) -> None:
    reading = _read(k, name="calcium", times="08:00, 20:00", weekdays=(0,))
    entries = reading.entries
    assert [(e.class_id, e.minute, e.weekdays) for e in entries] == [
        ("calcium", 480, (0,)),
        ("calcium", 1200, (0,)),
    ]
    assert "2 h apart" in reading.info and "Mondays only" in reading.info


def test_an_unknown_name_is_kept_only_with_a_stated_spacing(k: Knowledge) -> None:
    assert NAME in _read(k, name="Zorblex", times="12:00").problems
    stated = _read(k, name="Zorblex", times="12:00", spacing="1,5 h")
    assert [(e.class_id, e.spacing_min) for e in stated.entries] == [("stated", 90)]
    bad = _read(k, name="Zorblex", times="12:00", spacing="lots")
    assert list(bad.problems) == [SPACING]


def test_the_model_marks_cells_and_forgets_a_spacing_for_a_known_name(k: Knowledge) -> None:
    model = MedicinesModel(k)
    model.load(
        (MedicineTimes(name="Zorblex", class_id="stated", times_min=(720,), spacing_min=90),)
    )
    assert model.index(0, SPACING).data() == "1.5"
    assert model.index(0, NAME).data(FieldNameRole) == "Medicine 1 name"
    assert model.errors() == {}
    edits: list[bool] = []
    model.edited.connect(lambda: edits.append(True))
    assert model.setData(model.index(0, NAME), "calcium")
    assert edits == [True]
    assert model.index(0, SPACING).data(Qt.ItemDataRole.EditRole) == ""
    assert not model.flags(model.index(0, SPACING)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, DAYS).data() == "Every day"

    model.setData(model.index(0, TIMES), "")
    assert list(model.errors()) == [Cell(model, 0, TIMES)]
    model.show_problems({(0, TIMES): "Type a time"})
    assert model.index(0, TIMES).data(ProblemRole) == "Type a time"
    assert model.index(0, TIMES).data(Qt.ItemDataRole.ToolTipRole) == "Type a time"
    assert model.index(0, TIMES).data(PlaceholderRole) is True
    assert model.shown_problems() == ["Medicine 1 times: Type a time"]
