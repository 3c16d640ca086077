"""Where profiles are kept and what their files are called: small rules with nothing heavy to
import, so that a command that only needs to find a file (``magplan log``) does not load the
profile models and pydantic."""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_SLUG_CHARS = 60
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{i}" for p in ("COM", "LPT") for i in range(10)
}


def default_folder() -> Path:
    """``$MAGPLAN_DATA_DIR/profiles``, or ``profiles`` in the platform's user data folder."""
    override = os.environ.get("MAGPLAN_DATA_DIR")
    if override:
        return Path(override) / "profiles"
    import platformdirs  # only where the platform's folder is asked for

    return Path(platformdirs.user_data_dir("magplan", False)) / "profiles"


def slug_of_key(key: str) -> str:
    """The stem of the file of a profile whose name's key (``names.name_key``) is ``key``."""
    slug = re.sub(r"-+", "-", "".join(ch if ch.isalnum() else "-" for ch in key)).strip("-")
    slug = slug[:MAX_SLUG_CHARS]
    while len(slug.encode("utf-8")) > 120:
        slug = slug[:-1]
    slug = slug.strip("-") or "profile"
    if slug.upper() in _WINDOWS_RESERVED:
        slug += "-profile"
    return slug


JOURNALS_FOLDER = "journals"
JOURNAL_SUFFIX = ".sqlite3"
JOURNAL_COMPANIONS = ("", "-wal", "-shm")  # SQLite's own files beside a journal


def journal_file(profiles_folder: Path, stem: str) -> Path:
    """The journal of the profile saved as ``<stem>.json`` (``magplan.journal.journal_path``)."""
    return profiles_folder.parent / JOURNALS_FOLDER / f"{stem}{JOURNAL_SUFFIX}"


def move_journal(source: Path, target: Path) -> bool:
    """Move a closed journal and SQLite's files beside it to ``target`` (which must not exist);
    ``False`` when there is no journal at ``source``. A journal goes with its profile when the
    profile is renamed, and is set aside, never removed, when the profile is deleted."""
    if not source.exists() or target.exists():
        return False
    for extra in JOURNAL_COMPANIONS:
        companion = Path(f"{source}{extra}")
        if companion.exists() and not companion.is_symlink():
            os.replace(companion, f"{target}{extra}")
    return True
