"""One plan computed by the core, in process: a typical person, a hard case and a crowded day."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench.table import Row, summary

HARD_MEDICINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calcium carbonate", ("08:00", "13:00")),
    ("sertraline", ("08:00",)),
    ("levothyroxine", ("06:00",)),
    ("ferrous sulfate", ("08:00", "13:00")),
    ("zinc gluconate", ("13:00",)),
    ("gabapentin", ("08:00", "13:00")),
    ("furosemide", ("08:00", "16:00")),
    ("spironolactone", ("08:00", "20:00")),
    ("prednisolone", ("08:00", "13:00")),
    ("omeprazole", ("07:00", "19:00")),
)

# The same ten medicines, but taken all through the day: no time keeps every rule, so the
# planner searches the whole day for the least-missed times (its slowest path).
CROWDED_MEDICINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("calcium carbonate", ("08:00", "20:00")),
    ("sertraline", ("08:00",)),
    ("doxycycline", ("09:00", "21:00")),
    ("levothyroxine", ("06:00",)),
    ("ferrous sulfate", ("12:00", "18:00")),
    ("gabapentin", ("08:00", "14:00", "22:00")),
    ("zinc gluconate", ("13:00",)),
    ("furosemide", ("08:00", "16:00")),
    ("omeprazole", ("07:00", "19:00")),
    ("prednisolone", ("08:00",)),
)

# Each case, its row's label and its target median in milliseconds.
CASES: tuple[tuple[str, str, float], ...] = (
    ("typical", "plan, typical person (median)", 1.0),
    ("hard", "plan, hard case (median)", 10.0),
    ("crowded", "plan, crowded day (median)", 10.0),
)


def plan_cases() -> dict[str, Any]:
    """The requests the plan measure uses: typical, hard and crowded."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import (
        MedicineTimes,
        PlanRequest,
        default_meals,
        make_product,
        parse_medicine_class,
    )
    from magplan.core.timeofday import parse_time

    k = load_knowledge()

    def meds(spec: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[MedicineTimes, ...]:
        return tuple(
            MedicineTimes(
                name=name,
                class_id=parse_medicine_class(k, name),
                times_min=tuple(parse_time(t, name) for t in times),
            )
            for name, times in spec
        )

    typical = PlanRequest(
        goals=("sleep", "anxiety"),
        medicines=meds((("calcium", ("08:00",)), ("sertraline", ("08:00",)))),
    )
    wake, bed = parse_time("06:00", "wake"), parse_time("23:30", "bed")
    products = (
        make_product(k, "glycinate", 60, unit="capsule", label="Glycinate 60"),
        make_product(k, "citrate", 100, unit="tablet", halves=True, label="Citrate 100"),
    )
    hard_fields: dict[str, Any] = {
        "goals": ("sleep", "constipation", "depression"),
        "wake_min": wake,
        "bed_min": bed,
        "meals_min": default_meals(wake, bed),
        "target_mg": 600,
        "products": products,
    }
    hard = PlanRequest(**hard_fields, medicines=meds(HARD_MEDICINES))
    crowded = PlanRequest(**hard_fields, medicines=meds(CROWDED_MEDICINES))
    return {"knowledge": k, "typical": typical, "hard": hard, "crowded": crowded}


def check_hard_case(plan: Any) -> None:
    """The hard case is as hard as the issue asks: two forms, four doses, the person's own
    products, ten medicines and a titration ramp."""
    assert len(plan.forms) == 2, plan.forms
    assert len(plan.doses) == 4, [d.time for d in plan.doses]
    assert plan.titration, "no titration"
    assert all(d.product_label for d in plan.doses), "a dose not from the person's products"
    assert len(plan.medicines) == 10


def measure_plan(runs: int, log: Callable[[str], None]) -> list[Row]:
    """Median and 99th percentile of ``runs`` plans of each case, after one warm-up plan."""
    from magplan.core.planner import plan_day

    cases = plan_cases()
    k = cases["knowledge"]
    check_hard_case(plan_day(cases["hard"], k))
    rows = []
    for name, label, target_ms in CASES:
        req = cases[name]
        plan = plan_day(req, k)  # warm: the knowledge base is read once per process
        times: list[float] = []
        for _ in range(runs):
            start = time.perf_counter_ns()
            plan_day(req, k)
            times.append((time.perf_counter_ns() - start) / 1e6)
        s = summary(times)
        log(f"  plan {name}: median {s['median']:.3f} ms, p99 {s['p99']:.3f} ms")
        rows.append(plan_row(name, label, target_ms, s, plan))
    return rows


def plan_row(name: str, label: str, target_ms: float, s: dict[str, float], plan: Any) -> Row:
    """One case's row: its median against the target, and the shape of its plan."""
    return Row(
        f"plan_{name}",
        label,
        "ms",
        value=s["median"],
        target=f"median <= {target_ms:g} ms",
        passed=s["median"] <= target_ms,
        note=f"p99 {s['p99']:.3f} ms; {len(plan.doses)} doses, "
        f"{len(plan.forms)} form(s), {len(plan.medicines)} medicines",
        details={
            "ms": s,
            "doses": len(plan.doses),
            "forms": list(plan.forms),
            "medicines": len(plan.medicines),
            "titration_steps": len(plan.titration),
        },
    )
