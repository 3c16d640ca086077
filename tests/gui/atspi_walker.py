"""A screen reader's view of the running window, for test_accessibility_atspi.py.

Run by Debian's /usr/bin/python3 (which has pyatspi; the project's venv does not) inside
``dbus-run-session``: it starts a private X screen (Xvfb) and the accessibility bus, starts
the program given after ``--`` on them with Qt's accessibility on, and reads the program's
accessibility tree over AT-SPI as Orca would. Then, as a user of a screen reader does, it ticks
"Kidney disease" through the check box's AT-SPI action and types a wrong wake time through the
field's AT-SPI text, reading the tree again after each. It writes one JSON object to OUT.json:
``{"app": name, "trees": {"start": [...], "stopped": [...], "bad wake": [...]},
"events": [...]}``, each tree a list of nodes (role, name, description, a label's text, states,
depth).

    dbus-run-session -- /usr/bin/python3 atspi_walker.py OUT.json :77 -- /path/python -m magplan

(Not stdout: the accessibility bus's own daemons write there.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi  # Debian's python3-pyatspi
from gi.repository import GLib

LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
STATES = {
    "showing": pyatspi.STATE_SHOWING,
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
}
LOADED_TIMEOUT_S = 60


def start_screen(display: str) -> subprocess.Popen[bytes]:
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = f"/tmp/.X11-unix/X{display.lstrip(':')}"
    for _ in range(100):
        if os.path.exists(socket):
            return screen
        time.sleep(0.1)
    raise SystemExit(f"Xvfb {display} did not start")


def start_bus() -> subprocess.Popen[bytes]:
    launcher = next((p for p in LAUNCHERS if os.path.exists(p)), None)
    if launcher is None:
        raise SystemExit("at-spi-bus-launcher not found (Debian package at-spi2-core)")
    return subprocess.Popen([launcher, "--launch-immediately"], stderr=subprocess.DEVNULL)


def walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every node under ``node``, in reading order, as the screen reader sees it."""
    if node is None:
        return
    state = node.getState()
    role = node.getRoleName()
    yield {
        "depth": depth,
        "role": role,
        "name": node.name or "",
        "description": node.description or "",
        "text": text_of(node) if role == "label" else "",
        "states": sorted(name for name, s in STATES.items() if state.contains(s)),
    }
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def text_of(node: Any) -> str:
    """What a label says (its name may be a name given for it instead)."""
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return str(text.getText(0, -1))


def find_app(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def find(node: Any, test: Callable[[Any], bool]) -> Any:
    """The first node under ``node`` that passes ``test``."""
    if node is None:
        return None
    if test(node):
        return node
    for i in range(node.childCount):
        found = find(node.getChildAtIndex(i), test)
        if found is not None:
            return found
    return None


def wait_loaded(app_name: str) -> Any:
    """The program's accessible application once its first plan is on screen (its timeline
    says the day)."""
    deadline = time.monotonic() + LOADED_TIMEOUT_S
    while time.monotonic() < deadline:
        app = find_app(app_name)
        timeline = app and find(app, lambda n: n.name == "Day timeline")
        if timeline is not None and timeline.description.startswith("Waking day"):
            return app
        time.sleep(0.5)
    raise SystemExit(
        f"no accessible application {app_name!r} with a plan after {LOADED_TIMEOUT_S} s"
    )


def listen(events: list[dict[str, str]], seconds: float, act: Callable[[], None]) -> None:
    """Do ``act`` and gather, for ``seconds``, the events a screen reader hears."""

    def heard(event: Any) -> None:
        source = event.source
        events.append(
            {
                "type": str(event.type),
                "detail1": str(event.detail1),
                "role": source.getRoleName() if source is not None else "",
                "name": (source.name or "") if source is not None else "",
                "text": str(event.any_data) if event.any_data is not None else "",
            }
        )

    kinds = ("object:state-changed:showing", "object:announcement", "window:create")
    pyatspi.Registry.registerEventListener(heard, *kinds)
    GLib.timeout_add(200, lambda: act() and False)
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() and False)
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(heard, *kinds)


def tick(app: Any, name: str) -> None:
    """Press a check box through its AT-SPI action, as a screen reader's user does."""
    box = find(app, lambda n: n.getRoleName() == "check box" and n.name == name)
    if box is None:
        raise SystemExit(f"no check box {name!r}")
    action = box.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Toggle") if "Toggle" in names else 0)


def type_into(app: Any, name: str, text: str) -> None:
    """Replace a text field's contents through AT-SPI, and leave it as Tab would."""
    field = find(app, lambda n: n.getRoleName() == "text" and n.name == name)
    if field is None:
        raise SystemExit(f"no text field {name!r}")
    field.queryComponent().grabFocus()
    field.queryEditableText().setTextContents(text)


def main() -> None:
    out, display, separator, *program = sys.argv[1:]
    assert separator == "--" and program
    screen = start_screen(display)
    bus = start_bus()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    env.pop("WAYLAND_DISPLAY", None)
    app_process = subprocess.Popen(program, env=env)
    try:
        app = wait_loaded("magplan")
        trees = {"start": list(walk(app))}
        events: list[dict[str, str]] = []
        listen(events, 3.0, lambda: tick(app, "Condition: Kidney disease"))
        trees["stopped"] = list(walk(app))
        listen(events, 2.0, lambda: type_into(app, "Wake time", "25:99"))
        trees["bad wake"] = list(walk(app))
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"app": app.name, "trees": trees, "events": events}, f)
    finally:
        app_process.send_signal(signal.SIGTERM)
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        for helper in (bus, screen):
            helper.terminate()
            helper.wait(timeout=10)


if __name__ == "__main__":
    main()
