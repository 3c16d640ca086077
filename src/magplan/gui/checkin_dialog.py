"""The check-in dialog: a questionnaire (PHQ-8, GAD-7, WHO-5), the sleep diary, bowel movements,
or cramp or migraine days, answered in the window.

Every question, answer, band, attribution and source is the check-in definitions'
(:mod:`magplan.journal.scales`, from ``resources/checkins.toml``); the dialog lays them out and
checks the answers with the same rules as the command line. After ``exec()`` gives Accepted,
:meth:`CheckinDialog.values` gives the answers and the score as the journal keeps them
(:meth:`magplan.journal.store.Journal.add_checkin`).

The keyboard reaches everything: Tab goes from question to question, the arrow keys choose an
answer within one. OK is available once every question is answered; the line beside it says
which are left, and a question skipped on the way is marked at the question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QMargins, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from magplan.gui.fields import (
    INVALID,
    Errors,
    FieldMarks,
    FieldMessage,
    named,
    sentence,
    with_problem,
)
from magplan.gui.stool_drawings import DRAWING_SIZE, DRAWN_SHAPES, stool_form_icon
from magplan.journal.scales import (
    KINDS,
    SCALE_KINDS,
    CheckinInputError,
    Option,
    Scale,
    SleepDiary,
    StoolEntry,
    definitions,
    scale,
    score,
)

NOT_GIVEN = "not given"
"""What a number field shows before the person gives it (nothing is assumed for them)."""

Answers = tuple[dict[str, Any], float | None]
"""A check-in's answers as the journal keeps them (JSON), and its score."""


# ---- words the dialog builds from the definitions -------------------------------------------


def questions_left_text(left: Sequence[str]) -> str:
    """``["question 3", "question 5"]`` -> ``"Still to answer: questions 3 and 5."``"""
    if not left:
        return "Every question is answered."
    numbers = [q.removeprefix("question ") for q in left if q.startswith("question ")]
    if len(numbers) == len(left):
        noun = "question" if len(numbers) == 1 else "questions"
        return f"Still to answer: {noun} {_and_list(numbers)}."
    return f"Still to answer: {_and_list(list(left))}."


def _and_list(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def running_score_text(q: Scale, answers: Sequence[int | None]) -> str:
    """The score as the person answers: the sum so far and its band, how many questions are
    left; the WHO-5's percentage beside its raw score."""
    given = [a for a in answers if a is not None]
    if not given:
        return "Score: shown as you answer"
    value = sum(given)
    percent = q.percent(value)
    number = f"{value} of {q.max_score}" + ("" if percent is None else f" ({percent}%)")
    band = q.band_for(value).label
    left = len(answers) - len(given)
    if left:
        more = "1 question" if left == 1 else f"{left} questions"
        return f"Score so far: {number}, {band} so far ({more} left)"
    return f"Score: {number}, {band}"


def bands_text(q: Scale) -> str:
    """The scale's bands as its authors define them: ``"0-4 none/minimal, 5-9 mild, ..."``;
    on the percentage for the WHO-5."""
    unit = "%" if q.bands_on == "percent" else ""
    bands = ", ".join(f"{b.low}-{b.high}{unit} {b.label}" for b in q.bands)
    return f"Bands ({'on the percentage' if unit else 'on the score'}): {bands}"


def sources_text(keys: Sequence[str]) -> str:
    """``"Source: <full title>"`` (or Sources, each in full) for source keys."""
    from magplan.core.knowledge import load_knowledge

    k = load_knowledge()
    titles = [k.source_title(key) for key in keys]
    return ("Source: " if len(titles) == 1 else "Sources: ") + "; ".join(titles)


def hours_text(minutes: int) -> str:
    """480 -> ``"8 h"``, 450 -> ``"7 h 30 min"``."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" + (f" {rest} min" if rest else "")


def efficiency_text(hours_slept: float | None, time_in_bed_min: int) -> str:
    """The sleep efficiency the diary gives, with the time in bed it is judged against."""
    in_bed = hours_text(time_in_bed_min)
    waiting = f"Sleep efficiency: shown once the hours slept are given ({in_bed} in bed)."
    if hours_slept is None:
        return waiting
    quality = min(o.value for o in definitions().sleep.quality)
    try:
        night = SleepDiary(latency_min=0, wakings=0, hours_slept=hours_slept, quality=quality)
    except CheckinInputError:
        return waiting  # hours the diary refuses: the field says why
    percent = night.efficiency_pct(time_in_bed_min)
    text = (
        f"Sleep efficiency: {percent:.0f}%, {_hours_number(hours_slept)} h asleep of "
        f"{in_bed} in bed (bedtime to wake time)."
    )
    if hours_slept * 60 > time_in_bed_min:
        text += f" More hours slept than {in_bed} in bed count as 100%."
    return text


def _hours_number(hours: float) -> str:
    return f"{hours:g}"


# ---- pieces every check-in is made of -------------------------------------------------------


def _wrapped(text: str, *, bold: bool = False, small: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold or small:
        font = label.font()
        font.setBold(bold)
        if small:
            font.setPointSizeF(font.pointSizeF() * 0.92)
        label.setFont(font)
    return label


def _note(text: str, name: str) -> QLabel:
    """A small line of words that belongs with the check-in (an attribution, a source)."""
    label = _wrapped(text, small=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    named(label, name, text)
    return label


class Question(QWidget):
    """One numbered question: its words, the control that answers it, and the line under it
    where a problem is said. A problem marked at the question (its tooltip and accessible
    description, see :class:`~magplan.gui.fields.FieldMarks`) reaches each of its controls
    too, after the control's own description, so the one that has the keyboard says it."""

    def __init__(self, number: int, text: str, answer: QWidget) -> None:
        super().__init__()
        self.number = number
        self.text = text
        self.answer = answer
        self._own_descriptions: dict[QWidget, str] = {}
        self._own_tooltips: dict[QWidget, str] = {}
        self.label = _wrapped(f"{number}. {text}")
        self.message = FieldMessage(f"question {number}")
        named(self, f"Question {number}", text)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(4)
        lay.addWidget(self.label)
        lay.addWidget(answer)
        lay.addWidget(self.message)

    def controls(self) -> list[QWidget]:
        """The widgets the keyboard reaches in this question."""
        found = [w for w in self.answer.findChildren(QWidget) if w.accessibleName()]
        return [w for w in found if not isinstance(w, QLabel)] or [self.answer]

    def show_marked(self, marked: bool) -> None:
        """Mark the question's own fields (a number field's red border) while a problem is
        marked at the question."""
        for control in self.controls():
            if isinstance(control, QAbstractSpinBox) and control.property(INVALID) != marked:
                control.setProperty(INVALID, marked)
                control.style().unpolish(control)
                control.style().polish(control)
                control.update()

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        for control in self.controls():
            if text:
                self._own_tooltips.setdefault(control, control.toolTip())
                control.setToolTip(text)
            elif control in self._own_tooltips:
                control.setToolTip(self._own_tooltips.pop(control))

    def setAccessibleDescription(self, text: str) -> None:
        super().setAccessibleDescription(text)
        problem = text.partition("Problem: ")[2]
        for control in self.controls():
            if problem:
                own = self._own_descriptions.setdefault(control, control.accessibleDescription())
                control.setAccessibleDescription(with_problem(own, problem))
            elif control in self._own_descriptions:
                control.setAccessibleDescription(self._own_descriptions.pop(control))


class Choices(QWidget):
    """One question's answers as a row of radio buttons, none chosen at first. Tab stops once
    in the row (at the chosen answer, or the first); the arrow keys move along it, and choose
    once an answer is chosen (Space chooses the one with the keyboard). ``numbered``: each
    answer shows the number it scores, as on the questionnaire's own form."""

    chosen = Signal()

    def __init__(
        self,
        options: Sequence[Option],
        question: str,
        *,
        vertical: bool = False,
        numbered: bool = False,
    ) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        lay: QHBoxLayout | QVBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        lay.setContentsMargins(16, 0, 0, 0)
        lay.setSpacing(4 if vertical else 14)
        for place, option in enumerate(options):
            text = f"{option.label} ({option.value})" if numbered else option.label
            button = QRadioButton(text)
            named(button, text, question)
            if place:  # Qt's own rule once a button has had focus: only one stop per row
                button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.group.addButton(button, option.value)
            lay.addWidget(button)
        if not vertical:
            lay.addStretch(1)
        self.group.idToggled.connect(lambda _id, on: self.chosen.emit() if on else None)

    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def value(self) -> int | None:
        """The chosen answer's number, or None."""
        found = self.group.checkedId()
        return None if found == -1 else found

    def button(self, value: int) -> QAbstractButton:
        found = self.group.button(value)
        assert found is not None, f"no answer {value}"
        return found

    def clear(self) -> None:
        """Choose nothing (an exclusive group keeps one chosen otherwise)."""
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)


class _AnswerSpin(QSpinBox):
    """A whole number the person gives, from ``low`` to ``high``; it shows "not given" until
    they give one (the step from there goes to ``low``)."""

    def __init__(self, low: int, high: int, step: int = 1, suffix: str = "") -> None:
        super().__init__()
        self._low = low
        self.setRange(low - 1, high)
        self.setSingleStep(step)
        self.setSpecialValueText(NOT_GIVEN)
        self.setSuffix(suffix)
        self.setValue(self.minimum())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(f"{NOT_GIVEN}  {high}") + 40)

    def answer(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def stepBy(self, steps: int) -> None:
        if self.value() == self.minimum() and steps > 0:
            self.setValue(self._low)
        else:
            super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _typing_replaces_not_given(self, event)
        super().keyPressEvent(event)


class _HoursSpin(QDoubleSpinBox):
    """Hours, in quarters (``6.5``), shown without needless zeros; "not given" at first."""

    STEP = 0.25

    def __init__(self, high: int) -> None:
        super().__init__()
        self.setDecimals(2)
        self.setRange(-self.STEP, high)
        self.setSingleStep(self.STEP)
        self.setSpecialValueText(NOT_GIVEN)
        self.setSuffix(" h")
        self.setValue(self.minimum())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(f"{NOT_GIVEN}  24.25 h") + 40)

    def answer(self) -> float | None:
        return None if self.value() == self.minimum() else round(self.value(), 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _typing_replaces_not_given(self, event)
        super().keyPressEvent(event)

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(value, "f", 2)
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


def _typing_replaces_not_given(spin: QAbstractSpinBox, event: QKeyEvent) -> None:
    """A number typed into a field that says "not given" replaces those words, however the
    field was reached (a click leaves the cursor inside them)."""
    typed = event.text()
    if spin.text() == NOT_GIVEN and typed and (typed.isdigit() or typed in "-+.,"):
        edit = spin.findChild(QLineEdit)
        if edit is not None:
            edit.clear()


class CheckinForm(QWidget):
    """What every check-in gives the dialog: its title, what is left to answer, the problems
    at its questions, and, once complete, its answers and score."""

    changed = Signal()
    title = ""

    def questions(self) -> list[Question]:
        return self.findChildren(Question)

    def left(self) -> list[str]:
        """The questions still to answer, in words (``"question 3"``)."""
        return [f"question {q.number}" for q in self.questions() if self.unanswered(q)]

    def answered(self, question: Question) -> bool:
        """Whether ``question`` has an answer."""
        raise NotImplementedError

    def required(self, question: Question) -> bool:
        """Whether ``question`` needs an answer (as things are answered now)."""
        return True

    def unanswered(self, question: Question) -> bool:
        return self.required(question) and not self.answered(question)

    def skipped(self) -> Errors:
        """Each question left unanswered before one that is answered: marked at it."""
        questions = sorted(self.questions(), key=lambda q: q.number)
        answered = [q.number for q in questions if self.answered(q)]
        last = max(answered, default=0)
        return {
            q: f"Not answered yet: OK waits for an answer to question {q.number}."
            for q in questions
            if q.number < last and self.unanswered(q)
        }

    def problems(self) -> Errors:
        """The messages to mark at the questions (skipped ones, and answers the check-in's
        rules refuse)."""
        errors = self.skipped()
        if not self.left():
            try:
                self.values()
            except CheckinInputError as exc:
                errors[self.question_for(exc.field)] = sentence(exc.message)
        return errors

    def question_for(self, field: str) -> Question:
        """The question a :class:`CheckinInputError`'s field names (the first by default)."""
        return min(self.questions(), key=lambda q: q.number)

    def values(self) -> Answers:
        raise NotImplementedError

    def _column(self) -> QVBoxLayout:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        return lay


# ---- the questionnaires ---------------------------------------------------------------------


class ScaleForm(CheckinForm):
    """PHQ-8, GAD-7 or WHO-5, word for word: the stem, each item with its answers in a row, the
    running score and band, the bands, the attribution and the sources."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.scale = scale(kind)
        self.title = self.scale.title
        lay = self._column()
        stem = _wrapped(self.scale.stem, bold=True)
        named(stem, "Instructions", self.scale.stem)
        lay.addWidget(stem)
        self.items: list[Choices] = []
        for number, item in enumerate(self.scale.items, start=1):
            choices = Choices(self.scale.options, f"Question {number}: {item}", numbered=True)
            choices.chosen.connect(self._answered)
            self.items.append(choices)
            lay.addWidget(Question(number, item, choices))
        self.score_label = _wrapped("", bold=True)
        self.bands_label = _note(bands_text(self.scale), "Bands")
        lay.addWidget(self.score_label)
        lay.addWidget(self.bands_label)
        lay.addWidget(_note(self.scale.attribution, "Attribution"))
        lay.addWidget(_note(sources_text(self.scale.sources), "Sources"))
        lay.addStretch(1)
        self._show_score()

    def answers(self) -> list[int | None]:
        return [choices.value() for choices in self.items]

    def answered(self, question: Question) -> bool:
        return self.items[question.number - 1].value() is not None

    def values(self) -> Answers:
        given = [a for a in self.answers() if a is not None]
        if len(given) != len(self.items):
            raise CheckinInputError(
                "answers", f"{self.scale.name}: {questions_left_text(self.left())}"
            )
        return {"items": given}, float(score(self.scale.kind, given).value)

    def _answered(self) -> None:
        self._show_score()
        self.changed.emit()

    def _show_score(self) -> None:
        text = running_score_text(self.scale, self.answers())
        self.score_label.setText(text)
        named(self.score_label, "Score", f"{text}. {bands_text(self.scale)}")


# ---- the sleep diary ------------------------------------------------------------------------


class SleepForm(CheckinForm):
    """The sleep diary in the project's own words: minutes to fall asleep, night wakings,
    hours slept, quality 1 to 5, and the sleep efficiency they give against the time in bed
    (the person's bedtime to wake time)."""

    def __init__(self, time_in_bed_min: int) -> None:
        super().__init__()
        q = definitions().sleep
        self.title = q.name
        self.time_in_bed_min = time_in_bed_min
        quality = [o.value for o in q.quality]
        self.latency_spin = _AnswerSpin(0, q.latency_max_min, step=5, suffix=" min")
        self.wakings_spin = _AnswerSpin(0, q.wakings_max)
        self.hours_spin = _HoursSpin(q.hours_max)
        self.quality_spin = _AnswerSpin(min(quality), max(quality))
        self.quality_word = QLabel()
        self.efficiency_label = _wrapped("", bold=True)
        lay = self._column()
        for whole in (self.latency_spin, self.wakings_spin, self.quality_spin):
            whole.valueChanged.connect(self._edited)
        self.hours_spin.valueChanged.connect(self._edited)
        for number, (text, spin) in enumerate(
            (
                (q.latency_question, self.latency_spin),
                (q.wakings_question, self.wakings_spin),
                (q.hours_question, self.hours_spin),
                (q.quality_question, self.quality_spin),
            ),
            start=1,
        ):
            named(spin, text)
            answer = _beside(spin, self.quality_word if spin is self.quality_spin else None)
            lay.addWidget(Question(number, text, answer))
        named(self.quality_word, "Sleep quality in words")
        lay.addWidget(self.efficiency_label)
        lay.addWidget(_note(sources_text(q.sources), "Sources"))
        lay.addStretch(1)
        self._show_efficiency()

    def spins(self) -> list[QSpinBox | QDoubleSpinBox]:
        return [self.latency_spin, self.wakings_spin, self.hours_spin, self.quality_spin]

    def answered(self, question: Question) -> bool:
        spin = self.spins()[question.number - 1]
        return spin.value() != spin.minimum()

    def question_for(self, field: str) -> Question:
        order = ("latency", "wakings", "hours", "quality")
        number = order.index(field) + 1 if field in order else 1
        return next(q for q in self.questions() if q.number == number)

    def problems(self) -> Errors:
        """Skipped questions, and each given answer the diary's rules refuse, as soon as it is
        given (the others are taken at their lowest for the check)."""
        errors = self.skipped()
        q = definitions().sleep
        latency, wakings = self.latency_spin.answer(), self.wakings_spin.answer()
        hours, quality = self.hours_spin.answer(), self.quality_spin.answer()
        try:
            SleepDiary(
                0 if latency is None else latency,
                0 if wakings is None else wakings,
                0 if hours is None else hours,
                min(o.value for o in q.quality) if quality is None else quality,
            )
        except CheckinInputError as exc:
            errors[self.question_for(exc.field)] = sentence(exc.message)
        return errors

    def diary(self) -> SleepDiary:
        """The night as given; raises :class:`CheckinInputError` while a value is missing."""
        latency, wakings = self.latency_spin.answer(), self.wakings_spin.answer()
        hours, quality = self.hours_spin.answer(), self.quality_spin.answer()
        if latency is None or wakings is None or hours is None or quality is None:
            raise CheckinInputError("sleep", "the sleep diary is not complete")
        return SleepDiary(latency, wakings, hours, quality)

    def values(self) -> Answers:
        night = self.diary()
        return dict(night.answers()), round(night.efficiency_pct(self.time_in_bed_min), 1)

    def _edited(self) -> None:
        self._show_efficiency()
        self.changed.emit()

    def _show_efficiency(self) -> None:
        text = efficiency_text(self.hours_spin.answer(), self.time_in_bed_min)
        self.efficiency_label.setText(text)
        named(self.efficiency_label, "Sleep efficiency", text)
        quality = self.quality_spin.answer()
        words = {o.value: o.label for o in definitions().sleep.quality}
        self.quality_word.setText("" if quality is None else words[quality])


def _beside(field: QWidget, extra: QWidget | None = None) -> QWidget:
    """A field (and a word about it) on one row, held to the left."""
    row = QWidget()
    lay = QHBoxLayout(row)
    lay.setContentsMargins(16, 0, 0, 0)
    lay.addWidget(field)
    if extra is not None:
        lay.addWidget(extra)
    lay.addStretch(1)
    return row


# ---- bowel movements ------------------------------------------------------------------------


class StoolsForm(CheckinForm):
    """How many bowel movements, and (when there was at least one) what they were mostly like:
    five forms, each with the project's own drawing and words."""

    def __init__(self) -> None:
        super().__init__()
        q = definitions().stools
        self.title = q.name
        self.count_spin = _AnswerSpin(0, q.count_max)
        named(self.count_spin, q.count_question)
        self.count_spin.valueChanged.connect(self._counted)
        self.forms = Choices(
            [Option(place, f"{f.label}: {f.description}") for place, f in enumerate(q.forms)],
            f"Question 2: {q.form_question}",
            vertical=True,
        )
        for form, button in zip(q.forms, self.forms.buttons(), strict=True):
            button.setText(f"{form.label} — {form.description}")
            button.setAccessibleDescription(f"Drawing: {DRAWN_SHAPES[form.id]}")
            button.setIconSize(DRAWING_SIZE)
        self.forms.chosen.connect(self.changed.emit)
        self.form_rule = _note(
            "Choose a form when there was at least one; with none, there is no form.", "Form rule"
        )
        lay = self._column()
        lay.addWidget(Question(1, q.count_question, _beside(self.count_spin)))
        lay.addWidget(Question(2, q.form_question, self.forms))
        lay.addWidget(self.form_rule)
        lay.addWidget(_note(sources_text(q.sources), "Sources"))
        lay.addStretch(1)
        self._draw()
        self._counted()

    def answered(self, question: Question) -> bool:
        if question.number == 1:
            return self.count_spin.answer() is not None
        return self.forms.value() is not None

    def required(self, question: Question) -> bool:
        """The form is asked only when there was at least one bowel movement."""
        return question.number == 1 or bool(self.count_spin.answer())

    def question_for(self, field: str) -> Question:
        number = 2 if field == "stool-form" else 1
        return next(q for q in self.questions() if q.number == number)

    def entry(self) -> StoolEntry:
        """The day as given; raises :class:`CheckinInputError` while it is not complete."""
        count = self.count_spin.answer()
        if count is None:
            raise CheckinInputError("stools", "the number of bowel movements is not given")
        chosen = self.forms.value()
        form = None if chosen is None else definitions().stools.forms[chosen].id
        if count > 0 and form is None:
            raise CheckinInputError("stool-form", "choose what they were mostly like")
        return StoolEntry(count, form)

    def values(self) -> Answers:
        day = self.entry()
        return dict(day.answers()), float(day.count)

    def _counted(self) -> None:
        """No form without a bowel movement: the forms are there to choose only from 1 on."""
        some = bool(self.count_spin.answer())
        if not some:
            self.forms.clear()
        self.forms.setEnabled(some)
        self.changed.emit()

    def _draw(self) -> None:
        ratio = self.devicePixelRatioF()
        for form, button in zip(definitions().stools.forms, self.forms.buttons(), strict=True):
            button.setIcon(stool_form_icon(form.id, self.palette(), ratio))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw()  # light or dark: the drawings follow
        super().changeEvent(event)


# ---- cramp and migraine days ----------------------------------------------------------------


class DaysForm(CheckinForm):
    """On how many of the last 7 days something happened: 0 to 7 in a row."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        count = definitions().counts[kind]
        self.title = count.name
        days = [Option(n, str(n)) for n in range(count.days_max + 1)]
        self.days = Choices(days, count.question)
        for n, button in enumerate(self.days.buttons()):
            named(button, "1 day" if n == 1 else f"{n} days", count.question)
        self.days.chosen.connect(self.changed.emit)
        lay = self._column()
        lay.addWidget(Question(1, count.question, self.days))
        lay.addStretch(1)

    def answered(self, question: Question) -> bool:
        return self.days.value() is not None

    def values(self) -> Answers:
        chosen = self.days.value()
        found = score(self.kind, [] if chosen is None else [chosen])
        return {"days": found.value}, float(found.value)


def make_form(kind: str, time_in_bed_min: int = 480) -> CheckinForm:
    """The questions of check-in ``kind``."""
    if kind in SCALE_KINDS:
        return ScaleForm(kind)
    if kind == "sleep":
        return SleepForm(time_in_bed_min)
    if kind == "stools":
        return StoolsForm()
    if kind in definitions().counts:
        return DaysForm(kind)
    raise ValueError(f"unknown check-in {kind!r}: the journal keeps {', '.join(KINDS)}")


# ---- the dialog -----------------------------------------------------------------------------


class CheckinDialog(QDialog):
    """One check-in of ``kind`` (``phq8``, ``gad7``, ``who5``, ``sleep``, ``stools``,
    ``cramp_days``, ``migraine_days``). ``time_in_bed_min``: the person's bedtime to wake
    time, which the sleep diary's efficiency is judged against."""

    def __init__(
        self, kind: str, parent: QWidget | None = None, *, time_in_bed_min: int = 480
    ) -> None:
        super().__init__(parent)
        if time_in_bed_min <= 0:
            raise ValueError(f"time in bed must be more than 0 minutes, not {time_in_bed_min}")
        _guard_the_wheel()  # before the spin boxes exist: each is guarded as it is polished
        self.kind = kind
        self._available: QRect | None = None  # the screen's free area, once fitted to it
        self.form = make_form(kind, time_in_bed_min)
        self.marks = FieldMarks()
        for question in self.form.questions():
            self.marks.register(question, question.message)
        self.setWindowTitle(self.form.title)
        named(self, self.form.title, "A check-in for the journal")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.form)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes question to question
        named(self.scroll_area, "Questions")
        self.left_label = _wrapped("")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert ok is not None and cancel is not None
        self.ok_button: QPushButton = ok
        named(cancel, "Cancel", "Close without keeping this check-in")
        self._lay_out()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self._update)
        self._update()
        self._restyle()
        self.fit_within(_available(parent))

    def _lay_out(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.left_label, 1)
        bottom.addWidget(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.scroll_area, 1)
        lay.addLayout(bottom)

    def values(self) -> Answers:
        """The answers as the journal keeps them and the score: ``({"items": [...]}, 12.0)``.
        Raises :class:`CheckinInputError` while the check-in is not complete."""
        return self.form.values()

    def _update(self) -> None:
        left = self.form.left()
        errors = self.form.problems()
        self.marks.apply(errors)
        for question in self.form.questions():
            question.show_marked(question in errors)
        self._grow_to_fit()
        text = questions_left_text(left)
        self.left_label.setText("" if not left and not errors else text)
        named(self.left_label, "Still to answer", text)
        ready = not left and not errors
        self.ok_button.setEnabled(ready)
        self.ok_button.setToolTip("Keep this check-in" if ready else text)
        named(self.ok_button, "OK", "Keep this check-in" if ready else text)

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not skip a question
            super().accept()

    def fit_within(self, available: QRect) -> None:
        """Take the size the questions need, within ``available`` (a screen's free area); the
        questions scroll when it is too small."""
        self._available = available
        self.resize(self._wanted_size(available))

    def _wanted_size(self, available: QRect) -> QSize:
        """The size that shows every question without scrolling, within ``available``."""
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        lay = self.layout()
        margins = lay.contentsMargins() if lay is not None else QMargins(12, 12, 12, 12)
        spacing = lay.spacing() if lay is not None else 6
        wanted = max(self.form.sizeHint().width(), self.form.minimumSizeHint().width(), 560)
        width = min(wanted + bar + margins.left() + margins.right(), available.width() - 32)
        inner = width - bar - margins.left() - margins.right()
        form_lay = self.form.layout()
        form_height = (
            form_lay.totalHeightForWidth(inner)
            if form_lay is not None and form_lay.hasHeightForWidth()
            else self.form.sizeHint().height()
        )
        bottom = max(self.buttons.sizeHint().height(), self.left_label.heightForWidth(inner // 2))
        height = form_height + spacing + bottom + margins.top() + margins.bottom() + 4
        return QSize(width, min(height, available.height() - 48))

    def _grow_to_fit(self) -> None:
        """A message that appeared under a question makes the dialog taller while the screen
        has room (it never shrinks under the person's eyes)."""
        if self._available is None:
            return
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the message's line
        wanted = self._wanted_size(self._available)
        if wanted.height() > self.height():
            self.resize(self.width(), wanted.height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._grow_to_fit()  # what was answered before it showed is measured now

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        from magplan.gui.theme import invalid_style_sheet

        self.setStyleSheet(invalid_style_sheet(self.palette()))
        show_rings(self.form.findChildren(QRadioButton), self.palette(), _style_name())


def show_rings(buttons: Sequence[QRadioButton], palette: QPalette, style_name: str) -> None:
    """Keep the rings of the radio buttons visible on a dark palette. Qt's Fusion style draws
    a ring in the window colour made darker, which vanishes on a dark window: there the
    buttons get a window colour from which the ring stands out at 3:1 (WCAG 2.1 for controls).
    Any other palette or style draws them as it does everywhere."""
    from magplan.gui.theme import is_dark, readable_on

    window = palette.color(QPalette.ColorRole.Window)
    if style_name.lower() != "fusion" or not is_dark(palette):
        for button in buttons:
            button.setPalette(QPalette())  # as the dialog's
        return
    ring = readable_on(window.darker(140), window)
    for button in buttons:
        own = QPalette(palette)
        own.setColor(QPalette.ColorRole.Window, ring.lighter(140))
        button.setPalette(own)


def _available(parent: QWidget | None) -> QRect:
    """The free area of the screen the dialog opens on."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def _guard_the_wheel() -> None:
    """A wheel over a number the person has not focused scrolls the questions instead."""
    from magplan.gui.wheel_guard import install_wheel_guard

    app = QApplication.instance()
    if app is not None:
        install_wheel_guard(app)


def _style_name() -> str:
    """The application's style (a dialog with a style sheet has a style with no name)."""
    style = QApplication.style()
    return style.name() if style is not None else ""
