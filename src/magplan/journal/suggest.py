"""What the journal suggests after a completed week, from facts read out of the journal.

Three suggestions, always in this order (thresholds, words and sources in
``resources/checkins.toml``, ``[suggestions]``):

1. ``low_adherence``: fewer than 80% of the week's planned doses were taken. It is said first,
   before anything about effect: whether magnesium helps cannot be judged from a plan not
   followed. (80% is the usual adherence convention, not a figure of the clinical rules.)
2. ``hold_step``: loose stools on two or more days in a week of the start-low ramp, before its
   last step: stay at this step's amount one more week (loose stools are the first sign of too
   much; holding the step is the conservative answer: ODS, SEED).
3. ``loose_stools``: loose stools on two or more days of a week at the plan's full amount (the
   ramp is over, so there is no step to hold): said, with what to do (talk to the clinician
   about a lower amount or a gentler form; stop and get advice if stools are watery or many).
4. ``gentler_form``: loose stools on two or more days in each of two weeks in a row, while the
   plan has a laxative-prone form and loose stools are not yet listed as a condition: listing
   them lets the planner's own rule choose a form that is not a laxative, such as glycinate.

When fewer doses were taken than planned, the suggestions about loose stools say so: they are
about the doses that were taken, not about the plan as written. No suggestion ever raises an
amount: each one holds a step or adds a condition, and only when the person accepts it.

Pure functions over plain values; standard library only (no Qt, no pydantic).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from magplan.journal.scales import SuggestionRules, definitions

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge

SUGGESTION_CODES = ("low_adherence", "hold_step", "loose_stools", "side_effects", "gentler_form")
"""Every suggestion the journal makes, in the order it says them."""

ActionKind = Literal["none", "hold_ramp_step", "add_condition"]
"""What accepting a suggestion does: nothing to accept (a statement), hold a ramp step one more
week (``ramp_holds`` in the person's request), or add a condition to the profile. None of them
raises an amount."""


@dataclass(frozen=True)
class WeekFacts:
    """One completed week of the journal, as the suggestions need it.

    ``planned_doses``: doses the plan in force had for the week's days; ``taken_doses``: of
    those, recorded taken (on time or at another time); ``loose_stool_days``: days with loose
    stools noted (as a side effect or as a mushy or watery stool form); ``in_ramp``: the week
    falls in the start-low ramp before its last step, ``ramp_step`` the ramp week in force.
    """

    week_start: date
    planned_doses: int
    taken_doses: int
    loose_stool_days: int
    in_ramp: bool
    ramp_step: int | None
    other_effects: tuple[str, ...] = ()  # nausea, stomach cramps, drowsiness: their words
    other_effect_days: int = 0  # days with any of them

    def __post_init__(self) -> None:
        if not 0 <= self.taken_doses <= self.planned_doses:
            raise ValueError("taken_doses must be 0 to planned_doses")
        if not 0 <= self.loose_stool_days <= 7:
            raise ValueError("loose_stool_days must be 0 to 7")
        if self.in_ramp and (self.ramp_step is None or self.ramp_step < 1):
            raise ValueError("a week in the ramp needs its ramp_step (1 or more)")

    @property
    def taken_share(self) -> float | None:
        """The share of planned doses taken, or None for a week with nothing planned."""
        return self.taken_doses / self.planned_doses if self.planned_doses else None


@dataclass(frozen=True)
class PlanFacts:
    """The plan in force, as the suggestions need it: its laxative-prone forms (form ids) and
    whether the person already lists a condition that avoids laxative forms."""

    laxative_forms_in_plan: tuple[str, ...]
    has_diarrhoea_condition: bool


@dataclass(frozen=True)
class Action:
    """The one action that accepts a suggestion, and its words (``""`` for a statement that
    has nothing to accept)."""

    kind: ActionKind
    label: str
    ramp_step: int | None = None
    condition: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A suggestion for a week: its code, the week it is about, why (with its sources), and the
    action that accepts it."""

    code: str
    week_start: date
    reason_text: str
    source_keys: tuple[str, ...]
    action: Action


def plan_facts(form_ids: Iterable[str], conditions: Iterable[str], k: Knowledge) -> PlanFacts:
    """The facts of a plan that uses ``form_ids`` for a person with ``conditions``: its oral
    forms with a laxative effect (forms.toml ``laxative`` other than none), and whether a
    condition of theirs already avoids laxative forms (conditions.toml)."""
    laxative = (f for f in form_ids if k.forms[f].is_laxative and k.forms[f].oral)
    avoids = any(c in k.conditions and k.conditions[c].avoid_laxative for c in conditions)
    return PlanFacts(tuple(dict.fromkeys(laxative)), avoids)


def suggest(weeks: Sequence[WeekFacts], plan: PlanFacts) -> list[Suggestion]:
    """The suggestions for the last of ``weeks`` (completed weeks, oldest first), in order:
    low adherence first, then holding the ramp step, then a gentler form."""
    if not weeks:
        return []
    found_in_file = definitions()
    rules = found_in_file.suggestions
    last = weeks[-1]
    window = found_in_file.effect_window
    found = [
        _low_adherence(last, rules, (window.from_weeks, window.to_weeks)),
        _hold_step(last, rules),
        _loose_stools(last, rules),
        _gentler_form(weeks, plan, rules),
        _side_effects(last, rules),
    ]
    if found[3] is not None:  # the gentler form is the answer to the loose stools: said once
        found[2] = None
    return [s for s in found if s is not None]


def _is_low(week: WeekFacts, rules: SuggestionRules) -> bool:
    share = week.taken_share
    return share is not None and share < rules.taken_share_below


def _low_adherence(
    week: WeekFacts, rules: SuggestionRules, effect_weeks: tuple[int, int]
) -> Suggestion | None:
    if not _is_low(week, rules):
        return None
    words = rules.words["low_adherence"]
    reason = words.reason.format(
        week_start=week.week_start.isoformat(),
        taken=week.taken_doses,
        planned=week.planned_doses,
        percent=round(week.taken_doses * 100 / week.planned_doses),
        from_weeks=effect_weeks[0],
        to_weeks=effect_weeks[1],
    )
    action = Action("none", words.action)
    return Suggestion("low_adherence", week.week_start, reason, words.sources, action)


def _with_adherence(reason: str, week: WeekFacts, rules: SuggestionRules) -> str:
    """A reason about loose stools, with the note that not every dose was taken when so."""
    return f"{reason} {rules.low_adherence_note}" if _is_low(week, rules) else reason


def _hold_step(week: WeekFacts, rules: SuggestionRules) -> Suggestion | None:
    step = week.ramp_step
    if not week.in_ramp or step is None or week.loose_stool_days < rules.loose_stool_days_min:
        return None
    words = rules.words["hold_step"]
    reason = words.reason.format(days=week.loose_stool_days, step=step)
    action = Action("hold_ramp_step", words.action.format(step=step), ramp_step=step)
    return Suggestion(
        "hold_step", week.week_start, _with_adherence(reason, week, rules), words.sources, action
    )


def _loose_stools(week: WeekFacts, rules: SuggestionRules) -> Suggestion | None:
    if week.in_ramp or week.loose_stool_days < rules.loose_stool_days_min:
        return None
    words = rules.words["loose_stools"]
    reason = words.reason.format(days=week.loose_stool_days, week_start=week.week_start.isoformat())
    return Suggestion(
        "loose_stools",
        week.week_start,
        _with_adherence(reason, week, rules),
        words.sources,
        Action("none", words.action),
    )


def _side_effects(week: WeekFacts, rules: SuggestionRules) -> Suggestion | None:
    if week.other_effect_days < rules.loose_stool_days_min or not week.other_effects:
        return None
    words = rules.words["side_effects"]
    reason = words.reason.format(
        effects=_listed(week.other_effects).capitalize(),
        days=week.other_effect_days,
        week_start=week.week_start.isoformat(),
    )
    return Suggestion("side_effects", week.week_start, reason, words.sources, Action("none", ""))


def _persisting(weeks: Sequence[WeekFacts], rules: SuggestionRules) -> Sequence[WeekFacts]:
    """The last weeks, one after another, each with loose stools; empty when fewer than the
    rule's number of weeks in a row."""
    recent = weeks[-rules.gentler_weeks :]
    if len(recent) < rules.gentler_weeks:
        return ()
    in_a_row = all(
        later.week_start - earlier.week_start == timedelta(days=7)
        for earlier, later in pairwise(recent)
    )
    loose = all(w.loose_stool_days >= rules.loose_stool_days_min for w in recent)
    return recent if in_a_row and loose else ()


def _gentler_form(
    weeks: Sequence[WeekFacts], plan: PlanFacts, rules: SuggestionRules
) -> Suggestion | None:
    recent = _persisting(weeks, rules)
    if not recent or not plan.laxative_forms_in_plan or plan.has_diarrhoea_condition:
        return None
    words = rules.words["gentler_form"]
    last = recent[-1]
    reason = words.reason.format(
        days_each=_listed([str(w.loose_stool_days) for w in recent]),
        weeks=len(recent),
        forms=_listed(plan.laxative_forms_in_plan),
    )
    action = Action("add_condition", words.action, condition=rules.adds_condition)
    return Suggestion(
        "gentler_form", last.week_start, _with_adherence(reason, last, rules), words.sources, action
    )


def _listed(words: Sequence[str]) -> str:
    """``("citrate", "oxide")`` -> ``"citrate and oxide"``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
