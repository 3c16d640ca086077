"""Saved profiles: the user's inputs, kept on their computer and never lost or silently changed.

Plain Python (no Qt): used by the command line and the window alike. The names below are
imported when first used, so that ``magplan.profiles.names`` (and the window's menus) do not
load the profile models and pydantic before a profile is opened or saved.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from magplan.profiles.errors import (
        NewerProfileError,
        ProfileError,
        ProfileExistsError,
        ProfileNameError,
        ProfileNotFound,
    )
    from magplan.profiles.model import CURRENT_SCHEMA_VERSION, Profile, check_profile_name
    from magplan.profiles.store import (
        ProfileListing,
        ProfileStore,
        SavedProfile,
        default_folder,
    )

_WHERE = {
    "NewerProfileError": "errors",
    "ProfileError": "errors",
    "ProfileExistsError": "errors",
    "ProfileNameError": "errors",
    "ProfileNotFound": "errors",
    "CURRENT_SCHEMA_VERSION": "model",
    "Profile": "model",
    "check_profile_name": "model",
    "ProfileListing": "store",
    "ProfileStore": "store",
    "SavedProfile": "store",
    "default_folder": "store",
}

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "NewerProfileError",
    "Profile",
    "ProfileError",
    "ProfileExistsError",
    "ProfileListing",
    "ProfileNameError",
    "ProfileNotFound",
    "ProfileStore",
    "SavedProfile",
    "check_profile_name",
    "default_folder",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'magplan.profiles' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"magplan.profiles.{module}"), name)
    globals()[name] = value
    return value
