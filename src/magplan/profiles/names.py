"""Profile names and text lengths: small rules with nothing heavy to import, so that the
window's fields and its Open Recent menu can use them before the profile models are loaded."""

from __future__ import annotations

import unicodedata

MAX_NAME_CHARS = 100
"""The longest profile name."""
MAX_TEXT_CHARS = 200
"""The longest text a profile keeps: the person's name, "prepared by", labels, medicine names."""


def name_key(name: str) -> str:
    """Names that differ only in case (or Unicode spelling) are the same profile."""
    return unicodedata.normalize("NFKC", name).strip().casefold()
