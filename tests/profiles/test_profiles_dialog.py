"""File ▸ Profiles… (open, rename, duplicate, delete saved profiles) and the last profile opened
again at start, driven as a user would on a window that keeps the main window's contract."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from magplan.core.request import PlanRequest
from magplan.gui.profile_actions import (
    ProfileController,
    install_profile_actions,
    reopens_last_profile,
)
from magplan.gui.profiles_dialog import ProfilesDialog
from magplan.gui.settings import app_settings
from magplan.profiles import Profile, ProfileStore
from tests.profiles.window_double import Button, Dialogs, FakeWindow

TITLE = " — Magnesium Planner"


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[FakeWindow]]:
    """Windows made by the test, closed without questions at its end."""
    made: list[FakeWindow] = []
    yield made
    for w in made:
        for controller in w.findChildren(ProfileController):
            w.removeEventFilter(controller)
        w.close()
        w.deleteLater()


def new_window(qtbot: QtBot, windows: list[FakeWindow]) -> FakeWindow:
    w = FakeWindow()
    windows.append(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot: QtBot, windows: list[FakeWindow]) -> FakeWindow:
    return new_window(qtbot, windows)


@pytest.fixture
def controller(window: FakeWindow) -> ProfileController:
    return ProfileController(window, ProfileStore())


@pytest.fixture
def saved(store: ProfileStore) -> ProfileStore:
    """Anna (sleep, the person Anna Kowalska) and Bob (heart) are saved."""
    store.save(Profile(name="Anna", person_name="Anna Kowalska"))
    store.save(Profile(name="Bob", request=PlanRequest(goals=("heart",))))
    return store


def show_dialog(qtbot: QtBot, controller: ProfileController) -> ProfilesDialog:
    """Profiles…, shown without waiting (the controller opens it modal)."""
    shown = ProfilesDialog(controller, controller.window)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def dialog(qtbot: QtBot, controller: ProfileController, saved: ProfileStore) -> ProfilesDialog:
    """Profiles… with Anna and Bob saved."""
    return show_dialog(qtbot, controller)


def press(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, dialog: ProfilesDialog, name: str) -> None:
    """Move to ``name`` in the list with the arrow keys."""
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    for _ in range(dialog.list.count()):
        if dialog.chosen() == name:
            return
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.chosen() == name


# ---- the dialog -------------------------------------------------------------------------------


def test_profiles_opens_from_the_file_menu_with_the_open_profile_chosen(
    window, controller, dialogs, saved, monkeypatch
) -> None:
    controller.open_profile("Bob")
    seen: list[tuple[list[str], str | None]] = []

    def exec_(dialog: ProfilesDialog) -> int:
        seen.append((dialog.names(), dialog.chosen()))
        return 0

    monkeypatch.setattr(ProfilesDialog, "exec", exec_)
    controller.profiles_action.trigger()
    assert seen == [(["Anna", "Bob"], "Bob")]


def test_enter_opens_the_chosen_profile_and_closes_the_dialog(
    qtbot, window, dialog, dialogs, saved
) -> None:
    choose(qtbot, dialog, "Bob")
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.request.goals == ("heart",)
    assert window.windowTitle() == "Bob[*]" + TITLE
    assert not dialog.isVisible()


def test_no_profiles_leaves_nothing_to_do(qtbot, controller) -> None:
    dialog = show_dialog(qtbot, controller)
    assert dialog.names() == []
    buttons = (dialog.open_button, dialog.rename_button, dialog.duplicate_button)
    assert not any(b.isEnabled() for b in (*buttons, dialog.delete_button))


# ---- renaming ---------------------------------------------------------------------------------


def test_renaming_the_open_profile_renames_it_everywhere(
    qtbot, window, controller, dialog, dialogs, saved
) -> None:
    controller.open_profile("Anna")
    dialog.refresh("Anna")
    window.user_edits(goals=("cramps",))  # unsaved edits stay unsaved
    dialogs.names.append(("Anna K.", True))

    press(qtbot, dialog.rename_button)

    assert dialogs.suggested == ["Anna"]
    assert dialog.names() == ["Anna K.", "Bob"] and dialog.chosen() == "Anna K."
    assert window.windowTitle() == "Anna K.[*]" + TITLE and window.isWindowModified()
    assert controller.recent_names() == ["Anna K."]
    assert saved.load("Anna K.").person_name == "Anna Kowalska"
    assert saved.load("Anna K.").request.goals == ("sleep",)  # as saved, not the edits
    assert not saved.exists("Anna")


def test_renaming_another_profile_leaves_the_window_alone(
    qtbot, window, controller, dialog, dialogs, saved
) -> None:
    controller.open_profile("Anna")
    choose(qtbot, dialog, "Bob")
    dialogs.names.append(("Robert", True))
    qtbot.keyClick(dialog.list, Qt.Key.Key_F2)
    assert dialog.names() == ["Anna", "Robert"]
    assert window.windowTitle() == "Anna[*]" + TITLE


def test_a_name_that_exists_is_refused_in_one_sentence(
    qtbot, window, controller, dialog, dialogs, saved
) -> None:
    controller.open_profile("Anna")
    dialog.refresh("Anna")
    dialogs.names.append(("bob", True))
    press(qtbot, dialog.rename_button)
    assert dialogs.warnings == [
        "Not renamed: a profile named 'Bob' already exists; choose another name."
    ]
    assert dialog.names() == ["Anna", "Bob"]
    assert window.windowTitle() == "Anna[*]" + TITLE
    assert saved.load("Bob").request.goals == ("heart",)


def test_an_unusable_name_is_refused(qtbot, dialog, dialogs, saved) -> None:
    choose(qtbot, dialog, "Bob")
    dialogs.names.append(("../etc", True))
    press(qtbot, dialog.rename_button)
    assert len(dialogs.warnings) == 1 and "cannot contain" in dialogs.warnings[0]
    assert dialog.names() == ["Anna", "Bob"]


# ---- duplicating ------------------------------------------------------------------------------


def test_duplicate_offers_a_free_name_and_saves_a_copy(
    qtbot, window, controller, dialog, dialogs, saved
) -> None:
    saved.save(Profile(name="Bob copy"))
    choose(qtbot, dialog, "Bob")
    dialogs.names.append(("Bob copy 2", True))
    press(qtbot, dialog.duplicate_button)
    assert dialogs.suggested == ["Bob copy 2"]
    assert dialog.chosen() == "Bob copy 2"
    assert saved.load("Bob copy 2").request == saved.load("Bob").request
    assert window.windowTitle() == "Untitled[*]" + TITLE  # the window shows what it showed


def test_duplicate_never_replaces_a_profile(qtbot, dialog, dialogs, saved) -> None:
    choose(qtbot, dialog, "Bob")
    dialogs.names.append(("anna", True))
    press(qtbot, dialog.duplicate_button)
    assert dialogs.warnings == [
        "Not duplicated: a profile named 'Anna' already exists; choose another name."
    ]
    assert saved.load("Anna").request.goals == ("sleep",)


# ---- deleting ---------------------------------------------------------------------------------


def test_delete_asks_first_and_no_keeps_the_profile(qtbot, dialog, dialogs, saved) -> None:
    choose(qtbot, dialog, "Bob")
    dialogs.answers.append(Button.No)
    press(qtbot, dialog.delete_button)
    assert dialogs.questions == [
        "Delete the profile “Bob” from this computer? This cannot be undone."
    ]
    assert saved.exists("Bob") and dialog.names() == ["Anna", "Bob"]


def test_delete_removes_only_the_named_profile(qtbot, window, dialog, dialogs, saved) -> None:
    choose(qtbot, dialog, "Anna")
    dialogs.answers.append(Button.Yes)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)  # the Delete key asks too
    assert len(dialogs.questions) == 1
    assert saved.list().names() == ["Bob"]
    assert dialog.names() == ["Bob"] and dialog.chosen() == "Bob"
    assert window.windowTitle() == "Untitled[*]" + TITLE


def test_deleting_the_open_profile_keeps_the_inputs_as_unsaved(
    qtbot, window, controller, dialog, dialogs, saved
) -> None:
    controller.open_profile("Bob")
    dialog.refresh("Bob")
    dialogs.answers.append(Button.Yes)
    press(qtbot, dialog.delete_button)
    assert window.request.goals == ("heart",)  # still on screen
    assert window.windowTitle() == "Untitled[*]" + TITLE and window.isWindowModified()
    assert controller.recent_names() == []
    dialogs.answers.append(Button.Cancel)
    assert window.close() is False  # closing asks to save them
    assert dialogs.questions[-1] == "Save changes to “Untitled”?"


# ---- the last profile at start ----------------------------------------------------------------


def test_the_profile_open_at_the_end_opens_again_at_start(
    qtbot, window, controller, dialogs, saved, windows
) -> None:
    assert reopens_last_profile()  # on unless the user turns it off
    controller.open_profile("Bob")
    window.close()

    again = new_window(qtbot, windows)
    started = install_profile_actions(again)
    assert started.current is not None and started.current.name == "Bob"
    assert again.request.goals == ("heart",)
    assert again.windowTitle() == "Bob[*]" + TITLE and not again.isWindowModified()
    assert dialogs.warnings == dialogs.questions == []


def test_the_setting_is_in_open_recent_and_is_remembered(
    qtbot, window, controller, dialogs, saved, windows
) -> None:
    assert controller.reopen_action in controller.recent_menu.actions()
    assert controller.reopen_action.isCheckable() and controller.reopen_action.isChecked()
    controller.open_profile("Bob")
    controller.reopen_action.trigger()  # unticked
    assert app_settings().value("profiles/reopenLast") in (False, "false")

    again = new_window(qtbot, windows)
    started = install_profile_actions(again)
    assert not started.reopen_action.isChecked()
    assert started.current is None and again.request == PlanRequest()


def test_an_untitled_window_at_the_end_starts_untitled(
    qtbot, window, controller, dialogs, saved, windows
) -> None:
    controller.open_profile("Bob")
    controller.new_profile()
    again = new_window(qtbot, windows)
    assert install_profile_actions(again).current is None


def test_a_profile_deleted_since_is_forgotten_without_a_word(
    qtbot, window, controller, dialogs, saved, windows
) -> None:
    controller.open_profile("Bob")
    saved.delete("Bob")
    again = new_window(qtbot, windows)
    started = install_profile_actions(again)
    assert started.current is None and again.request == PlanRequest()
    assert dialogs.warnings == [] and started.recent_names() == []


def test_a_window_that_leaves_no_trace_opens_nothing(
    qtbot, window, controller, dialogs, saved, windows
) -> None:
    controller.open_profile("Bob")
    again = new_window(qtbot, windows)
    again.remember_state = False  # type: ignore[attr-defined]  # magplan --smoke-test
    assert install_profile_actions(again).current is None
