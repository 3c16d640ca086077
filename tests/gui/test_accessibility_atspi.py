"""The window as a screen reader finds it, from outside the process (issue 14, item 10).

The real program runs on a private X screen with Qt's accessibility on; Debian's python3 with
pyatspi reads its tree over AT-SPI as Orca does (tests/gui/atspi_walker.py), ticks "Kidney
disease" and types a wrong wake time through AT-SPI, and reads the tree again. The Debian
packages it needs (xvfb, dbus-daemon, at-spi2-core, python3-pyatspi) are installed by
./test.sh; without them the tests are skipped and say which is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")

Node = dict[str, Any]


def _missing() -> list[str]:
    """The Debian packages this test needs that are not installed."""
    missing = []
    if shutil.which("Xvfb") is None:
        missing.append("xvfb")
    if shutil.which("dbus-run-session") is None:
        missing.append("dbus-daemon")
    if not any(os.path.exists(p) for p in LAUNCHERS):
        missing.append("at-spi2-core")
    has_pyatspi = os.path.exists(SYSTEM_PYTHON) and (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode == 0
    )
    if not has_pyatspi:
        missing.append("python3-pyatspi")
    return missing


def _free_display() -> str:
    for n in range(80, 160):
        if not (os.path.exists(f"/tmp/.X{n}-lock") or os.path.exists(f"/tmp/.X11-unix/X{n}")):
            return f":{n}"
    pytest.skip("no free X display number for Xvfb")


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the screen reader found: the trees at the start, with the plan stopped and with a
    wrong wake time, and the events it heard."""
    missing = _missing()
    if missing:
        pytest.skip(
            "the screen-reader test needs the Debian packages " + ", ".join(missing)
            + " (./test.sh installs them as root or with sudo)"
        )  # fmt: skip
    folder = tmp_path_factory.mktemp("atspi")
    out = folder / "seen.json"
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(XDG_CONFIG_HOME=str(folder / "config"), MAGPLAN_DATA_DIR=str(folder / "data"))
    done = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER), str(out), _free_display(), "--",
         sys.executable, "-m", "magplan"],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )  # fmt: skip
    assert done.returncode == 0 and out.exists(), done.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _showing(tree: list[Node]) -> list[Node]:
    return [n for n in tree if "showing" in n["states"]]


def _one(tree: list[Node], role: str, name: str) -> Node:
    found = [n for n in tree if n["role"] == role and n["name"] == name]
    assert len(found) == 1, f"{len(found)} {role} nodes named {name!r}"
    return found[0]


def test_the_window_is_there_and_every_focusable_control_has_a_name(seen: dict[str, Any]) -> None:
    assert seen["app"] == "magplan"
    for moment, tree in seen["trees"].items():
        focusable = [n for n in _showing(tree) if "focusable" in n["states"]]
        assert len(focusable) > 40, moment
        unnamed = [f"{n['role']} {n['description'][:40]!r}" for n in focusable if not n["name"]]
        assert unnamed == [], moment


def test_the_timeline_and_the_daily_total_are_reached_and_described(
    seen: dict[str, Any],
) -> None:
    start = seen["trees"]["start"]
    timeline = _one(start, "chart", "Day timeline")
    assert {"focusable", "showing"} <= set(timeline["states"])
    said = timeline["description"]
    assert said.startswith("Waking day 07:00 to 22:30. Meals at 07:30, 12:30, 18:30.")
    assert "Magnesium at 07:30 (" in said and "22:00 (" in said  # each dose: time and amount
    total = _one(start, "progress bar", "Daily total against the upper limit")
    assert {"focusable", "showing"} <= set(total["states"])
    assert total["description"].startswith("350 mg of 350 mg upper limit. ")
    assert "Recommended intake from food and supplements" in total["description"]


def test_the_stop_banner_is_an_alert_that_appears_when_the_plan_is_stopped(
    seen: dict[str, Any],
) -> None:
    before = [n for n in _showing(seen["trees"]["start"]) if n["role"] == "alert"]
    assert before == []
    banner = _one(seen["trees"]["stopped"], "alert", "No schedule is planned")
    assert "showing" in banner["states"]
    assert banner["description"].startswith("Kidney disease: magnesium can build up")
    heard = [
        e
        for e in seen["events"]
        if e["type"] == "object:state-changed:showing" and e["role"] == "alert"
    ]
    assert [(e["name"], e["detail1"]) for e in heard] == [("No schedule is planned", "1")]
    timeline = _one(seen["trees"]["stopped"], "chart", "Day timeline")
    assert "No magnesium is planned." in timeline["description"]


def test_a_fields_error_reaches_the_screen_reader(seen: dict[str, Any]) -> None:
    tree = seen["trees"]["bad wake"]
    error = "'25:99' is not a time of day"
    field = _one(tree, "text", "Wake time")
    label = _one(tree, "label", "Problem with Wake time")
    assert error in field["description"] or (
        "showing" in label["states"] and error in label["text"]
    )
    note = _one(tree, "filler", "Input problem")
    assert "showing" in note["states"] and error in note["description"]
