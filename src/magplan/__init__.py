"""Magnesium Planner: goals to a safe, divided, printable daily magnesium schedule."""

from __future__ import annotations

# The one place the version is written: the wheel's metadata is built from it (pyproject's
# ``[tool.hatch.version]``), and reading it here costs nothing at start-up.
__version__ = "0.1.0"

APP_NAME = "Magnesium Planner"
APP_ID = "io.github.magplan.MagnesiumPlanner"
