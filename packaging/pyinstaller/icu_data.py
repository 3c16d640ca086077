"""A smaller ICU data library for the Linux bundle.

PySide6's Linux wheels carry ICU, and ICU's data library (``libicudata.so.NN``, 31 MB) holds
every tree ICU has. Qt reads a few of them; this module rebuilds the library with the items a
predicate keeps (``bundle_contents.icu_item_is_shipped``), byte for byte as they were.

The library holds one exported symbol, ``icudtNN_dat``: ICU's "common data" (format ``CmnD``):
a header, a table of contents sorted by item name (``icudt73l/coll/de.res``) and the items,
each 16-byte aligned. The new library is assembled with the GNU assembler and linker
(binutils, which PyInstaller needs on Linux anyway).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import elf

_ALIGN = 16
LIBRARY = re.compile(r"libicudata\.so\.(\d+)")
_SYMBOL = re.compile(r"icudt\d+_dat")


class IcuDataError(Exception):
    """The ICU data library is not in a form this module knows."""


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def data_items(common: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of ICU common data, in table order."""
    if len(common) < 32 or common[2:4] != b"\xda\x27" or common[12:16] != b"CmnD":
        raise IcuDataError("not ICU common data (CmnD)")
    if common[8] != 0:
        raise IcuDataError("big-endian ICU data")
    (header_size,) = struct.unpack_from("<H", common, 0)
    (count,) = struct.unpack_from("<I", common, header_size)
    entries = [struct.unpack_from("<II", common, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(common) - header_size]
    items = []
    for (name_offset, offset), end in zip(entries, ends, strict=True):
        name_start = header_size + name_offset
        name = common[name_start : common.index(b"\0", name_start)].decode("ascii")
        items.append((name, common[header_size + offset : header_size + end]))
    return common[:header_size], items


def common_data(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """ICU common data holding ``items`` (already in ICU's name order) under ``header``."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = _aligned(table_size + len(names))
    table = [struct.pack("<I", len(items))]
    name_offset = table_size
    body = []
    for name, data in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + b"\0" * (_aligned(len(data)) - len(data))
        body.append(padded)
        offset += len(padded)
    toc = b"".join(table) + names
    # ICU's own packager pads the table with 0xAA: the same bytes make an untouched
    # library's data come out identical.
    return header + toc + b"\xaa" * (_aligned(len(toc)) - len(toc)) + b"".join(body)


def trimmed(common: bytes, keep: Callable[[str], bool]) -> bytes:
    """``common`` with only the items whose name (without the ``icudt73l/`` prefix) ``keep``
    accepts."""
    header, items = data_items(common)
    kept = [(name, data) for name, data in items if keep(name.split("/", 1)[-1])]
    return common_data(header, kept)


def exported_data(library: Path) -> tuple[str, bytes]:
    """The name and bytes of the ``icudtNN_dat`` symbol of an ICU data library."""
    try:
        found = elf.exported_data(library, _SYMBOL)
    except elf.ElfError as exc:
        raise IcuDataError(f"{library}: {exc}") from exc
    if found is None:
        raise IcuDataError(f"{library} exports no icudtNN_dat")
    return found


def data_library(common: bytes, symbol: str, soname: str, folder: Path) -> Path:
    """Write ``folder/soname``: a shared library exporting ``common`` as ``symbol``."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as work_dir:
        work = Path(work_dir)
        (work / "data.bin").write_bytes(common)
        (work / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.balign {_ALIGN}\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, STT_OBJECT\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",%progbits\n',
            encoding="ascii",
        )
        _run(["as", "-o", "data.o", "data.s"], work)
        link = ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", "out.so", "data.o"]
        _run(link, work)
        library = folder / soname
        (work / "out.so").replace(library)
    return library


def _run(command: list[str], cwd: Path) -> None:
    try:
        subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise IcuDataError(f"{command[0]} is missing (Debian: apt-get install binutils)") from exc
    except subprocess.CalledProcessError as exc:
        raise IcuDataError(f"{' '.join(command)} failed: {exc.stderr.strip()}") from exc


def trimmed_library(library: Path, keep: Callable[[str], bool], folder: Path) -> Path:
    """A copy of the ICU data library ``library`` in ``folder``, holding only the items
    ``keep`` accepts."""
    if not LIBRARY.fullmatch(library.name):
        raise IcuDataError(f"{library.name} is not libicudata.so.NN")
    symbol, common = exported_data(library)
    return data_library(trimmed(common, keep), symbol, library.name, folder)
