"""Saved profiles: the user's inputs, kept on their computer and never lost or silently changed.

Plain Python (no Qt): used by the command line and the window alike.
"""

from magplan.profiles.errors import (
    NewerProfileError,
    ProfileError,
    ProfileNameError,
    ProfileNotFound,
)
from magplan.profiles.model import CURRENT_SCHEMA_VERSION, Profile, check_profile_name
from magplan.profiles.store import ProfileListing, ProfileStore, SavedProfile, default_folder

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "NewerProfileError",
    "Profile",
    "ProfileError",
    "ProfileListing",
    "ProfileNameError",
    "ProfileNotFound",
    "ProfileStore",
    "SavedProfile",
    "check_profile_name",
    "default_folder",
]
