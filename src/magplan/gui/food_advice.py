"""The Food page's results: the estimate against the person's requirements beside what the
supplement plan adds (:class:`EstimatePanel`, with the choice to plan the dietary gap), and the
food-first suggestions and the grocery list with meal ideas (:class:`AdviceView`).

Every sentence comes from :mod:`magplan.present.diet` (:class:`~magplan.present.diet.FoodSheet`);
these widgets only lay them out.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import FieldMarks, FieldMessage, named
from magplan.gui.food_bar import IntakeBar
from magplan.gui.journal_words import muted
from magplan.gui.stale_plan import stale_text
from magplan.gui.theme import severity_color
from magplan.present.diet import FOOD_PAGE_NO_DIET, GAP_TARGET, GAP_TARGET_NOTE, FoodSheet

FOCUS_FRAME_PX = 2  # the frame round the advice while it has the keyboard
GAP_NEEDS_DIET = "Give what you eat first: the gap is counted from the diet estimate."


class EstimatePanel(QGroupBox):
    """The diet estimate, the person's EAR and RDA, what the plan adds and the total, and
    the choice to plan the dietary gap."""

    def __init__(self, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Your estimate", parent)
        named(self, "Your estimate")
        column = QVBoxLayout(self)
        column.setSpacing(4)
        self.estimate_label = _wrapped("Diet estimate")
        font = QFont(self.estimate_label.font())
        font.setBold(True)
        self.estimate_label.setFont(font)
        self.bar = IntakeBar()
        self.carried_label = _wrapped("Foods that carried the estimate")
        self.supplement_label = _wrapped("With the supplement plan")
        self.caveat_label = muted(_wrapped("About the estimate"))
        self.gap_box = QCheckBox(GAP_TARGET.replace("gap", "&gap", 1))  # Alt+G
        named(self.gap_box, GAP_TARGET, GAP_TARGET_NOTE)
        self.gap_box.setToolTip(GAP_TARGET_NOTE)  # before it is registered: a mark restores it
        self._marks = marks
        self.gap_message = FieldMessage(GAP_TARGET)
        marks.register(self.gap_box, self.gap_message)
        self.stale_label = _wrapped("Input problem")
        for widget in (
            self.estimate_label,
            self.bar,
            self.carried_label,
            self.supplement_label,
            self.caveat_label,
            self.gap_box,
            self.gap_message,
            self.stale_label,
        ):
            column.addWidget(widget)
        self.stale_label.hide()

    def show_sheet(self, sheet: FoodSheet, caveat: str, requirement: str) -> None:
        """The estimate's sentences (without a diet: how to give one, and the person's
        ``requirement``)."""
        estimate = sheet.estimate.removesuffix(caveat).strip() if caveat else sheet.estimate
        carried = sheet.carried_by if estimate else requirement
        self.estimate_label.setText(estimate or FOOD_PAGE_NO_DIET)
        self.carried_label.setText(carried)
        self.carried_label.setVisible(bool(carried))
        self.supplement_label.setText(sheet.supplement)
        self.supplement_label.setVisible(bool(sheet.supplement))
        self.caveat_label.setText(caveat if sheet.estimate else "")
        self.caveat_label.setVisible(bool(sheet.estimate))
        self.setAccessibleDescription(
            " ".join(t for t in (estimate or FOOD_PAGE_NO_DIET, carried, sheet.supplement) if t)
        )

    def show_gap_choice(self, ticked: bool, diet_given: bool) -> None:
        """The choice as the answers say; it can be ticked only with a diet (a ticked box
        stays usable, so that it can be cleared)."""
        self.gap_box.blockSignals(True)
        self.gap_box.setChecked(ticked)
        self.gap_box.blockSignals(False)
        usable = diet_given or ticked
        self.gap_box.setEnabled(usable)
        if not self._marks.message(self.gap_box):  # a marked box's tooltip is its message
            self.gap_box.setToolTip(GAP_TARGET_NOTE if usable else GAP_NEEDS_DIET)

    def show_problems(self, messages: list[str]) -> None:
        """While a field is marked, the estimate shown is the last valid plan's: say so."""
        text = stale_text(messages) if messages else ""
        if text:
            palette = self.stale_label.palette()
            color = severity_color("caution", self.palette())
            palette.setColor(QPalette.ColorRole.WindowText, color)
            self.stale_label.setPalette(palette)
        self.stale_label.setText(text)
        self.stale_label.setVisible(bool(text))


class AdviceView(QTextBrowser):
    """The foods that would close the gap first, then the grocery list by category with meal
    ideas, and where the figures come from: one text that scrolls and can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "Food first and grocery list")
        room = max(0, FOCUS_FRAME_PX - self.frameWidth())  # the frame's room, in the text's
        self.setViewportMargins(room, room, room, room)
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.suggestions: tuple[str, ...] = ()
        self.heading = ""

    def event(self, event: QEvent) -> bool:
        """Over the frame, while the text has the keyboard, a frame in the highlight (the
        style's own shows no focus here)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.hasFocus():
            painter = QPainter(self)
            color = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(color, FOCUS_FRAME_PX))
            half = FOCUS_FRAME_PX / 2
            painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
            painter.end()
        return handled

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def show_sheet(self, sheet: FoodSheet) -> None:
        self.suggestions = sheet.suggestions
        self.heading = sheet.suggestions_heading
        self.setHtml(advice_html(sheet))
        self.setAccessibleDescription(" ".join((self.heading, *self.suggestions)))


def advice_html(sheet: FoodSheet) -> str:
    """The suggestions (when the diet leaves a gap), the grocery shelves and the sources, in
    the palette's colours (no colour of its own)."""
    parts: list[str] = []
    if sheet.suggestions:
        parts.append(f"<h3>{escape(sheet.suggestions_heading)}</h3><ul>")
        parts.extend(f"<li>{escape(s)}</li>" for s in sheet.suggestions)
        parts.append("</ul>")
    parts.extend(f"<p><small>{escape(n)}</small></p>" for n in sheet.notes)
    if sheet.shelves:
        parts.append("<h3>Grocery list</h3>")
    for shelf in sheet.shelves:
        parts.append(f"<h4>{escape(shelf.name)}</h4><ul>")
        parts.extend(
            f"<li>{escape(f.name)}, {escape(f.serving)}: {escape(f.mg)} mg</li>"
            for f in shelf.foods
        )
        parts.append("</ul>")
        if shelf.meal_ideas:
            ideas = "; ".join(escape(i) for i in shelf.meal_ideas)
            parts.append(f"<p><i>Meal ideas:</i> {ideas}</p>")
    parts.append(f"<p><small>{escape(sheet.sources)}</small></p>")
    return "".join(parts)


def _wrapped(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
