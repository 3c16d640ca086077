"""Errors about saved profiles, each one line a user can act on."""

from __future__ import annotations

from pathlib import Path


class ProfileError(Exception):
    """A profile cannot be read, written or named.

    ``path`` is the file concerned (if any) and ``field`` the place inside it, written as a
    dotted pydantic location (``request.wake``, ``request.medicines.0.times``).
    """

    def __init__(self, message: str, *, path: Path | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.field = field

    def __str__(self) -> str:
        return self.message


class ProfileNotFound(ProfileError):
    """No saved profile has that name."""


class ProfileExistsError(ProfileError):
    """Another saved profile has the name asked for (renaming or duplicating)."""


class ProfileNameError(ProfileError):
    """A name that cannot be used for a profile."""


class NewerProfileError(ProfileError):
    """The file was written by a newer version of the program; it is left as it is."""


class ProfileDataError(ValueError):
    """Bad content at one place in a profile's data (before the file name is known)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
