"""The suggested form(s) with the reason and source, and the form the user may pick instead.

The headline (the form and what it is for) is always shown. Its reasons, their sources and the
alternatives are the panel's details: shown by default, folded by the window where room is
short (the headline's tooltip then carries them)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from magplan.core.knowledge import Knowledge
from magplan.gui.fields import FieldMarks, FieldMessage, named, stacked
from magplan.present import HeadlineWords, PlanView

MAX_ALTERNATIVES = 3
NO_FORM = "No form suits these goals."


class FormPanel(QGroupBox):
    changed = Signal()
    detailsToggled = Signal(bool)  # the reasons and alternatives were shown (True) or folded

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Form", parent)
        named(self, "Form")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 6)
        lay.setSpacing(4)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAccessibleName("Form headline")
        bold = self.headline.font()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setAccessibleName("Suggested form")
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.headline)
        lay.addWidget(self.suggestion)
        self.combo = self._form_combo(k)
        self.message = FieldMessage("Form")
        marks.register(self.combo, self.message)
        self.details_button = self._details_button()
        lay.addLayout(self._choice_row())
        lay.addStretch(1)  # a taller box (beside the daily total) grows under the choice
        self.combo.currentIndexChanged.connect(self.changed)
        self.set_details_shown(True)

    def _form_combo(self, k: Knowledge) -> QComboBox:
        combo = QComboBox()
        combo.addItem("Suggested", None)
        for fid, f in k.forms.items():
            combo.addItem(f.name, fid)
        combo.setToolTip("Use the suggested form, or pick another one yourself")
        named(combo, "Form to use", "Suggested, or a form you pick instead")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _details_button(self) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setText("Why?")
        button.setToolTip("Why this form: show or fold the reasons and their sources")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        named(button, "Why this form", "Show or fold the reasons for the form and its sources")
        button.toggled.connect(self._show_details)
        button.toggled.connect(self.detailsToggled)
        return button

    def _choice_row(self) -> QHBoxLayout:
        """The choice of form, and the switch of the details beside it."""
        row = QHBoxLayout()
        label = QLabel("&Use form:")
        label.setBuddy(self.combo)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(stacked(self.combo, self.message), 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def details_shown(self) -> bool:
        return self.details_button.isChecked()

    def set_details_shown(self, shown: bool) -> None:
        """Show the reasons, their sources and the alternatives under the headline (True), or
        the headline alone, with the details in its tooltip (False)."""
        self.details_button.setChecked(shown)  # emits detailsToggled when it changes
        self._show_details(shown)

    def _show_details(self, shown: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.details_button.setArrowType(arrow)
        # the details begin with the headline: one of the two labels is shown, never both
        self.suggestion.setVisible(shown)
        self.headline.setVisible(not shown)

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
        details = _headline_plain(words)
        self.suggestion.setAccessibleDescription(" ".join(details.split()))
        self.headline.setText(words.title or NO_FORM)
        self.headline.setToolTip(details)
        self.headline.setAccessibleDescription(" ".join(details.split()))


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
    return "<br>".join(parts) or NO_FORM


def _headline_plain(words: HeadlineWords) -> str:
    """The same as plain lines, for the headline's tooltip and assistive technology."""
    parts = [words.title, words.suggested_instead]
    parts += [f"{e.reason}\nSource: {e.sources}" for e in words.explanations]
    if words.alternatives:
        parts.append(f"Alternatives you can pick below: {', '.join(words.alternatives)}.")
    return "\n".join(p for p in parts if p) or NO_FORM
