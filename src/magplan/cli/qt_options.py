"""Qt's own command-line options (``-style fusion``, ``-platform offscreen``, ``-reverse``…):
taken off the command line before it is read, and handed to the window's ``QApplication``.

They are the options every Qt program takes (Qt's ``QGuiApplication`` and ``QApplication``
documentation), written with one dash as Qt documents them; the program's own options all have
two dashes, so the two never meet.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Options followed by a value: "-style fusion" (also taken as "-style=fusion", and handed to
# Qt as two words, the one way Qt reads all of them).
WITH_VALUE = frozenset(
    {
        "-style",
        "-stylesheet",
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-session",
        "-display",  # X11
        "-geometry",  # X11
    }
)
# Options Qt reads only with "=": "-qmljsdebugger=port:3768".
WITH_EQUALS = frozenset({"-qmljsdebugger", "-dialogs", "-fontengine"})  # the last two: Windows
# Options that stand alone.
FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


class MissingQtValue(ValueError):
    """A Qt option that takes a value came last, without it."""

    def __init__(self, option: str) -> None:
        super().__init__(f"{option} needs a value (it is Qt's option for the window)")
        self.option = option


def split_qt_options(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the program's own words, Qt's options with their values), each in the order given.
    Nothing after ``--`` is taken for Qt's. Raises :class:`MissingQtValue` for ``-style`` with
    nothing after it."""
    ours: list[str] = []
    qt: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            ours.extend(words[i:])
            break
        option, equals, value = word.partition("=")
        if option in WITH_VALUE and equals:
            qt.extend((option, value))
        elif option in WITH_EQUALS and equals:
            qt.append(word)
        elif word in WITH_VALUE:
            if i + 1 == len(words):
                raise MissingQtValue(word)
            qt.extend(words[i : i + 2])
            i += 1
        elif word in FLAGS:
            qt.append(word)
        else:
            ours.append(word)
        i += 1
    return ours, qt


def display_problem(qt_args: Sequence[str], env: Mapping[str, str]) -> str | None:
    """Why the window cannot open here, in one line; None when it can (as far as can be told
    before Qt starts: Qt itself aborts with several lines when its platform cannot start)."""
    given = _platform_given(qt_args) or env.get("QT_QPA_PLATFORM", "")
    names = [n.split(":")[0].strip() for n in given.split(";") if n.strip()]
    if names:
        available = platform_plugins(env)
        if available is not None and not any(n in available for n in names):
            return f"no Qt platform {given!r} here; there are: {', '.join(sorted(available))}"
        if names == ["xcb"] and not env.get("DISPLAY"):
            return "no X display to open the window on (DISPLAY is not set)"
        return None
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return (
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "'magplan plan', 'print' and 'export' need none"
        )
    return None


def _platform_given(qt_args: Sequence[str]) -> str:
    for i, word in enumerate(qt_args):
        if word == "-platform" and i + 1 < len(qt_args):
            return qt_args[i + 1]
    return ""


def platform_plugins(env: Mapping[str, str]) -> set[str] | None:
    """The names of the Qt platform plugins this installation has (``xcb``, ``offscreen``,
    ...); None when their folder cannot be found (then nothing is refused)."""
    from PySide6.QtCore import QLibraryInfo  # the window imports it next anyway

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders += [Path(p) for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    found: set[str] = set()
    seen = False
    for folder in folders:
        platforms = folder / "platforms"
        if not platforms.is_dir():
            continue
        seen = True
        for plugin in platforms.iterdir():
            stem = plugin.name.split(".")[0]
            stem = stem.removeprefix("lib")
            if stem.startswith("q") and len(stem) > 1:
                found.add(stem[1:])
    return found if seen else None
