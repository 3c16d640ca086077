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

from magplan.journal.scales import KINDS, SCALE_KINDS, CheckinInputError, definitions, scale


def checkins_for(goals: Iterable[str], age_years: int | None = None) -> tuple[str, ...]:
    """The check-ins for a person with these goals (goal ids, the first weighing most): each
    goal's check-ins in the goals' order, then the check-ins everyone gets, each once; the
    questionnaires only from the age they were made for.
    ``checkins_for(("sleep", "depression"))`` -> ``("sleep", "phq8", "who5")``."""
    found = definitions()
    chosen: list[str] = []
    for goal in goals:
        chosen.extend(found.goal_checkins.get(goal, ()))
    chosen.extend(found.everyone)
    if age_years is not None and age_years < found.questionnaires_from_age:
        chosen = [k for k in chosen if k not in SCALE_KINDS]
    return tuple(dict.fromkeys(chosen))


def check_age(kind: str, age_years: int) -> None:
    """:class:`CheckinInputError` when ``kind`` is a questionnaire and the person is younger
    than the age it was made for."""
    least = definitions().questionnaires_from_age
    if kind in SCALE_KINDS and age_years < least:
        raise CheckinInputError(
            "scale",
            f"{scale(kind).name} is a questionnaire for adults ({least} and over); this profile"
            f" is {age_years}: their clinician chooses how to follow them",
        )


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
