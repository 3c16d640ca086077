"""Hypothesis strategies that build requests the planner accepts, so examples reach their
assertions: a waking day of 6 to 20 hours (bed after midnight and night shifts included), meals
inside it, medicines from the knowledge base taken one to three times a day (some on weekdays
only), and products of real sizes."""

from __future__ import annotations

from hypothesis import strategies as st

from magplan.core.request import MedicineTimes, PlanRequest, Product
from tests.core.helpers import K

STEP = 5
grid_minutes = st.integers(min_value=0, max_value=1439 // STEP).map(lambda i: i * STEP)
any_minutes = st.integers(min_value=0, max_value=1439)

# every medicine class that has a timing rule (or none), by one of its own names
MEDICINE_NAMES = sorted(
    {c.names[0] for c in K.medicines.values() if c.names and not c.avoid and not c.stated}
)


@st.composite
def days(draw: st.DrawFn) -> tuple[int, int, tuple[int, ...]]:
    """(wake, bed, meals): the day may cross midnight; meals lie inside it."""
    wake = draw(st.one_of(grid_minutes, any_minutes))
    waking = draw(st.integers(min_value=6 * 60, max_value=20 * 60))
    bed = (wake + waking) % 1440
    offsets = draw(st.lists(st.integers(min_value=0, max_value=waking), max_size=4))
    return wake, bed, tuple((wake + o) % 1440 for o in offsets)


@st.composite
def medicines(draw: st.DrawFn, min_size: int = 0, weekly: bool = True) -> tuple[MedicineTimes, ...]:
    # 1-10 medicines, fewer more often (a crowded day of 10 rarely leaves any time free)
    size = draw(
        st.sampled_from([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 8, 10]).filter(lambda n: n >= min_size)
    )
    names = draw(
        st.lists(st.sampled_from(MEDICINE_NAMES), min_size=size, max_size=size, unique=True)
    )
    found = []
    for name in names:
        times = draw(st.lists(any_minutes, min_size=1, max_size=3, unique=True))
        weekdays: tuple[int, ...] = ()
        if weekly and draw(st.integers(min_value=0, max_value=5)) == 0:
            weekdays = tuple(draw(st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True)))
        cid = K.find_medicine(name)
        assert cid is not None
        found.append(
            MedicineTimes(name=name, class_id=cid, times_min=tuple(times), weekdays=weekdays)
        )
    return tuple(found)


products = st.lists(
    st.builds(
        Product,
        form=st.sampled_from(sorted(f for f in K.forms if K.forms[f].oral)),
        elemental_mg_per_unit=st.sampled_from(
            [5.0, 25.0, 41.5, 48.0, 50.0, 70.5, 100.0, 120.0, 150.0, 200.0, 250.0]
        ),
        unit=st.sampled_from(["capsule", "tablet", "scoop"]),
        halves=st.booleans(),
    ),
    max_size=3,
)


@st.composite
def requests(
    draw: st.DrawFn,
    *,
    min_medicines: int = 0,
    gates: bool = True,
    weekly: bool = True,
    adults: bool = False,
    conditions: bool = True,
) -> PlanRequest:
    wake, bed, meals = draw(days())
    adult = st.integers(min_value=18, max_value=100)
    age = draw(adult if adults else st.one_of(adult, adult, st.integers(0, 17)))
    sex = draw(st.sampled_from([None, "female", "male"]))
    pregnant = lactating = False
    if sex == "female" and 14 <= age <= 50:
        state = draw(st.sampled_from(["", "", "", "pregnant", "lactating"]))
        pregnant, lactating = state == "pregnant", state == "lactating"
    other = draw(st.sampled_from([0.0, 0.0, 0.0, 50.0, 200.0]))
    target = draw(st.one_of(st.none(), st.integers(min_value=5, max_value=600 - int(other))))
    pool = (
        sorted(K.conditions)
        if gates
        else sorted(c for c in K.conditions if not K.conditions[c].gate)
    )
    return PlanRequest(
        goals=tuple(
            draw(st.lists(st.sampled_from(sorted(K.goals)), min_size=1, max_size=4, unique=True))
        ),
        age_years=age,
        sex=sex,
        pregnant=pregnant,
        lactating=lactating,
        wake_min=wake,
        bed_min=bed,
        meals_min=meals,
        target_mg=float(target) if target is not None else None,
        limit=draw(st.sampled_from(["us", "eu"])),
        products=tuple(draw(st.one_of(st.just([]), products))),
        other_magnesium_mg=other,
        medicines=draw(medicines(min_size=min_medicines, weekly=weekly)),
        conditions=tuple(
            draw(st.lists(st.sampled_from(pool), max_size=2 if conditions else 0, unique=True))
        ),
        supervised=draw(st.booleans()),
    )
