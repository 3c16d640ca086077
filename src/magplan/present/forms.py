"""The forms in words: the headline the plan leads with, and each form as the person may pick it.

Which form is the headline is the plan's decision (:meth:`magplan.core.plan.Plan.headline`);
this module only words it.
"""

from __future__ import annotations

from magplan.core.knowledge import Knowledge
from magplan.core.plan import FormChoice, FormHeadline, Plan
from magplan.core.values import value
from magplan.present.rows import source_names


@value
class FormItem:
    """A form as the list to pick from shows it: its name, with what it is for this person."""

    form: str
    text: str  # "Magnesium taurate — also for sleep"
    summary: str  # what the form is, in a sentence or two


@value
class Explanation:
    """Why a headline form: the reason, and its sources' short names."""

    form: str
    name: str
    reason: str
    sources: str


@value
class HeadlineWords:
    """The headline in words; ``""`` (or empty) where there is nothing to say."""

    headline: FormHeadline
    title: str  # "Your choice: Magnesium taurate" / "Suggested: Magnesium glycinate for sleep"
    suggested_instead: str  # "Suggested for these goals: Magnesium glycinate." beside a choice
    explanations: tuple[Explanation, ...]
    alternatives: tuple[str, ...]  # "Magnesium taurate (also for sleep)", best first
    suggested_item: str  # the list's first entry: "Suggested (glycinate + citrate)"


def choice_hint(c: FormChoice, k: Knowledge) -> str:
    """What a form is for this person: why it cannot be used, or the goals it serves."""
    if c.excluded:
        return c.excluded
    if c.goals_first:
        return "first choice for " + ", ".join(k.goals[g].name.lower() for g in c.goals_first)
    return "also for " + ", ".join(k.goals[g].name.lower() for g in c.goals_also)


def form_items(plan: Plan, k: Knowledge) -> tuple[FormItem, ...]:
    """Every form the person may pick, in the knowledge's order."""
    by_form = {c.form: c for c in plan.suggestions}
    return tuple(
        FormItem(
            form=fid,
            text=form.name + (f" — {choice_hint(by_form[fid], k)}" if fid in by_form else ""),
            summary=form.summary,
        )
        for fid, form in k.forms.items()
    )


def headline_words(
    plan: Plan, k: Knowledge, chosen_form: str | None, *, most_alternatives: int
) -> HeadlineWords:
    """The plan's headline form in words, with at most ``most_alternatives`` alternatives."""
    h = plan.headline(chosen_form)
    return HeadlineWords(
        headline=h,
        title=_title(plan, k, h),
        suggested_instead=(
            f"Suggested for these goals: {k.forms[h.suggested].name}."
            if h.kind == "chosen" and h.suggested and h.suggested != h.forms[0]
            else ""
        ),
        explanations=tuple(
            Explanation(c.form, k.forms[c.form].name, c.reason, source_names(c.sources, k))
            for c in h.explained
        ),
        alternatives=tuple(
            f"{k.forms[c.form].name} ({choice_hint(c, k)})"
            for c in h.alternatives[:most_alternatives]
        ),
        suggested_item=(f"Suggested ({h.suggested_ids})" if h.suggested_ids else "Suggested"),
    )


def _title(plan: Plan, k: Knowledge, h: FormHeadline) -> str:
    if h.kind == "chosen":
        return f"Your choice: {k.forms[h.forms[0]].name}"
    if h.kind == "planned":
        by_form = {c.form: c for c in plan.suggestions}
        names = [k.forms[f].name + _for_goals(by_form.get(f), k) for f in h.forms]
        return "Suggested: " + " and ".join(names)
    if h.kind == "suggested":
        return f"Suggested: {k.forms[h.forms[0]].name}"
    return ""


def _for_goals(c: FormChoice | None, k: Knowledge) -> str:
    """`` for sleep, muscle cramps / pain``: the goals a planned form serves."""
    if c is None or not (c.goals_first or c.goals_also):
        return ""
    return " for " + ", ".join(k.goals[g].name.lower() for g in c.goals_first + c.goals_also)
