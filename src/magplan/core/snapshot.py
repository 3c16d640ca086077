"""The shipped knowledge files, validated when they were written into one JSON file that loads
fast.

``knowledge-snapshot.json`` (beside the TOML files in ``resources/``) holds the knowledge files
as the program reads them, each table tagged with its class name, and the size and CRC-32 of
each TOML file it was made from: any edit changes them, as in a zip file's check of its members
(no defence against whoever can rewrite the program's own files, and none is needed).
:func:`read` gives the files back only when every one in the folder is, byte for byte, one the
snapshot was made from; otherwise (a file edited, another folder, no snapshot) it gives None
and the files are read and validated as usual (:func:`magplan.core.knowledge.checked_files`).
So the snapshot never decides what the program knows: it saves reading the TOML and
validating it again at every start.

``python tools/knowledge_snapshot.py`` writes it from the files it has just validated;
``tests/core/test_snapshot.py`` fails when it is stale.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from pathlib import Path

FILE_NAME = "knowledge-snapshot.json"
CLASS_KEY = "$"
ABOUT = (
    "The knowledge files beside this one, validated; written by "
    "'python tools/knowledge_snapshot.py'. Do not edit: used only while every file's "
    "size and CRC-32 match."
)


def digests(folder: Path, names: Iterable[str]) -> dict[str, str] | None:
    """The size and CRC-32 of each named file in ``folder`` (``"7745 0f6b2bf7"``); None when
    one cannot be read."""
    found = {}
    for name in names:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return None
        found[name] = f"{len(data)} {zlib.crc32(data):08x}"
    return found


def read(folder: Path, names: Iterable[str], classes: Iterable[type]) -> object | None:
    """The snapshot's content, built from ``classes``; None when there is no usable snapshot or
    the files in ``folder`` are not the ones it was made from."""
    by_name = {cls.__name__: cls for cls in classes}

    def build(table: dict[str, object]) -> object:
        if CLASS_KEY not in table:
            return table
        return by_name[str(table.pop(CLASS_KEY))](**table)

    try:
        text = (folder / FILE_NAME).read_text(encoding="utf-8")
        if not _intact(text):
            return None  # edited by hand or damaged: the files are read and validated instead
        document = json.loads(text, object_hook=build)
        if document["files"] != digests(folder, names):
            return None
        content: object = document["knowledge"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):  # missing, damaged,
        return None  # nested beyond reading, or of another version
    return content


_KNOWLEDGE_AT = '\n "knowledge": '


def _crc(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def _intact(text: str) -> bool:
    """The knowledge part of the snapshot is as :func:`dumps` wrote it: its CRC-32, written
    in the head, still matches (a number edited by hand is never planned with)."""
    head_end = text.find(_KNOWLEDGE_AT)
    if head_end < 0 or not text.endswith("\n}\n"):
        return False
    head = json.loads(text[:head_end].removesuffix(",") + "}")
    body = text[head_end + len(_KNOWLEDGE_AT) : -len("\n}\n")]
    return isinstance(head, dict) and head.get("knowledge_crc") == _crc(body)


def dumps(value: object, file_digests: dict[str, str]) -> str:
    """The snapshot of ``value`` (frozen dataclasses, lists, dicts and plain values) made from
    files with ``file_digests``, as text."""
    body = json.dumps(_plain(value), ensure_ascii=False, indent=1)
    head = {"about": ABOUT, "files": file_digests, "knowledge_crc": _crc(body)}
    head_text = json.dumps(head, ensure_ascii=False, indent=1)
    return head_text[: -len("\n}")] + "," + _KNOWLEDGE_AT + body + "\n}\n"


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        table: dict[str, object] = {CLASS_KEY: type(value).__name__}
        table.update({f.name: _plain(getattr(value, f.name)) for f in fields(value)})
        return table
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        if CLASS_KEY in value or not all(isinstance(k, str) for k in value):
            raise ValueError(f"a table with the key {CLASS_KEY!r} or a key that is not text")
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"{type(value).__name__} cannot be kept in the snapshot")
