"""Which form of magnesium fits the person's goals (SEED's table in the clinical rules,
../shared/docs/CLINICAL.md)."""

from __future__ import annotations

from dataclasses import replace

from magplan.core.knowledge import Knowledge
from magplan.core.plan import FormChoice
from magplan.core.values import value

NOT_OWNED = "not one of your products"
NOT_ORAL = "used as a bath or soak, not planned by mouth"
FIRST_CHOICE_POINTS = 3
ALSO_POINTS = 1
_ABSORPTION_ORDER = {"high": 0, "moderate": 1, "low": 2}


@value
class FormPick:
    """The form(s) the plan uses and the goals each one serves."""

    forms: tuple[str, ...]
    goals_by_form: dict[str, tuple[str, ...]]
    suggestions: tuple[FormChoice, ...]
    fallback_reason: str = ""


def _choice(k: Knowledge, form_id: str, goals: tuple[str, ...]) -> FormChoice:
    first = tuple(g for g in goals if form_id in k.goals[g].first)
    also = tuple(g for g in goals if form_id in k.goals[g].also and g not in first)
    parts = [k.goals[g].reason for g in first] or [k.forms[form_id].summary]
    reason = f"{k.forms[form_id].name}: " + " ".join(dict.fromkeys(parts))
    sources = tuple(dict.fromkeys(s for g in (*first, *also) for s in k.goals[g].sources))
    return FormChoice(
        form=form_id,
        rank=0,
        score=FIRST_CHOICE_POINTS * len(first) + ALSO_POINTS * len(also),
        goals_first=first,
        goals_also=also,
        reason=reason,
        sources=sources or tuple(k.forms[form_id].sources),
    )


def rank_forms(
    k: Knowledge,
    goals: tuple[str, ...],
    *,
    owned: frozenset[str],
    avoid_laxative: bool,
) -> tuple[FormChoice, ...]:
    """Every form that serves at least one goal, best first, with why it may be excluded."""

    def first_goal_index(c: FormChoice) -> int:
        hits = [goals.index(g) for g in c.goals_first]
        return min(hits) if hits else len(goals)

    choices = [c for c in (_choice(k, f, goals) for f in k.forms) if c.score > 0]
    order = list(k.forms)
    choices.sort(
        key=lambda c: (
            -c.score,
            first_goal_index(c),
            _ABSORPTION_ORDER[k.forms[c.form].absorption],
            order.index(c.form),
        )
    )
    ranked = []
    for i, c in enumerate(choices, start=1):
        excluded = ""
        if not k.forms[c.form].oral:
            excluded = NOT_ORAL
        elif avoid_laxative and k.forms[c.form].is_laxative:
            excluded = "a laxative form: avoided with diarrhoea or loose stools"
        elif owned and c.form not in owned:
            excluded = NOT_OWNED
        ranked.append(replace(c, rank=i, excluded=excluded, owned=c.form in owned))
    return tuple(ranked)


def pick_forms(
    k: Knowledge,
    goals: tuple[str, ...],
    *,
    owned: tuple[str, ...],
    forced: str | None,
    avoid_laxative: bool,
) -> FormPick:
    """One form, or two when the goals pull apart (e.g. constipation and sleep)."""
    suggestions = rank_forms(k, goals, owned=frozenset(owned), avoid_laxative=avoid_laxative)
    if forced is not None:
        chosen = _choice(k, forced, goals)
        fits = chosen.goals_first + chosen.goals_also
        return FormPick(
            forms=(forced,),
            # the user chose it for their goals, even where it is not a usual choice
            goals_by_form={forced: fits or goals},
            suggestions=suggestions,
        )
    usable = [s for s in suggestions if not s.excluded]
    if not usable:
        return _fallback(k, goals, owned=owned, avoid_laxative=avoid_laxative, ranked=suggestions)
    primary = usable[0]
    served = set(primary.goals_first + primary.goals_also)
    unserved = tuple(g for g in goals if g not in served)
    forms = [primary.form]
    goals_by_form = {primary.form: primary.goals_first + primary.goals_also}
    if unserved:
        for s in usable[1:]:
            covers = tuple(g for g in unserved if g in s.goals_first + s.goals_also)
            if covers:
                forms.append(s.form)
                goals_by_form[s.form] = covers
                break
    return FormPick(forms=tuple(forms), goals_by_form=goals_by_form, suggestions=suggestions)


def _fallback(
    k: Knowledge,
    goals: tuple[str, ...],
    *,
    owned: tuple[str, ...],
    avoid_laxative: bool,
    ranked: tuple[FormChoice, ...],
) -> FormPick:
    """No form suited to the goals can be used: the best-absorbed usable form, if any."""
    pool = [f for f in (owned or k.forms) if k.forms[f].oral]
    if avoid_laxative:
        pool = [f for f in pool if not k.forms[f].is_laxative]
    if not pool:
        return FormPick(forms=(), goals_by_form={}, suggestions=ranked)
    pool.sort(key=lambda f: (_ABSORPTION_ORDER[k.forms[f].absorption], list(k.forms).index(f)))
    form = next((f for f in pool if k.forms[f].fallback), pool[0])
    why = (
        f"None of the usual forms for {', '.join(k.goals[g].name.lower() for g in goals)} "
        f"can be used here, so the plan uses {k.forms[form].name.lower()}."
    )
    return FormPick(
        forms=(form,), goals_by_form={form: ()}, suggestions=ranked, fallback_reason=why
    )


def add_filler(pick: FormPick, filler: str | None) -> FormPick:
    """``pick`` with a second form that serves the first form's goals, for the part of the day's
    amount the first form may not give (its studied daily maximum)."""
    if filler is None or filler in pick.forms:
        return pick
    goals = pick.goals_by_form[pick.forms[0]]
    return FormPick(
        forms=(*pick.forms, filler),
        goals_by_form={**pick.goals_by_form, filler: goals},
        suggestions=pick.suggestions,
        fallback_reason=pick.fallback_reason,
    )
