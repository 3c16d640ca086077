"""Why a plan has no doses, said first: the warnings that emptied the schedule.

A blocked plan says why in its gate (its dangers). A plan that is not blocked can still have no
doses: a medicine whose label forbids magnesium, no time of day far enough from the person's
medicines, other products already at the upper limit, a supervised plan waiting for the
clinician's amount, a form not taken by mouth, or no form that suits. Those warnings stand in
the warnings list among the others, sorted by severity; a face that shows the plan puts them
above the empty schedule as well, so that the reason is the first thing read.
"""

from __future__ import annotations

from magplan.present.rows import WarningRow
from magplan.present.view import PlanView

NO_DOSES_TITLE = "No doses are planned"

EMPTYING_CODES = (
    "magnesium-not-with-medicine",
    "separation-no-time",
    "limit-reached",
    "supervised-amount-needed",
    "not-by-mouth",
    "no-suitable-form",
)
"""The codes of the warnings the planner raises when it plans no dose (see ``planner.py``)."""


def why_no_doses(view: PlanView) -> tuple[WarningRow, ...]:
    """The warnings that say why ``view`` has no doses, in the list's order; empty when it has
    doses or is blocked (the gate says why). Should no warning name the cause, the most
    severe warning stands for it."""
    if view.doses or view.plan.blocked:
        return ()
    reasons = tuple(w for w in view.warnings if w.code in EMPTYING_CODES)
    return reasons or view.warnings[:1]
