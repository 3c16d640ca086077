"""Starting the window: ``magplan`` (no command) and ``magplan --smoke-test``."""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import magplan
from magplan import APP_ID, APP_NAME
from magplan.gui.settings import APPLICATION, ORGANIZATION, ORGANIZATION_DOMAIN
from magplan.resources import resource_dir

SMOKE_TIMEOUT_MS = 20_000

# Features that add themselves to the window when their module is present.
_EXTENSIONS = (
    ("magplan.gui.profile_actions", "ProfileController"),
    ("magplan.gui.print_actions", "install_print_actions"),
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


class _FirstPaint(QObject):
    """Quits the event loop right after the window's first paint."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._app.quit)
        return False


def run_app(smoke_test: bool = False) -> int:
    """Open the main window; with ``smoke_test`` exit 0 right after its first paint."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(magplan.__version__)
    app.setDesktopFileName(APP_ID)
    icon = app_icon()
    if icon is not None:
        app.setWindowIcon(icon)

    from magplan.gui.main_window import MainWindow

    window = MainWindow()
    window.remember_state = not smoke_test
    extensions = install_extensions(window)
    watcher = _FirstPaint(app)
    if smoke_test:
        window.installEventFilter(watcher)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    window.show()
    code = app.exec()
    if smoke_test:
        window.removeEventFilter(watcher)
        window.close()
        window.deleteLater()
        del extensions
        return 0 if watcher.painted else 1
    del extensions
    return code
