"""Finds the folder of knowledge files and icons, wherever the program runs from.

One place decides this, in this order:

1. ``MAGPLAN_RESOURCES``: an explicit folder (tests, packagers).
2. A PyInstaller bundle: ``sys._MEIPASS/magplan/resources``.
3. An installed wheel: ``magplan/resources`` inside the package (hatchling's force-include).
4. A checkout or an editable install: ``resources/`` at the top of the repository,
   two folders above this file (``src/magplan/resources.py``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_MARKER = "forms.toml"


class ResourcesNotFound(RuntimeError):
    """The knowledge files are missing: the installation is broken."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    explicit = os.environ.get("MAGPLAN_RESOURCES")
    if explicit:
        found.append(Path(explicit))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "magplan" / "resources")
    here = Path(__file__).resolve().parent
    found.append(here / "resources")
    found.append(here.parent.parent / "resources")
    return found


@cache
def resource_dir() -> Path:
    """The folder that holds ``forms.toml`` and the other knowledge files."""
    tried = _candidates()
    for folder in tried:
        if (folder / _MARKER).is_file():
            return folder
    raise ResourcesNotFound(
        "magplan cannot find its knowledge files; looked in: " + ", ".join(str(p) for p in tried)
    )


def resource_path(name: str) -> Path:
    """The path of one resource file, e.g. ``resource_path("goals.toml")``."""
    return resource_dir() / name
