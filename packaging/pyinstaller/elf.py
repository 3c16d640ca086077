"""What a Linux shared library links to and exports, read from the file itself.

Just enough of the ELF format (64-bit, little-endian: x86-64 and arm64) for the bundle's
build and checks: the libraries a file names as needed, and the bytes of an exported symbol.
Reading the file, unlike ``ldd``, runs nothing and does not depend on what the build machine
has installed.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

_DYNAMIC, _DYNSYM = 6, 11  # section types
_DT_NULL, _DT_NEEDED = 0, 1  # dynamic entry tags


class ElfError(Exception):
    """The file is not a 64-bit little-endian ELF file."""


@dataclass(frozen=True)
class Section:
    kind: int
    address: int
    offset: int
    size: int
    link: int
    entry_size: int


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def sections(elf: bytes) -> list[Section]:
    """The section headers of an ELF file's bytes."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ElfError("not a 64-bit little-endian ELF file")
    (table,) = struct.unpack_from("<Q", elf, 0x28)
    entry_size, count = struct.unpack_from("<HH", elf, 0x3A)
    found = []
    for i in range(count):
        _, kind, _, address, offset, size, link, _, _, ent = struct.unpack_from(
            "<IIQQQQIIQQ", elf, table + i * entry_size
        )
        found.append(Section(kind, address, offset, size, link, ent))
    return found


def _string(elf: bytes, table: Section, at: int) -> str:
    start = table.offset + at
    return elf[start : elf.index(b"\0", start)].decode("ascii", "replace")


def needed_libraries(path: Path) -> list[str]:
    """The libraries ``path`` names as needed (DT_NEEDED), in order."""
    elf = path.read_bytes()
    table = sections(elf)
    names = []
    for section in table:
        if section.kind != _DYNAMIC:
            continue
        for i in range(section.size // 16):
            tag, value = struct.unpack_from("<qQ", elf, section.offset + 16 * i)
            if tag == _DT_NULL:
                break
            if tag == _DT_NEEDED:
                names.append(_string(elf, table[section.link], value))
    return names


def exported_data(path: Path, name: re.Pattern[str]) -> tuple[str, bytes] | None:
    """The name and bytes of the first symbol ``path`` exports whose name matches ``name``."""
    elf = path.read_bytes()
    table = sections(elf)
    for section in table:
        if section.kind != _DYNSYM:
            continue
        for i in range(section.size // section.entry_size):
            name_at, _, _, index, value, size = struct.unpack_from(
                "<IBBHQQ", elf, section.offset + i * section.entry_size
            )
            symbol = _string(elf, table[section.link], name_at)
            if index and size and name.fullmatch(symbol):
                return symbol, _bytes_at(elf, table, value, size)
    return None


def _bytes_at(elf: bytes, table: list[Section], address: int, size: int) -> bytes:
    for section in table:
        inside = section.address <= address and address + size <= section.address + section.size
        if section.address and inside:
            start = section.offset + address - section.address
            return elf[start : start + size]
    return b""  # in no section of the file (.bss)
