from __future__ import annotations

from magplan.core.knowledge import load_knowledge
from magplan.core.plan import Plan
from magplan.core.planner import plan_day
from magplan.core.request import PlanRequest, group_medicines, parse_med_spec
from magplan.core.timeofday import parse_time

K = load_knowledge()


def plan(**fields: object) -> Plan:
    return plan_day(PlanRequest(**fields), K)  # type: ignore[arg-type]


def meds(*specs: str) -> tuple[object, ...]:
    return group_medicines([parse_med_spec(K, s) for s in specs])


def t(hhmm: str) -> int:
    return parse_time(hhmm)


def gap(a: int, b: int) -> int:
    """Shortest distance between two times of day, in minutes."""
    d = (a - b) % 1440
    return min(d, 1440 - d)
