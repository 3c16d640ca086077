"""The window's status bar: what the pointer is over (every action's status tip), what was
just done with a file: "Saved “Ann”", "Exported to /home/ann/Ann.pdf" with an Open folder
button, and, while a field cannot be read, that the plan shown is the last valid one.

Saving and exporting live elsewhere (``profile_actions``, ``print_actions``); they tell the
window with :func:`tell_saved` and :func:`tell_exported`, which work on any main window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStatusBar, QWidget

if TYPE_CHECKING:
    from magplan.gui.profile_actions import ProfileController


class StatusBar(QStatusBar):
    """Status tips come and go over the last file note, which stays until the next one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setAccessibleName("Status")
        self.note = QLabel()
        self.note.setAccessibleName("Last file action")
        self.open_folder = QPushButton("Open folder")
        self.open_folder.setAccessibleName("Open the folder of the exported file")
        self.open_folder.setStatusTip("Open the folder the file was exported to")
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        self._folder: Path | None = None
        self.saved_profile: str | None = None  # the profile a "Saved" note is about
        self._profiles: ProfileController | None = None
        # normal widgets: a status tip hides them for a moment, then they are back
        self.addWidget(self.note, 1)
        self.addWidget(self.open_folder)

    def show_plan_note(self, note: QWidget) -> None:
        """The note about the plan shown (the last valid one while a field cannot be read),
        at the right; a status tip never hides it."""
        self.addPermanentWidget(note, 1)

    def tell_saved(self, name: str) -> None:
        self._note(f"Saved “{name}”", None)
        self.saved_profile = name

    def tell_exported(self, path: Path) -> None:
        self._note(f"Exported to {path}", path.parent)

    def follow(self, controller: ProfileController) -> None:
        """Hear from ``controller`` which profile the window shows (once is enough)."""
        if self._profiles is controller:
            return
        self._profiles = controller
        controller.currentChanged.connect(self._profile_changed)

    def _profile_changed(self) -> None:
        current = self._profiles.current if self._profiles is not None else None
        self.profile_shown(current.name if current is not None else None)

    def profile_shown(self, name: str | None) -> None:
        """The window now shows the profile ``name`` (None: a new one): a note that another
        profile was saved no longer speaks of what is on screen, and goes."""
        if self.saved_profile is not None and name != self.saved_profile:
            self._note("", None)

    def _note(self, text: str, folder: Path | None) -> None:
        self.saved_profile = None
        self.clearMessage()
        self.note.setText(text)
        self.note.setToolTip(text)
        self._folder = folder
        self.open_folder.setVisible(folder is not None)

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


def _bar(window: QMainWindow) -> StatusBar | None:
    bar = window.statusBar()
    return bar if isinstance(bar, StatusBar) else None


def tell_saved(window: QMainWindow, name: str) -> None:
    """Tell the user the profile ``name`` was saved (until the window shows another: File ▸
    New, Open)."""
    bar = _bar(window)
    if bar is not None:
        bar.tell_saved(name)
        _follow_profiles(window, bar)


def _follow_profiles(window: QMainWindow, bar: StatusBar) -> None:
    """Tell ``bar`` each profile the window shows from now on."""
    from magplan.gui.profile_actions import ProfileController  # the one that saved

    controller = window.findChild(ProfileController)
    if controller is not None:
        bar.follow(controller)


def tell_exported(window: QMainWindow, path: Path) -> None:
    """Tell the user a file was written to ``path``, with a button to open its folder."""
    bar = _bar(window)
    if bar is not None:
        bar.tell_exported(path)


def tell(window: QMainWindow, text: str) -> None:
    """Tell the user what was just done elsewhere (the Journal page: "Accepted: …")."""
    bar = _bar(window)
    if bar is not None:
        bar._note(text, None)
