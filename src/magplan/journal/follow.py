"""A saved profile's journal, kept in step with the profile's plan.

The command line (``magplan log``, ``checkin``, ``journal``, ``report``) and the Journal page
both go through here:

- :func:`open_followed` finds the profile and opens its journal beside the profile's file
  (``journals/<file>.sqlite3``);
- :func:`keep_plan_current` records the profile's plan as the plan from now on when it changed
  (a day already logged keeps the plan it had);
- :func:`refresh_suggestions` judges every completed week of the journal and keeps what it
  suggests; :func:`accept` carries out a suggestion's one action on the profile (hold a step
  of the ramp, or list loose stools as a condition), so the card and the calendar follow, and
  :func:`decline` sets it aside;
- :func:`summarise` reads a span of days into a :class:`~magplan.journal.summary.JournalSummary`.

Weeks are counted from the journal's first day (``ramp_start``), as the start-low ramp's are.
No suggestion raises an amount, and none is carried out without the person's action.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.planner import plan_day
from magplan.journal.plan_record import plan_json
from magplan.journal.records import JournalDay as StoredDay
from magplan.journal.records import JournalError, PlanVersion, SuggestionRecord
from magplan.journal.scales import StoolEntry, definitions, effect_window_weeks, scale, score
from magplan.journal.store import Journal, journal_path
from magplan.journal.suggest import Suggestion, WeekFacts, plan_facts, suggest
from magplan.journal.summary import (
    CheckinDay,
    DoseDay,
    DoseTimeAdherence,
    JournalDay,
    JournalSummary,
    PlanChange,
    SuggestionView,
)

if TYPE_CHECKING:
    from magplan.core.plan import Plan, TitrationStep
    from magplan.journal.records import CheckinRecord
    from magplan.profiles import Profile, ProfileStore, SavedProfile

WEEK = dt.timedelta(days=7)
PLAN_STARTED = "the plan started"
PLAN_CHANGED = "the profile's plan was changed"


@dataclasses.dataclass
class Followed:
    """A saved profile, its journal and its plan now."""

    store: ProfileStore
    saved: SavedProfile
    journal: Journal
    k: Knowledge
    plan: Plan

    @property
    def profile(self) -> Profile:
        return self.saved.profile

    def close(self) -> None:
        self.journal.close()


def open_followed(
    name: str,
    *,
    store: ProfileStore | None = None,
    k: Knowledge | None = None,
    clock: Callable[[], dt.datetime] = dt.datetime.now,
) -> Followed:
    """The profile ``name`` with its journal open (made on first use).

    :class:`~magplan.profiles.ProfileError` when there is no such profile or it cannot be
    read; :class:`JournalError` when its journal cannot be used.
    """
    from magplan.profiles import ProfileStore

    store = store or ProfileStore()
    saved = store.find(name)
    k = k or load_knowledge()
    journal = Journal.open(
        journal_path(store.folder, saved.path.stem), saved.profile.name, clock=clock
    )
    return Followed(store, saved, journal, k, plan_day(saved.profile.request, k))


def has_journal(name: str, store: ProfileStore | None = None) -> bool:
    """Whether the profile ``name`` has a journal yet (nothing is made to find out)."""
    from magplan.profiles import ProfileStore

    store = store or ProfileStore()
    saved = store.find(name)
    return journal_path(store.folder, saved.path.stem).exists()


def keep_plan_current(
    f: Followed, day: dt.date | None = None, reason: str = ""
) -> PlanVersion | None:
    """Record the profile's plan as the plan from ``day`` (default today) when it is not the
    one in force; ``None`` when it is, or when the plan has no doses (a gate holds it)."""
    if not f.plan.doses:
        return None
    day = day or f.journal.today()
    why = reason or (PLAN_STARTED if f.journal.ramp_start is None else PLAN_CHANGED)
    return f.journal.record_plan(plan_json(f.plan), day, why)


def require_plan(f: Followed) -> None:
    """:class:`JournalError` when the profile's plan has no doses to follow."""
    if not f.plan.doses:
        raise JournalError(
            f"The profile '{f.profile.name}' has no doses planned "
            f"({f.plan.headline() or 'see magplan plan --profile'}): nothing to log."
        )


# ---- weeks and suggestions ------------------------------------------------------------------


def completed_weeks(f: Followed, today: dt.date) -> list[WeekFacts]:
    """Each week of the journal that is over by ``today``, oldest first, as the suggestions
    need it."""
    start = f.journal.ramp_start
    if start is None:
        return []
    count = (today - start).days // 7
    if count <= 0:
        return []
    end = start + count * WEEK - dt.timedelta(days=1)
    days = f.journal.days(start, end)
    loose = _loose_stool_days(f.journal, start, end)
    return [_week_facts(days[i * 7 : i * 7 + 7], loose) for i in range(count)]


def _loose_stool_days(journal: Journal, start: dt.date, end: dt.date) -> set[dt.date]:
    """Days with loose stools noted as a side effect or as a loose stool form."""
    days = {s.day for s in journal.side_effects(start, end) if s.effect == "loose_stools"}
    for c in journal.checkins(start, end, kind="stools"):
        entry = StoolEntry.from_answers(c.answers)
        if entry.loose:
            days.add(c.day)
    return days


def _week_facts(days: Sequence[StoredDay], loose: set[dt.date]) -> WeekFacts:
    planned = [dd for d in days for dd in d.doses]
    first = next((d.plan for d in days if d.plan is not None), None)
    return WeekFacts(
        week_start=days[0].day,
        planned_doses=len(planned),
        taken_doses=sum(dd.status in ("taken", "moved") for dd in planned),
        loose_stool_days=sum(d.day in loose for d in days),
        in_ramp=first is not None and first.in_ramp,
        ramp_step=first.ramp_week if first is not None and first.in_ramp else None,
    )


def _suggestions_by_week(f: Followed, today: dt.date) -> dict[tuple[str, dt.date], Suggestion]:
    weeks = completed_weeks(f, today)
    facts = plan_facts(f.plan.forms, f.profile.request.conditions, f.k)
    found: dict[tuple[str, dt.date], Suggestion] = {}
    for i in range(len(weeks)):
        for s in suggest(weeks[: i + 1], facts):
            found[(s.code, s.week_start)] = s
    return found


def refresh_suggestions(f: Followed, today: dt.date | None = None) -> tuple[SuggestionRecord, ...]:
    """Judge each completed week and keep what it suggests (once); the open suggestions."""
    today = today or f.journal.today()
    with f.journal.transaction():
        for code, week_start in _suggestions_by_week(f, today):
            f.journal.add_suggestion(code, week_start, min(today, week_start + WEEK))
    return f.journal.suggestions("open")


def accept(f: Followed, suggestion_id: int, today: dt.date | None = None) -> Followed:
    """Carry out suggestion ``suggestion_id``'s one action on the profile, save it, and record
    the new plan from today; the profile followed from now on."""
    today = today or f.journal.today()
    record, found = _found(f, suggestion_id, today)
    request = f.profile.request
    action = found.action if found is not None else None
    if action is not None and action.kind == "hold_ramp_step" and action.ramp_step is not None:
        step = original_step(f.plan.titration, action.ramp_step)
        request = dataclasses.replace(request, ramp_holds=(*request.ramp_holds, step))
    elif (
        action is not None
        and action.kind == "add_condition"
        and action.condition
        and action.condition not in request.conditions
    ):
        request = dataclasses.replace(request, conditions=(*request.conditions, action.condition))
    if request != f.profile.request:
        f = _saved_with(f, request)
        label = action.label if action is not None else record.code
        keep_plan_current(f, today, f"accepted: {label}")
    f.journal.decide_suggestion(suggestion_id, True, today)
    return f


def decline(f: Followed, suggestion_id: int, today: dt.date | None = None) -> None:
    """Set suggestion ``suggestion_id`` aside: the plan stays as it is."""
    today = today or f.journal.today()
    _found(f, suggestion_id, today)
    f.journal.decide_suggestion(suggestion_id, False, today)


def _found(
    f: Followed, suggestion_id: int, today: dt.date
) -> tuple[SuggestionRecord, Suggestion | None]:
    record = next((s for s in f.journal.suggestions() if s.id == suggestion_id), None)
    if record is None:
        raise JournalError(f"There is no suggestion {suggestion_id} in this journal.")
    return record, _suggestions_by_week(f, today).get((record.code, record.week_start))


def original_step(titration: Sequence[TitrationStep], week: int) -> int:
    """The step of the ramp (as ``ramp_holds`` counts them) that ramp week ``week`` takes:
    weeks already held repeat the step before them."""
    return max(1, sum(not s.held for s in titration[:week]))


def _saved_with(f: Followed, request: object) -> Followed:
    profile = f.profile.model_copy(update={"request": request})
    f.store.save(profile)
    saved = f.store.find(profile.name)
    return dataclasses.replace(f, saved=saved, plan=plan_day(saved.profile.request, f.k))


# ---- the summary ----------------------------------------------------------------------------


def summarise(
    f: Followed, start: dt.date, end: dt.date, today: dt.date | None = None
) -> JournalSummary:
    """The journal from ``start`` to ``end`` (both included), as of ``today``."""
    today = today or f.journal.today()
    stored = f.journal.days(start, end)
    effects: dict[dt.date, list[str]] = {}
    for s in f.journal.side_effects(start, end):
        effects.setdefault(s.day, []).append(s.effect)
    days = tuple(_day(d, tuple(effects.get(d.day, ())), today) for d in stored)
    judged = _suggestions_by_week(f, today)
    return JournalSummary(
        profile=f.profile.name,
        start=start,
        end=end,
        today=today,
        ramp_start=f.journal.ramp_start,
        days=days,
        by_time=_by_time(days),
        checkins=tuple(_checkin(c) for c in f.journal.checkins(start, end)),
        suggestions=tuple(_suggestion(f.k, s, judged) for s in f.journal.suggestions()),
        plan_changes=tuple(
            PlanChange(v.starts_on, v.plan.daily_mg, v.plan.headline, v.reason)
            for v in f.journal.plan_versions()
        ),
        effect_window_weeks=effect_window_weeks(),
    )


def _day(d: StoredDay, effects: tuple[str, ...], today: dt.date) -> JournalDay:
    doses = tuple(
        DoseDay(
            planned_time=dd.planned.time,
            elemental_mg=dd.planned.mg,
            units=dd.planned.units,
            form=dd.planned.form,
            status=dd.status,
            taken_at=dd.entry.taken_at if dd.entry is not None else None,
            reason=dd.entry.reason if dd.entry is not None else "",
        )
        for dd in d.doses
    )
    plan = d.plan
    return JournalDay(
        day=d.day,
        ramp_week=plan.ramp_step if plan is not None and plan.in_ramp else None,
        daily_mg=plan.daily_mg if plan is not None else 0.0,
        doses=doses,
        side_effects=effects,
        complete=d.day < today,
    )


def _by_time(days: Sequence[JournalDay]) -> tuple[DoseTimeAdherence, ...]:
    counts: dict[str, list[int]] = {}
    for d in days:
        if d.complete:
            for x in d.doses:
                pair = counts.setdefault(x.planned_time, [0, 0])
                pair[0] += 1
                pair[1] += x.taken
    return tuple(DoseTimeAdherence(t, p, k) for t, (p, k) in sorted(counts.items()))


def checkin_band(kind: str, answers: dict[str, object]) -> str:
    """The band's words of a questionnaire's answers ("" for a diary or a count)."""
    items = answers.get("items")
    if kind not in ("phq8", "gad7", "who5") or not isinstance(items, list):
        return ""
    return score(kind, [int(i) for i in items]).band_label or ""


def _checkin(c: CheckinRecord) -> CheckinDay:
    answers = dict(c.answers)
    return CheckinDay(c.day, c.kind, answers, c.score, checkin_band(c.kind, answers))


def _suggestion(
    k: Knowledge, s: SuggestionRecord, judged: dict[tuple[str, dt.date], Suggestion]
) -> SuggestionView:
    found = judged.get((s.code, s.week_start))
    words = definitions().suggestions.words[s.code]
    reason = found.reason_text if found is not None else ""
    action = found.action.label if found is not None else words.action
    keys = found.source_keys if found is not None else words.sources
    return SuggestionView(
        id=s.id,
        code=s.code,
        week_start=s.week_start,
        made_on=s.made_on,
        status=s.status,
        decided_on=s.decided_on,
        reason=reason,
        action=action,
        sources=tuple(k.sources[key].title if key in k.sources else key for key in keys),
    )


def scale_title(kind: str) -> str:
    """A check-in's name as the outputs show it ("PHQ-8")."""
    defs = definitions()
    if kind in defs.scales:
        return scale(kind).name
    return kind.replace("_", " ")
