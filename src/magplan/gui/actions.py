"""The window's menus and every action in them, with the platform's standard shortcuts.

The File menu holds only Quit here; printing and saved profiles add their own actions to
``window.file_menu`` (before ``window.quit_action`` and at the top, respectively), and a
feature's own menu goes between File and View (``MainWindow.add_menu``). The View menu is
filled once the window's sections exist (:func:`fill_view_menu`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

import magplan
from magplan import APP_NAME

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge


@dataclass(frozen=True)
class MainMenu:
    file_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    quit_action: QAction
    about_action: QAction
    menu_bar_action: QAction  # F10: the menu bar takes the keyboard, File open


@dataclass(frozen=True)
class ViewActions:
    """View: what the window shows, and a way to each section of the inputs."""

    inputs: QAction
    timeline: QAction
    form_details: QAction
    sections: tuple[QAction, ...]


def _shortcut(action: QAction, key: QKeySequence.StandardKey, fallback: str) -> None:
    """The standard shortcut; ``fallback`` where the platform defines none (Quit on Windows)."""
    keys = QKeySequence.keyBindings(key)
    action.setShortcuts(keys or [QKeySequence(fallback)])


def build_menus(window: QMainWindow, knowledge: Callable[[], Knowledge]) -> MainMenu:
    """File (Quit), View (filled later) and Help (About). The knowledge base is asked for only
    when About opens, so the menu bar is there from the window's first paint, before the core
    is loaded."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    quit_action = QAction("&Quit", window)
    _shortcut(quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.setStatusTip(f"Close {APP_NAME}")
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    view_menu = bar.addMenu("&View")

    help_menu = bar.addMenu("&Help")
    about_action = QAction(f"&About {APP_NAME}", window)
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(lambda: show_about(window, knowledge()))
    help_menu.addAction(about_action)

    menu_bar_action = QAction("Menu Bar", window)  # no menu holds it: the window does
    menu_bar_action.setShortcuts([QKeySequence("F10")])  # setShortcut would build Qt's enums
    menu_bar_action.triggered.connect(lambda: bar.setActiveAction(file_menu.menuAction()))
    window.addAction(menu_bar_action)
    return MainMenu(file_menu, view_menu, help_menu, quit_action, about_action, menu_bar_action)


def _toggle(window: QMainWindow, text: str, tip: str) -> QAction:
    action = QAction(text, window)
    action.setCheckable(True)
    action.setChecked(True)
    action.setStatusTip(tip)
    return action


def fill_view_menu(window: QMainWindow, menu: QMenu, sections: list[str]) -> ViewActions:
    """Show or hide the inputs, the timeline and the form's reasons, and go to each section of
    the inputs with Ctrl+1, Ctrl+2, ... (one entry a section, in the sections' order)."""
    inputs = _toggle(window, "&Inputs", "Show or hide the inputs beside the plan")
    timeline = _toggle(window, "&Timeline", "Show or hide the day's timeline under the schedule")
    form_details = _toggle(
        window, "Form &Details", "Show the reasons for the form and their sources, or fold them"
    )
    menu.addActions([inputs, timeline, form_details])
    menu.addSeparator()
    go_to: list[QAction] = []
    for number, title in enumerate(sections, start=1):
        action = QAction(f"&{number} {title}", window)
        action.setStatusTip(f"Go to {title} in the inputs")
        if number < 10:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        menu.addAction(action)
        go_to.append(action)
    return ViewActions(inputs, timeline, form_details, tuple(go_to))


def about_text(k: Knowledge) -> str:
    """The About box: what the program does, the not-medical-advice note and every source."""
    sources = "".join(
        f"<li><b>{escape(key)}</b>: {escape(src.title, quote=False)}</li>"
        for key, src in k.sources.items()
    )
    return (
        f"<h3>{APP_NAME} {escape(magplan.__version__)}</h3>"
        "<p>Turns a person's goals into a safe, divided daily magnesium schedule, placed "
        "around their meals, bedtime and other medicines, and explains every choice with its "
        "source.</p>"
        f"<p><b>{escape(k.disclaimer.text)}</b></p>"
        f"<p>{escape(k.disclaimer.timeframe)}</p>"
        f"<p>Sources:</p><ul>{sources}</ul>"
    )


def show_about(window: QMainWindow, k: Knowledge) -> None:
    QMessageBox.about(window, f"About {APP_NAME}", about_text(k))
