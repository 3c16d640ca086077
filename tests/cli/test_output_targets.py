"""What ``-o`` and ``--ics`` may replace: a new path, or an existing regular file that may be
written. A device, a named pipe, a read-only file or an over-long name is one line, exit 2,
and stays exactly as it was; a full disk leaves the old file in place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

posix_only = pytest.mark.skipif(os.name != "posix", reason="device nodes and pipes are POSIX")


def magplan(
    *args: str, cwd: Path, before: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "magplan", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,  # a command that opened a named pipe would wait here, and fail
        preexec_fn=before,
    )


def print_to(target: str, cwd: Path, before: Callable[[], None] | None = None) -> Outcome:
    return Outcome(magplan("print", "--goal", "sleep", "-o", target, cwd=cwd, before=before))


def export_to(target: str, cwd: Path) -> Outcome:
    return Outcome(magplan("export", "--goal", "sleep", "--ics", target, cwd=cwd))


class Outcome:
    def __init__(self, run: subprocess.CompletedProcess[str]) -> None:
        self.run = run

    def refused(self) -> str:
        """The one error line of a refused command (exit 2, nothing on stdout)."""
        assert self.run.returncode == 2, (self.run.returncode, self.run.stderr)
        lines = self.run.stderr.splitlines()
        assert len(lines) == 1, self.run.stderr
        assert lines[0].startswith("magplan: error: ")
        assert self.run.stdout == ""
        return lines[0]

    def wrote(self) -> None:
        assert self.run.returncode == 0, self.run.stderr
        assert self.run.stderr == ""


def nothing_else_in(folder: Path, *names: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


@posix_only
def test_a_device_node_is_never_replaced(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    for outcome in (print_to("null", tmp_path), export_to("null", tmp_path)):
        assert "cannot write null: it is a device" in outcome.refused()
    info = node.lstat()
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == os.makedev(1, 3)
    nothing_else_in(tmp_path, "null")


@posix_only
def test_a_named_pipe_is_never_opened_or_replaced(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    for outcome in (print_to("pipe", tmp_path), export_to("pipe", tmp_path)):
        assert "cannot write pipe: it is a named pipe" in outcome.refused()
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)
    nothing_else_in(tmp_path, "pipe")


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"the signed copy")
    kept.chmod(0o444)
    for outcome in (print_to("kept.pdf", tmp_path), export_to("kept.pdf", tmp_path)):
        assert "cannot write kept.pdf: the file is read-only" in outcome.refused()
    assert kept.read_bytes() == b"the signed copy"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    nothing_else_in(tmp_path, "kept.pdf")


def test_a_writable_file_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    card = tmp_path / "card.pdf"
    card.write_bytes(b"last week's card")
    card.chmod(0o640)
    print_to("card.pdf", tmp_path).wrote()
    assert card.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(card.stat().st_mode) == 0o640
    nothing_else_in(tmp_path, "card.pdf")


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask: int) -> None:
    def set_umask() -> None:
        os.umask(umask)

    print_to("card.pdf", tmp_path, before=set_umask).wrote()
    assert stat.S_IMODE((tmp_path / "card.pdf").stat().st_mode) == 0o666 & ~umask


@posix_only
def test_a_link_to_a_file_is_written_through_and_a_dangling_link_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "real.pdf").write_bytes(b"old")
    (tmp_path / "link.pdf").symlink_to("real.pdf")
    print_to("link.pdf", tmp_path).wrote()
    assert os.readlink(tmp_path / "link.pdf") == "real.pdf"
    assert (tmp_path / "real.pdf").read_bytes().startswith(b"%PDF")

    (tmp_path / "nowhere.pdf").symlink_to("missing/target.pdf")
    assert "which does not exist" in print_to("nowhere.pdf", tmp_path).refused()
    nothing_else_in(tmp_path, "real.pdf", "link.pdf", "nowhere.pdf")


def test_the_longest_legal_name_works_and_a_longer_one_is_one_line(tmp_path: Path) -> None:
    longest = "x" * 251 + ".pdf"  # 255 bytes: the most ext4, APFS and NTFS allow
    print_to(longest, tmp_path).wrote()
    assert (tmp_path / longest).read_bytes().startswith(b"%PDF")

    too_long = "y" * 252 + ".pdf"
    line = print_to(too_long, tmp_path).refused()
    assert "is 256 bytes long; at most 255 are allowed" in line
    line = export_to("z" * 252 + ".ics", tmp_path).refused()
    assert "at most 255 are allowed" in line
    nothing_else_in(tmp_path, longest)


@posix_only
def test_a_full_disk_leaves_the_old_file(tmp_path: Path) -> None:
    card = tmp_path / "card.pdf"
    card.write_bytes(b"last week's card")

    def small_files_only() -> None:  # writing past 4 KiB fails (EFBIG), as on a full disk
        import resource  # POSIX only

        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    line = print_to("card.pdf", tmp_path, before=small_files_only).refused()
    assert line.startswith("magplan: error: cannot write card.pdf: ")
    assert card.read_bytes() == b"last week's card"
    nothing_else_in(tmp_path, "card.pdf")
