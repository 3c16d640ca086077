"""The profiles folder's two safety rules, at the level of files.

- **Only regular files are opened, and never through a link.** A named pipe, a device, a socket
  or a symbolic link named like a profile is looked at (``lstat``) and left alone: opening a
  pipe would wait for a writer forever, reading a device could never end, and following a link
  could read (and copy aside) a file from outside the folder, such as ``/etc/shadow``. The open
  itself uses ``O_NOFOLLOW`` and ``O_NONBLOCK`` and checks what it opened (``fstat``), so a file
  swapped between the look and the open is refused too.
- **One save at a time.** Saves take an exclusive lock on ``.save.lock`` in the folder
  (``fcntl.flock``; ``msvcrt.locking`` on Windows), so that two programs saving two names that
  share a file name never both choose the same file. The lock goes with the process: a save
  that is killed leaves no stale lock behind.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from pathlib import Path
from types import TracebackType

LOCK_NAME = ".save.lock"
READ_FLAGS = (  # open a file to read it: never through a link, never waiting on a pipe
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_LOCK_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


class NotARegularFile(OSError):
    """The path is something other than a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}", str(path))
        self.kind = kind


class FileTooLarge(OSError):
    """A regular file larger than the caller reads."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, f"it is {size} bytes", str(path))
        self.size = size


class LockTimeout(OSError):
    """Another process kept the folder's save lock for longer than the caller waits."""


def kind_of(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link) of at most ``max_bytes``.

    Raises :class:`NotARegularFile`, :class:`FileTooLarge`, or the ``OSError`` of the open.
    """
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path, kind_of(info.st_mode))
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # replaced by a link since the lstat
            raise NotARegularFile(path, "a symbolic link") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, kind_of(info.st_mode))
        if info.st_size > max_bytes:
            raise FileTooLarge(path, info.st_size)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise FileTooLarge(path, size)
    return b"".join(chunks)


class FolderLock:
    """An exclusive lock on ``folder``'s saves, waited for up to ``timeout_s`` seconds.

    ``with FolderLock(folder, 30): ...`` raises :class:`LockTimeout` when another process holds
    it longer, and ``NotARegularFile`` when the lock's name is taken by a link or a pipe.
    """

    def __init__(self, folder: Path, timeout_s: float) -> None:
        self.path = folder / LOCK_NAME
        self.timeout_s = timeout_s
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        try:
            fd = os.open(self.path, _LOCK_FLAGS, 0o600)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EMLINK):
                raise NotARegularFile(self.path, "a symbolic link") from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotARegularFile(self.path, kind_of(os.fstat(fd).st_mode))
            deadline = time.monotonic() + self.timeout_s
            pause_s = 0.002
            while not _try_lock(fd):
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        errno.EAGAIN, f"locked by another program for {self.timeout_s:g} s"
                    )
                time.sleep(pause_s)
                pause_s = min(pause_s * 2, 0.05)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
