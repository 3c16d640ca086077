"""Replacing a file all at once or not at all: the one way the program writes a file.

The content goes to a temporary file in the target's own folder (``.<name>.<random><suffix>``),
is flushed and fsynced, then takes the target's name with :func:`os.replace` (atomic on one
file system), and the folder is fsynced so that the rename itself survives a power cut. On any
error the temporary file is removed and the target is left exactly as it was. Profiles and
printed files both use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def replace_atomically(
    target: Path,
    write: Callable[[BinaryIO], object],
    *,
    suffix: str,
    mode: int | None = None,
) -> None:
    """Give ``target`` the bytes ``write`` puts into a file, in one step.

    ``mode`` sets the new file's permissions (the temporary file starts owner-only, 0600).
    Raises whatever the file system raises; nothing is left behind then.
    """
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; NTFS journals the rename itself)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
