"""The README's screenshots, made from the real window: 1280x720, a light and a dark palette,
for the golden "crowded" person (two forms, five other medicines; tests/golden/people.py), the
Journal page with eight weeks of a made-up person's journal (tools/journal_demo.py), and the
Food page of a made-up person with constipation who told what she eats (:data:`FOOD_PERSON`).

    python tools/screenshots.py               # docs/screenshot.png, docs/screenshot-dark.png
    python tools/screenshots.py --out DIR     # somewhere else
    python tools/screenshots.py --offscreen   # without an X screen: Qt's offscreen platform

The window runs on a private X screen (Xvfb, 1280x720; Debian package ``xvfb``) with its own
settings and data folders, so nothing of the user's shows and nothing is left behind. Each
picture is the window's own, taken with ``QWidget.grab`` once it has loaded and painted.
Run it again after a change to the window's look, and look at the pictures before committing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # loaded in the process that opens the window, not the one that runs Xvfb
    from PySide6.QtGui import QPalette

    from magplan.core.request import PlanRequest
    from magplan.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)
PERSON = "crowded"
NAMES = ("Maria Jensen", "A. Lund, RD")  # the person and who prepared the plan (the card's)
PICTURES = {
    "light": "screenshot.png",
    "dark": "screenshot-dark.png",
    "journal": "screenshot-journal.png",  # the Journal page with tools/journal_demo.py's weeks
    "food": "screenshot-food.png",  # the Food page of FOOD_PERSON
}
FOOD_PERSON = ("--goal", "constipation", "--age", "52", "--sex", "female")
FOOD_EATEN: tuple[tuple[str, float, Literal["day", "week"]], ...] = (
    ("white-bread", 2, "day"),
    ("milk", 1, "day"),
    ("fruit", 1, "day"),
    ("beans-lentils", 2, "week"),
    ("coffee-tea", 2, "day"),
    ("almonds", 3, "week"),
)
"""What the Food page's person eats: (food or checklist group, servings, a day or a week)."""
SETTLE_MS = 1500  # after the window shows: its layout and first paints are done well before

# A dark palette for Qt's Fusion style: (role, colour), and the colours of disabled text.
DARK = (
    ("Window", "#2d2d2d"),
    ("WindowText", "#e8e8e8"),
    ("Base", "#1f1f1f"),
    ("AlternateBase", "#333333"),
    ("ToolTipBase", "#3a3a3a"),
    ("ToolTipText", "#e8e8e8"),
    ("PlaceholderText", "#a6a6a6"),
    ("Text", "#e8e8e8"),
    ("Button", "#363636"),
    ("ButtonText", "#e8e8e8"),
    ("BrightText", "#ff8a80"),
    ("Light", "#4a4a4a"),
    ("Midlight", "#3e3e3e"),
    ("Mid", "#5a5a5a"),
    ("Dark", "#1a1a1a"),
    ("Shadow", "#101010"),
    ("Highlight", "#3d7fcf"),
    ("HighlightedText", "#ffffff"),
    ("Link", "#8ab4f8"),
    ("LinkVisited", "#c58af9"),
)
DARK_DISABLED = "#7a7a7a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="the folder (docs/)")
    parser.add_argument("--offscreen", action="store_true", help="Qt's offscreen platform")
    parser.add_argument("--theme", choices=sorted(PICTURES), help=argparse.SUPPRESS)  # a child
    args = parser.parse_args(argv)
    if args.theme:
        return take(args.theme, args.out / PICTURES[args.theme])
    args.out.mkdir(parents=True, exist_ok=True)
    with screen(offscreen=args.offscreen) as env:
        for theme in PICTURES:
            # One process each: a palette applies fully only to widgets made after it is set.
            done = subprocess.run(
                [sys.executable, __file__, "--theme", theme, "--out", str(args.out)],
                env=env,
                timeout=120,
            )
            if done.returncode != 0:
                print(f"screenshots: the {theme} picture failed", file=sys.stderr)
                return 1
            print(f"screenshots: wrote {args.out / PICTURES[theme]}")
    return 0


@contextlib.contextmanager
def screen(*, offscreen: bool) -> Iterator[dict[str, str]]:
    """The environment the window runs in: a private X screen of :data:`SIZE` (or Qt's
    offscreen platform), and private settings and data folders."""
    with tempfile.TemporaryDirectory(prefix="magplan-screenshots-") as home:
        env = {k: v for k, v in os.environ.items() if k not in {"WAYLAND_DISPLAY", "DISPLAY"}}
        env.update(XDG_CONFIG_HOME=f"{home}/config", MAGPLAN_DATA_DIR=f"{home}/data")
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p
        )
        if offscreen:
            yield dict(env, QT_QPA_PLATFORM="offscreen")
            return
        if shutil.which("Xvfb") is None:
            raise SystemExit(
                "screenshots: needs Xvfb (Debian: apt-get install xvfb), or --offscreen"
            )
        display = _free_display()
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(Path(f"/tmp/.X11-unix/X{display[1:]}"))
            yield dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=10)


def _free_display() -> str:
    for n in range(90, 190):
        if not any(Path(p).exists() for p in (f"/tmp/.X{n}-lock", f"/tmp/.X11-unix/X{n}")):
            return f":{n}"
    raise SystemExit("screenshots: no free X display number")


def _wait_for(socket: Path) -> None:
    for _ in range(100):
        if socket.exists():
            return
        time.sleep(0.1)
    raise SystemExit("screenshots: Xvfb did not start")


def take(theme: str, picture: Path) -> int:
    """In this process: open the window for the crowded person in ``theme`` at :data:`SIZE`,
    let it paint, and save what it shows to ``picture``."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from magplan.gui.main_window import MainWindow

    app = QApplication(["magplan"])
    app.setStyle("Fusion")
    if theme == "dark":
        app.setPalette(dark_palette())
    window = MainWindow()
    window.remember_state = False
    if theme == "journal":
        _open_demo_journal(window)
    elif theme == "food":
        window.set_inputs(food_request(window), *NAMES)
        from magplan.gui.pages import FOOD

        window.pages.view_actions[FOOD].trigger()
    else:
        window.set_inputs(crowded_request(window), *NAMES)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximized on a small screen
    window.resize(*SIZE)
    window.show()
    saved: list[bool] = []

    def grab() -> None:
        saved.append(window.grab().save(str(picture)))
        app.quit()

    QTimer.singleShot(SETTLE_MS, grab)
    app.exec()
    return 0 if saved == [True] else 1


def _open_demo_journal(window: MainWindow) -> None:
    """Eight weeks of the demo person's journal (tools/journal_demo.py) in this run's data
    folder, her profile open and the Journal page shown."""
    import datetime as dt
    import importlib

    sys.path.insert(0, str(ROOT))
    from magplan.gui.app import install_extensions
    from magplan.gui.pages import JOURNAL
    from magplan.gui.profile_actions import ProfileController

    demo = importlib.import_module("tools.journal_demo")  # a tool beside this one
    demo.make_demo(Path(os.environ["MAGPLAN_DATA_DIR"]), dt.date.today())
    installed = install_extensions(window)
    controller = next(x for x in installed if isinstance(x, ProfileController))
    controller.open_profile(demo.PROFILE)
    window.pages.view_actions[JOURNAL].trigger()


def crowded_request(window: MainWindow) -> PlanRequest:
    """The golden "crowded" person's inputs, read as the command line reads them."""
    sys.path.insert(0, str(ROOT))  # the tests' people
    from magplan.cli import build_parser
    from magplan.cli.options import request_from_args
    from tests.golden.people import PEOPLE

    args = build_parser().parse_args(["plan", *PEOPLE[PERSON]])
    return request_from_args(args, window.knowledge())


def food_request(window: MainWindow) -> PlanRequest:
    """:data:`FOOD_PERSON` with what she eats (:data:`FOOD_EATEN`)."""
    from dataclasses import replace

    from magplan.cli import build_parser
    from magplan.cli.options import request_from_args
    from magplan.core.request import DietServing

    args = build_parser().parse_args(["plan", *FOOD_PERSON])
    diet = tuple(DietServing(item=i, servings=n, per=per) for i, n, per in FOOD_EATEN)
    return replace(request_from_args(args, window.knowledge()), diet=diet)


def dark_palette() -> QPalette:
    """Fusion's colours in the dark, with disabled text dimmed."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in DARK:
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    for role in ("WindowText", "Text", "ButtonText", "PlaceholderText"):
        palette.setColor(
            QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(DARK_DISABLED)
        )
    return palette


if __name__ == "__main__":
    sys.exit(main())
