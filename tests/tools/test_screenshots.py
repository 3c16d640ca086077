"""``tools/screenshots.py`` makes the README's two pictures from the real window: 1280x720, one
light and one dark, and the README shows both."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "screenshots.py"


def _mean_lightness(image: QImage) -> float:
    step = 16
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


def test_the_tool_makes_a_light_and_a_dark_picture_of_the_window(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(TOOL), "--offscreen", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    light = QImage(str(tmp_path / "screenshot.png"))
    dark = QImage(str(tmp_path / "screenshot-dark.png"))
    assert (light.width(), light.height()) == (1280, 720)
    assert (dark.width(), dark.height()) == (1280, 720)
    assert _mean_lightness(light) > 180 > 80 > _mean_lightness(dark)


def test_the_readme_shows_both_pictures_and_they_are_there() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\((docs/[^)]+\.png)\)", readme)
    pictures = ["docs/screenshot.png", "docs/screenshot-dark.png"]
    assert set(pictures) <= set(shown)
    for picture in pictures:
        image = QImage(str(ROOT / picture))
        assert (image.width(), image.height()) == (1280, 720), picture
