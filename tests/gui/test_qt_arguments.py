"""Qt's own command-line options reach Qt: ``magplan -style fusion``, ``-platform offscreen``,
``-reverse``, as in every Qt program (issue 14, item 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the program as `magplan ARGS` would, and says what Qt made of the options once the window
# has shown and closed: the platform, the style and the layout direction.
PROBE = """
import sys
import magplan.gui.app as app_module
from PySide6.QtWidgets import QApplication

class Probe(QApplication):
    def exec(self) -> int:
        code = super().exec()
        print(self.platformName(), self.style().name(), self.layoutDirection().name, flush=True)
        return code

app_module.QApplication = Probe
from magplan.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "QT_STYLE_OVERRIDE"}
    }
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), MAGPLAN_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "seen"),
    [
        (
            ["--smoke-test", "-platform", "offscreen", "-style", "windows", "-reverse"],
            "offscreen windows RightToLeft",
        ),
        (["-style=fusion", "-platform=offscreen", "--smoke-test"], "offscreen fusion LeftToRight"),
    ],
)
def test_the_window_takes_qts_own_options(tmp_path: Path, args: list[str], seen: str) -> None:
    # No display and no QT_QPA_PLATFORM: without "-platform offscreen" Qt could not start at all.
    done = _run(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == seen


def test_a_command_refuses_qts_options_in_one_line(tmp_path: Path) -> None:
    done = _run(tmp_path, "plan", "--goal", "sleep", "-style", "fusion")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        "magplan: error: -style is Qt's option for the window; 'magplan plan' does not take it"
    )


def test_a_qt_option_without_its_value_is_refused(tmp_path: Path) -> None:
    done = _run(tmp_path, "--smoke-test", "-style")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "magplan: error: -style needs a value (it is Qt's option for the window)"
    )


def test_an_unknown_single_dash_option_is_still_refused(tmp_path: Path) -> None:
    done = _run(tmp_path, "--smoke-test", "-stile")
    assert done.returncode == 2
    assert done.stderr.strip() == "magplan: error: unrecognized arguments: -stile"
