"""What the stand-alone bundle ships: the lists, the check that guards them, and the smaller
ICU data.

These run without building the bundle (``packaging/build-bundle.sh`` builds it and runs
``check_bundle.py`` on the result): they check the rules in
``packaging/pyinstaller/bundle_contents.py``, that the check catches what it should, and that
Qt answers the same with the ICU data the bundle carries as with PySide6's own.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYINSTALLER_DIR = ROOT / "packaging" / "pyinstaller"


def _packaging_module(name: str) -> ModuleType:
    """A module of packaging/pyinstaller/, which imports its neighbours by their plain names."""
    if str(PYINSTALLER_DIR) not in sys.path:
        sys.path.insert(0, str(PYINSTALLER_DIR))
    return importlib.import_module(name)


contents = _packaging_module("bundle_contents")
check = _packaging_module("check_bundle")
elf = _packaging_module("elf")
icu_data = _packaging_module("icu_data")


# --- the lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "platform", "shipped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", True),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "linux",
            True,
        ),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "linux",
            False,  # PySide6-Addons' virtual keyboard would bring QML and Qt Quick
        ),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "linux", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "linux", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", "linux", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("PySide6/plugins/platforms/qwindows.dll", "win32", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", "win32", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "win32", True),
        ("PySide6/plugins/imageformats/qico.dll", "win32", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
        ("PySide6/Qt/plugins/styles/libqmacstyle.dylib", "darwin", True),
    ],
)
def test_the_bundle_ships_the_qt_plugins_a_desktop_user_needs(
    path: str, platform: str, shipped: bool
) -> None:
    assert contents.ships(path, platform) is shipped


@pytest.mark.parametrize(
    ("path", "shipped"),
    [
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/QtPrintSupport.pyd", True),
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6/QtSvg.abi3.so", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),  # the SVG plugins need the library
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("libQt6Network.so.6", False),  # PyInstaller's link to it
        ("PySide6/Qt6OpenGL.dll", True),  # Qt Charts links to it
        ("PySide6/QtCharts.abi3.so", True),
        ("PySide6/Qt/lib/libQt6Charts.so.6", True),
        ("PySide6/QtGraphs.abi3.so", False),
        ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("magplan/resources/forms.toml", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_the_bundle_ships_no_qt_module_the_program_does_not_use(path: str, shipped: bool) -> None:
    assert contents.ships(path, "linux") is shipped


def test_the_program_imports_only_the_pyside_modules_the_bundle_ships() -> None:
    """A new ``from PySide6.QtX import`` in the program needs QtX in QT_MODULES_USED, or the
    bundle would start without it."""
    imported = set()
    for source in (ROOT / "src" / "magplan").rglob("*.py"):
        if source.stem.startswith("bench"):
            continue  # the benchmark, which the bundle leaves out
        text = source.read_text(encoding="utf-8")
        imported |= set(re.findall(r"^\s*(?:from|import) PySide6\.(Qt\w+)", text, re.MULTILINE))
    assert imported
    assert imported <= set(contents.QT_MODULES_USED)


def test_only_the_system_libraries_of_the_gtk_and_cups_plugins_are_left_out() -> None:
    links = {
        "qxcb": ["libQt6Gui.so.6", "libX11.so.6", "libxcb.so.1"],
        "qgtk3": ["libQt6Gui.so.6", "libgtk-3.so.0", "libpango-1.0.so.0", "libglib-2.0.so.0"],
        "cups": ["libQt6Gui.so.6", "libcups.so.2"],
        "gui": ["libglib-2.0.so.0"],
        "cups-lib": ["libgnutls.so.30"],
        "x11": ["libxcb.so.1"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "qxcb"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "qgtk3"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "cups"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "gui"),
        ("libglib-2.0.so.0", "glib"),  # Qt needs it too
        ("libpango-1.0.so.0", "pango"),  # only the GTK theme
        ("libcups.so.2", "cups-lib"),  # only the CUPS plugin
        ("libgnutls.so.30", "gnutls"),  # only through libcups
        ("libX11.so.6", "x11"),
        ("libXau.so.6", "xau"),  # only through libxcb, which the bundle does not hold
        ("libpython3.11.so.1.0", "python"),  # the bootloader loads it
    ]
    left_out = contents.system_libraries_left_out(binaries, lambda source: links.get(source, []))
    assert left_out == {"libpango-1.0.so.0", "libcups.so.2", "libgnutls.so.30", "libXau.so.6"}


@pytest.mark.parametrize(
    ("item", "shipped"),
    [
        ("coll/de.res", True),
        ("coll/root.res", True),
        ("ibm-943_P15A-2003.cnv", True),
        ("cnvalias.icu", True),
        ("zoneinfo64.res", True),
        ("supplementalData.res", True),
        ("root.res", True),
        ("pool.res", True),
        ("res_index.res", True),
        ("de.res", False),
        ("zh_Hant_TW.res", False),
        ("brkitr/cjdict.dict", False),
        ("lang/de.res", False),
        ("zone/de.res", False),
        ("unames.icu", False),
    ],
)
def test_the_icu_data_keeps_what_qt_reads(item: str, shipped: bool) -> None:
    assert contents.icu_item_is_shipped(item) is shipped


# --- the check of a built bundle ------------------------------------------------------------


def _fake_bundle(folder: Path, files: list[str]) -> Path:
    for name in files:
        path = folder / "_internal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * 100)
    return folder


REQUIRED = [
    f"PySide6/Qt/plugins/{plugin_folder}/lib{name}.so"
    for plugin_folder, name in sorted(check.REQUIRED_PLUGINS_ON_LINUX)
]


def test_the_check_passes_a_bundle_that_ships_what_the_lists_allow(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, [*REQUIRED, "PySide6/QtCore.abi3.so", "libz.so.1"])
    found = check.problems(bundle, "linux")
    assert [p for p in found if not p.startswith("no executable")] == []


def test_the_check_fails_a_bundle_over_the_size_limit(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, REQUIRED)
    (bundle / "_internal" / "big.bin").write_bytes(b"\1" * 3 * check.MIB)
    assert any("on disk, over 2 MiB" in p for p in check.problems(bundle, "linux", limit_mib=2))
    assert not any("on disk" in p for p in check.problems(bundle, "linux", limit_mib=4))


def test_the_check_names_each_file_the_lists_leave_out(tmp_path: Path) -> None:
    left_out = [
        "PySide6/QtNetwork.abi3.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
    ]
    bundle = _fake_bundle(tmp_path, [*REQUIRED, *left_out])
    found = check.problems(bundle, "linux")
    for name in left_out:
        assert f"left out by bundle_contents.py, yet shipped: {name}" in found


def test_the_check_fails_a_linux_bundle_without_a_plugin_a_user_needs(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, [f for f in REQUIRED if "qwayland" not in f])
    assert "missing the Qt plugin platforms/qwayland" in check.problems(bundle, "linux")


def test_the_check_fails_a_new_qt_library(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, [*REQUIRED, "PySide6/Qt/lib/libQt6Quick.so.6"])
    assert "a Qt library bundle_contents.py does not expect: PySide6/Qt/lib/libQt6Quick.so.6" in (
        check.problems(bundle, "linux")
    )


def _pyside_file(relative: str) -> Path:
    pyside6 = pytest.importorskip("PySide6")
    path = Path(pyside6.__file__).parent / relative
    if not path.is_file():
        pytest.skip(f"this PySide6 has no {relative}")
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: Linux")
def test_the_check_fails_a_library_whose_qt_library_is_missing(tmp_path: Path) -> None:
    xcb = _pyside_file("Qt/plugins/platforms/libqxcb.so")
    assert "libQt6XcbQpa.so.6" in elf.needed_libraries(xcb)
    bundle = _fake_bundle(tmp_path, [f for f in REQUIRED if "qxcb" not in f])
    target = bundle / "_internal" / "PySide6/Qt/plugins/platforms/libqxcb.so"
    shutil.copyfile(xcb, target)
    found = check.problems(bundle, "linux")
    assert (
        "PySide6/Qt/plugins/platforms/libqxcb.so needs libQt6XcbQpa.so.6, which the bundle lacks"
        in found
    )
    assert not any("needs libX11" in p for p in found)  # the system gives that one


def test_size_on_disk_counts_a_file_with_two_names_once(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"\1" * 100_000)
    alone = check.size_on_disk(tmp_path)
    os.link(tmp_path / "a", tmp_path / "b")
    os.symlink("a", tmp_path / "c")
    assert alone <= check.size_on_disk(tmp_path) < alone + 8192


# --- ICU's data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def icu_library() -> Path:
    """PySide6's own ICU data library."""
    if not sys.platform.startswith("linux"):
        pytest.skip("PySide6 carries ICU on Linux only")
    pyside6 = pytest.importorskip("PySide6")
    found = sorted((Path(pyside6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 carries no ICU data library")
    return found[0]


def test_icu_common_data_rebuilt_from_its_items_is_byte_for_byte_the_same(
    icu_library: Path,
) -> None:
    _, common = icu_data.exported_data(icu_library)
    header, items = icu_data.data_items(common)
    assert len(items) > 1000
    assert icu_data.common_data(header, items) == common


def test_the_trimmed_icu_data_holds_the_kept_items_unchanged(icu_library: Path) -> None:
    _, common = icu_data.exported_data(icu_library)
    smaller = icu_data.trimmed(common, contents.icu_item_is_shipped)
    _, before = icu_data.data_items(common)
    _, after = icu_data.data_items(smaller)
    kept = [(n, d) for n, d in before if contents.icu_item_is_shipped(n.split("/", 1)[1])]
    assert [(n, d.rstrip(b"\0")) for n, d in after] == [(n, d.rstrip(b"\0")) for n, d in kept]
    assert any(n.endswith("/coll/de.res") for n, _ in after)
    assert not any("/brkitr/" in n for n, _ in after)
    assert len(smaller) < 0.5 * len(common)


# Qt's uses of ICU: collation, case mapping, character sets by name, time zones.
QT_ICU_PROBE = r"""
import functools, json
from PySide6.QtCore import (QCollator, QDate, QDateTime, QLocale, QStringConverter,
                            QStringDecoder, QStringEncoder, Qt, QTime, QTimeZone)
words = ["äpple", "Zebra", "öl", "ånga", "apple", "Ñandú", "nube", "çay", "ıslak", "ilk",
         "Łódź", "école", "ch", "cz", "日本", "漢字", "かな", "한국", "Ελλάδα", "Москва"]
out = {}
for name in ["sv_SE", "de_DE", "es_ES", "tr_TR", "pl_PL", "cs_CZ", "ja_JP", "zh_CN", "ko_KR",
             "fr_FR", "en_US", "ru_RU", "el_GR", "C"]:
    collator = QCollator(QLocale(name))
    out["sort " + name] = sorted(words, key=functools.cmp_to_key(collator.compare))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    numbered = ["a10", "a9", "A1", "b2"]
    out["numeric " + name] = sorted(numbered, key=functools.cmp_to_key(collator.compare))
for name in ["tr_TR", "az_AZ", "de_DE", "lt_LT", "el_GR", "nl_NL"]:
    locale = QLocale(name)
    out["case " + name] = [locale.toUpper("istanbul straße ισοπεδωμένο ĳssel"),
                           locale.toLower("İSTANBUL IİJ ΟΔΟΣ")]
for name in ["Shift_JIS", "windows-1252", "GB18030", "KOI8-R", "EUC-KR", "Big5",
             "ISO-8859-2", "UTF-7", "IBM037", "macintosh", "ISOLatin1"]:
    decoder = QStringDecoder(name)
    out["charset " + name] = [decoder.isValid(), decoder.name(), QStringEncoder(name).isValid()]
out["charsets"] = sorted(QStringConverter.availableCodecs())
for zone in [b"Europe/Paris", b"America/New_York", b"Asia/Kolkata", b"Australia/Lord_Howe"]:
    tz = QTimeZone(zone)
    when = QDateTime(QDate(2024, 7, 15), QTime(12, 0), QTimeZone(b"UTC"))
    out["zone " + zone.decode()] = [
        tz.isValid(), tz.offsetFromUtc(when), tz.isDaylightTime(when),
        tz.abbreviation(when),
        tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.ShortName,
                       QLocale("en_US")),
        tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.OffsetName,
                       QLocale("de_DE")),
    ]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _qt_answers(icu_library: Path | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if icu_library is not None:
        env["LD_PRELOAD"] = str(icu_library)  # its soname takes the place of PySide6's
    done = subprocess.run(
        [sys.executable, "-c", QT_ICU_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ICU" not in done.stderr, done.stderr
    answers: dict[str, object] = json.loads(done.stdout)
    return answers


def test_qt_answers_the_same_with_the_icu_data_the_bundle_carries(
    icu_library: Path, tmp_path: Path
) -> None:
    if not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("needs the GNU assembler and linker (binutils)")
    smaller = icu_data.trimmed_library(icu_library, contents.icu_item_is_shipped, tmp_path)
    assert smaller.name == icu_library.name
    assert smaller.stat().st_size < 0.5 * icu_library.stat().st_size
    full = _qt_answers(None)
    trimmed = _qt_answers(smaller)
    assert trimmed == full
    assert full["charset Shift_JIS"] == [True, "Shift_JIS", True]
    assert full["case tr_TR"][0].startswith("İSTANBUL")  # type: ignore[index]
