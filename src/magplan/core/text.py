"""The few words the planner itself needs to word its warnings: milligrams, a form's short
name and a medicine's spacing rule.

Everything else a person reads (units, food, the ramp, the rows of every output) is worded in
:mod:`magplan.present`, which builds on these.
"""

from __future__ import annotations

from magplan.core.knowledge import MedicineClass
from magplan.core.separation import rule_text


def format_mg(mg: float) -> str:
    return f"{mg:g} mg"


def form_title(name: str) -> str:
    """A form's name without its aside: ``"Magnesium glycinate (bisglycinate)"`` ->
    ``"Magnesium glycinate"``."""
    return name.split(" (")[0]


def short_form_name(name: str) -> str:
    """``"Magnesium glycinate (bisglycinate)"`` -> ``"magnesium glycinate"``: the title with
    its first letter in lower case, so that ``"Magnesium L-threonate"`` keeps its capital L."""
    title = form_title(name)
    return title[:1].lower() + title[1:]


def medicine_rule(cls: MedicineClass, spacing_min: int | None = None) -> str:
    """A medicine's spacing from magnesium in words, as the plan and the window say it
    (``spacing_min``: the spacing stated for a medicine the planner does not know)."""
    if cls.avoid:
        return "not with magnesium at any spacing (its label)"
    if cls.stated:
        spacing = spacing_min or 0
        return (
            f"{rule_text(spacing, spacing)}, as you stated"
            if spacing
            else "no spacing needed, as you stated"
        )
    return rule_text(cls.other_first_min, cls.mg_first_min) if cls.separates else ""
