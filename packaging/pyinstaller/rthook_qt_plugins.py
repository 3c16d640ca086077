"""Runtime hook of the bundle: tells Qt where its plugins are, without loading Qt.

It takes the place of PyInstaller's own PySide6 hook, which imports QtCore before the program
starts (to give Qt a ``qt.conf`` that PySide6's QtCore gives it anyway): a command that draws
nothing, such as ``magplan plan --json``, paid for loading Qt and ICU first.
"""

import os
import sys

_PLUGINS = ("PySide6", "plugins") if sys.platform == "win32" else ("PySide6", "Qt", "plugins")
os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, *_PLUGINS)  # type: ignore[attr-defined]
