"""Writing an output file so that the path the user asked for never holds half a file.

An output (``-o card.pdf``, ``--ics reminders.ics``, Export PDF…) is written only to a new
path, or over an existing regular file that may be written (not a read-only one): never over
a device, a named pipe, a socket or a folder. A link to a regular file is written through (the
link stays, the file it points to gets the new content). A new file's permissions follow the
umask; a replaced file keeps its own.

The bytes are written with :func:`magplan.atomic.replace_atomically`: on any error the target is
left as it was and nothing else is left behind.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from magplan.atomic import NAME_MAX_BYTES, replace_atomically
from magplan.core.values import value


class OutputError(OSError):
    """An output file could not be written; ``str()`` is one line for the user."""


@value
class OutputTarget:
    """Where an output goes: the file to replace (a link resolved) and the mode to keep."""

    path: Path
    keep_mode: int | None


_KINDS = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def check_output_target(path: str | os.PathLike[str]) -> OutputTarget:
    """Where ``path`` can be written, or :class:`OutputError` saying in one line why not.

    Nothing is opened: a named pipe or a device is only looked at.
    """
    given = Path(path)
    too_long = _over_long_part(given)
    if too_long is not None:
        raise OutputError(
            f"cannot write {given}: the file name '{_shortened(too_long)}' is "
            f"{len(os.fsencode(too_long))} bytes long; at most {NAME_MAX_BYTES} are allowed"
        )
    try:
        info = os.lstat(given)
    except FileNotFoundError:
        return OutputTarget(given, None)  # a new file (a missing folder is reported on write)
    except OSError as exc:
        raise OutputError(describe_os_error(given, exc)) from None
    except ValueError:  # a NUL character: no file can have that name
        raise OutputError(f"cannot write {given!r}: a file name cannot hold NUL") from None
    target = given
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(given))
        try:
            info = os.stat(target)
        except OSError:
            raise OutputError(
                f"cannot write {given}: it is a link to {target}, which does not exist"
            ) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {given}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise OutputError(
            f"cannot write {given}: it is {kind}, not a file; "
            f"give the name of a new file or of a file to replace"
        )
    if info.st_mode & 0o222 == 0 or not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {given}: the file is read-only")
    return OutputTarget(target, stat.S_IMODE(info.st_mode))


def describe_os_error(path: Path, exc: OSError) -> str:
    """One line saying why ``path`` could not be written (never raises itself)."""
    folder = path.parent if str(path.parent) else Path(".")
    if exc.errno == errno.ENAMETOOLONG:
        return f"cannot write {path}: the file name is too long"
    if isinstance(exc, FileNotFoundError) and not _is_dir(folder):
        return f"cannot write {path}: the folder {folder} does not exist"
    if exc.errno == errno.ENOTDIR:
        return f"cannot write {path}: {folder} is not a folder"
    if isinstance(exc, IsADirectoryError) or _is_dir(path):
        return f"cannot write {path}: it is a folder"
    if isinstance(exc, PermissionError):
        return f"cannot write {path}: permission denied"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full"
    if exc.errno == errno.EFBIG:
        return f"cannot write {path}: the file would be larger than this system allows"
    if exc.errno == errno.EROFS:
        return f"cannot write {path}: the disk is read-only"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot write {path}: {reason}"


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once or not at all; raise :class:`OutputError`.

    Only a new path or a writable regular file is written (see :func:`check_output_target`).
    """
    target = check_output_target(path)
    try:
        replace_atomically(
            target.path,
            lambda fh: fh.write(data),
            suffix=".part",
            mode=target.keep_mode,
            create_mode=0o666,
        )
    except OSError as exc:
        raise OutputError(describe_os_error(Path(path), exc)) from exc


def _over_long_part(path: Path) -> str | None:
    """The first part of ``path`` longer than a file name may be, if any."""
    for part in path.parts:
        if len(os.fsencode(part)) > NAME_MAX_BYTES:
            return part
    return None


def _shortened(name: str) -> str:
    return name if len(name) <= 40 else f"{name[:20]}…{name[-12:]}"


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
