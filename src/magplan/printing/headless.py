"""A ``QGuiApplication`` for printing from the command line, with or without a display."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication


def use_offscreen_without_display() -> None:
    """On Linux and the BSDs with neither X11 nor Wayland, use Qt's offscreen platform.

    Windows and macOS always have their own platform (and their printers live there); a
    ``QT_QPA_PLATFORM`` the user set is always kept.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def gui_application() -> QGuiApplication:
    """The running application, or a new ``QGuiApplication`` that needs no display."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    use_offscreen_without_display()
    return QGuiApplication(["magplan"])
