"""The suggested form(s) with the reason and source, and the form the user may pick instead."""

from __future__ import annotations

import re
from html import escape, unescape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from magplan.core.knowledge import Knowledge
from magplan.gui.fields import FieldMarks, FieldMessage, named, stacked
from magplan.present import HeadlineWords, PlanView

MAX_ALTERNATIVES = 3


class FormPanel(QGroupBox):
    changed = Signal()

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Form", parent)
        named(self, "Form")
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

    def show_view(self, view: PlanView) -> None:
        """The plan's headline form with its reasons, and every form to pick from with what it
        is for this person."""
        words = view.headline(self.form(), most_alternatives=MAX_ALTERNATIVES)
        self.combo.setItemText(0, words.suggested_item)
        items = {item.form: item for item in view.form_items}
        for i in range(1, self.combo.count()):
            item = items[str(self.combo.itemData(i))]
            self.combo.setItemText(i, item.text)
            self.combo.setItemData(i, item.summary, Qt.ItemDataRole.ToolTipRole)
        self.suggestion.setText(_headline_html(words))
        plain = re.sub(r"<[^>]+>", " ", self.suggestion.text())
        self.suggestion.setAccessibleDescription(" ".join(unescape(plain).split()))


def _headline_html(words: HeadlineWords) -> str:
    """The headline in bold, the reasons with their sources, and the alternatives."""
    parts: list[str] = []
    if words.title:
        parts.append(f"<b>{escape(words.title)}</b>")
    if words.suggested_instead:
        parts.append(escape(words.suggested_instead))
    parts += [
        f"{escape(e.reason)}<br><i>Source: {escape(e.sources)}</i>" for e in words.explanations
    ]
    if words.alternatives:
        parts.append(f"Alternatives you can pick below: {escape(', '.join(words.alternatives))}.")
    return "<br>".join(parts) or "No form suits these goals."
