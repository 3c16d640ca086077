"""Writing an output file so that the path the user asked for never holds half a file.

The bytes are written with :func:`magplan.atomic.replace_atomically`: on any error the target is
left as it was and nothing else is left behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from magplan.atomic import replace_atomically


class OutputError(OSError):
    """An output file could not be written; ``str()`` is one line for the user."""


def describe_os_error(path: Path, exc: OSError) -> str:
    """One line saying why ``path`` could not be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if isinstance(exc, FileNotFoundError) and not folder.is_dir():
        return f"cannot write {path}: the folder {folder} does not exist"
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return f"cannot write {path}: it is a folder"
    if isinstance(exc, PermissionError):
        return f"cannot write {path}: permission denied"
    if exc.errno == errno.ENOSPC:
        return f"cannot write {path}: the disk is full"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot write {path}: {reason}"


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once or not at all; raise :class:`OutputError`.

    The new file keeps the old one's permissions, or gets the usual rw-r--r--.
    """
    target = Path(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = 0o644
        replace_atomically(target, lambda fh: fh.write(data), suffix=".part", mode=mode)
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc
