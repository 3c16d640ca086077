"""core/values.py: a ``@value`` class is a frozen standard-library dataclass that compares,
hashes and prints exactly as ``@dataclass(frozen=True)`` does."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from pydantic import TypeAdapter

from magplan.core.values import value


@value(kw_only=True, slots=True)
class Dosed:
    """A value with defaults, a field left out of its repr and one left out of comparisons."""

    time_min: int
    goals: tuple[str, ...] = ()
    note: str = field(default="", repr=False)
    seen: int = field(default=0, compare=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class DosedTwin:
    """The same fields, as dataclass makes them."""

    time_min: int
    goals: tuple[str, ...] = ()
    note: str = field(default="", repr=False)
    seen: int = field(default=0, compare=False)


@value
class Pair:
    """Positional fields."""

    left: int
    right: str


CASES = [
    {"time_min": 480},
    {"time_min": 480, "goals": ("sleep", "anxiety")},
    {"time_min": 1290, "note": "with food", "seen": 3},
]


@pytest.mark.parametrize("fields", CASES)
def test_a_value_prints_and_hashes_as_a_dataclass(fields: dict[str, object]) -> None:
    mine, twin = Dosed(**fields), DosedTwin(**fields)  # type: ignore[arg-type]
    assert repr(mine) == repr(twin).replace("DosedTwin", "Dosed")
    assert hash(mine) == hash(twin)


def test_values_are_equal_by_their_compared_fields_and_class() -> None:
    assert Dosed(time_min=480, seen=1) == Dosed(time_min=480, seen=2)
    assert Dosed(time_min=480) != Dosed(time_min=481)
    assert Dosed(time_min=480, note="a") != Dosed(time_min=480, note="b")
    assert Dosed(time_min=480) != DosedTwin(time_min=480)  # another class, however alike
    assert len({Dosed(time_min=480), Dosed(time_min=480, seen=5), Dosed(time_min=1)}) == 2
    assert Pair(1, "a") == Pair(1, "a") and Pair(1, "a") != Pair(1, "b")
    assert repr(Pair(1, "a")) == "Pair(left=1, right='a')"


def test_a_value_is_a_frozen_standard_dataclass() -> None:
    dose = Dosed(time_min=480)
    with pytest.raises(dataclasses.FrozenInstanceError):
        dose.time_min = 9  # type: ignore[misc]
    assert dataclasses.is_dataclass(dose) and not hasattr(dose, "__dict__")
    assert dataclasses.replace(dose, goals=("sleep",)).goals == ("sleep",)
    assert dataclasses.asdict(dose) == {"time_min": 480, "goals": (), "note": "", "seen": 0}
    assert TypeAdapter(Dosed).validate_python({"time_min": "480"}) == dose
    with pytest.raises(TypeError):
        Dosed(480)  # type: ignore[misc]  # keyword-only
