"""Replacing a file all at once or not at all: the one way the program writes a file.

The content goes to a temporary file in the target's own folder (``.<name>.<random><suffix>``,
the name shortened when needed so that a legal target name always has a legal temporary name),
is flushed and fsynced, then takes the target's name with :func:`os.replace` (atomic on one
file system), and the folder is fsynced so that the rename itself survives a power cut. On any
error the temporary file is removed and the target is left exactly as it was. Profiles and
printed files both use it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

NAME_MAX_BYTES = 255
"""The longest file name (in UTF-8 bytes) on the usual file systems (ext4, APFS, NTFS)."""
_RANDOM_CHARS = 8
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def replace_atomically(
    target: Path,
    write: Callable[[BinaryIO], object],
    *,
    suffix: str,
    mode: int | None = None,
    create_mode: int = 0o600,
) -> None:
    """Give ``target`` the bytes ``write`` puts into a file, in one step.

    The temporary file is created with ``create_mode`` less the process's umask (so 0o666 gives
    a file the way other programs make one); ``mode``, when given, then sets its permissions
    exactly (to keep an existing file's). Raises whatever the file system raises; nothing is
    left behind then.
    """
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_path = _create_temporary(folder, target.name, suffix, create_mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            if mode is not None:
                os.chmod(fh.fileno() if os.chmod in os.supports_fd else tmp_path, mode)
            os.fsync(fh.fileno())
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_path)
        raise
    fsync_folder(folder)


def temporary_prefix(name: str, suffix: str) -> str:
    """``.<name>.``, with ``name`` cut (at a character) so that the prefix, the random part and
    ``suffix`` fit in one file name."""
    room = NAME_MAX_BYTES - len(suffix.encode("utf-8")) - _RANDOM_CHARS - 2
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) > room:
        name = encoded[:room].decode("utf-8", "ignore")
    return f".{name}."


def _create_temporary(folder: Path, name: str, suffix: str, create_mode: int) -> tuple[int, Path]:
    """A new file of our own in ``folder`` (never an existing one, never through a link)."""
    prefix = temporary_prefix(name, suffix)
    for _ in range(100):
        path = folder / f"{prefix}{os.urandom(_RANDOM_CHARS // 2).hex()}{suffix}"
        try:
            return os.open(path, _CREATE_FLAGS, create_mode), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; NTFS journals the rename itself)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
