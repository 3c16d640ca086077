"""The window's remembered state (size, position, splitters) in the user's settings file.

One INI file per user on every platform, so that tests can redirect it with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "magplan"
ORGANIZATION_DOMAIN = "magplan.github.io"
APPLICATION = "magplan"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
