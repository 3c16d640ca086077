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
from pathlib import Path
from typing import TYPE_CHECKING

from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.planner import plan_day
from magplan.journal.plan_record import plan_json
from magplan.journal.records import JournalDay as StoredDay
from magplan.journal.records import JournalError, PlanContent, PlanVersion, SuggestionRecord
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
    journal_file: Path | None = None,
) -> Followed:
    """The profile ``name`` with its journal open (made on first use); ``journal_file``
    another journal for it (a scratch one, to try a command out first).

    :class:`~magplan.profiles.ProfileError` when there is no such profile or it cannot be
    read; :class:`JournalError` when its journal cannot be used.
    """
    from magplan.core.errors import PlanInputError
    from magplan.profiles import ProfileStore

    store = store or ProfileStore()
    saved = store.find(name)
    k = k or load_knowledge()
    try:  # planned before the journal opens: a profile that cannot be planned opens nothing
        plan = plan_day(saved.profile.request, k)
    except PlanInputError as exc:
        raise JournalError(
            f"The saved profile '{saved.profile.name}' cannot be planned: {exc.message}"
        ) from None
    path = journal_file or journal_path(store.folder, saved.path.stem)
    journal = Journal.open(path, saved.profile.name, clock=clock)
    return Followed(store, saved, journal, k, plan)


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
    one in force; ``None`` when it is, or when a journal not yet started has no doses to start.

    A plan with no doses (a gate holds it, or no product fits) is recorded too, once the
    journal has started: the journal then plans nothing, never the plan before. A plan of
    another form, or of a larger full amount, starts low again from its first day (SEED:
    start low, increase gradually), so no change of plan raises the day's amount at once.
    """
    if not f.plan.doses and f.journal.ramp_start is None:
        return None
    day = day or f.journal.today()
    why = reason or (PLAN_STARTED if f.journal.ramp_start is None else PLAN_CHANGED)
    record = plan_json(f.plan)
    before = f.journal.plan_versions()
    if before and restarts_ramp(before[-1].plan, record):
        record["restarts_ramp"] = True
    return f.journal.record_plan(record, day, why)


def restarts_ramp(before: PlanContent, after: dict[str, object]) -> bool:
    """Whether a new plan starts low again: other forms, or a larger full daily amount."""
    new = PlanContent.from_json(after)
    if not new.doses:
        return False
    if not before.doses or {d.form for d in new.doses} != {d.form for d in before.doses}:
        return True
    return new.daily_mg > before.daily_mg + 0.05


def require_plan(f: Followed) -> None:
    """:class:`JournalError` when the profile's plan has no doses to follow."""
    if not f.plan.doses:
        raise JournalError(
            f"The profile '{f.profile.name}' has no magnesium planned now; see why with "
            f"'magplan plan --profile \"{f.profile.name}\"'."
        )


def moved_cautions(f: Followed, day: dt.date, taken_at: str) -> list[str]:
    """What a dose of ``day`` taken at ``taken_at`` broke (a medicine's spacing, too much in one
    go), in words; empty when nothing. Read after the dose is logged."""
    from magplan.core.taken_at import spacings_broken, too_much_at_once
    from magplan.present.journal import spacing_caution, too_much_caution

    at = int(taken_at[:2]) * 60 + int(taken_at[3:])
    said = [
        spacing_caution(taken_at, rule)
        for rule in spacings_broken(f.k, f.profile.request, day.weekday(), at)
    ]
    taken = [
        (_minute(dd.entry.taken_at or dd.planned.time), dd.planned.mg)
        for d in f.journal.days(day, day)
        for dd in d.doses
        if dd.entry is not None and dd.entry.status in ("taken", "moved")
    ]
    most = too_much_at_once(f.k, taken)
    if most is not None:
        said.append(too_much_caution(most, f.k.intakes.dosing.max_dose_mg))
    return said


def _minute(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


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
    others: dict[dt.date, set[str]] = {}
    for s in f.journal.side_effects(start, end):
        if s.effect != "loose_stools":
            others.setdefault(s.day, set()).add(s.effect)
    return [_week_facts(days[i * 7 : i * 7 + 7], loose, others) for i in range(count)]


def _loose_stool_days(journal: Journal, start: dt.date, end: dt.date) -> set[dt.date]:
    """Days with loose stools noted as a side effect or as a loose stool form."""
    days = {s.day for s in journal.side_effects(start, end) if s.effect == "loose_stools"}
    for c in journal.checkins(start, end, kind="stools"):
        entry = StoolEntry.from_answers(c.answers)
        if entry.loose:
            days.add(c.day)
    return days


def _week_facts(
    days: Sequence[StoredDay], loose: set[dt.date], others: dict[dt.date, set[str]]
) -> WeekFacts:
    planned = [dd for d in days for dd in d.doses]
    effects = definitions().side_effects
    seen = sorted({e for d in days for e in others.get(d.day, ())})
    first = next((d.plan for d in days if d.plan is not None), None)
    return WeekFacts(
        week_start=days[0].day,
        planned_doses=len(planned),
        taken_doses=sum(dd.status in ("taken", "moved") for dd in planned),
        loose_stool_days=sum(d.day in loose for d in days),
        in_ramp=first is not None and first.in_ramp,
        ramp_step=first.ramp_week if first is not None and first.in_ramp else None,
        other_effects=tuple(effects[e].label.lower() if e in effects else e for e in seen),
        other_effect_days=sum(d.day in others for d in days),
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
    """Judge each completed week and keep what it suggests (once, with its words); the open
    suggestions."""
    today = today or f.journal.today()
    with f.journal.transaction():
        for (code, week_start), s in _suggestions_by_week(f, today).items():
            f.journal.add_suggestion(code, week_start, min(today, week_start + WEEK), _said(s))
    return f.journal.suggestions("open")


def _said(s: Suggestion) -> dict[str, object]:
    """What a suggestion said when it was made, and what accepting it does."""
    return {
        "reason": s.reason_text,
        "action": s.action.label,
        "sources": list(s.source_keys),
        "kind": s.action.kind,
        "ramp_step": s.action.ramp_step,
        "condition": s.action.condition,
    }


def expired(record: SuggestionRecord, today: dt.date) -> bool:
    """A suggestion to hold a step is for the week after the one it judged: once that week is
    over, the ramp has moved on and holding "the next step" no longer means that step."""
    return (
        record.status == "open"
        and record.code == "hold_step"
        and today >= record.week_start + 2 * WEEK
    )


def stale(f: Followed, record: SuggestionRecord, today: dt.date) -> bool:
    """An open hold whose week has passed, or made before the plan last changed (a new form
    starts low again: holding the old plan's step would raise the day's amount)."""
    if expired(record, today):
        return True
    if record.status != "open" or record.code != "hold_step":
        return False
    return any(v.starts_on >= record.made_on for v in f.journal.plan_versions())


def accept(f: Followed, suggestion_id: int, today: dt.date | None = None) -> Followed:
    """Carry out suggestion ``suggestion_id``'s one action on the profile, save it, and record
    the new plan from today; the profile followed from now on.

    :class:`JournalError`, with nothing changed, when the suggestion was decided already, is
    out of date, would change a plan a clinician prescribes and supervises, or would leave no
    magnesium planned."""
    today = today or f.journal.today()
    record = _open_record(f, suggestion_id, today)
    said = record.said or _said_now(f, record, today)
    request = _accepted_request(f, record, said)
    if request != f.profile.request:
        f = _saved_with(f, request)
        keep_plan_current(f, today, f"accepted: {said.get('action') or record.code}")
    f.journal.decide_suggestion(suggestion_id, True, today)
    return f


def _accepted_request(f: Followed, record: SuggestionRecord, said: dict[str, object]) -> object:
    """The profile's request with the suggestion's action carried out, or why it cannot be."""
    from magplan.core.request import MAX_RAMP_HOLDS

    request = f.profile.request
    kind, step, condition = said.get("kind"), said.get("ramp_step"), said.get("condition")
    if kind not in ("hold_ramp_step", "add_condition"):
        return request  # a statement: accepting it only says it was read
    if request.supervised:
        raise JournalError(
            f"This plan is prescribed and supervised by {request.supervised_by or 'a clinician'}:"
            " ask them before changing it. Nothing was changed."
        )
    if kind == "hold_ramp_step" and isinstance(step, int):
        if len(request.ramp_holds) >= MAX_RAMP_HOLDS:
            raise JournalError(
                f"The ramp has been held {MAX_RAMP_HOLDS} weeks already: talk to your clinician"
                " about a lower amount. Nothing was changed."
            )
        held = (*request.ramp_holds, original_step(f.plan.titration, step))
        return dataclasses.replace(request, ramp_holds=held)
    if isinstance(condition, str) and condition not in request.conditions:
        changed = dataclasses.replace(request, conditions=(*request.conditions, condition))
        if not plan_day(changed, f.k).doses:
            raise JournalError(
                "Listing loose stools leaves no magnesium planned: the products in the profile"
                " are all laxative forms. Add a product of a gentler form, such as glycinate,"
                " first. Nothing was changed."
            )
        return changed
    return request


def decline(f: Followed, suggestion_id: int, today: dt.date | None = None) -> None:
    """Set suggestion ``suggestion_id`` aside: the plan stays as it is."""
    today = today or f.journal.today()
    _open_record(f, suggestion_id, today, declining=True)
    f.journal.decide_suggestion(suggestion_id, False, today)


def _open_record(
    f: Followed, suggestion_id: int, today: dt.date, *, declining: bool = False
) -> SuggestionRecord:
    """The open suggestion ``suggestion_id``, or why it cannot be decided now."""
    record = next((s for s in f.journal.suggestions() if s.id == suggestion_id), None)
    if record is None:
        raise JournalError(f"There is no suggestion {suggestion_id} in this journal.")
    if record.status != "open":
        raise JournalError(
            f"Suggestion {suggestion_id} was {record.status} on {record.decided_on}:"
            " nothing was changed."
        )
    if stale(f, record, today) and not declining:
        raise JournalError(
            f"Suggestion {suggestion_id} was about the week from {record.week_start}; the ramp"
            " or the plan has changed since, so it no longer applies. Nothing was changed."
        )
    return record


def _said_now(f: Followed, record: SuggestionRecord, today: dt.date) -> dict[str, object]:
    """The words of a suggestion kept without them (an older journal), judged again."""
    found = _suggestions_by_week(f, today).get((record.code, record.week_start))
    return _said(found) if found is not None else {}


def original_step(titration: Sequence[TitrationStep], week: int) -> int:
    """The step of the ramp (as ``ramp_holds`` counts them) that ramp week ``week`` takes:
    weeks already held repeat the step before them."""
    return max(1, sum(not s.held for s in titration[:week]))


def _saved_with(f: Followed, request: object) -> Followed:
    profile = f.profile.model_copy(update={"request": request})
    f.store.save(profile)
    saved = f.store.find(profile.name)
    return dataclasses.replace(f, saved=saved, plan=plan_day(saved.profile.request, f.k))


def first_day(f: Followed) -> dt.date | None:
    """The journal's first day: the plan's first, or an earlier check-in (a baseline)."""
    days = [d for d in (f.journal.ramp_start,) if d is not None]
    earliest = f.journal.checkins(dt.date(2000, 1, 1), f.journal.today())
    if earliest:
        days.append(min(c.day for c in earliest))
    return min(days, default=None)


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
    for day in _loose_stool_days(f.journal, start, end):  # a mushy or watery stool form too
        if "loose_stools" not in effects.setdefault(day, []):
            effects[day].insert(0, "loose_stools")
    days = tuple(_day(d, tuple(effects.get(d.day, ())), today) for d in stored)
    records = f.journal.suggestions()
    # the weeks are judged again only for suggestions kept without their words (an older
    # journal): reading the whole journal once more is what opening the page spends most on
    judged = _suggestions_by_week(f, today) if any(not r.said for r in records) else {}
    return JournalSummary(
        profile=f.profile.name,
        start=start,
        end=end,
        today=today,
        ramp_start=f.journal.ramp_start,
        days=days,
        by_time=_by_time(days),
        checkins=tuple(_checkin(c) for c in f.journal.checkins(start, end)),
        suggestions=tuple(
            _suggestion(f.k, s, judged, stale(f, s, today))
            for s in records
            if s.status == "open" or start - WEEK < s.week_start <= end  # open ones always
        ),
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
        ramp_week=plan.ramp_week
        if plan is not None and plan.ramp_week <= plan.ramp_weeks
        else None,
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
    k: Knowledge,
    s: SuggestionRecord,
    judged: dict[tuple[str, dt.date], Suggestion],
    is_stale: bool,
) -> SuggestionView:
    found = judged.get((s.code, s.week_start))
    said = s.said or (_said(found) if found is not None else {})
    words = definitions().suggestions.words.get(s.code)
    if words is None:
        raise JournalError(
            f"The journal holds a suggestion this version does not know ({s.code!r}): it may"
            " have been written by a newer Magnesium Planner."
        )
    reason = said.get("reason")
    action = said.get("action")
    keys = said.get("sources")
    sources = keys if isinstance(keys, list) else list(words.sources)
    return SuggestionView(
        id=s.id,
        code=s.code,
        week_start=s.week_start,
        made_on=s.made_on,
        status="expired" if is_stale else s.status,
        decided_on=s.decided_on,
        reason=reason if isinstance(reason, str) else "",
        action=action if isinstance(action, str) else words.action,
        sources=tuple(k.sources[key].title if key in k.sources else str(key) for key in sources),
    )


def scale_title(kind: str) -> str:
    """A check-in's name as the outputs show it ("PHQ-8")."""
    defs = definitions()
    if kind in defs.scales:
        return scale(kind).name
    return kind.replace("_", " ")
