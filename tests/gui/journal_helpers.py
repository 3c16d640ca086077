"""The Journal page's tests: a window with its profile actions, a saved profile with a journal
of realistic days (``tests/journal/year.py``), and the page's clock at the journal's today."""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest
from magplan.gui import journal_page
from magplan.gui.app import install_extensions
from magplan.gui.journal_page import JournalPage
from magplan.gui.main_window import MainWindow
from magplan.gui.pages import JOURNAL
from magplan.gui.profile_actions import ProfileController
from magplan.journal.plan_record import plan_json
from magplan.journal.scales import scale
from magplan.journal.store import Journal, journal_path
from magplan.profiles import Profile, ProfileStore
from tests.journal.year import TODAY, Year, clock_at, make_year

FOUR_DOSES = PlanRequest(goals=("repletion",), target_mg=500)
"""The year's four-dose plan (citrate at 07:30, 12:30, 18:30 and 22:30) as a profile's inputs."""
WITH_DEPRESSION = PlanRequest(goals=("repletion", "depression"), target_mg=500)
"""The same amount with depression as a goal: the last dose at 22:00, and PHQ-8 check-ins."""


@dataclass
class JournalWindow:
    """The window, its profile actions and its clock."""

    window: MainWindow
    controller: ProfileController
    store: ProfileStore

    def open_journal_page(self, qtbot: QtBot) -> JournalPage:
        """View ▸ Journal, as a user opens it; the page once shown."""
        self.window.pages.view_actions[JOURNAL].trigger()
        page = self.window.pages.page(JOURNAL)
        assert isinstance(page, JournalPage)
        qtbot.waitUntil(page.isVisible)
        qtbot.waitUntil(lambda: page.settled)  # the weeks judged, the charts drawn
        self.window.activateWindow()  # the keyboard goes to it
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        return page

    def journal(self, name: str = "Anna") -> Journal:
        """The profile's journal, opened beside the page's (as the command line would)."""
        saved = self.store.find(name)
        return Journal.open(journal_path(self.store.folder, saved.path.stem), name, clock=CLOCK)


CLOCK = clock_at(TODAY, 12)


@pytest.fixture
def journal_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> JournalWindow:
    """The main window with File's profile actions, its journal's clock at noon on TODAY."""
    monkeypatch.setattr(journal_page, "now", CLOCK)
    window = MainWindow()
    qtbot.addWidget(window)
    window.remember_state = False
    installed = install_extensions(window)
    controller = next(x for x in installed if isinstance(x, ProfileController))
    window.resize(1280, 650)
    window.show()
    qtbot.waitExposed(window)
    return JournalWindow(window, controller, controller.store)


def save_profile(store: ProfileStore, request: PlanRequest, name: str = "Anna") -> None:
    store.save(Profile(name=name, person_name=name, request=request))


def fill_journal(
    store: ProfileStore,
    name: str = "Anna",
    *,
    plan_request: PlanRequest = FOUR_DOSES,
    **year: Any,
) -> Year:
    """Days of ``plan_request``'s plan in the profile's journal, ending yesterday."""
    saved = store.find(name)
    plan = plan_json(plan_day(plan_request, load_knowledge()))
    path = journal_path(store.folder, saved.path.stem)
    with Journal.open(path, name, clock=CLOCK) as journal:
        return make_year(journal, plan=plan, **year)


def answer_dialog(dialog_class: type[QDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    """Let ``dialog_class`` run for real (the test answers it with :func:`when_shown`)."""
    real = QDialog.real_exec_for_tests  # type: ignore[attr-defined]
    monkeypatch.setattr(dialog_class, "exec", lambda self: real(self))


def when_shown(answer: Callable[[QWidget], None]) -> None:
    """Once the next modal dialog is up, ``answer`` it (as the user would)."""

    def find() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, find)
            return
        answer(dialog)

    QTimer.singleShot(0, find)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


class StandIn(QDialog):
    """The check-in dialog's contract: every question answered 1 (PHQ-8: score 8, mild)."""

    made: ClassVar[list[tuple[str, int]]] = []
    answer = QDialog.DialogCode.Accepted

    def __init__(self, kind: str, parent: QWidget | None = None, *, time_in_bed_min: int = 480):
        super().__init__(parent)
        self.kind = kind
        StandIn.made.append((kind, time_in_bed_min))

    def exec(self) -> int:
        return int(StandIn.answer.value)

    def values(self) -> tuple[dict[str, Any], float | None]:
        items = len(scale(self.kind).items)
        return {"items": [1] * items}, float(items)


@pytest.fixture(autouse=True)
def stand_in_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("magplan.gui.checkin_dialog")
    module.CheckinDialog = StandIn  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "magplan.gui.checkin_dialog", module)
    StandIn.made = []
    StandIn.answer = QDialog.DialogCode.Accepted
