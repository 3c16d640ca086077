"""Writing an output file so that the path the user asked for never holds half a file.

The bytes go to a temporary file in the same folder, are flushed to disk, and only then take
the target's name with :func:`os.replace` (atomic on the same file system). On any error the
temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


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
    """Write ``data`` to ``path`` all at once or not at all; raise :class:`OutputError`."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(describe_os_error(target, exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _match_mode(target, tmp_name)
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise OutputError(describe_os_error(target, exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _match_mode(target: Path, tmp_name: str) -> None:
    """The new file keeps the old one's permissions, or gets the usual rw-r--r--."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(tmp_name, mode)
