"""Starting the window: ``magplan`` (no command) and ``magplan --smoke-test``."""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import magplan
from magplan import APP_ID, APP_NAME
from magplan.gui.main_window import MainWindow
from magplan.gui.settings import APPLICATION, ORGANIZATION, ORGANIZATION_DOMAIN
from magplan.resources import resource_dir

SMOKE_TIMEOUT_MS = 20_000

# Features that add themselves to the window when their module is present.
_EXTENSIONS = (
    ("magplan.gui.profile_actions", "install_profile_actions"),
    ("magplan.gui.print_actions", "install_print_actions"),
    ("magplan.gui.report_action", "install_report_action"),
)


def app_icon() -> QIcon | None:
    """The program's icon, or None where the icon file is not installed."""
    path = resource_dir() / "icons" / "magplan.svg"
    return QIcon(str(path)) if path.is_file() else None


def install_extensions(window: QObject) -> list[object]:
    """Let printing and saved profiles add their menu items, when they are installed."""
    installed: list[object] = []
    for module_name, attr in _EXTENSIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        installed.append(getattr(module, attr)(window))
    return installed


class _Start(QObject):
    """The second step of starting: after the frame's first paint, load the planning core, the
    fields and the menus' extensions; for ``--smoke-test``, quit after the loaded window's
    first paint.

    With ``MAGPLAN_START_TIMES=1`` in the environment it writes ``magplan-start <event>
    <seconds since the epoch>`` to stderr for ``first-paint`` and ``ready`` (the loaded window
    painted): the benchmark's start-up figures."""

    def __init__(self, app: QApplication, window: MainWindow, smoke_test: bool) -> None:
        super().__init__()
        self._app = app
        self._window = window
        self._smoke_test = smoke_test
        self._report = os.environ.get("MAGPLAN_START_TIMES") == "1"
        self.extensions: list[object] = []
        self.painted = False  # the frame
        self.ready = False  # the loaded window
        self.failed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self.painted:
                self.painted = True
                self._tell("first-paint")
                QTimer.singleShot(0, self._finish)
            elif self._window.is_loaded and not self.ready:
                self.ready = True
                self._tell("ready")
                self._window.removeEventFilter(self)  # nothing more to watch
                if self._smoke_test:
                    QTimer.singleShot(0, self._app.quit)
        return False

    def _tell(self, event: str) -> None:
        if self._report:
            print(f"magplan-start {event} {time.time():.6f}", file=sys.stderr, flush=True)

    def _finish(self) -> None:
        try:
            self._window.finish_loading()
            self.extensions = install_extensions(self._window)
        except Exception as exc:  # never leave "Loading" on screen
            if _is_knowledge_error(exc):
                print(f"magplan: broken installation: {exc}", file=sys.stderr)
                self._fail(
                    f"{APP_NAME} cannot start: a file of its knowledge base is broken.\n\n"
                    f"{exc}\n\nReinstalling the program should mend it."
                )
            else:  # a bug, or a broken library: the details go to stderr for a report
                traceback.print_exc()
                self._fail(f"{APP_NAME} could not finish starting:\n\n{exc}")
            return
        self._window.update()  # a paint of the loaded window, even where nothing moved

    def _fail(self, message: str) -> None:
        self.failed = True
        if not self._smoke_test:
            QMessageBox.critical(self._window, APP_NAME, message)
        self._app.exit(1)


def _is_knowledge_error(exc: BaseException) -> bool:
    try:  # the import itself fails when what broke is pydantic or the core
        from magplan.core.knowledge import KnowledgeError
    except Exception:
        return False
    return isinstance(exc, KnowledgeError)


def run_app(smoke_test: bool = False, qt_args: Sequence[str] = ()) -> int:
    """Open the main window; with ``smoke_test`` exit 0 right after the loaded window's first
    paint (1 if it did not load). ``qt_args`` are Qt's own command-line options (``-style
    fusion``, ``-platform offscreen``, ``-reverse``), which Qt applies as it starts."""
    existing = QApplication.instance()
    program = sys.argv[0] if sys.argv and sys.argv[0] else "magplan"
    app = existing if isinstance(existing, QApplication) else QApplication([program, *qt_args])
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(magplan.__version__)
    app.setDesktopFileName(APP_ID)
    icon = app_icon()
    if icon is not None:
        app.setWindowIcon(icon)

    window = MainWindow(deferred=True)
    window.remember_state = not smoke_test
    start = _Start(app, window, smoke_test)
    window.installEventFilter(start)
    if smoke_test:
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    window.show()
    code = app.exec()
    window.removeEventFilter(start)
    if start.failed:
        return 1
    if smoke_test:
        window.close()
        window.deleteLater()
        return 0 if start.ready else 1
    return code
