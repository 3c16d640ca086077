"""The warnings the planner raises itself, and what it fills into their texts.

The texts, severities and sources live in ``resources/warnings.toml``; this table is the
program's side of that contract. When the file is read, every code here must have its entry and
no other code may appear; each entry's cases and words must be the ones named here, and its
texts may use only the placeholders named here (``{age}``, ``{target_mg:g}``). A typo in the file
is then an error at start, never a warning that fails to be said. Warnings whose texts live with
their subject (a condition in ``conditions.toml``, a medicine class in ``medicines.toml``, a
goal's note in ``goals.toml``) are not listed here.
"""

from __future__ import annotations

from typing import Literal

from magplan.core.values import value

SourcesFrom = Literal["", "limit", "medicines", "form", "suggestion", "goal"]
"""Where a warning's sources come from besides its own: the person's upper limit, the medicines
it speaks of, the form, the suggested form or the goal (they come first)."""


@value
class WarningShape:
    """What the planner fills into one warning's texts."""

    fields: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    sources_from: SourcesFrom = ""


def _shape(
    fields: str = "", cases: str = "", words: str = "", sources_from: SourcesFrom = ""
) -> WarningShape:
    return WarningShape(
        frozenset(fields.split()), frozenset(cases.split()), frozenset(words.split()), sources_from
    )


WARNING_SHAPES: dict[str, WarningShape] = {
    "infant": _shape(),
    "child": _shape(
        "age upper_limit_mg target_mg room_mg", "young target-lowered", sources_from="limit"
    ),
    "pregnancy": _shape(
        "age rda_mg upper_limit_mg figure_from_age", "no-figure no-figure-supervised"
    ),
    "lactation": _shape(
        "age rda_mg upper_limit_mg figure_from_age", "no-figure no-figure-supervised"
    ),
    "supervised-amount-needed": _shape("unlocked figure_from_age", words="pregnancy lactation"),
    "limit-reached": _shape("other_mg upper_limit_mg", "over", sources_from="limit"),
    "above-upper-limit": _shape("total_mg upper_limit_mg limit_name", sources_from="limit"),
    "diet-gap": _shape(
        "rda_mg diet_mg gap_mg target_mg other other_mg", "capped met", words="other"
    ),
    "stated-separation": _shape("medicine times spacing", "no-spacing", sources_from="medicines"),
    "magnesium-not-with-medicine": _shape(
        "medicine times label_says what_to_do", sources_from="medicines"
    ),
    "separation-no-time": _shape("medicines what_to_do", sources_from="medicines"),
    "reduced-for-separation": _shape(
        "planned_mg target_mg medicines what_to_do", sources_from="medicines"
    ),
    "separation-short": _shape(
        "on_days misses strength kept_instead why time missed_min medicine medicine_time rule "
        "kept spans doses count days",
        "should",
        "miss kept-instead kept-instead-plural why-no-room why-no-time both-doses all-doses "
        "on-days must should precaution",
        "medicines",
    ),
    "must-tight": _shape(
        "doses what_to_do time spacing spare medicine medicine_time minutes",
        words="after before spare",
        sources_from="medicines",
    ),
    "doses-close": _shape("gap_min because hours minutes", words="short-day medicines meals"),
    "weekday-times": _shape(
        "days medicines times usual what_to_do",
        "none-fit moved moved-fewer",
        sources_from="medicines",
    ),
    "form-daily-maximum": _shape(
        "form studied rest forms planned_mg target_mg filler goals",
        words="others reduced reduced-filler reduced-filler-to-add",
        sources_from="form",
    ),
    "unit-too-large": _shape(
        "half unit form step_mg studied most_mg", "dose-too-large", "half", "form"
    ),
    "laxative-form": _shape("form", "marked strong avoided strong-avoided"),
    "form-chosen-by-user": _shape("chosen suggested", sources_from="suggestion"),
    "better-form-available": _shape("form", sources_from="suggestion"),
    "low-magnesium-form": _shape("form share mg grams"),
    "threonate-repletion": _shape(),
    "goal-not-served": _shape(
        "goal why fix forms form",
        words="you-chose your-products plan-uses fix-none fix fix-add",
        sources_from="goal",
    ),
    "not-by-mouth": _shape("route_note", sources_from="form"),
    "no-suitable-form": _shape("why form", words="not-by-mouth none-fits"),
}

PHRASES: dict[str, frozenset[str]] = {
    "laxatives-avoided": frozenset(),
    "studied-by-label": frozenset({"grams"}),
    "studied-elemental": frozenset({"mg"}),
    "studied-elemental-and-compound": frozenset({"mg", "grams"}),
}
"""Pieces of text more than one warning says, and their placeholders."""
