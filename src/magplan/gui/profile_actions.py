"""File ▸ New, Open…, Open Recent, Save, Save As…, Profiles… for saved profiles, in the main
window.

The controller keeps track of which profile the window shows and whether its inputs were edited
since it was opened or saved: the title reads ``"<profile>[*] — Magnesium Planner"`` (Qt shows
the ``*`` when the window is modified), and before New, Open or closing the window it asks
"Save changes to <profile>?" with Save / Discard / Cancel. Reading and writing go through
:class:`magplan.profiles.ProfileStore`; a profile that cannot be read is reported naming the
file and the field, and the window goes on as before.

Profiles… lists the saved profiles to open, rename, duplicate or delete
(:class:`magplan.gui.profiles_dialog.ProfilesDialog`); the title and Open Recent follow a rename.
The profile open when the program ends opens again when it starts, unless the user unticks
Open Recent ▸ Reopen Last Profile at Start (ticked unless changed: a person working on one
client's plan comes back to it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMenu, QMessageBox
from shiboken6 import isValid

from magplan import APP_NAME
from magplan.core.request import PlanRequest
from magplan.gui.settings import app_settings
from magplan.gui.status import tell_saved
from magplan.profiles.names import name_key

if TYPE_CHECKING:
    from magplan.gui.undo import InputHistory
    from magplan.profiles import Profile, ProfileListing, ProfileStore

# The profile models and the store (pydantic, platformdirs) are imported when a profile is
# first opened or saved, not while the window starts.

MAX_RECENT = 8
_FIELD_LABELS = {"person_name": "Name", "prepared_by": "Prepared by"}  # as the window calls them
RECENT_KEY = "profiles/recent"
LAST_KEY = "profiles/last"  # the profile the window shows ("" for an untitled one)
REOPEN_KEY = "profiles/reopenLast"  # whether it opens again at start (default: yes)
MAX_COPY_NAMES = 100
UNTITLED = "Untitled"


class ProfileWindow(Protocol):
    """What the controller uses of the main window (see the window's contract)."""

    @property
    def inputsChanged(self) -> SignalInstance: ...

    file_menu: QMenu
    quit_action: QAction

    def current_request(self) -> PlanRequest | None: ...
    def card_info(self) -> tuple[str, str]: ...
    def set_inputs(
        self, request: PlanRequest, person_name: str = "", prepared_by: str = ""
    ) -> None: ...


class ProfileController(QObject):
    """Profile actions of one window; lives as long as the window (its Qt parent)."""

    currentChanged = Signal()  # the profile shown was opened, saved, renamed or deleted

    def __init__(
        self,
        window: QMainWindow,
        store: ProfileStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._w = cast(ProfileWindow, window)
        self._store = store
        self.current: Profile | None = None
        self.modified = False
        self._loading = False

        self.new_action = QAction("&New", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setStatusTip("Start a new profile with the usual defaults")
        self.new_action.triggered.connect(self.new_profile)
        self.open_action = QAction("&Open…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip("Open a saved profile")
        self.open_action.triggered.connect(self.open_dialog)
        self.recent_menu = QMenu("Open &Recent", window)
        self.save_action = QAction("&Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setStatusTip("Save the inputs as the current profile")
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction("Save &As…", self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.setStatusTip("Save the inputs as a profile under a new name")
        self.save_as_action.triggered.connect(self.save_as)
        self.profiles_action = QAction("Pro&files…", self)
        self.profiles_action.setStatusTip("Open, rename, duplicate or delete saved profiles")
        self.profiles_action.triggered.connect(self.manage_profiles)
        self.reopen_action = QAction("Reopen Last Profile at &Start", self)
        self.reopen_action.setCheckable(True)
        self.reopen_action.setChecked(reopens_last_profile())
        self.reopen_action.setStatusTip("At start, open the profile that was open at the end")
        self.reopen_action.toggled.connect(set_reopens_last_profile)
        self._add_to_file_menu()

        self._rebuild_recent_menu()
        self._w.inputsChanged.connect(self._on_inputs_changed)
        self._history: InputHistory | None = getattr(window, "history", None)
        if self._history is not None:  # the main window's Edit ▸ Undo
            self._history.stack.cleanChanged.connect(self._follow_history)
            self._history.inputsShown.connect(self._follow_history)
        window.installEventFilter(self)
        self._show_state()

    def _add_to_file_menu(self) -> None:
        """New … Profiles… at the top of the File menu, then a separator."""
        menu = self._w.file_menu
        opening = [self.new_action, self.open_action]
        saving = [self.save_action, self.save_as_action, self.profiles_action]
        existing = menu.actions()
        if not existing:
            menu.addActions(opening)
            menu.addMenu(self.recent_menu)
            menu.addActions(saving)
            return
        first = existing[0]
        for action in opening:
            menu.insertAction(first, action)
        menu.insertMenu(first, self.recent_menu)
        for action in saving:
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    # ---- state ----------------------------------------------------------------------------

    @property
    def store(self) -> ProfileStore:
        """The profile folder (the user's, unless the controller was given another)."""
        if self._store is None:
            from magplan.profiles import ProfileStore

            self._store = ProfileStore()
        return self._store

    @property
    def display_name(self) -> str:
        return self.current.name if self.current is not None else UNTITLED

    def _on_inputs_changed(self) -> None:
        if self._loading:
            return
        self.modified = True
        self._show_state()

    def _follow_history(self) -> None:
        """Undo back to the inputs last opened or saved: nothing to save any more; Redo (or
        Undo past them): changed again."""
        history = self._history
        if history is None or self._loading:
            return
        if not (isValid(history.stack) and isValid(self.window)):
            return  # the window is being destroyed: its stack is cleared on the way
        self.modified = not history.stack.isClean()
        self._show_state()

    def _show_state(self) -> None:
        self.window.setWindowTitle(f"{self.display_name}[*] — {APP_NAME}")
        self.window.setWindowModified(self.modified)

    def _apply(self, profile: Profile | None) -> None:
        request = profile.request if profile is not None else PlanRequest()
        self._loading = True
        try:
            if profile is None:
                self._w.set_inputs(request, "", "")
            else:
                self._w.set_inputs(request, profile.person_name, profile.prepared_by)
        finally:
            self._loading = False
        self._set_current(profile)
        self.modified = False
        self._show_state()

    def _set_current(self, profile: Profile | None) -> None:
        """The window now shows ``profile`` (None: untitled), remembered for the next start."""
        self.current = profile
        settings = app_settings()
        settings.setValue(LAST_KEY, profile.name if profile is not None else "")
        settings.sync()
        self.currentChanged.emit()

    # ---- the actions ----------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Whether the window's inputs may be replaced: saved, discarded, or not edited."""
        if not self.modified:
            return True
        answer = QMessageBox.question(
            self.window,
            "Save changes?",
            f"Save changes to “{self.display_name}”?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_profile(self) -> bool:
        """Empty inputs (the defaults), an untitled profile."""
        if not self.maybe_save():
            return False
        self._apply(None)
        return True

    def open_dialog(self) -> bool:
        """Choose a saved profile by name and open it."""
        from magplan.profiles import ProfileError

        try:
            listing = self.store.list()
        except ProfileError as exc:
            QMessageBox.warning(self.window, "Open Profile", str(exc))
            return False
        names = listing.names()
        if not names:
            text = f"There are no saved profiles in {self.store.folder} yet."
            if listing.unreadable:
                text += "\n\n" + "\n\n".join(str(u.error) for u in listing.unreadable)
            QMessageBox.information(self.window, "Open Profile", text)
            return False
        label = "Profile:"
        if listing.unreadable:
            files = ", ".join(u.path.name for u in listing.unreadable)
            label += f"\n({len(listing.unreadable)} unreadable file(s) not listed: {files})"
        current = (
            names.index(self.current.name) if self.current and self.current.name in names else 0
        )
        name, ok = QInputDialog.getItem(self.window, "Open Profile", label, names, current, False)
        if not ok or not name:
            return False
        return self.open_profile(name)

    def open_profile(self, name: str) -> bool:
        """Open the profile ``name``; a file that cannot be read is reported, nothing changes.

        The file is read once to report a broken one before asking anything, then, after the
        unsaved edits are dealt with, read again: opening the profile being edited then shows
        what the save just wrote."""
        from magplan.profiles import ProfileError, ProfileNotFound

        for attempt in ("check", "open"):
            try:
                profile = self.store.load(name)
            except ProfileError as exc:
                if isinstance(exc, ProfileNotFound):
                    self._forget_recent(name)
                QMessageBox.warning(self.window, "Could not open the profile", str(exc))
                return False
            if attempt == "check" and not self.maybe_save():
                return False
        self._apply(profile)
        self._remember_recent(profile.name)
        return True

    def save(self) -> bool:
        """Save under the current name (Save As… for an untitled profile)."""
        if self.current is None:
            return self.save_as()
        return self._save_as_name(self.current.name)

    def save_as(self) -> bool:
        """Ask a name, confirm replacing another profile of that name, save."""
        from magplan.profiles import ProfileNameError, check_profile_name

        default = self.current.name if self.current is not None else self._w.card_info()[0]
        text, ok = QInputDialog.getText(
            self.window,
            "Save Profile As",
            "Profile name:",
            QLineEdit.EchoMode.Normal,
            default,
        )
        if not ok:
            return False
        try:
            name = check_profile_name(text)
        except ProfileNameError as exc:
            QMessageBox.warning(self.window, "Save Profile As", f"Not saved: {exc}.")
            return False
        same_as_current = self.current is not None and name_key(name) == name_key(self.current.name)
        taken = not same_as_current and self.store.path_for(name) is not None
        if taken and not self._confirm(
            "Replace profile?", f"A profile named “{name}” already exists. Replace it?"
        ):
            return False
        return self._save_as_name(name)

    def _save_as_name(self, name: str) -> bool:
        from pydantic import ValidationError

        from magplan.profiles import Profile, ProfileError
        from magplan.profiles.model import data_error

        request = self._w.current_request()
        if request is None:
            QMessageBox.warning(
                self.window,
                "Not saved",
                "The inputs have an error; correct the marked field, then save again.",
            )
            return False
        person, prepared = self._w.card_info()
        try:
            saved = self.store.save(
                Profile(name=name, person_name=person, prepared_by=prepared, request=request)
            )
        except ValidationError as exc:  # one line naming the field, not pydantic's report
            problem = data_error(exc)
            field = _FIELD_LABELS.get(problem.field, problem.field)
            QMessageBox.warning(
                self.window, "Not saved", f"The profile was not saved: {field}: {problem}"
            )
            return False
        except (ProfileError, ValueError) as exc:
            QMessageBox.warning(self.window, "Not saved", f"The profile was not saved: {exc}")
            return False
        self._set_current(saved)
        self.modified = False
        if self._history is not None:
            self._history.stack.setClean()  # undoing from here changes the saved inputs
        self._show_state()
        self._remember_recent(saved.name)
        tell_saved(self.window, saved.name)
        return True

    # ---- Profiles…: rename, duplicate, delete ---------------------------------------------

    def manage_profiles(self) -> None:
        """The saved profiles, to open, rename, duplicate or delete."""
        from magplan.gui.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self, self.window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def listing(self) -> tuple[ProfileListing | None, str]:
        """The saved profiles, and a line about what could not be listed ("" when nothing)."""
        from magplan.profiles import ProfileError

        try:
            listing = self.store.list()
        except ProfileError as exc:
            return None, str(exc)
        if not listing.unreadable:
            return listing, ""
        files = ", ".join(u.path.name for u in listing.unreadable)
        return listing, f"{len(listing.unreadable)} file(s) could not be read, not listed: {files}"

    def _ask_name(self, title: str, label: str, default: str, not_done: str) -> str | None:
        """A profile name typed by the user (None when cancelled or unusable, after saying
        why)."""
        from magplan.profiles import ProfileNameError, check_profile_name

        text, ok = QInputDialog.getText(
            self.window, title, label, QLineEdit.EchoMode.Normal, default
        )
        if not ok:
            return None
        try:
            return check_profile_name(text)
        except ProfileNameError as exc:
            QMessageBox.warning(self.window, title, f"{not_done}: {exc}.")
            return None

    def rename_profile(self, name: str) -> str | None:
        """Ask a new name for the saved profile ``name`` and rename it; the new name, or None.

        The window's title and Open Recent follow; unsaved edits in the window stay unsaved."""
        from magplan.profiles import ProfileError

        new = self._ask_name("Rename Profile", f"New name for “{name}”:", name, "Not renamed")
        if new is None or new == name:
            return None
        try:
            renamed = self.store.rename(name, new)
        except ProfileError as exc:
            QMessageBox.warning(self.window, "Rename Profile", f"Not renamed: {exc}.")
            return None
        if self.current is not None and name_key(self.current.name) == name_key(name):
            self._set_current(renamed)
            self._show_state()
        self._rename_recent(name, renamed.name)
        return renamed.name

    def duplicate_profile(self, name: str) -> str | None:
        """Ask a name for a copy of the saved profile ``name`` and save the copy; its name."""
        from magplan.profiles import ProfileError

        new = self._ask_name(
            "Duplicate Profile",
            f"Name of the copy of “{name}”:",
            self._copy_name(name),
            "Not duplicated",
        )
        if new is None:
            return None
        try:
            return self.store.duplicate(name, new).name
        except ProfileError as exc:
            QMessageBox.warning(self.window, "Duplicate Profile", f"Not duplicated: {exc}.")
            return None

    def _copy_name(self, name: str) -> str:
        """ "Anna copy", or "Anna copy 2" ... when that is taken."""
        for n in range(1, MAX_COPY_NAMES):
            candidate = f"{name} copy" + (f" {n}" if n > 1 else "")
            if not self.store.exists(candidate):
                return candidate
        return f"{name} copy"

    def _confirm(self, title: str, text: str) -> bool:
        """Yes or No, No the default: for a step that replaces or removes a saved profile."""
        answer = QMessageBox.question(
            self.window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_profile(self, name: str) -> bool:
        """Delete the saved profile ``name`` once the user confirms. The window keeps its
        inputs; when it showed that profile it becomes untitled, with unsaved changes."""
        from magplan.profiles import ProfileError

        if not self._confirm(
            "Delete profile?",
            f"Delete the profile “{name}” from this computer? This cannot be undone.",
        ):
            return False
        try:
            self.store.delete(name)
        except ProfileError as exc:
            QMessageBox.warning(self.window, "Delete Profile", f"Not deleted: {exc}.")
            return False
        self._forget_recent(name)
        if self.current is not None and name_key(self.current.name) == name_key(name):
            self._set_current(None)
            self.modified = True
            self._show_state()
        return True

    # ---- closing --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window or event.type() != QEvent.Type.Close:
            return False
        try:
            may_close = self.maybe_save()
        except Exception as exc:  # never lose edits to an unexpected error while closing
            QMessageBox.warning(self.window, "Not closed", f"Unsaved changes were kept: {exc}")
            may_close = False
        if not may_close:
            event.ignore()
            return True
        return False

    # ---- Open Recent ----------------------------------------------------------------------

    def recent_names(self) -> list[str]:
        value = app_settings().value(RECENT_KEY, [])
        if isinstance(value, str):  # a one-item list comes back as a string from some backends
            value = [value] if value else []
        if not isinstance(value, list):
            return []
        names: list[str] = []
        for item in value:
            if isinstance(item, str) and item and name_key(item) not in map(name_key, names):
                names.append(item)
        return names[:MAX_RECENT]

    def _store_recent(self, names: list[str]) -> None:
        settings = app_settings()
        settings.setValue(RECENT_KEY, names[:MAX_RECENT])
        settings.sync()
        self._rebuild_recent_menu()

    def _remember_recent(self, name: str) -> None:
        others = [n for n in self.recent_names() if name_key(n) != name_key(name)]
        self._store_recent([name, *others])

    def _forget_recent(self, name: str) -> None:
        self._store_recent([n for n in self.recent_names() if name_key(n) != name_key(name)])

    def clear_recent(self) -> None:
        self._store_recent([])

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        names = self.recent_names()
        for i, name in enumerate(names, start=1):
            label = name.replace("&", "&&")
            action = menu.addAction(f"&{i} {label}" if i < 10 else label)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_profile(n))
        if not names:
            empty = menu.addAction("No recent profiles")
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Recent", self.clear_recent)
        menu.addSeparator()
        menu.addAction(self.reopen_action)
        menu.setEnabled(True)

    def _rename_recent(self, name: str, new_name: str) -> None:
        """A renamed profile keeps its place in Open Recent, under its new name."""
        names = [new_name if name_key(n) == name_key(name) else n for n in self.recent_names()]
        self._store_recent(names)

    # ---- the profile shown at the last exit, shown again at start ----------------------------

    def reopen_last(self) -> bool:
        """Open the profile the window showed when the program last ended, when the user wants
        that (Reopen Last Profile at Start) and it is still saved. A profile deleted meanwhile
        is forgotten without a word; one that cannot be read is reported as Open reports it."""
        from magplan.profiles import ProfileError, ProfileNotFound

        name = app_settings().value(LAST_KEY, "")
        if not self.reopen_action.isChecked() or not isinstance(name, str) or not name:
            return False
        try:
            self.store.load(name)
        except ProfileNotFound:
            self._forget_recent(name)
            return False
        except ProfileError:
            pass  # open_profile reads it again and says what is wrong
        return self.open_profile(name)


def reopens_last_profile() -> bool:
    """Whether the profile shown at the last exit opens at start (yes unless unticked)."""
    value = app_settings().value(REOPEN_KEY, True)
    return value not in (False, "false", "0", 0)


def set_reopens_last_profile(on: bool) -> None:
    settings = app_settings()
    settings.setValue(REOPEN_KEY, bool(on))
    settings.sync()


def install_profile_actions(window: QMainWindow) -> ProfileController:
    """The profile actions of the main window; the last profile opens again, unless the user
    said not to, or the window leaves no trace (``--smoke-test``)."""
    controller = ProfileController(window)
    if getattr(window, "remember_state", True):
        controller.reopen_last()
    return controller
