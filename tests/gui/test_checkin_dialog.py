"""The check-in dialog, driven as a person answers it (issue 15, item 3): the questionnaires
word for word with their running score and band, the sleep diary and its efficiency, bowel
movements with our own drawings, cramp and migraine days; the keyboard, the marks at the
questions, accessible names, the size on a small screen, and dark mode."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.gui.checkin_dialog import (
    CheckinDialog,
    DaysForm,
    Question,
    ScaleForm,
    SleepForm,
    StoolsForm,
)
from magplan.gui.fields import FieldMessage
from magplan.gui.stool_drawings import DRAWING_SIZE, stool_colors
from magplan.gui.theme import contrast_ratio
from magplan.journal.scales import (
    KINDS,
    CheckinInputError,
    SleepDiary,
    definitions,
    scale,
    score,
)
from tests.gui.helpers import click, focused, wheel

# ---- driving the dialog ---------------------------------------------------------------------


def _open(qtbot: QtBot, kind: str, **kw: int) -> CheckinDialog:
    dialog = CheckinDialog(kind, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the keyboard is in it, as when it opens
    return dialog


def _scale_form(dialog: CheckinDialog) -> ScaleForm:
    assert isinstance(dialog.form, ScaleForm)
    return dialog.form


def _answer(qtbot: QtBot, dialog: CheckinDialog, answers: dict[int, int]) -> None:
    """Click the answer worth ``value`` of each question ``number`` (1 = the first)."""
    form = _scale_form(dialog)
    for number, value in answers.items():
        button = form.items[number - 1].button(value)
        dialog.scroll_area.ensureWidgetVisible(button)
        click(qtbot, button)


def _question(dialog: CheckinDialog, number: int) -> Question:
    return next(q for q in dialog.form.questions() if q.number == number)


def _shown_texts(widget: QWidget) -> list[str]:
    """Every text a person reads in ``widget``: labels and buttons."""
    labels = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    buttons = [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisible()]
    return labels + buttons


def _retype(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Click into a number field and type over what it says, as a person does."""
    edit = spin.findChild(QLineEdit)
    assert edit is not None
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(4, edit.height() // 2))
    assert focused() is spin  # keys go to the spin box, which passes them to its text
    if spin.text() != "not given":  # "not given" gives way to the first key by itself
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClicks(spin, text)


def _dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):
        pal.setColor(role, QColor(color))
    return pal


@pytest.fixture
def dark_desktop(qapp: QApplication) -> Iterator[QPalette]:
    """The desktop switched to a dark theme: the application's palette, as the platform gives
    it (a widget's own palette does not apply under the window's style sheet)."""
    before = QPalette(qapp.palette())
    dark = _dark_palette()
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(before)


# ---- 1. the questionnaires ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["phq8", "gad7", "who5"])
def test_a_questionnaire_shows_its_words_as_its_authors_wrote_them(qtbot: QtBot, kind: str) -> None:
    dialog = _open(qtbot, kind)
    q = scale(kind)
    texts = _shown_texts(dialog)
    assert dialog.windowTitle() == q.title
    assert q.stem in texts
    form = _scale_form(dialog)
    assert len(form.items) == len(q.items)
    for number, (item, choices) in enumerate(zip(q.items, form.items, strict=True), start=1):
        assert f"{number}. {item}" in texts  # word for word, numbered
        # the answers' words, with the number each scores (the WHO-5's stem speaks of them)
        assert [b.text() for b in choices.buttons()] == [
            f"{o.label} ({o.value})" for o in q.options
        ]
        assert [choices.group.id(b) for b in choices.buttons()] == [o.value for o in q.options]
        assert all(isinstance(b, QRadioButton) and not b.isChecked() for b in choices.buttons())
    assert q.attribution in texts
    k = load_knowledge()
    sources = next(t for t in texts if t.startswith("Source"))
    assert all(k.source_title(key) in sources for key in q.sources)
    # the attribution and the sources come after the last item
    last = form.items[-1].mapTo(form, QPoint(0, form.items[-1].height()))
    attribution = next(w for w in form.findChildren(QLabel) if w.text() == q.attribution)
    assert attribution.mapTo(form, QPoint(0, 0)).y() >= last.y()


def test_ok_waits_for_every_item_and_says_which_are_left(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "phq8")
    assert not dialog.ok_button.isEnabled()
    assert dialog.left_label.text() == "Still to answer: questions 1, 2, 3, 4, 5, 6, 7 and 8."
    _answer(qtbot, dialog, {1: 1, 2: 2, 4: 0})
    assert not dialog.ok_button.isEnabled()
    assert dialog.left_label.text() == "Still to answer: questions 3, 5, 6, 7 and 8."
    # the question skipped on the way is marked where it is, in one line with the details
    skipped = _question(dialog, 3)
    message = skipped.findChild(FieldMessage)
    assert message is not None and message.isVisible()
    assert message.line().startswith("Not answered yet")
    assert "\n" not in message.text()
    first_answer = _scale_form(dialog).items[2].buttons()[0]
    assert "Not answered yet" in first_answer.toolTip()
    assert "Problem: Not answered yet" in first_answer.accessibleDescription()
    assert not _question(dialog, 5).message.isVisible()  # not skipped: simply not reached yet
    with pytest.raises(CheckinInputError):
        dialog.values()
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()

    _answer(qtbot, dialog, {3: 3, 5: 1, 6: 0, 7: 2, 8: 1})
    assert not skipped.message.isVisible()
    assert "Problem" not in first_answer.accessibleDescription()
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ({"items": [1, 2, 3, 0, 1, 0, 2, 1]}, 10.0)


def test_the_keyboard_answers_a_questionnaire_tab_between_items_arrows_within(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot, "gad7")
    form = _scale_form(dialog)
    wanted = [0, 1, 2, 3, 2, 1, 0]
    qtbot.waitUntil(lambda: focused() is form.items[0].buttons()[0])
    for number, value in enumerate(wanted):
        choices = form.items[number]
        assert focused() in choices.buttons(), f"Tab did not reach question {number + 1}"
        qtbot.keyClick(focused(), Qt.Key.Key_Space)  # the first answer
        for _ in range(value):
            qtbot.keyClick(focused(), Qt.Key.Key_Right)  # the next answer, chosen
        assert choices.value() == value
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.ok_button and dialog.ok_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)  # back: the last question, at its answer
    assert focused() is form.items[-1].button(0)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ({"items": wanted}, 9.0)


def test_shift_tab_into_an_unanswered_question_stops_once_at_its_first_answer(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot, "phq8")
    form = _scale_form(dialog)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert cancel is not None
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Backtab)  # OK is not available yet
    assert focused() is form.items[-1].buttons()[0]
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is form.items[-2].buttons()[0]


def test_the_running_score_and_band_follow_the_answers(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "phq8")
    form = _scale_form(dialog)
    assert form.score_label.text() == "Score: shown as you answer"
    _answer(qtbot, dialog, {1: 3, 2: 3})
    assert form.score_label.text() == "Score so far: 6 of 24, mild so far (6 questions left)"
    _answer(qtbot, dialog, {3: 3, 4: 3, 5: 2, 6: 0, 7: 0, 8: 0})
    expected = score("phq8", [3, 3, 3, 3, 2, 0, 0, 0])
    assert (expected.value, expected.band_label) == (14, "moderate")
    assert form.score_label.text() == "Score: 14 of 24, moderate"
    _answer(qtbot, dialog, {8: 1})  # a changed answer changes the score and band at once
    assert form.score_label.text() == "Score: 15 of 24, moderately severe"
    assert "0-4 none/minimal" in form.bands_label.text()
    assert "15-19 moderately severe" in form.score_label.accessibleDescription()


def test_the_who5_shows_its_raw_score_its_percentage_and_band(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "who5")
    form = _scale_form(dialog)
    _answer(qtbot, dialog, {n: 4 for n in range(1, 6)})
    assert form.score_label.text() == "Score: 20 of 25 (80%), above the poor-wellbeing cut-off"
    assert dialog.values() == ({"items": [4, 4, 4, 4, 4]}, 20.0)  # the raw score is kept
    _answer(qtbot, dialog, {1: 2, 2: 2, 3: 2, 4: 2, 5: 3})
    assert form.score_label.text() == "Score: 11 of 25 (44%), poor wellbeing"
    assert dialog.values()[1] == 11.0
    assert "0-50% poor wellbeing" in form.bands_label.text()


# ---- 2. the sleep diary ---------------------------------------------------------------------


def _sleep_form(dialog: CheckinDialog) -> SleepForm:
    assert isinstance(dialog.form, SleepForm)
    return dialog.form


def test_the_sleep_diary_gives_the_night_and_its_efficiency_against_the_time_in_bed(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot, "sleep", time_in_bed_min=450)
    form = _sleep_form(dialog)
    q = definitions().sleep
    texts = _shown_texts(dialog)
    for number, question in enumerate(
        (q.latency_question, q.wakings_question, q.hours_question, q.quality_question), start=1
    ):
        assert f"{number}. {question}" in texts
    assert [s.text() for s in form.spins()] == ["not given"] * 4
    assert form.efficiency_label.text() == (
        "Sleep efficiency: shown once the hours slept are given (7 h 30 min in bed)."
    )
    _retype(qtbot, form.latency_spin, "20")
    _retype(qtbot, form.wakings_spin, "1")
    _retype(qtbot, form.hours_spin, "8.25")  # more than the time in bed: 100%, and said so
    assert form.efficiency_label.text().startswith("Sleep efficiency: 100%, 8.25 h asleep")
    assert "More hours slept than 7 h 30 min in bed count as 100%." in (
        form.efficiency_label.text()
    )
    _retype(qtbot, form.hours_spin, "6")
    assert form.efficiency_label.text() == (
        "Sleep efficiency: 80%, 6 h asleep of 7 h 30 min in bed (bedtime to wake time)."
    )
    assert not dialog.ok_button.isEnabled()
    assert dialog.left_label.text() == "Still to answer: question 4."
    _retype(qtbot, form.quality_spin, "4")
    assert form.quality_word.text() == "well"
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    answers, efficiency = dialog.values()
    assert answers == SleepDiary(20, 1, 6.0, 4).answers()
    assert efficiency == pytest.approx(80.0)


def test_the_arrows_step_a_sleep_field_from_not_given(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "sleep")
    form = _sleep_form(dialog)
    form.latency_spin.setFocus()
    qtbot.keyClick(form.latency_spin, Qt.Key.Key_Up)
    assert form.latency_spin.answer() == 0
    qtbot.keyClick(form.latency_spin, Qt.Key.Key_Up)
    assert form.latency_spin.answer() == 5  # in steps of 5 minutes
    qtbot.keyClick(form.latency_spin, Qt.Key.Key_Down)
    qtbot.keyClick(form.latency_spin, Qt.Key.Key_Down)
    assert form.latency_spin.answer() is None and form.latency_spin.text() == "not given"
    form.quality_spin.setFocus()
    qtbot.keyClick(form.quality_spin, Qt.Key.Key_Up)
    assert form.quality_spin.answer() == 1 and form.quality_word.text() == "very badly"


def test_a_wheel_over_a_sleep_field_changes_it_only_when_it_is_focused(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "sleep")
    form = _sleep_form(dialog)
    _retype(qtbot, form.latency_spin, "20")
    _retype(qtbot, form.hours_spin, "7")
    form.hours_spin.setFocus()
    qtbot.waitUntil(form.hours_spin.hasFocus)
    for spin, before in ((form.latency_spin, 20), (form.wakings_spin, -1)):
        wheel(spin, 3)
        assert spin.value() == before and not spin.hasFocus()
    wheel(form.hours_spin, 2)  # the field the person is in takes the wheel as usual
    assert form.hours_spin.value() == 7.5


def test_a_skipped_or_refused_sleep_answer_is_marked_at_its_field(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "sleep", time_in_bed_min=480)
    form = _sleep_form(dialog)
    _retype(qtbot, form.wakings_spin, "2")  # question 1 skipped
    latency = _question(dialog, 1)
    assert latency.message.isVisible() and latency.message.line().startswith("Not answered")
    assert "Problem: Not answered yet" in form.latency_spin.accessibleDescription()
    assert form.latency_spin.property("invalid") is True
    _retype(qtbot, form.latency_spin, "10")
    _retype(qtbot, form.hours_spin, "-0.1")  # the diary's own rule refuses it, at the field
    hours = _question(dialog, 3)
    assert not latency.message.isVisible() and form.latency_spin.property("invalid") is False
    assert hours.message.isVisible()  # at once, before the last question is answered
    assert form.hours_spin.property("invalid") is True
    _retype(qtbot, form.quality_spin, "3")
    assert hours.message.isVisible()
    assert hours.message.text() == "Hours slept -0.1 is out of range: allowed 0 to 24"
    assert form.hours_spin.toolTip() == hours.message.text()
    assert form.hours_spin.accessibleDescription().endswith(
        "Problem: Hours slept -0.1 is out of range: allowed 0 to 24"
    )
    assert not dialog.ok_button.isEnabled()
    assert "shown once the hours slept are given" in form.efficiency_label.text()
    _retype(qtbot, form.hours_spin, "7")
    assert not hours.message.isVisible() and dialog.ok_button.isEnabled()


def test_the_dialog_grows_for_a_message_while_the_screen_has_room(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "gad7")
    dialog.fit_within(QRect(0, 0, 1280, 720))
    before = dialog.height()
    _answer(qtbot, dialog, {2: 1})  # question 1 skipped: a line appears under it
    assert _question(dialog, 1).message.isVisible()
    assert dialog.height() > before
    QApplication.processEvents()
    assert not dialog.scroll_area.verticalScrollBar().isVisible()


# ---- 3. bowel movements ---------------------------------------------------------------------


def _stools_form(dialog: CheckinDialog) -> StoolsForm:
    assert isinstance(dialog.form, StoolsForm)
    return dialog.form


def test_the_stool_forms_are_our_own_words_each_with_its_own_drawing(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "stools")
    form = _stools_form(dialog)
    q = definitions().stools
    buttons = form.forms.buttons()
    assert [b.text() for b in buttons] == [f"{f.label} — {f.description}" for f in q.forms]
    assert all(b.accessibleDescription().startswith("Drawing: ") for b in buttons)
    images = [b.icon().pixmap(DRAWING_SIZE).toImage() for b in buttons]
    assert all(not image.isNull() and _inked(image) > 100 for image in images)
    for i, image in enumerate(images):  # five different drawings
        assert all(image != other for other in images[i + 1 :])
    words = " ".join(_shown_texts(dialog)).lower()
    assert "bristol" not in words and "type 1" not in words


def _inked(image: QImage) -> int:
    """How many pixels of a drawing are drawn on."""
    return sum(
        image.pixelColor(x, y).alpha() > 0
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_stools_need_a_form_from_one_on_and_none_at_zero(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "stools")
    form = _stools_form(dialog)
    assert not form.forms.isEnabled() and not dialog.ok_button.isEnabled()
    assert dialog.left_label.text() == "Still to answer: question 1."
    form.count_spin.setFocus()
    qtbot.keyClick(form.count_spin, Qt.Key.Key_Up)  # not given -> 0
    assert form.count_spin.answer() == 0
    assert not form.forms.isEnabled() and dialog.ok_button.isEnabled()
    assert dialog.values() == ({"count": 0, "form": None}, 0.0)

    _retype(qtbot, form.count_spin, "2")
    assert form.forms.isEnabled() and not dialog.ok_button.isEnabled()
    assert dialog.left_label.text() == "Still to answer: question 2."
    click(qtbot, form.forms.buttons()[3])  # mushy
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == ({"count": 2, "form": "mushy"}, 2.0)

    _retype(qtbot, form.count_spin, "0")  # no form without any: the choice goes
    assert form.forms.value() is None and not form.forms.isEnabled()
    assert dialog.values() == ({"count": 0, "form": None}, 0.0)


def test_the_keyboard_chooses_a_stool_form(qtbot: QtBot) -> None:
    dialog = _open(qtbot, "stools")
    form = _stools_form(dialog)
    qtbot.waitUntil(form.count_spin.hasFocus)  # the first question has the keyboard
    qtbot.keyClicks(focused(), "1")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.forms.buttons()[0]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert form.forms.value() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.ok_button
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ({"count": 1, "form": "firm"}, 1.0)


# ---- 4. cramp and migraine days -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["cramp_days", "migraine_days"])
def test_days_in_the_last_week_are_0_to_7(qtbot: QtBot, kind: str) -> None:
    dialog = _open(qtbot, kind)
    form = dialog.form
    assert isinstance(form, DaysForm)
    count = definitions().counts[kind]
    assert f"1. {count.question}" in _shown_texts(dialog)
    buttons = form.days.buttons()
    assert [b.text() for b in buttons] == [str(n) for n in range(8)]
    assert [b.accessibleName() for b in buttons[:3]] == ["0 days", "1 day", "2 days"]
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: focused() is buttons[0])
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == ({"days": 3}, 3.0)


# ---- 5. names, size and dark mode -----------------------------------------------------------


def _reachable(dialog: CheckinDialog) -> Iterator[QWidget]:
    """Every widget the keyboard or a click can reach."""
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(dialog):
            yield widget


@pytest.mark.parametrize("kind", KINDS)
def test_every_control_has_an_accessible_name(qtbot: QtBot, kind: str) -> None:
    dialog = _open(qtbot, kind)
    unnamed = [type(w).__name__ for w in _reachable(dialog) if not w.accessibleName()]
    assert not unnamed
    controls = list(_reachable(dialog))
    assert dialog.ok_button in controls and len(controls) >= 3


@pytest.mark.parametrize("kind", KINDS)
def test_the_dialog_fits_a_1280x720_screen_and_scrolls_to_every_question(
    qtbot: QtBot, kind: str
) -> None:
    dialog = _open(qtbot, kind)
    opened_on = dialog.screen().availableGeometry()
    assert dialog.width() <= opened_on.width() and dialog.height() <= opened_on.height()
    screen = QRect(0, 0, 1280, 720)
    dialog.fit_within(screen)
    qtbot.waitUntil(lambda: dialog.width() <= 1280 and dialog.height() <= 720)
    assert dialog.height() <= 720 - 48  # room for the title bar
    QApplication.processEvents()
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()
    for question in dialog.form.questions():
        dialog.scroll_area.ensureWidgetVisible(question)
        top = question.mapTo(dialog.scroll_area.viewport(), QPoint(0, 0))
        assert dialog.scroll_area.viewport().rect().contains(top)
        for control in question.controls():
            assert control.mapTo(dialog, QPoint(control.width(), 0)).x() <= dialog.width()


def test_in_dark_mode_the_drawings_answers_and_words_stand_out(
    qtbot: QtBot, qapp: QApplication
) -> None:
    dialog = _open(qtbot, "stools")
    form = _stools_form(dialog)
    light_icon = form.forms.buttons()[0].icon().pixmap(DRAWING_SIZE).toImage()
    before = QPalette(qapp.palette())
    dark = _dark_palette()
    qapp.setPalette(dark)  # the desktop turns dark while the dialog is open
    QApplication.processEvents()
    try:
        _dark_dialog_stands_out(qtbot, dialog, dark, light_icon)
    finally:
        qapp.setPalette(before)


def _dark_dialog_stands_out(
    qtbot: QtBot, dialog: CheckinDialog, dark: QPalette, light_icon: QImage
) -> None:
    form = _stools_form(dialog)
    window = dark.color(QPalette.ColorRole.Window)
    assert form.palette().color(QPalette.ColorRole.Window) == window
    brown, outline, water = stool_colors(form.palette())
    for color in (brown, outline, water):
        assert contrast_ratio(color, window) >= 3.0
    dark_icon = form.forms.buttons()[0].icon().pixmap(DRAWING_SIZE).toImage()
    assert dark_icon != light_icon  # drawn again for the dark window
    _retype(qtbot, form.count_spin, "1")
    button = form.forms.buttons()[2]
    ring = button.palette().color(QPalette.ColorRole.Window).darker(140)
    if QApplication.style().name().lower() == "fusion":
        assert contrast_ratio(ring, window) >= 3.0  # the empty ring of an answer shows
    label = next(w for w in form.findChildren(QLabel) if w.text().startswith("1. "))
    text = label.palette().color(QPalette.ColorRole.WindowText)
    assert contrast_ratio(text, window) >= 4.5


def test_a_mark_in_dark_mode_is_in_the_dark_variant_of_its_colour(
    qtbot: QtBot, dark_desktop: QPalette
) -> None:
    dialog = _open(qtbot, "phq8")
    _answer(qtbot, dialog, {2: 0})
    message = _question(dialog, 1).message
    assert message.isVisible()
    assert "#ff8a80" in message.styleSheet()  # theme.severity_color("danger") for dark


# ---- 6. run as the Journal page runs it -----------------------------------------------------


def test_run_modally_it_gives_the_answers_once_accepted(qtbot: QtBot) -> None:
    dialog = CheckinDialog("migraine_days")
    qtbot.addWidget(dialog)
    form = dialog.form
    assert isinstance(form, DaysForm)

    def answer() -> None:
        click(qtbot, form.days.button(2))
        click(qtbot, dialog.ok_button)

    QTimer.singleShot(0, answer)
    QTimer.singleShot(5000, dialog.reject)  # never hang the suite
    code = QDialog.real_exec_for_tests(dialog)  # type: ignore[attr-defined]
    assert code == QDialog.DialogCode.Accepted
    assert dialog.values() == ({"days": 2}, 2.0)


def test_an_unknown_check_in_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown check-in 'mood'"):
        CheckinDialog("mood")
