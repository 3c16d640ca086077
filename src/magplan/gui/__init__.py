"""The desktop window: a thin face over :mod:`magplan.core` (no rule is decided here)."""
