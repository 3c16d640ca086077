"""``magplan print`` and ``magplan export`` as a user runs them, in a fresh process."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from magplan.cli import main, print_cmd
from magplan.printing import files
from tests.printing.print_cases import BLOCKED_ARGS, TYPICAL_ARGS, pdf_pages, pdf_text


def magplan(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)  # no display at all: the command must manage by itself
    return subprocess.run(
        [sys.executable, "-m", "magplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("magplan: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def _nothing_left(folder: Path) -> None:
    assert [p.name for p in folder.iterdir()] == []


def test_print_writes_a_one_page_pdf_without_a_display(tmp_path: Path) -> None:
    result = magplan(
        "print",
        *TYPICAL_ARGS,
        "--name", "Maria Jensen",
        "--prepared-by", "A. Lund, RD",
        "--paper", "letter",
        "--date", "2025-03-04",
        "-o", "tmp/x.pdf",
        cwd=_with_folder(tmp_path, "tmp"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tmp" / "x.pdf"
    assert pdf_pages(out) == [(612.0, 792.0)]
    text = pdf_text(out)
    assert "Maria Jensen" in text and "A. Lund, RD" in text and "4 March 2025" in text
    assert "22:00" in text and "2 capsules" in text
    assert [p.name for p in (tmp_path / "tmp").iterdir()] == ["x.pdf"]


def _with_folder(root: Path, name: str) -> Path:
    (root / name).mkdir()
    return root


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "missing/x.pdf"], "the folder missing does not exist"),
        (["-o", "afile/x.pdf"], "cannot write afile/x.pdf"),
        (["-o", "adir"], "it is a folder"),
        (["--paper", "a5", "-o", "x.pdf"], "--paper"),
        (["--date", "2025-02-30", "-o", "x.pdf"], "--date '2025-02-30' is not a date"),
        (["--goal", "flying", "-o", "x.pdf"], "unknown goal 'flying'"),
    ],
)
def test_print_errors_are_one_line_exit_2_and_leave_no_file(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "adir").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    result = magplan("print", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in _one_error_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list((tmp_path / "adir").iterdir()) == []


def test_print_on_a_full_disk_is_one_line_exit_2_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "x.pdf"
    assert main(["print", *TYPICAL_ARGS, "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"magplan: error: cannot write {target}: the disk is full"]
    _nothing_left(tmp_path)


def test_print_without_output_and_no_printer_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(print_cmd, "default_printer", lambda: None)
    assert main(["print", *TYPICAL_ARGS]) == print_cmd.EXIT_NO_PRINTER == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no default printer" in err[0]


def test_print_without_output_goes_to_the_default_printer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "printer.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    monkeypatch.setattr(print_cmd, "default_printer", printer)
    assert main(["print", *TYPICAL_ARGS, "--paper", "a4", "--name", "Ann"]) == 0
    assert len(pdf_pages(out)) == 1
    assert "Ann" in pdf_text(out)
    assert capsys.readouterr().err == ""


def test_export_writes_a_calendar(tmp_path: Path) -> None:
    result = magplan(
        "export", "--ics", "r.ics", *TYPICAL_ARGS, "--start", "2025-03-04", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "r.ics").read_text()
    assert "RRULE:FREQ=DAILY" in text and "DTSTART:20250304T220000" in text
    assert "BEGIN:VALARM" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--ics", "missing/r.ics"], 2, "the folder missing does not exist"),
        (["--ics", "r.ics", "--start", "tomorrow"], 2, "--start 'tomorrow' is not a date"),
        (["--ics", "r.ics", *BLOCKED_ARGS], 1, "nothing to remind"),
        (["--start", "2025-03-04"], 2, "--ics"),
    ],
)
def test_export_errors_are_one_line_and_leave_no_file(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = magplan("export", *args, cwd=tmp_path)
    assert result.returncode == code
    assert message in _one_error_line(result)
    _nothing_left(tmp_path)


LOADED_MODULES = """
import sys
from magplan.cli import main
code = main(sys.argv[1:])
print("exit", code)
print("profiles loaded:", any(m.startswith("magplan.profiles") for m in sys.modules))
"""


@pytest.mark.parametrize(
    ("command", "extra", "loaded"),
    [
        ("print", ["-o", "x.pdf"], False),
        ("plan", [], False),
        ("print", ["-o", "x.pdf", "--save-profile", "ann"], True),
        ("plan", ["--save-profile", "ann"], True),
    ],
)
def test_saved_profiles_load_only_with_a_profile_option(
    tmp_path: Path, command: str, extra: list[str], loaded: bool
) -> None:
    """The profile models, the store and platformdirs cost start-up time: a command that reads
    or saves no profile does not import them."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED_MODULES, command, *TYPICAL_ARGS, *extra],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "exit 0" in done.stdout
    assert f"profiles loaded: {loaded}" in done.stdout
    assert (tmp_path / "data" / "profiles" / "ann.json").exists() is loaded
