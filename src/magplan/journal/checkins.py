"""Which check-ins a person is asked, and when.

A person's goals choose their check-ins (``resources/checkins.toml``, ``[goals]``): depression
PHQ-8, anxiety GAD-7, sleep the sleep diary, constipation bowel movements, muscle cramps cramp
days, migraine migraine days; everyone gets WHO-5, the general wellbeing check. Each is asked
weekly by default, and can be answered on any day besides.

Standard library only: no Qt, no pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from magplan.journal.scales import KINDS, definitions


def checkins_for(goals: Iterable[str]) -> tuple[str, ...]:
    """The check-ins for a person with these goals (goal ids, the first weighing most): each
    goal's check-ins in the goals' order, then the check-ins everyone gets, each once.
    ``checkins_for(("sleep", "depression"))`` -> ``("sleep", "phq8", "who5")``."""
    found = definitions()
    chosen: list[str] = []
    for goal in goals:
        chosen.extend(found.goal_checkins.get(goal, ()))
    chosen.extend(found.everyone)
    return tuple(dict.fromkeys(chosen))


def due(kind: str, last_done: date | None, today: date) -> bool:
    """Whether a check-in of ``kind`` is due on ``today``: none of that kind was made in the
    last week (``[due] every_days``, today included). Never made: due. Made on a later day
    than ``today`` (a journal looked at for a past day): not due."""
    if kind not in KINDS:
        raise ValueError(f"unknown check-in {kind!r}: the journal keeps {', '.join(KINDS)}")
    if last_done is None:
        return True
    return (today - last_done).days >= definitions().due_every_days


def next_due(kind: str, last_done: date | None, today: date) -> date:
    """The day a check-in of ``kind`` is next due: ``today`` when it is due already."""
    if due(kind, last_done, today) or last_done is None:
        return today
    return date.fromordinal(last_done.toordinal() + definitions().due_every_days)
