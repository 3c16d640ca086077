"""Checks a built bundle against bundle_contents.py, so that its size cannot creep back.

    .venv/bin/python packaging/pyinstaller/check_bundle.py dist/magplan

packaging/build-bundle.sh runs it after the smoke test. It prints the bundle's size and what
it ships, and exits 1, listing each problem, when the bundle:

- is larger on disk than bundle_contents.SIZE_LIMIT_MIB;
- holds a file the lists leave out: a PySide6 module the program does not import, a left-out
  Qt plugin or library, Qt's translations;
- on Linux: holds a Qt library not in QT_LIBRARIES_EXPECTED_ON_LINUX, lacks a plugin a desktop
  user needs, has a library that needs a Qt or ICU library the bundle lacks, keeps an ICU data
  item left out, or reads its Python modules from a compressed archive or runs a start-up hook
  that slows every start.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import bundle_contents as contents
import elf
import icu_data

MIB = 1024 * 1024

# Plugins a Linux desktop user needs (folder, name): X11, Wayland and offscreen windows, the
# SVG icon, printers, the desktop's dialogs and input methods.
REQUIRED_PLUGINS_ON_LINUX = frozenset(
    {
        ("platforms", "qxcb"),
        ("platforms", "qwayland"),
        ("platforms", "qoffscreen"),
        ("wayland-shell-integration", "xdg-shell"),
        ("iconengines", "qsvgicon"),
        ("imageformats", "qsvg"),
        ("printsupport", "cupsprintersupport"),
        ("platformthemes", "qgtk3"),
        ("platformthemes", "qxdgdesktopportal"),
        ("platforminputcontexts", "composeplatforminputcontextplugin"),
        ("platforminputcontexts", "ibusplatforminputcontextplugin"),
    }
)

# Libraries the bundle must hold whenever one of its files needs them (the others, such as
# libc or libGL, come from the system).
_BUNDLED_PREFIXES = ("libQt6", "libicu", "libpyside6", "libshiboken6", "libpython")


def size_on_disk(folder: Path) -> int:
    """Bytes the folder takes on disk, as ``du`` counts them: every block of every file, link
    and folder, a file with several names once."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in [folder, *folder.rglob("*")]:
        stat = path.lstat()
        if (stat.st_dev, stat.st_ino) not in seen:
            seen.add((stat.st_dev, stat.st_ino))
            total += stat.st_blocks * 512
    return total


def contents_folder(bundle: Path) -> Path:
    """Where PyInstaller put everything but the executables (``_internal``)."""
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def shipped_files(bundle: Path) -> list[str]:
    """Every file and link inside the contents folder, as a path relative to it."""
    folder = contents_folder(bundle)
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_symlink() or path.is_file()
    )


def problems(
    bundle: Path, platform: str = sys.platform, limit_mib: float = contents.SIZE_LIMIT_MIB
) -> list[str]:
    """What is wrong with the bundle in folder ``bundle`` (empty when nothing is)."""
    found = []
    size = size_on_disk(bundle)
    if size > limit_mib * MIB:
        found.append(f"the bundle takes {size / MIB:.1f} MiB on disk, over {limit_mib} MiB")
    files = shipped_files(bundle)
    found += [
        f"left out by bundle_contents.py, yet shipped: {file}"
        for file in files
        if not contents.ships(file, platform)
    ]
    if platform.startswith("linux"):
        found += _linux_problems(bundle, files)
    return found


def _linux_problems(bundle: Path, files: list[str]) -> list[str]:
    folder = contents_folder(bundle)
    found = [
        f"a Qt library bundle_contents.py does not expect: {file}"
        for file in files
        if (library := contents.qt_library(file)) is not None
        and file.startswith("PySide6/Qt/lib/")
        and library not in contents.QT_LIBRARIES_EXPECTED_ON_LINUX
    ]
    plugins = {plugin for file in files if (plugin := contents.qt_plugin(file, "linux"))}
    found += [
        f"missing the Qt plugin {folder_name}/{name}"
        for folder_name, name in sorted(REQUIRED_PLUGINS_ON_LINUX - plugins)
    ]
    found += _missing_libraries(folder, files)
    found += _icu_items_left_in(folder, files)
    found += _slow_start(bundle)
    return found


def _missing_libraries(folder: Path, files: list[str]) -> list[str]:
    """A library a bundled file needs, of the kinds the system cannot give (Qt, ICU, PySide6,
    Python), that the bundle lacks."""
    names = {Path(file).name for file in files}
    found = []
    for file in files:
        path = folder / file
        if path.is_symlink() or ".so" not in path.name or not elf.is_elf(path):
            continue
        for needed in elf.needed_libraries(path):
            if needed.startswith(_BUNDLED_PREFIXES) and needed not in names:
                found.append(f"{file} needs {needed}, which the bundle lacks")
    return found


def _icu_items_left_in(folder: Path, files: list[str]) -> list[str]:
    found = []
    for file in files:
        path = folder / file
        if icu_data.LIBRARY.fullmatch(path.name) and not path.is_symlink():
            _, common = icu_data.exported_data(path)
            _, items = icu_data.data_items(common)
            kept = [name.split("/", 1)[-1] for name, _ in items]
            found += [
                f"{file} holds ICU data bundle_contents.py leaves out: {name}"
                for name in kept
                if not contents.icu_item_is_shipped(name)
            ][:5]
    return found


def _slow_start(bundle: Path) -> list[str]:
    """The executable's archive: Python modules compressed into a PYZ (inflated at each
    start), or a start-up hook the bundle leaves out. Needs PyInstaller (the build's .venv)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return []
    found = []
    for executable in (bundle / "magplan", bundle / "magplan-gui"):
        if not executable.is_file():
            found.append(f"no executable {executable.name}")
            continue
        archive = CArchiveReader(str(executable))
        toc = archive.toc
        archives = [name for name, entry in toc.items() if entry[-1] == "z"]
        if any(archive.open_embedded_archive(name).toc for name in archives):
            found.append(
                f"{executable.name} keeps Python modules in a compressed PYZ archive, "
                "inflated at every start (magplan.spec: noarchive=True)"
            )
        found += [
            f"{executable.name} runs the start-up hook {name}"
            for name in contents.RUNTIME_HOOKS_LEFT_OUT
            if name in toc
        ]
    return found


def summary(bundle: Path) -> str:
    """The bundle's size and the Qt modules, libraries and plugins it ships."""
    files = shipped_files(bundle)
    modules = sorted({m for f in files if (m := contents.pyside_module(f))})
    libraries = sorted({q for f in files if (q := contents.qt_library(f))})
    plugins = sorted({"/".join(p) for f in files if (p := contents.qt_plugin(f))})
    return "\n".join(
        (
            f"{bundle}: {size_on_disk(bundle) / MIB:.1f} MiB on disk "
            f"(limit {contents.SIZE_LIMIT_MIB} MiB), {len(files)} files",
            f"  PySide6 modules: {' '.join(modules)}",
            f"  Qt libraries: {' '.join(libraries)}",
            f"  Qt plugins: {' '.join(plugins)}",
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the built bundle's folder (dist/magplan)")
    bundle = parser.parse_args().bundle
    print(summary(bundle))
    found = problems(bundle)
    for problem in found:
        print(f"  PROBLEM: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
