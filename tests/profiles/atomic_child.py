"""The process that the fault-injection test kills: it saves two large profiles, A and B,
alternately into one folder until it is killed.

Workers are forked from a multiprocessing fork server that has imported this module (and so
built A and B) once, so that forty of them start in a moment.
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection
from pathlib import Path

from magplan.core.request import MedicineTimes, PlanRequest
from magplan.profiles import Profile, ProfileStore

NAME = "Client with many medicines"
MEDICINES = 400
CLASSES = ("calcium", "antidepressant", "iron", "zinc", "levothyroxine")


def contents(tag: str) -> Profile:
    """Profile A or B: same name, different inputs, large enough that a save takes time."""
    medicines = tuple(
        MedicineTimes(
            name=f"supplement {tag}{i:04d}",
            class_id=CLASSES[i % len(CLASSES)],
            times_min=((i * 7) % 1440,),
        )
        for i in range(MEDICINES)
    )
    goals = ("sleep",) if tag == "A" else ("migraine", "cramps")
    return Profile(
        name=NAME,
        person_name=f"Person {tag}",
        request=PlanRequest(goals=goals, medicines=medicines),
    )


A = contents("A")
B = contents("B")


def save_loop(folder: str, ready: Connection) -> None:
    """Save B, report how long that took, then save A, B, A ... until killed."""
    store = ProfileStore(Path(folder))
    started = time.perf_counter()
    store.save(B)
    ready.send(time.perf_counter() - started)
    n = 1
    while True:
        store.save(B if n % 2 == 0 else A)
        n += 1
