"""File ▸ New/Open…/Open Recent/Save/Save As… and the save-changes question, driven as a user
would, on a minimal window that implements the main window's contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from magplan.core.request import PlanRequest
from magplan.gui.profile_actions import MAX_RECENT, ProfileController
from magplan.profiles import Profile, ProfileStore

Button = QMessageBox.StandardButton


class FakeWindow(QMainWindow):
    """The main window's contract, and nothing else."""

    inputsChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.request: PlanRequest = PlanRequest()
        self.person, self.prepared = "", ""
        self.file_menu = self.menuBar().addMenu("&File")
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("&Quit")
        self.quit_action.triggered.connect(self.close)
        self.setWindowTitle("Magnesium Planner")

    def current_request(self) -> PlanRequest | None:
        return self.request

    def card_info(self) -> tuple[str, str]:
        return self.person, self.prepared

    def set_inputs(self, request: PlanRequest, person_name: str = "", prepared_by: str = ""):
        self.request, self.person, self.prepared = request, person_name, prepared_by

    def user_edits(self, **changes: object) -> None:
        """What typing in a field does: new inputs, then inputsChanged."""
        self.request = replace(self.request, **changes)  # type: ignore[arg-type]
        self.inputsChanged.emit()


class Dialogs:
    """Records the dialogs shown and answers them as the test says."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answers: list[Button] = []
        self.names: list[tuple[str, bool]] = []
        self.picks: list[tuple[str, bool]] = []
        self.offered: list[list[str]] = []

        def question(parent, title, text, *args, **kwargs):
            self.questions.append(text)
            return self.answers.pop(0)

        def warning(parent, title, text, *args, **kwargs):
            self.warnings.append(text)
            return Button.Ok

        def get_text(parent, title, label, *args, **kwargs):
            return self.names.pop(0)

        def get_item(parent, title, label, items, *args, **kwargs):
            self.offered.append(list(items))
            return self.picks.pop(0)

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(warning))
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[FakeWindow]:
    w = FakeWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    for controller in w.findChildren(ProfileController):  # the test's edits are not kept
        w.removeEventFilter(controller)
    w.close()
    w.deleteLater()


@pytest.fixture
def controller(window: FakeWindow) -> ProfileController:
    return ProfileController(window, ProfileStore())


def saved_goals(store: ProfileStore, name: str) -> tuple[str, ...]:
    return store.load(name).request.goals


def test_actions_sit_at_the_top_of_the_file_menu(window, controller) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts == ["&New", "&Open…", "Open &Recent", "&Save", "Save &As…", "", "", "&Quit"]
    assert controller.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert controller.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert controller.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert controller.save_as_action.shortcut() == QKeySequence(QKeySequence.StandardKey.SaveAs)


def test_title_shows_the_profile_and_the_modified_marker(window, controller, dialogs) -> None:
    assert window.windowTitle() == "Untitled[*] — Magnesium Planner"
    assert not window.isWindowModified()
    window.user_edits(goals=("migraine",))
    assert window.isWindowModified()
    dialogs.names.append(("Anna", True))
    controller.save_action.trigger()  # first save of an untitled profile asks its name
    assert window.windowTitle() == "Anna[*] — Magnesium Planner"
    assert not window.isWindowModified()
    window.user_edits(age_years=70)
    assert window.isWindowModified()


def test_cancel_keeps_the_window_open_and_the_edits(window, controller, dialogs, data_dir):
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Cancel)
    assert window.close() is False
    assert window.isVisible()
    assert dialogs.questions == ["Save changes to “Untitled”?"]
    assert window.request.goals == ("cramps",) and window.isWindowModified()
    assert not (data_dir / "profiles").exists()


def test_discard_closes_without_saving(window, controller, dialogs, store) -> None:
    dialogs.names.append(("Anna", True))
    controller.save_as()
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Discard)
    assert window.close() is True
    assert not window.isVisible()
    assert dialogs.questions == ["Save changes to “Anna”?"]
    assert saved_goals(store, "Anna") == ("sleep",)


def test_save_writes_the_file_then_closes(window, controller, dialogs, store) -> None:
    window.person = "Anna Kowalska"
    dialogs.names.append(("Anna", True))
    controller.save_as()
    window.user_edits(goals=("cramps", "sleep"))
    dialogs.answers.append(Button.Save)
    assert window.close() is True
    saved = store.load("Anna")
    assert saved.request.goals == ("cramps", "sleep")
    assert saved.person_name == "Anna Kowalska"


def test_quit_from_the_menu_asks_too(window, controller, dialogs) -> None:
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Cancel)
    window.quit_action.trigger()
    assert window.isVisible() and dialogs.questions


def test_save_of_an_untitled_profile_cancelled_keeps_the_window_open(
    window, controller, dialogs
) -> None:
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Save)
    dialogs.names.append(("", False))  # the user cancels the name dialog
    assert window.close() is False
    assert window.isVisible() and window.isWindowModified()


def test_a_failed_save_keeps_the_window_open(window, dialogs, tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    controller = ProfileController(window, ProfileStore(blocker / "profiles"))
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Save)
    dialogs.names.append(("Anna", True))
    assert window.close() is False
    assert window.isVisible() and controller.modified
    assert len(dialogs.warnings) == 1 and "not saved" in dialogs.warnings[0]


def test_no_question_without_edits(window, controller, dialogs) -> None:
    assert window.close() is True
    assert dialogs.questions == []


def test_new_asks_then_starts_from_the_defaults(window, controller, dialogs, store) -> None:
    window.person = "Anna"
    dialogs.names.append(("Anna", True))
    controller.save_as()
    window.user_edits(goals=("cramps",))
    dialogs.answers.append(Button.Cancel)
    controller.new_action.trigger()
    assert window.request.goals == ("cramps",) and window.windowTitle().startswith("Anna[*]")
    dialogs.answers.append(Button.Discard)
    controller.new_action.trigger()
    assert window.request == PlanRequest() and window.person == ""
    assert window.windowTitle() == "Untitled[*] — Magnesium Planner"
    assert not window.isWindowModified()


def test_open_lists_profiles_and_fills_the_window(window, controller, dialogs, store) -> None:
    store.save(Profile(name="Bob", person_name="Bob B.", request=PlanRequest(goals=("heart",))))
    store.save(Profile(name="ann", request=PlanRequest(goals=("cramps",))))
    dialogs.picks.append(("Bob", True))
    controller.open_action.trigger()
    assert dialogs.offered == [["ann", "Bob"]]
    assert window.request.goals == ("heart",) and window.person == "Bob B."
    assert window.windowTitle() == "Bob[*] — Magnesium Planner"
    assert not window.isWindowModified()
    assert dialogs.questions == []  # nothing was edited


def test_open_with_unsaved_edits_asks_first(window, controller, dialogs, store) -> None:
    store.save(Profile(name="Bob", request=PlanRequest(goals=("heart",))))
    window.user_edits(goals=("cramps",))
    dialogs.picks.append(("Bob", True))
    dialogs.answers.append(Button.Cancel)
    controller.open_action.trigger()
    assert window.request.goals == ("cramps",)
    assert dialogs.questions == ["Save changes to “Untitled”?"]


def test_a_broken_profile_is_reported_and_the_window_goes_on(
    window, controller, dialogs, store
) -> None:
    store.save(Profile(name="Bob", request=PlanRequest(goals=("heart",))))
    path = store.folder / "bob.json"
    data = json.loads(path.read_text())
    data["request"]["bed"] = "half past ten"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    window.user_edits(goals=("cramps",))
    assert controller.open_profile("Bob") is False
    assert len(dialogs.warnings) == 1
    assert "bob.json" in dialogs.warnings[0] and "request.bed" in dialogs.warnings[0]
    assert dialogs.questions == []  # nothing to lose: the edits stay
    assert window.request.goals == ("cramps",) and window.isWindowModified()
    assert path.read_bytes() == before


def test_open_recent_remembers_the_last_eight(window, controller, dialogs, store) -> None:
    for i in range(MAX_RECENT + 2):
        store.save(Profile(name=f"Client {i}"))
        assert controller.open_profile(f"Client {i}")
    assert controller.recent_names() == [f"Client {i}" for i in range(9, 1, -1)]
    entries = [a for a in controller.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == controller.recent_names()
    # remembered across windows (QSettings)
    second_window = FakeWindow()
    other = ProfileController(second_window, store)
    assert other.recent_names() == controller.recent_names()
    assert [a.data() for a in other.recent_menu.actions() if a.data()] == other.recent_names()
    second_window.deleteLater()
    # choosing an entry opens it and moves it to the top
    entries[3].trigger()
    assert controller.current is not None and controller.current.name == "Client 6"
    assert controller.recent_names()[0] == "Client 6"


def test_a_recent_profile_that_is_gone_is_removed(window, controller, dialogs, store) -> None:
    store.save(Profile(name="Bob"))
    controller.open_profile("Bob")
    (store.folder / "bob.json").unlink()
    entry = next(a for a in controller.recent_menu.actions() if a.data() == "Bob")
    entry.trigger()
    assert "no saved profile named 'Bob'" in dialogs.warnings[0]
    assert controller.recent_names() == []


def test_save_as_confirms_replacing_another_profile(window, controller, dialogs, store) -> None:
    store.save(Profile(name="Bob", request=PlanRequest(goals=("heart",))))
    window.user_edits(goals=("cramps",))
    dialogs.names.append(("bob", True))
    dialogs.answers.append(Button.No)
    assert controller.save_as() is False
    assert saved_goals(store, "Bob") == ("heart",)
    assert dialogs.questions == ["A profile named “bob” already exists. Replace it?"]
    dialogs.names.append(("bob", True))
    dialogs.answers.append(Button.Yes)
    assert controller.save_as() is True
    assert saved_goals(store, "Bob") == ("cramps",)
    assert [p.name for p in store.folder.glob("*.json")] == ["bob.json"]


def test_save_as_refuses_a_bad_name(window, controller, dialogs, store) -> None:
    dialogs.names.append(("../etc", True))
    assert controller.save_as() is False
    assert "cannot contain" in dialogs.warnings[0]
    assert not store.folder.exists()


def test_a_card_name_too_long_to_keep_is_one_sentence_naming_the_field(
    window, controller, dialogs, store
) -> None:
    window.person = "x" * 300  # the real window's Name field keeps at most 200 characters
    dialogs.names.append(("Anna", True))
    assert controller.save_as() is False
    (text,) = dialogs.warnings
    assert text.startswith("The profile was not saved: Name: ")
    assert "200 characters" in text and "\n" not in text and "pydantic" not in text
    assert not store.folder.exists()
