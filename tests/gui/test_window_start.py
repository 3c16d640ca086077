"""Starting the window in two steps: the frame paints first, then the core, fields and plan.

The frame (title, menus, a "Loading" line) needs neither pydantic nor the planning core, so it
is on the screen as soon as Qt can show a window; the fields and the first plan follow in the
next turn of the event loop. With the shipped knowledge files, neither step imports pydantic.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import KnowledgeError
from magplan.gui.app import run_app
from magplan.gui.main_window import MainWindow
from magplan.gui.settings import app_settings
from magplan.resources import resource_dir
from tests.gui.helpers import schedule_rows


def _child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        MAGPLAN_DATA_DIR=str(tmp_path / "data"),
    )
    env.update(extra)
    return env


FRAME_ONLY = """
import sys
from PySide6.QtWidgets import QApplication
from magplan.gui.main_window import MainWindow
from magplan.gui.settings import app_settings
app = QApplication([])
window = MainWindow(deferred=True)
window.show()
app.processEvents()
heavy = sorted(m for m in ("pydantic", "magplan.core.knowledge", "magplan.core.planner",
                           "magplan.profiles", "magplan.printing.card") if m in sys.modules)
print("loaded before the fields:", heavy)
window.finish_loading()
print("plan shown:", window.current_plan() is not None)
"""


def test_the_frame_is_shown_before_pydantic_or_the_core_is_imported(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRAME_ONLY],
        capture_output=True,
        text=True,
        env=_child_env(tmp_path),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "loaded before the fields: []" in done.stdout
    assert "plan shown: True" in done.stdout


def test_a_deferred_window_says_it_is_loading_then_shows_the_plan(qtbot: QtBot) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    note = window.centralWidget()
    assert note is not None and note.objectName() == "loadingNote"
    labels = note.findChildren(QLabel)
    assert [label.text() for label in labels] == ["Loading the knowledge base…"]
    assert not window.is_loaded
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    # nothing to print or save yet
    assert window.current_request() is None
    assert window.current_plan() is None
    assert window.card_info() == ("", "")

    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.finish_loading()
    assert window.is_loaded
    assert window.current_plan() is not None
    assert schedule_rows(window)  # the default plan's doses are in the table
    assert window.centralWidget().objectName() != "loadingNote"

    loads: list[bool] = []
    window.loaded.connect(lambda: loads.append(True))
    window.finish_loading()  # a second call changes nothing
    assert loads == []


def test_about_opens_before_the_fields_are_loaded(
    qtbot: QtBot, no_modal_dialogs: list[tuple[str, str]]
) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.about_action.trigger()
    (title, text), *_ = no_modal_dialogs
    assert title.startswith("About") and "not medical advice" in text


def test_closing_while_loading_keeps_the_remembered_splitters(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([340, 600])
    qtbot.wait(10)
    sizes = first.splitter.sizes()
    first.close()
    saved = app_settings().value("window/splitter")
    assert saved

    early = MainWindow(deferred=True)
    qtbot.addWidget(early)
    early.show()
    qtbot.waitExposed(early)
    early.close()  # before its fields were built
    assert app_settings().value("window/splitter") == saved

    last = MainWindow()
    qtbot.addWidget(last)
    last.show()
    qtbot.waitExposed(last)
    # the inputs' pane as it was (the plan's pane takes what the window's width leaves)
    assert last.splitter.sizes()[0] == sizes[0]


def test_smoke_test_waits_for_the_loaded_window_and_can_report_when(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "magplan", "--smoke-test"],
        capture_output=True,
        text=True,
        env=_child_env(tmp_path, MAGPLAN_START_TIMES="1"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    events = {
        parts[1]: float(parts[2])
        for parts in (line.split() for line in done.stderr.splitlines())
        if len(parts) == 3 and parts[0] == "magplan-start"
    }
    assert set(events) == {"first-paint", "ready"}
    assert events["first-paint"] <= events["ready"]


def test_a_broken_knowledge_file_stops_the_window_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(resource_dir(), broken)
    forms = broken / "forms.toml"
    forms.write_text(
        forms.read_text(encoding="utf-8").replace("\nelemental_fraction =", "\nfraction =", 1),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "magplan", "--smoke-test"],
        capture_output=True,
        text=True,
        env=_child_env(tmp_path, MAGPLAN_RESOURCES=str(broken)),
        timeout=120,
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("magplan:")]
    assert len(lines) == 1 and "broken installation" in lines[0] and "forms.toml" in lines[0]
    assert "Traceback" not in done.stderr


def test_a_broken_knowledge_file_is_explained_in_the_window(
    monkeypatch: pytest.MonkeyPatch, no_modal_dialogs: list[tuple[str, str]]
) -> None:
    def broken(self: MainWindow) -> None:
        raise KnowledgeError("forms.toml: field forms.0.elemental_fraction: Field required")

    monkeypatch.setattr(MainWindow, "finish_loading", broken)
    assert run_app() == 1
    (_title, text), *_ = no_modal_dialogs
    assert "cannot start" in text and "forms.toml" in text


def test_an_unexpected_error_while_loading_is_reported_not_left_loading(
    monkeypatch: pytest.MonkeyPatch,
    no_modal_dialogs: list[tuple[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    def bug(self: MainWindow) -> None:
        raise RuntimeError("the fields could not be built")

    monkeypatch.setattr(MainWindow, "finish_loading", bug)
    assert run_app() == 1
    (_title, text), *_ = no_modal_dialogs
    assert "could not finish starting" in text and "could not be built" in text
    assert "RuntimeError" in capsys.readouterr().err  # the details, for a bug report


def test_a_broken_library_ends_the_start_at_once_with_its_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake" / "pydantic"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ImportError("this pydantic is broken")\n')
    # pydantic loads while the window loads when the knowledge files are not the shipped ones
    edited = tmp_path / "resources"
    shutil.copytree(resource_dir(), edited)
    with (edited / "forms.toml").open("a", encoding="utf-8") as forms:
        forms.write("\n# edited\n")
    path = os.pathsep.join(p for p in (str(fake.parent), os.environ.get("PYTHONPATH")) if p)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "magplan", "--smoke-test"],
        capture_output=True,
        text=True,
        env=_child_env(tmp_path, PYTHONPATH=path, MAGPLAN_RESOURCES=str(edited)),
        timeout=120,
    )
    assert done.returncode == 1
    assert "this pydantic is broken" in done.stderr
    assert time.monotonic() - started < 15  # not the smoke test's 20-second timeout
