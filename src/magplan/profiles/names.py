"""Profile names and text lengths: small rules with nothing heavy to import, so that the
window's fields and its Open Recent menu can use them before the profile models are loaded."""

from __future__ import annotations

import unicodedata

from magplan.core.errors import MAX_TEXT_CHARS as MAX_TEXT_CHARS  # the longest text kept

MAX_NAME_CHARS = 100
"""The longest profile name."""


def name_key(name: str) -> str:
    """Names that differ only in case (or Unicode spelling) are the same profile."""
    return unicodedata.normalize("NFKC", name).strip().casefold()
