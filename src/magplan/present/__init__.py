"""The plan in words, for every output: the one presentation layer.

:func:`present` turns a plan into a :class:`PlanView`: rows for the doses, the start-low
ramp, the other medicines and the warnings, and the phrases about the whole plan. The command
line's table, the window's models, the printed card and the calendar all lay out these rows;
none of them words the plan itself. Like the core, this layer never imports Qt.
"""

from __future__ import annotations

from magplan.present.clock import Clock
from magplan.present.forms import Explanation, FormItem, HeadlineWords
from magplan.present.ramp import RampRow
from magplan.present.rows import DoseRow, MedicineRow, WarningRow
from magplan.present.view import PlanView, TotalView, present

__all__ = [
    "Clock",
    "DoseRow",
    "Explanation",
    "FormItem",
    "HeadlineWords",
    "MedicineRow",
    "PlanView",
    "RampRow",
    "TotalView",
    "WarningRow",
    "present",
]
