"""core/limits.py: the person's recommended intake (RDA) and upper limit, from
resources/intakes.toml (ODS; EFSA), by age, sex, pregnancy and the chosen standard."""

from __future__ import annotations

import pytest

from magplan.core.limits import limits_for, rda_for
from magplan.core.request import PlanRequest
from tests.core.helpers import K


@pytest.mark.parametrize(
    ("fields", "rda"),
    [
        ({"age_years": 35, "sex": "male"}, (420, "male")),
        ({"age_years": 35, "sex": "female"}, (320, "female")),
        ({"age_years": 35}, (320, "sex not given: the lower value")),
        ({"age_years": 25, "sex": "female", "pregnant": True}, (350, "pregnancy")),
        ({"age_years": 16, "sex": "female", "lactating": True}, (360, "lactation")),
        ({"age_years": 30, "sex": "male"}, (400, "male")),  # the last year of the 19-30 row
        ({"age_years": 31, "sex": "male"}, (420, "male")),
        ({"age_years": 6}, (130, "sex not given: the lower value")),
        ({"age_years": 0}, (75, "sex not given: the lower value")),
    ],
)
def test_the_rda_row_by_age_sex_and_pregnancy(
    fields: dict[str, object], rda: tuple[int, str]
) -> None:
    assert rda_for(K, PlanRequest(**fields)) == rda  # type: ignore[arg-type]


def test_after_fifty_pregnancy_has_no_column_and_the_sex_decides() -> None:
    # the 51+ row has no pregnancy figure: the woman's own column applies
    req = PlanRequest(age_years=52, sex="female", pregnant=True)
    assert rda_for(K, req) == (320, "female")


def test_an_adult_s_us_limit_is_350_mg_from_supplements() -> None:
    lim = limits_for(K, PlanRequest(age_years=40, sex="female"))
    assert (lim.upper_limit_mg, lim.limit_source, lim.rda_mg) == (350, "ODS", 320)
    assert (lim.limit_name, lim.rda_row) == ("US (Institute of Medicine / NIH ODS)", "female")


def test_the_eu_limit_is_250_mg_for_adults_and_the_us_one_for_children() -> None:
    adult = limits_for(K, PlanRequest(age_years=40, limit="eu"))
    assert (adult.upper_limit_mg, adult.limit_source) == (250, "EFSA")
    child = limits_for(K, PlanRequest(age_years=5, limit="eu"))
    assert (child.upper_limit_mg, child.limit_source) == (110, "ODS")


@pytest.mark.parametrize(("age", "limit"), [(1, 65), (3, 65), (4, 110), (8, 110), (9, 350)])
def test_children_s_limits_change_at_the_row_edges(age: int, limit: int) -> None:
    assert limits_for(K, PlanRequest(age_years=age)).upper_limit_mg == limit


def test_no_upper_limit_is_set_for_infants() -> None:
    lim = limits_for(K, PlanRequest(age_years=0))
    assert lim.upper_limit_mg is None
    assert lim.limit_source == "ODS"  # the standard's own source
