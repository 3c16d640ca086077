"""core/bounds.py: the bounds written in a request's types, checked in plain Python where the
program builds a request, and by pydantic where a saved profile brings one in: the same words
at the same field."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from magplan.core.bounds import Bounds
from magplan.core.errors import PlanInputError
from magplan.core.request import MedicineTimes, PlanRequest, Product

GLYCINATE = {"form": "glycinate", "elemental_mg_per_unit": 100.0}
CALCIUM = {"name": "calcium", "class_id": "calcium", "times_min": (480,)}


def plain_error(cls: type, fields: dict[str, Any]) -> PlanInputError:
    with pytest.raises(PlanInputError) as caught:
        cls(**fields)
    return caught.value


def pydantic_error(cls: type, fields: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(cls).validate_python(fields)
    first = caught.value.errors()[0]
    return str(first["loc"][-1]), first["msg"]


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (PlanRequest, {"age_years": 121}),
        (PlanRequest, {"age_years": -1}),
        (PlanRequest, {"wake_min": 1440}),
        (PlanRequest, {"bed_min": -5}),
        (PlanRequest, {"target_mg": 0.0}),
        (PlanRequest, {"other_magnesium_mg": 2000.5}),
        (PlanRequest, {"sex": "other"}),
        (PlanRequest, {"limit": "uk"}),
        (Product, {**GLYCINATE, "elemental_mg_per_unit": 0.5}),
        (Product, {**GLYCINATE, "compound_mg_per_unit": 0.0}),
        (Product, {**GLYCINATE, "compound_mg_per_unit": 20000.1}),
        (MedicineTimes, {**CALCIUM, "times_min": ()}),
        (MedicineTimes, {**CALCIUM, "spacing_min": -1}),
        (MedicineTimes, {**CALCIUM, "spacing_min": 100000}),
    ],
)
def test_a_value_out_of_bounds_is_refused_in_pydantic_s_words_at_its_field(
    cls: type, fields: dict[str, Any]
) -> None:
    plain = plain_error(cls, fields)
    assert (plain.field, plain.message) == pydantic_error(cls, fields)


def test_nan_keeps_no_bound() -> None:
    assert plain_error(PlanRequest, {"target_mg": float("nan")}).field == "target_mg"


def test_a_whole_number_in_a_float_field_is_kept_as_a_float_as_pydantic_keeps_it() -> None:
    plain = PlanRequest(target_mg=300, other_magnesium_mg=0)  # type: ignore[arg-type]
    validated = TypeAdapter(PlanRequest).validate_python({"target_mg": 300})
    assert type(plain.target_mg) is float and type(plain.other_magnesium_mg) is float
    assert plain == validated and type(validated.target_mg) is float


def test_values_within_bounds_are_kept_as_given() -> None:
    request = PlanRequest(age_years=0, wake_min=0, bed_min=1439, target_mg=5.0)
    assert (request.age_years, request.wake_min, request.bed_min) == (0, 0, 1439)
    assert Product(form="citrate", elemental_mg_per_unit=2000.0).compound_mg_per_unit is None


def test_bounds_are_annotated_types_constraints_to_pydantic() -> None:
    import annotated_types as at

    assert list(Bounds(gt=0, le=120)) == [at.Gt(0), at.Le(120)]
    assert list(Bounds(min_length=1)) == [at.MinLen(1)]
    assert repr(Bounds(ge=1.0, lt=2)) == "Bounds(ge=1.0, lt=2)"
