"""Reference intakes and upper limits for one person (ODS; EFSA; SEED)."""

from __future__ import annotations

from magplan.core.knowledge import Knowledge, RdaRow
from magplan.core.request import PlanRequest
from magplan.core.values import value


@value
class Limits:
    """The person's upper limit and recommended intake, and where each comes from."""

    upper_limit_mg: int | None  # from supplements and medicines; None: none set (infants)
    limit_name: str
    limit_source: str
    rda_mg: int
    rda_row: str  # which RDA column applied, for the explanation
    ear_mg: int | None = None  # the Estimated Average Requirement; None for infants

    @property
    def none_set(self) -> bool:
        """No upper limit is set for this age (infants under 1 year): nothing is planned."""
        return self.upper_limit_mg is None

    @property
    def pregnancy_figure(self) -> bool:
        """Whether the RDA is ODS's pregnancy or lactation figure."""
        return self.rda_row in ("pregnancy", "lactation")


def rda_for(k: Knowledge, req: PlanRequest) -> tuple[int, str]:
    """The RDA for the person; with sex unknown, the lower of the two columns."""
    return _intake_for(k.intakes.rda.rows, req)


def ear_for(k: Knowledge, req: PlanRequest) -> int | None:
    """The Estimated Average Requirement for the person (IOM 1997), in the same columns as the
    RDA; None under 1 year, where only an adequate intake is set."""
    rows = k.intakes.ear.rows
    if not any(r.age_min <= req.age_years <= r.age_max for r in rows):
        return None
    return _intake_for(rows, req)[0]


def sex_matters(k: Knowledge, req: PlanRequest) -> bool:
    """Whether the person's requirement depends on the sex they did not give: from 14 years
    the figures of women and men differ, and the lower one would reassure a man falsely."""
    if req.sex is not None or req.pregnant or req.lactating:
        return False
    row = next(r for r in k.intakes.rda.rows if r.age_min <= req.age_years <= r.age_max)
    return row.male != row.female


def _intake_for(rows: list[RdaRow], req: PlanRequest) -> tuple[int, str]:
    """The figure of the person's age band: pregnancy, lactation, or their sex's column (with
    sex unknown, the lower of the two)."""
    row = next(r for r in rows if r.age_min <= req.age_years <= r.age_max)
    if req.pregnant and row.pregnancy is not None:
        return row.pregnancy, "pregnancy"
    if req.lactating and row.lactation is not None:
        return row.lactation, "lactation"
    if req.sex == "male":
        return row.male, "male"
    if req.sex == "female":
        return row.female, "female"
    return min(row.male, row.female), "sex not given: the lower value"


def limits_for(k: Knowledge, req: PlanRequest) -> Limits:
    standard = k.intakes.upper_limits[req.limit]
    row = next(
        (r for r in standard.rows if r.age_min <= req.age_years <= r.age_max),
        None,
    )
    rda, rda_row = rda_for(k, req)
    return Limits(
        upper_limit_mg=row.mg if row else None,
        limit_name=standard.name,
        limit_source=(row.source if row and row.source else standard.source),
        rda_mg=rda,
        rda_row=rda_row,
        ear_mg=ear_for(k, req),
    )


def is_child(k: Knowledge, age_years: int) -> bool:
    """Under the age the plan speaks of an adult from (planning.toml)."""
    return age_years < k.planning.children.adult_from_years
