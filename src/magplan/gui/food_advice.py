"""The Food page's results: the estimate against the person's requirements beside what the
supplement plan adds (:class:`EstimatePanel`, with the choice to plan the dietary gap), and the
food-first suggestions and the grocery list with meal ideas (:class:`AdviceView`).

Every sentence comes from :mod:`magplan.present.diet` (:class:`~magplan.present.diet.FoodSheet`);
these widgets only lay them out.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import FieldMarks, FieldMessage, named
from magplan.gui.journal_words import muted
from magplan.gui.stale_plan import stale_text
from magplan.gui.theme import severity_color
from magplan.present.diet import GAP_TARGET, GAP_TARGET_NOTE, NO_DIET, FoodSheet

BAR_ROOM = 1.25  # the bar reaches this share past the RDA (or the total, when higher)
TICK_PX = 6  # the EAR's and RDA's marks, at the bar's edges (its words stay clear)
FOOD_ALPHA = 90  # the food's part of the bar: the highlight, lighter (of 255)
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
        self.estimate_label.setText(estimate or NO_DIET)
        self.carried_label.setText(carried)
        self.carried_label.setVisible(bool(carried))
        self.supplement_label.setText(sheet.supplement)
        self.supplement_label.setVisible(bool(sheet.supplement))
        self.caveat_label.setText(caveat if sheet.estimate else "")
        self.caveat_label.setVisible(bool(sheet.estimate))
        self.setAccessibleDescription(
            " ".join(t for t in (estimate or NO_DIET, carried, sheet.supplement) if t)
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


class IntakeBar(QWidget):
    """Magnesium a day from food and from supplements (the plan and the person's other
    products) as one bar, with the person's EAR and RDA marked on it (what the sentences
    beside it say, at a glance)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Magnesium a day from food and supplements, against the EAR and RDA")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.food_mg = 0.0
        self.supplement_mg = 0.0
        self.ear_mg: int | None = None
        self.rda_mg = 0

    def show_amounts(
        self, food_mg: float, supplement_mg: float, ear_mg: int | None, rda_mg: int
    ) -> None:
        self.food_mg, self.supplement_mg = food_mg, supplement_mg
        self.ear_mg, self.rda_mg = ear_mg, rda_mg
        ear = f"EAR {ear_mg} mg, " if ear_mg is not None else ""
        self.setAccessibleDescription(
            f"Food {food_mg:g} mg, supplements {supplement_mg:g} mg a day; {ear}RDA {rda_mg} mg"
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, self.fontMetrics().height() * 3)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def _x(self, mg: float, width: float) -> float:
        whole = max(self.rda_mg * BAR_ROOM, self.food_mg + self.supplement_mg, 1.0)
        return width * min(mg, whole) / whole

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text_px = self.fontMetrics().height()
        bar = QRectF(0.5, 0.5, self.width() - 1.0, self.height() - text_px - 3.0)
        painter.fillRect(bar, palette.color(QPalette.ColorRole.Base))
        food_w = self._x(self.food_mg, bar.width())
        supplement_w = self._x(self.food_mg + self.supplement_mg, bar.width()) - food_w
        light = QColor(palette.color(QPalette.ColorRole.Highlight))
        light.setAlpha(FOOD_ALPHA)
        food = QRectF(bar.left(), bar.top(), food_w, bar.height())
        supplement = QRectF(food.right(), bar.top(), supplement_w, bar.height())
        painter.fillRect(food, light)
        painter.fillRect(supplement, palette.color(QPalette.ColorRole.Highlight))
        self._label(painter, food, f"Food {self.food_mg:g} mg", QPalette.ColorRole.Text)
        words = f"Supplements {self.supplement_mg:g} mg"
        self._label(painter, supplement, words, QPalette.ColorRole.HighlightedText)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawRect(bar)
        marks = [("EAR", self.ear_mg), ("RDA", self.rda_mg)]
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 2))
        for name, mg in marks:
            if mg is None:  # no EAR for an infant
                continue
            x = bar.left() + self._x(mg, bar.width())
            painter.drawLine(int(x), int(bar.top()), int(x), int(bar.top() + TICK_PX))
            painter.drawLine(int(x), int(bar.bottom() - TICK_PX), int(x), int(bar.bottom() + 2))
            below = QRectF(x - 60, bar.bottom() + 2, 120, text_px)
            painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, f"{name} {mg}")
        painter.end()

    def _label(self, painter: QPainter, room: QRectF, text: str, role: QPalette.ColorRole) -> None:
        """``text`` in the middle of ``room`` when it fits there."""
        if self.fontMetrics().horizontalAdvance(text) + 8 > room.width():
            return
        painter.setPen(self.palette().color(role))
        painter.drawText(room, Qt.AlignmentFlag.AlignCenter, text)


class AdviceView(QTextBrowser):
    """The foods that would close the gap first, then the grocery list by category with meal
    ideas, and where the figures come from: one text that scrolls and can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "Food first and grocery list")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.suggestions: tuple[str, ...] = ()
        self.heading = ""

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
