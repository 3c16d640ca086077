"""Unlocking a stopped plan is a clinician's act: a name and a confirmation, not one tick."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from magplan.core.request import PlanRequest
from magplan.gui.main_window import MainWindow
from magplan.gui.supervision_dialog import SupervisionDialog
from magplan.printing.card import CardInfo, build_card
from tests.gui.helpers import SupervisionAnswers, click, retype, schedule_rows


def _blocked_by_kidney_disease(qtbot: QtBot, window: MainWindow) -> None:
    window.amount_panel.target_spin.setValue(200)  # a supervised plan's amount is prescribed
    click(qtbot, window.conditions_panel.box("kidney-disease"))
    plan = window.current_plan()
    assert plan is not None and plan.blocked and plan.doses == ()


def test_cancelling_the_clinician_dialog_leaves_the_plan_stopped(
    qtbot: QtBot, window: MainWindow, supervision_dialog: SupervisionAnswers
) -> None:
    _blocked_by_kidney_disease(qtbot, window)
    box = window.conditions_panel.supervised_box
    with qtbot.assertNotEmitted(window.inputsChanged):
        click(qtbot, box)
    assert supervision_dialog.asked == 1
    assert not box.isChecked()
    plan = window.current_plan()
    assert plan is not None and plan.blocked and not plan.supervised
    assert schedule_rows(window) == []
    assert window.result_panel.gate_banner.isVisible()
    assert not window.result_panel.supervised_marker.isVisible()
    assert window.card_info()[1] == ""  # nothing was filled in

    qtbot.keyClick(box, Qt.Key.Key_Space)  # the keyboard asks the same
    assert supervision_dialog.asked == 2
    assert not box.isChecked()


def test_the_confirmed_clinician_is_named_on_the_banner_and_as_prepared_by(
    qtbot: QtBot, window: MainWindow, supervision_dialog: SupervisionAnswers
) -> None:
    _blocked_by_kidney_disease(qtbot, window)
    supervision_dialog.name = "Dr. A. Jones, nephrologist"
    box = window.conditions_panel.supervised_box
    box.setFocus()
    with qtbot.waitSignal(window.inputsChanged):
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    plan = window.current_plan()
    request = window.current_request()
    assert plan is not None and plan.supervised and not plan.blocked and plan.doses
    assert request is not None and request.supervised
    assert window.card_info()[1] == "Dr. A. Jones, nephrologist"
    marker = window.result_panel.supervised_marker
    assert marker.isVisible()
    assert marker.label.text().startswith("Prescribed and supervised by Dr. A. Jones, neph")
    # the printed card names the supervisor and says the plan is supervised
    person, prepared_by = window.card_info()
    card = build_card(plan, CardInfo(person_name=person, prepared_by=prepared_by))
    text = card.toPlainText()
    assert "Dr. A. Jones, nephrologist" in text and "PRESCRIBED AND SUPERVISED" in text

    click(qtbot, box)  # unticking needs no confirmation and stops the plan again
    assert supervision_dialog.asked == 1
    plan = window.current_plan()
    assert plan is not None and plan.blocked
    assert not marker.isVisible()


def test_a_named_preparer_is_kept_and_the_banner_names_the_clinician(
    qtbot: QtBot, window: MainWindow, supervision_dialog: SupervisionAnswers
) -> None:
    retype(qtbot, window.person_panel.prepared_edit, "J. Smith, RD")
    _blocked_by_kidney_disease(qtbot, window)
    supervision_dialog.name = "Dr. A. Jones"
    click(qtbot, window.conditions_panel.supervised_box)
    assert window.card_info()[1] == "J. Smith, RD"
    text = window.result_panel.supervised_marker.label.text()
    assert text.startswith("Prescribed and supervised by Dr. A. Jones")
    # the clinician is kept with the plan, apart from who prepared the card
    request, plan = window.current_request(), window.current_plan()
    assert request is not None and request.supervised_by == "Dr. A. Jones"
    assert plan is not None and plan.supervised_by == "Dr. A. Jones"
    card = build_card(plan, CardInfo(person_name="", prepared_by="J. Smith, RD"))
    assert "PRESCRIBED AND SUPERVISED by Dr. A. Jones" in card.toPlainText()
    window.set_inputs(request, "", "J. Smith, RD")  # as a saved profile opens again
    text = window.result_panel.supervised_marker.label.text()
    assert text.startswith("Prescribed and supervised by Dr. A. Jones")


def test_a_loaded_supervised_plan_names_its_preparer_without_asking(
    qtbot: QtBot, window: MainWindow, supervision_dialog: SupervisionAnswers
) -> None:
    request = PlanRequest(conditions=("kidney-disease",), supervised=True, target_mg=200)
    window.set_inputs(request, "Ann Example", "Dr. B. Lee")
    assert supervision_dialog.asked == 0
    assert window.conditions_panel.supervised_box.isChecked()
    plan = window.current_plan()
    assert plan is not None and plan.supervised and plan.doses
    text = window.result_panel.supervised_marker.label.text()
    assert text.startswith("Prescribed and supervised by Dr. B. Lee")


def test_the_dialog_needs_a_name_and_the_confirmation(qtbot: QtBot) -> None:
    dialog = SupervisionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "   ")
    click(qtbot, dialog.confirm_box)
    assert not dialog.ok_button.isEnabled()  # spaces are not a name
    click(qtbot, dialog.confirm_box)
    qtbot.keyClicks(dialog.name_edit, "Dr. A.  Jones")
    assert not dialog.ok_button.isEnabled()  # a name alone is not a confirmation
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    click(qtbot, dialog.confirm_box)
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.clinician() == "Dr. A. Jones"


def test_the_modal_dialog_returns_the_name_only_when_confirmed(qtbot: QtBot) -> None:
    """The dialog as it runs for a user (exec), answered by a timer so it never waits."""

    def run(confirm: bool) -> str | None:
        dialog = SupervisionDialog()
        qtbot.addWidget(dialog)

        def answer() -> None:
            qtbot.keyClicks(dialog.name_edit, "Dr. C. Kim")
            if confirm:
                click(qtbot, dialog.confirm_box)
            click(qtbot, dialog.ok_button)  # refused without the confirmation
            if dialog.isVisible():
                dialog.reject()

        QTimer.singleShot(0, answer)
        QTimer.singleShot(5000, dialog.reject)  # never hang the suite
        code = QDialog.real_exec_for_tests(dialog)  # type: ignore[attr-defined]
        return dialog.clinician() if code == QDialog.DialogCode.Accepted else None

    assert run(confirm=True) == "Dr. C. Kim"
    assert run(confirm=False) is None
