"""File ▸ Profiles…: the saved profiles in a list, to open, rename, duplicate or delete.

The dialog only lists and chooses; each action is the profile controller's
(:class:`magplan.gui.profile_actions.ProfileController`), which asks the new name or the
confirmation, changes the profiles folder and keeps the window's title and Open Recent in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import named

if TYPE_CHECKING:
    from magplan.gui.profile_actions import ProfileController


class ProfilesDialog(QDialog):
    """The saved profiles, the open one chosen first; Open, Rename…, Duplicate…, Delete…."""

    def __init__(self, controller: ProfileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Profiles")
        self.list = QListWidget()
        named(self.list, "Saved profiles", "The profiles saved on this computer, by name")
        label = QLabel("&Saved profiles:")
        label.setBuddy(self.list)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as they are
        self.note.hide()
        self.open_button = self._button("&Open", "Open the chosen profile in the window")
        self.rename_button = self._button("&Rename…", "Give the chosen profile another name")
        self.duplicate_button = self._button(
            "D&uplicate…", "Save a copy of the chosen profile under a new name"
        )
        self.delete_button = self._button(
            "&Delete…", "Delete the chosen profile from this computer (asks first)"
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self._lay_out(label, close)

        self.open_button.clicked.connect(self.open_chosen)
        self.rename_button.clicked.connect(self.rename_chosen)
        self.duplicate_button.clicked.connect(self.duplicate_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_chosen)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.list, self.rename_chosen)
        current = controller.current
        self.refresh(current.name if current is not None else None)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        named(button, text.replace("&", "").rstrip("…") + " profile", tip)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def _lay_out(self, label: QLabel, close: QDialogButtonBox) -> None:
        buttons = QVBoxLayout()
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        column = QVBoxLayout(self)
        column.addWidget(label)
        column.addLayout(row, 1)
        column.addWidget(self.note)
        column.addWidget(close)
        self.resize(480, 320)

    # ---- the list ---------------------------------------------------------------------------

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.text() if item is not None else None

    def refresh(self, choose: str | None = None) -> None:
        """List the saved profiles again, ``choose`` (or the first) chosen."""
        listing, problem = self.controller.listing()
        self.list.clear()
        names = listing.names() if listing is not None else []
        for name in names:
            QListWidgetItem(name, self.list)
        if names:
            self.list.setCurrentRow(names.index(choose) if choose in names else 0)
        self.note.setText(problem)
        self.note.setVisible(bool(problem))
        self._enable()
        self.list.setFocus()

    def _enable(self) -> None:
        chosen = self.chosen() is not None
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            button.setEnabled(chosen)
        self.open_button.setDefault(chosen)

    # ---- the actions ------------------------------------------------------------------------

    def open_chosen(self) -> None:
        name = self.chosen()
        if name is not None and self.controller.open_profile(name):
            self.accept()

    def rename_chosen(self) -> None:
        name = self.chosen()
        if name is not None:
            self.refresh(self.controller.rename_profile(name) or name)

    def duplicate_chosen(self) -> None:
        name = self.chosen()
        if name is not None:
            self.refresh(self.controller.duplicate_profile(name) or name)

    def delete_chosen(self) -> None:
        name = self.chosen()
        if name is None:
            return
        row = self.list.currentRow()
        if self.controller.delete_profile(name):
            names = [n for n in self.names() if n != name]
            self.refresh(names[min(row, len(names) - 1)] if names else None)
