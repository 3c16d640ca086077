"""Qt's own command-line options (``-style fusion``, ``-platform offscreen``, ``-reverse``…):
taken off the command line before it is read, and handed to the window's ``QApplication``.

They are the options every Qt program takes (Qt's ``QGuiApplication`` and ``QApplication``
documentation), written with one dash as Qt documents them; the program's own options all have
two dashes, so the two never meet.
"""

from __future__ import annotations

from collections.abc import Sequence

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
