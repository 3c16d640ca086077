"""Qt's options are told apart from the program's own before the command line is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from magplan.cli.qt_options import MissingQtValue, display_problem, split_qt_options


def test_qts_options_are_taken_with_their_values_and_the_rest_kept_in_order() -> None:
    words = ["-style", "fusion", "--smoke-test", "-reverse", "-platform=offscreen", "--x"]
    assert split_qt_options(words) == (
        ["--smoke-test", "--x"],
        ["-style", "fusion", "-reverse", "-platform", "offscreen"],
    )


def test_the_programs_own_options_and_values_are_left_alone() -> None:
    words = ["plan", "--name", "Ann", "--wake=-style", "--goal", "sleep"]
    assert split_qt_options(words) == (words, [])


def test_nothing_after_a_double_dash_is_qts() -> None:
    assert split_qt_options(["--", "-reverse"]) == (["--", "-reverse"], [])


def test_an_option_that_needs_a_value_cannot_come_last() -> None:
    with pytest.raises(MissingQtValue, match="-platform needs a value"):
        split_qt_options(["--smoke-test", "-platform"])


def test_an_option_qt_reads_only_with_equals_is_passed_as_written() -> None:
    assert split_qt_options(["-qmljsdebugger=port:3768", "-qmljsdebugger"]) == (
        ["-qmljsdebugger"],
        ["-qmljsdebugger=port:3768"],
    )


def test_a_window_with_no_display_to_open_on_is_one_line_before_qt_aborts() -> None:
    """Qt aborts (with several lines) when its platform cannot start; the program says why in
    one line first, and only when it is sure."""
    assert display_problem([], {}) is not None  # neither DISPLAY nor WAYLAND_DISPLAY
    assert display_problem([], {"DISPLAY": ":0"}) is None
    assert display_problem([], {"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem(["-platform", "offscreen"], {}) is None
    assert display_problem([], {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem(["-platform", "xcb"], {}) == (
        "no X display to open the window on (DISPLAY is not set)"
    )
    unknown = display_problem(["-platform", "nosuch"], {"DISPLAY": ":0"})
    assert unknown is not None and unknown.startswith("no Qt platform 'nosuch' here; there are: ")
    assert "offscreen" in unknown
    assert display_problem([], {"QT_QPA_PLATFORM": "nosuch;offscreen"}) is None  # a fallback


def test_an_unknown_platform_is_refused_with_one_line_and_status_2(tmp_path: Path) -> None:
    env = dict(os.environ, MAGPLAN_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "magplan", "-platform", "nosuch", "--smoke-test"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("magplan: error: no Qt platform 'nosuch' here")
    assert done.stderr.count("\n") == 1
