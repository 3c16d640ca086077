"""The Qt binding must not lose references to None (PySide6 6.12.0 on Python 3.11 did: every
empty QVariant passed either way dropped one, and the window crashed after a few minutes of
use even though every other test passed)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox


def test_empty_qvariants_keep_none_alive(qapp: object) -> None:
    combo = QComboBox()
    combo.addItem("Suggested")
    before = sys.getrefcount(None)
    for _ in range(1000):
        combo.setItemData(0, None)
        combo.currentData()
    assert sys.getrefcount(None) - before > -100, (
        "this PySide6 build loses references to None: install another version"
    )
