"""A UTF-8 character locale before Qt loads, so that Qt has nothing to say about it.

On Linux and the BSDs Qt needs a UTF-8 locale. In any other one (``LC_ALL=C``, ``LANG=POSIX``,
``en_US.ISO-8859-1``) a ``QCoreApplication`` switches the character type (``LC_CTYPE``) to
UTF-8 by itself and writes four lines about it to stderr: on every command that prints, on
success and on error, breaking the rule of a quiet success and a one-line error.

:func:`use_utf8_ctype` makes the same switch first, quietly and with the same choice Qt would
make (the same language with ``.UTF-8``, else ``C.UTF-8``), through the environment that Qt
reads. Only the character type changes: numbers, dates, collation and messages keep the
locale the user set. (Python itself already reads and writes UTF-8 in the C locale: PEP 538
and PEP 540.)
"""

from __future__ import annotations

import locale
import os
from collections.abc import MutableMapping

_OTHER_CATEGORIES = (
    "LC_COLLATE",
    "LC_MONETARY",
    "LC_NUMERIC",
    "LC_TIME",
    "LC_MESSAGES",
    "LC_PAPER",
    "LC_NAME",
    "LC_ADDRESS",
    "LC_TELEPHONE",
    "LC_MEASUREMENT",
    "LC_IDENTIFICATION",
)


def use_utf8_ctype(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Switch this process's character type to a UTF-8 locale when it is not one.

    Returns the locale chosen, or ``None`` when nothing changed (already UTF-8, not POSIX, or
    no UTF-8 locale installed: then Qt says so itself). ``environ`` defaults to ``os.environ``.
    """
    if os.name != "posix":
        return None
    env = os.environ if environ is None else environ
    if _is_utf8(locale.nl_langinfo(locale.CODESET)):
        return None
    chosen = _switch_ctype(locale.setlocale(locale.LC_CTYPE))
    if chosen is None:
        return None
    everything = env.pop("LC_ALL", "")
    if everything:  # LC_ALL would override LC_CTYPE: give each other category its value
        for name in _OTHER_CATEGORIES:
            env[name] = everything
    env["LC_CTYPE"] = chosen
    return chosen


def _is_utf8(codeset: str) -> bool:
    return codeset.replace("-", "").replace("_", "").lower() == "utf8"


def _switch_ctype(current: str) -> str | None:
    """Set LC_CTYPE to the UTF-8 form of ``current`` (or C.UTF-8) and return its name."""
    base = current.split("@")[0].split(".")[0]
    candidates = [] if base in ("C", "POSIX", "") else [f"{base}.UTF-8"]
    for name in [*candidates, "C.UTF-8", "C.utf8"]:
        try:
            locale.setlocale(locale.LC_CTYPE, name)
        except locale.Error:
            continue
        return name
    return None
