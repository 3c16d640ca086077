"""Magnesium Planner: goals to a safe, divided, printable daily magnesium schedule."""

from __future__ import annotations

APP_NAME = "Magnesium Planner"
APP_ID = "io.github.magplan.MagnesiumPlanner"


def __getattr__(name: str) -> str:
    """``magplan.__version__``, read from the installed metadata on first use only (reading
    package metadata costs tens of milliseconds that a starting window need not pay)."""
    if name != "__version__":
        raise AttributeError(f"module 'magplan' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("magplan")
    except PackageNotFoundError:  # running from a checkout without an install
        found = "0.0.0+checkout"
    globals()["__version__"] = found
    return found
