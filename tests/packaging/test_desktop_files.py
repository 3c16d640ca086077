"""Linux desktop integration: the desktop entry, the AppStream metainfo and the icons."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import magplan
from magplan import APP_ID
from magplan.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = LINUX / "icons" / "hicolor"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def run_validator(*command: str) -> str:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (test.sh installs it with apt-get as root)")
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    return output


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert header[12:16] == b"IHDR"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_passes_desktop_file_validate() -> None:
    output = run_validator("desktop-file-validate", str(DESKTOP))
    problems = [line for line in output.splitlines() if "error:" in line or "warning:" in line]
    assert problems == []


def test_desktop_entry_starts_the_window_with_the_app_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    program = entry["Exec"].split()[0]
    assert program in PROJECT["gui-scripts"] or program in PROJECT["scripts"]
    assert entry["Terminal"] == "false"


def test_metainfo_passes_appstreamcli_validate() -> None:
    output = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    problems = [line for line in output.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []


def test_metainfo_describes_this_program_and_its_current_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("name") == desktop_entry()["Name"]
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.findtext("metadata_license") == "CC0-1.0"
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == magplan.__version__
    image = component.findtext("screenshots/screenshot/image")
    assert image is not None and image.startswith("https://")


def test_every_png_icon_has_the_size_its_folder_names() -> None:
    folders = sorted(p.name for p in HICOLOR.iterdir() if p.name != "scalable")
    assert folders == sorted(f"{n}x{n}" for n in PNG_SIZES)
    for size in PNG_SIZES:
        icon = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size), icon


def test_the_scalable_icon_is_the_one_the_window_uses() -> None:
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    window_icon = resource_path("icons/magplan.svg")
    assert scalable.read_bytes() == window_icon.read_bytes()
    root = ET.parse(scalable).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"


def test_install_script_puts_every_file_where_desktops_look_and_removes_them(
    tmp_path: Path,
) -> None:
    script = LINUX / "install-desktop-files.sh"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "DESTDIR": str(tmp_path)}
    args = [str(script), "--prefix", "/usr", "--exec", "/opt/magplan/magplan-gui"]
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)

    share = tmp_path / "usr" / "share"
    installed = sorted(str(p.relative_to(share)) for p in share.rglob("*") if p.is_file())
    expected = [
        f"applications/{APP_ID}.desktop",
        *(f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in PNG_SIZES),
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"metainfo/{APP_ID}.metainfo.xml",
    ]
    assert installed == sorted(expected)
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "\nExec=/opt/magplan/magplan-gui\n" in entry
    assert "\nTryExec=/opt/magplan/magplan-gui\n" in entry
    if shutil.which("desktop-file-validate"):
        run_validator("desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop"))

    subprocess.run([*args, "--uninstall"], env=env, check=True, capture_output=True, timeout=60)
    assert [p for p in share.rglob("*") if p.is_file()] == []

    bad = subprocess.run(
        [str(script), "--prefix"], env=env, capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2
    assert len(bad.stderr.splitlines()) == 1 and "--prefix needs a folder" in bad.stderr


def test_windows_and_macos_icons_hold_every_size() -> None:
    ico = (ROOT / "packaging" / "icons" / "magplan.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height = ico[6 + 16 * index], ico[7 + 16 * index]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an .ico directory
    assert sizes == {(n, n) for n in PNG_SIZES}

    icns = (ROOT / "packaging" / "icons" / "magplan.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512 px image macOS shows in the Finder and the Dock
