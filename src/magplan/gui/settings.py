"""What the program remembers between runs (the window's size, position and splitters, the
recent profiles) in one settings file per user.

Every part of the program opens it with :func:`app_settings`, never with a bare ``QSettings()``
(whose format, and on some platforms whose place, differ). It is an INI file on every platform,
so that tests can redirect it with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)``; the tests'
``private_settings`` fixture fails a test that leaves any other settings file.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "magplan"
ORGANIZATION_DOMAIN = "magplan.github.io"
APPLICATION = "magplan"


def app_settings() -> QSettings:
    """The program's settings file (a new handle each call; Qt keeps them in step)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
