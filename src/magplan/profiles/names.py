"""When two profile names are the same profile: one small rule, with nothing heavy to import,
so the window's Open Recent menu can use it before the profile models are loaded."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """Names that differ only in case (or Unicode spelling) are the same profile."""
    return unicodedata.normalize("NFKC", name).strip().casefold()
