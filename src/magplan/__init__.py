"""Magnesium Planner: goals to a safe, divided, printable daily magnesium schedule."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("magplan")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0+checkout"

APP_NAME = "Magnesium Planner"
APP_ID = "io.github.magplan.MagnesiumPlanner"
