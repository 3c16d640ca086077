"""The window's menus and every action in them, with the platform's standard shortcuts.

The File menu holds only Quit here; printing and saved profiles add their own actions to
``window.file_menu`` (before ``window.quit_action`` and at the top, respectively).
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
    help_menu: QMenu
    quit_action: QAction
    about_action: QAction


def _shortcut(action: QAction, key: QKeySequence.StandardKey, fallback: str) -> None:
    """The standard shortcut; ``fallback`` where the platform defines none (Quit on Windows)."""
    keys = QKeySequence.keyBindings(key)
    action.setShortcuts(keys or [QKeySequence(fallback)])


def build_menus(window: QMainWindow, knowledge: Callable[[], Knowledge]) -> MainMenu:
    """File (Quit) and Help (About). The knowledge base is asked for only when About opens, so
    the menu bar is there from the window's first paint, before the core is loaded."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    quit_action = QAction("&Quit", window)
    _shortcut(quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.setStatusTip(f"Close {APP_NAME}")
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    help_menu = bar.addMenu("&Help")
    about_action = QAction(f"&About {APP_NAME}", window)
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    about_action.triggered.connect(lambda: show_about(window, knowledge()))
    help_menu.addAction(about_action)
    return MainMenu(file_menu, help_menu, quit_action, about_action)


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
