"""What the stand-alone bundle ships, and what it leaves out.

One place for the lists: ``magplan.spec`` builds the bundle from them and ``check_bundle.py``
(run by ``packaging/build-bundle.sh``) fails when a built bundle holds something they leave
out or grows over ``SIZE_LIMIT_MIB``. Plain Python, so that the tests can read it too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import PurePath

# The bundle's size on disk, every file counted once (what ``du`` shows).
# The journal brought 6.6 MiB (98.6 -> 105.2): Qt Charts and the OpenGL libraries it links to
# (about 4 MiB) for the Journal page and the follow-up report, and SQLite.
SIZE_LIMIT_MIB = 110

# The PySide6 modules the program imports (grep "from PySide6" src/magplan; QtTest is only
# for the benchmark). The SVG icon needs Qt's SVG library and plugins, not PySide6.QtSvg.
# QtCharts draws the journal's charts, loaded only when the Journal page or the report needs it.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtCharts")

# Modules the program never imports:
# - multiprocessing only comes with asyncio's process pool, and PyInstaller runs a start-up
#   hook for it (20 ms of every start);
# - ssl and _hashlib need OpenSSL (5 MB) for network connections and hashes the program never
#   makes (hashlib falls back on Python's own md5, sha1, sha2, sha3 and blake2);
# - _pydecimal is decimal's pure-Python copy, used only when the C _decimal is missing;
# - pydantic.mypy is pydantic's plugin for the mypy type checker, and pydantic.v1 its copy of
#   pydantic 1, which pydantic 2 imports only to warn about a version-1 model;
# - magplan.bench and magplan.bench_window are the benchmark (python -m magplan.bench), which
#   needs QtTest;
# - tkinter, pydoc and the test tools.
PYTHON_EXCLUDES = (
    "multiprocessing",
    "ssl",
    "_ssl",
    "_hashlib",
    "_pydecimal",
    "pydantic.mypy",
    "pydantic.v1",
    "magplan.bench",
    "magplan.bench_window",
    "tkinter",
    "pydoc",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "pytestqt",
)

# PyInstaller's start-up hooks the bundle leaves out, each of which ran before the program's
# first line: pyi_rth_pyside6 loaded QtCore and ICU to give Qt a qt.conf that PySide6's QtCore
# gives it anyway (rthook_qt_plugins.py keeps the rest of its work: QT_PLUGIN_PATH), and
# pyi_rth_inspect imported inspect, zipfile and their dependencies (30 ms) so that
# inspect.getsourcefile could name the files of bundled modules, which the bundle holds no
# source of; the program and its libraries only ask for that in pydantic's attribute
# docstrings, which the program does not turn on.
RUNTIME_HOOKS_LEFT_OUT = ("pyi_rth_pyside6", "pyi_rth_inspect")

# The Qt plugins the bundle ships, by plugin folder: "*" keeps the whole folder, a set keeps
# the plugins named (file names without "lib" and the extension). Every other folder is left
# out: embedded-device back-ends (eglfs, linuxfb, vnc, evdev and tuio input), network, SQL and
# QML plugins, and image formats the program never reads.
QT_PLUGINS: dict[str, str | frozenset[str]] = {
    # xcb (X11) and wayland for a desktop; offscreen for the smoke test and for printing
    # without a display; windows and cocoa on those systems.
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"}),
    "platformthemes": "*",  # gtk3, xdg-desktop-portal: the desktop's dialogs, fonts, colours
    # compose key and IBus: typing accents and other scripts (not Qt's virtual keyboard, which
    # PySide6-Addons brings with QML and Qt Quick)
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "xcbglintegrations": "*",  # OpenGL on X11, should a style or a driver ask for it
    "wayland-shell-integration": frozenset({"xdg-shell"}),  # the desktop shell protocol
    "wayland-decoration-client": "*",  # title bars where the compositor draws none (GNOME)
    "iconengines": frozenset({"qsvgicon"}),  # the program's icon is an SVG
    "imageformats": frozenset({"qsvg"}),  # PNG, BMP and XPM are built into QtGui
    "printsupport": "*",  # the system's printers (CUPS, Windows, macOS)
    "styles": "*",  # the Windows and macOS native styles
}

# Qt libraries that only left-out plugins need: Network (vnc, tuio), the eglfs ones and the old
# wl-shell's, and QML, Qt Quick and PDF that PySide6-Addons' virtual keyboard plugin would bring.
# (OpenGL and OpenGLWidgets stay: Qt Charts links to them.)
QT_LIBRARIES_LEFT_OUT = frozenset(
    {
        "Network",
        "EglFSDeviceIntegration",
        "EglFsKmsSupport",
        "WlShellIntegration",
        "Qml",
        "QmlMeta",
        "QmlModels",
        "QmlWorkerScript",
        "Quick",
        "VirtualKeyboard",
        "VirtualKeyboardQml",
        "Pdf",
    }
)

# The Qt libraries a Linux bundle holds. check_bundle.py fails on any other, so that a new
# one (pulled in by a new import or a new PySide6) is a decision, not a surprise.
QT_LIBRARIES_EXPECTED_ON_LINUX = frozenset(
    {
        "Core",
        "Gui",
        "Widgets",
        "PrintSupport",
        "Svg",
        "DBus",
        "XcbQpa",
        "WaylandClient",
        "Charts",
        "OpenGL",
        "OpenGLWidgets",
    }
)

# Linux: plugins that join the program to the desktop's own GTK and CUPS. They work with the
# system's libraries or not at all (a GTK loaded beside a bundled older Pango or Cairo fails),
# so the bundle ships the plugins and leaves out every system library only they need. Without
# GTK the window keeps Qt's own dialogs; without libcups it still prints to PDF.
PLUGINS_USING_SYSTEM_LIBRARIES = frozenset({"qgtk3", "cupsprintersupport"})

# ICU's data library (libicudata, 31 MB, in PySide6's Linux wheels). Qt calls ICU for
# collation (QCollator: coll/), case mapping (built into libicuuc), character sets by name
# (QStringDecoder, the print dialog's PPD texts: *.cnv, cnvalias.icu) and time zones
# (zoneinfo64.res and the other files at the top that are not a locale's). The trees below are
# read only by ICU's formatting, break-iteration, transliteration and display-name functions,
# which Qt does not call, and by QTimeZone.displayName's long names (empty without zone/; the
# program shows no time-zone name). tests/packaging/test_bundle_icu.py shows Qt's other
# answers unchanged.
ICU_DATA_LEFT_OUT = (
    "brkitr/",  # word and line breaking (Qt has its own)
    "curr/",  # currency names
    "lang/",  # language names
    "rbnf/",  # numbers spelled out
    "region/",  # country names
    "translit/",  # transliteration
    "unit/",  # unit names
    "zone/",  # time-zone names in each language (QTimeZone.displayName's long names)
    "confusables.cfu",  # look-alike characters (spoof checks)
    "unames.icu",  # Unicode character names
)

# ICU's own locale files (de.res, zh_Hant_TW.res: dates, numbers and names written in each
# language), at the top of its data, are left out too: Qt writes dates and numbers from its
# own tables, and ICU's calendars, which Qt opens for time zones, fall back on root.res.
# res_index.res (the list of locales) has the same form and stays.
_ICU_LOCALE_FILE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]+)*\.res")
ICU_LOCALE_FILES_KEPT = frozenset({"res_index.res"})

# A Qt library's file (Linux, Windows) or framework (macOS): libQt6Network.so.6,
# Qt6Network.dll, QtNetwork.framework.
_QT_LIBRARY = re.compile(r"(?:lib)?Qt6?([A-Za-z0-9]+)\.(?:so\.6|dll|framework)")
# A PySide6 module: QtNetwork.abi3.so (Linux, macOS), QtNetwork.pyd (Windows).
_PYSIDE_MODULE = re.compile(r"(Qt[A-Za-z0-9]+)\.(?:abi3\.so|pyd)")


def qt_plugin(path: str, platform: str = sys.platform) -> tuple[str, str] | None:
    """(plugin folder, plugin name) for a Qt plugin's path inside the bundle, else None:
    ``PySide6/Qt/plugins/platforms/libqxcb.so`` is ("platforms", "qxcb")."""
    parts = PurePath(path).parts
    if "PySide6" not in parts or "plugins" not in parts[:-2]:
        return None
    folder = parts[parts.index("plugins") + 1]
    name = parts[-1].split(".")[0]
    if platform != "win32" and name.startswith("lib"):
        name = name[3:]
    return folder, name


def qt_library(path: str) -> str | None:
    """The Qt module a Qt library file belongs to ("Network"), else None."""
    for part in PurePath(path).parts:
        found = _QT_LIBRARY.fullmatch(part)
        if found:
            return found.group(1)
    return None


def pyside_module(path: str) -> str | None:
    """The PySide6 module a file is ("QtNetwork"), else None."""
    parts = PurePath(path).parts
    if len(parts) != 2 or parts[0] != "PySide6":
        return None
    found = _PYSIDE_MODULE.fullmatch(parts[1])
    return found.group(1) if found else None


def plugin_is_shipped(folder: str, name: str) -> bool:
    kept = QT_PLUGINS.get(folder, frozenset())
    return kept == "*" or name in kept


def ships(path: str, platform: str = sys.platform) -> bool:
    """Whether a file PyInstaller collected (its path inside the bundle) belongs in the
    bundle, by the lists above."""
    parts = PurePath(path).parts
    if "PySide6" in parts and "translations" in parts:
        return False  # the program installs no QTranslator: Qt's translations are never read
    plugin = qt_plugin(path, platform)
    if plugin is not None:
        return plugin_is_shipped(*plugin)
    module = pyside_module(path)
    if module is not None and module not in QT_MODULES_USED:
        return False
    return qt_library(path) not in QT_LIBRARIES_LEFT_OUT


def icu_item_is_shipped(name: str) -> bool:
    """Whether an item of ICU's data (``coll/de.res``, without the ``icudt73l/`` prefix)
    stays in the bundle."""
    if _ICU_LOCALE_FILE.fullmatch(name) and name not in ICU_LOCALE_FILES_KEPT:
        return False
    return not name.startswith(ICU_DATA_LEFT_OUT)


def is_system_library(path: str) -> bool:
    """A library PyInstaller copied from the system (Linux: it puts them at the top of the
    bundle), as opposed to Python's own library and the packages' files."""
    return "/" not in PurePath(path).as_posix() and not path.startswith("libpython")


def system_libraries_left_out(
    binaries: list[tuple[str, str]], needs: Callable[[str], list[str]]
) -> set[str]:
    """The system libraries (bundle paths) that nothing in the bundle needs but the plugins
    using the system's libraries. ``binaries`` holds (path inside the bundle, source file);
    ``needs(source)`` names the libraries a file links to directly. A library the bundle
    does not hold (libxcb, libGL) brings its own needs from the system."""
    by_name = {PurePath(path).name: (path, source) for path, source in binaries}
    to_visit = [
        (path, source)
        for path, source in binaries
        if not is_system_library(path) and not _uses_system_libraries(path)
    ]
    reached: set[str] = set()
    while to_visit:
        path, source = to_visit.pop()
        if path in reached:
            continue
        reached.add(path)
        to_visit.extend(by_name[name] for name in needs(source) if name in by_name)
    return {path for path, _ in binaries if is_system_library(path) and path not in reached}


def _uses_system_libraries(path: str) -> bool:
    plugin = qt_plugin(path, "linux")
    return plugin is not None and plugin[1] in PLUGINS_USING_SYSTEM_LIBRARIES
