"""The suggested form(s) with the reason and source, and the form the user may pick instead."""

from __future__ import annotations

import re
from html import escape, unescape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from magplan.core.knowledge import Knowledge
from magplan.core.plan import FormChoice, Plan
from magplan.gui.fields import FieldMarks, FieldMessage, named, stacked

MAX_ALTERNATIVES = 3


class FormPanel(QGroupBox):
    changed = Signal()

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Form", parent)
        named(self, "Form")
        self._k = k
        lay = QVBoxLayout(self)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setAccessibleName("Suggested form")
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.suggestion, 1)
        self.combo = QComboBox()
        self.combo.addItem("Suggested", None)
        for fid, f in k.forms.items():
            self.combo.addItem(f.name, fid)
        self.combo.setToolTip("Use the suggested form, or pick another one yourself")
        named(self.combo, "Form to use", "Suggested, or a form you pick instead")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.message = FieldMessage("Form")
        marks.register(self.combo, self.message)
        form = QFormLayout()
        label = QLabel("Use &form:")
        label.setBuddy(self.combo)
        form.addRow(label, stacked(self.combo, self.message))
        lay.addLayout(form)
        self.combo.currentIndexChanged.connect(self.changed)

    def form(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data else None

    def set_form(self, form: str | None) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(form)) if form else 0)

    def _sources(self, keys: tuple[str, ...]) -> str:
        return "; ".join(self._k.sources[s].short for s in keys if s in self._k.sources)

    def _hint(self, c: FormChoice) -> str:
        goals = self._k.goals
        if c.excluded:
            return c.excluded
        if c.goals_first:
            return "first choice for " + ", ".join(goals[g].name.lower() for g in c.goals_first)
        return "also for " + ", ".join(goals[g].name.lower() for g in c.goals_also)

    def show_plan(self, plan: Plan) -> None:
        k = self._k
        by_form = {c.form: c for c in plan.suggestions}
        usable = [c for c in plan.suggestions if not c.excluded]
        top = usable[0] if usable else (plan.suggestions[0] if plan.suggestions else None)
        if self.combo.currentIndex() == 0 and plan.forms:
            suggested_id = " + ".join(plan.forms)  # the planner's own pick, one or two forms
        else:
            suggested_id = top.form if top else ""
        self.combo.setItemText(0, f"Suggested ({suggested_id})" if suggested_id else "Suggested")
        for i in range(1, self.combo.count()):
            fid = str(self.combo.itemData(i))
            choice = by_form.get(fid)
            text = k.forms[fid].name + (f" — {self._hint(choice)}" if choice else "")
            self.combo.setItemText(i, text)
            self.combo.setItemData(i, k.forms[fid].summary, Qt.ItemDataRole.ToolTipRole)

        parts: list[str] = []
        chosen = self.form()
        used = plan.forms
        if chosen:
            parts.append(f"<b>Your choice: {escape(k.forms[chosen].name)}</b>")
            if top and top.form != chosen:
                parts.append(f"Suggested for these goals: {escape(k.forms[top.form].name)}.")
        elif used:
            names = [escape(k.forms[f].name) + self._for_goals(by_form.get(f)) for f in used]
            parts.append("<b>Suggested: " + " and ".join(names) + "</b>")
        elif top:
            parts.append(f"<b>Suggested: {escape(k.forms[top.form].name)}</b>")
        shown = [f for f in (used or ((top.form,) if top else ())) if f in by_form]
        if chosen and chosen in by_form:
            shown = [chosen]
        for f in shown:
            c = by_form[f]
            parts.append(f"{escape(c.reason)}<br><i>Source: {escape(self._sources(c.sources))}</i>")
        alternatives = [c for c in usable if c.form not in shown and c.form != chosen]
        if alternatives:
            alt = ", ".join(
                f"{escape(k.forms[c.form].name)} ({escape(self._hint(c))})"
                for c in alternatives[:MAX_ALTERNATIVES]
            )
            parts.append(f"Alternatives you can pick below: {alt}.")
        self.suggestion.setText("<br>".join(parts) or "No form suits these goals.")
        plain = re.sub(r"<[^>]+>", " ", self.suggestion.text())
        self.suggestion.setAccessibleDescription(" ".join(unescape(plain).split()))

    def _for_goals(self, c: FormChoice | None) -> str:
        if c is None or not (c.goals_first or c.goals_also):
            return ""
        goals = c.goals_first + c.goals_also
        return " for " + ", ".join(escape(self._k.goals[g].name.lower()) for g in goals)
