"""The person: pregnant and breastfeeding cannot both be ticked, and a contradiction is
marked where assistive technology reads it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from magplan.core.request import PlanRequest
from magplan.gui.main_window import MainWindow
from tests.gui.helpers import click


def _codes(window: MainWindow) -> set[str]:
    plan = window.current_plan()
    assert plan is not None
    return {w.code for w in plan.warnings}


def test_pregnant_and_breastfeeding_cannot_both_be_ticked(qtbot: QtBot, window: MainWindow) -> None:
    person = window.person_panel
    click(qtbot, person.pregnant_box)
    assert person.pregnant_box.isChecked()
    assert not person.lactating_box.isEnabled()
    assert "Untick Pregnant first" in person.lactating_box.toolTip()
    click(qtbot, person.lactating_box)  # refused: the box is not usable
    assert not person.lactating_box.isChecked()
    request = window.current_request()
    assert request is not None and request.pregnant and not request.lactating
    assert "pregnancy" in _codes(window) and "lactation" not in _codes(window)

    click(qtbot, person.pregnant_box)
    assert person.lactating_box.isEnabled()
    click(qtbot, person.lactating_box)
    assert not person.pregnant_box.isEnabled()
    assert "lactation" in _codes(window) and "pregnancy" not in _codes(window)


def test_a_loaded_profile_with_both_is_marked_and_either_can_be_unticked(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_inputs(PlanRequest(sex="female"))
    good = window.current_plan()
    window.set_inputs(PlanRequest(sex="female", pregnant=True, lactating=True))
    person = window.person_panel
    assert person.pregnant_box.isEnabled() and person.lactating_box.isEnabled()
    assert person.lactating_box.property("invalid") is True
    assert person.states_message.isVisible()
    assert "cannot both be set" in person.states_message.text()
    # read with the box by assistive technology, not only in the line under it
    assert "Problem: " in person.lactating_box.accessibleDescription()
    assert "cannot both be set" in person.lactating_box.accessibleDescription()
    assert window.current_plan() is good  # nothing was planned from the contradiction
    assert window.current_request() is None  # so nothing can be saved or printed from it

    click(qtbot, person.pregnant_box)
    assert not person.states_message.isVisible()
    assert "Problem" not in person.lactating_box.accessibleDescription()
    assert not person.pregnant_box.isEnabled()
    assert "lactation" in _codes(window)


def test_a_held_step_of_the_ramp_survives_the_window(window: MainWindow) -> None:
    """A profile whose ramp step the person held keeps it when the window reads it back."""
    window.set_inputs(PlanRequest(ramp_holds=(1,)))
    request, errors = window.read_request()
    assert not errors and request is not None and request.ramp_holds == (1,)
