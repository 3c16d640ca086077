"""Sample inputs shared by the profiles tests (from tests.profiles.profile_samples import ...)."""

from __future__ import annotations

from magplan.core.request import MedicineTimes, PlanRequest, Product
from magplan.profiles import Profile


def sample_request() -> PlanRequest:
    return PlanRequest(
        goals=("sleep", "anxiety"),
        age_years=52,
        sex="female",
        wake_min=6 * 60 + 30,
        bed_min=23 * 60,
        meals_min=(7 * 60, 13 * 60, 19 * 60 + 15),
        target_mg=300.0,
        limit="eu",
        products=(
            Product(form="glycinate", elemental_mg_per_unit=100.0, label="Night caps"),
            Product(
                form="citrate",
                elemental_mg_per_unit=81.0,
                unit="tablet",
                halves=True,
                compound_mg_per_unit=500.0,
            ),
        ),
        other_magnesium_mg=50.0,
        medicines=(
            MedicineTimes(name="sertraline", class_id="antidepressant", times_min=(480,)),
            MedicineTimes(name="Calcium", class_id="calcium", times_min=(480, 1200)),
        ),
        conditions=("diarrhoea",),
    )


def make_profile(name: str = "Anna K. (evening)") -> Profile:
    return Profile(
        name=name, person_name="Anna Kowalska", prepared_by="J. Smith, RD", request=sample_request()
    )
