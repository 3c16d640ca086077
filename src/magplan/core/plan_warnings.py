"""A plan's warnings in the words of ``resources/warnings.toml``.

The planner decides which warning applies and fills in its facts; the catalogue gives the
severity, the sentence and the sources (checked against the program's codes when it is read).
"""

from __future__ import annotations

from collections.abc import Iterable

from magplan.core.knowledge import Knowledge
from magplan.core.plan import PlanWarning


def warning(
    k: Knowledge, code: str, case: str = "", *, sources: Iterable[str] = (), **facts: object
) -> PlanWarning:
    """Warning ``code`` in its ``case`` wording, with ``facts`` filled in; ``sources`` (from the
    limit, medicine, form or goal it speaks of) come before the warning's own."""
    wording = k.warnings[code].wording(case)
    return PlanWarning(
        code=code,
        severity=wording.severity,
        message=wording.message.format(**facts),
        sources=(*sources, *wording.sources),
    )


def words(k: Knowledge, code: str, name: str, **facts: object) -> str:
    """A piece of warning ``code``'s message, with ``facts`` filled in."""
    return k.warnings[code].words[name].format(**facts)


def phrase(k: Knowledge, name: str, **facts: object) -> str:
    """A piece of text more than one warning says, with ``facts`` filled in."""
    return k.phrases[name].format(**facts)
