"""The processes of the concurrent-save test: each saves one profile, all at the same moment.

Workers are forked from a multiprocessing fork server that has imported this module (and so
pydantic, the profile models and the knowledge base) once, so that a hundred start at once.
"""

from __future__ import annotations

from pathlib import Path
from threading import Barrier

from magplan.core.knowledge import load_knowledge
from magplan.core.request import PlanRequest
from magplan.profiles import Profile, ProfileStore

GOALS = ("sleep", "anxiety", "migraine", "cramps", "constipation", "heart")

load_knowledge()  # in the fork server, once


def profile_for(name: str, number: int) -> Profile:
    """The profile save number ``number`` writes: its spelling of the name is kept as the
    person's name, so the test can tell which save won."""
    return Profile(
        name=name,
        person_name=name,
        request=PlanRequest(goals=(GOALS[number % len(GOALS)],), age_years=20 + number % 60),
    )


def save_at_once(folder: str, name: str, number: int, start: Barrier) -> None:
    """Wait until every worker is ready, then save (an exception ends the worker with 1)."""
    profile = profile_for(name, number)
    start.wait(120)
    ProfileStore(Path(folder)).save(profile)
