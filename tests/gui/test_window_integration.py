"""The real window with its profile and print actions, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.core.request import MedicineTimes, PlanRequest, make_product
from magplan.gui.app import install_extensions
from magplan.gui.fields import Cell
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import NAME
from magplan.gui.settings import app_settings
from magplan.gui.table_editor import FieldNameRole
from magplan.profiles import Profile
from magplan.profiles.store import ProfileStore
from tests.gui.helpers import cell_text, click, click_cell, focused, pause, retype


def _actions(window: MainWindow) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in window.file_menu.actions() if a.text()}


def test_save_is_refused_while_a_field_is_invalid_and_the_edits_stay(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    no_modal_dialogs: list[tuple[str, str]],
) -> None:
    install_extensions(window)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Anna", True)))
    retype(qtbot, window.day_panel.bed_edit, "23:3x")
    assert window.marks.marked()
    _actions(window)["Save As…"].trigger()  # type: ignore[attr-defined]
    assert any("error" in text.lower() for _, text in no_modal_dialogs)
    assert ProfileStore().list().names() == []
    assert window.isWindowModified()


def test_export_pdf_explains_instead_of_printing_a_stale_plan(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_modal_dialogs: list[tuple[str, str]],
) -> None:
    install_extensions(window)
    out = tmp_path / "card.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    retype(qtbot, window.day_panel.bed_edit, "23:3x")
    _actions(window)["Export PDF…"].trigger()  # type: ignore[attr-defined]
    assert not out.exists()
    assert any("marked invalid" in text for _, text in no_modal_dialogs)
    retype(qtbot, window.day_panel.bed_edit, "23:30")
    _actions(window)["Export PDF…"].trigger()  # type: ignore[attr-defined]
    assert out.exists()


def test_rows_are_renamed_after_a_removal(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    for name in ("iron", "zinc", "calcium"):
        click(qtbot, editor.add_button)
        qtbot.keyClicks(focused(), name)
    click_cell(qtbot, editor.table, 0, NAME)
    assert editor.remove_button.accessibleName() == "Remove medicine 1"
    click(qtbot, editor.remove_button)
    assert [cell_text(editor.table, r, NAME) for r in range(2)] == ["zinc", "calcium"]
    assert focused().accessibleName() == "Medicine 1 name"
    model = editor.model
    names = [model.index(r, NAME).data(FieldNameRole) for r in range(model.rowCount())]
    assert names == ["Medicine 1 name", "Medicine 2 name"]


def test_a_field_message_shows_typed_markup_as_text(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    qtbot.keyClicks(focused(), "<b>x</b>")
    pause(qtbot)
    assert "<b>x</b>" in window.marks.message(Cell(editor.model, 0, NAME))
    assert "<b>x</b>" in editor.problems.text()
    assert editor.problems.textFormat() == Qt.TextFormat.PlainText


def test_saving_never_silently_drops_a_weekday_a_stated_spacing_or_a_product(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    no_modal_dialogs: list[tuple[str, str]],
) -> None:
    install_extensions(window)
    k = load_knowledge()
    request = PlanRequest(
        medicines=(
            MedicineTimes(
                name="alendronate", class_id="bisphosphonate", times_min=(420,), weekdays=(0,)
            ),
            MedicineTimes(name="Zorblex", class_id="stated", times_min=(720,), spacing_min=90),
        ),
        products=(
            make_product(k, "glycinate", 500, unit="tablet", halves=True, compound=True),
            make_product(k, "citrate", 75, unit="scoop", label="Morning powder"),
        ),
        other_magnesium_mg=40,
    )
    window.set_inputs(request)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Weekly", True)))
    _actions(window)["Save As…"].trigger()  # type: ignore[attr-defined]
    assert "Weekly" in ProfileStore().list().names()
    assert ProfileStore().load("Weekly").request == request  # kept whole
    assert not no_modal_dialogs
    window.set_inputs(PlanRequest())
    window.set_inputs(ProfileStore().load("Weekly").request)  # and opened again, the same
    assert window.current_request() == request


def test_the_window_and_its_recent_profiles_are_remembered_in_one_settings_file(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    private_settings: Path,
) -> None:
    install_extensions(window)
    ProfileStore().save(Profile(name="Anna", request=PlanRequest(goals=("sleep",))))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Anna", True)))
    _actions(window)["Open…"].trigger()  # type: ignore[attr-defined]
    window.close()

    settings = app_settings()
    assert settings.value("profiles/recent") in (["Anna"], "Anna")
    assert settings.value("window/geometry") is not None
    files = [p for p in private_settings.rglob("*") if p.is_file()]
    assert files == [Path(settings.fileName())]

    again = MainWindow()
    qtbot.addWidget(again)
    install_extensions(again)
    recent = next(a.menu() for a in again.file_menu.actions() if a.menu() is not None)
    assert [a.data() for a in recent.actions() if a.data()] == ["Anna"]
