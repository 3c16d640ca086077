"""Accessibility beyond names, inside the program (issue 14, item 10): the stop banner is an
alert and is announced when it appears; the timeline and the daily total are reached with Tab,
show where focus is, and say what they show. The screen reader's own view, from outside the
process, is tested in test_accessibility_atspi.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import magplan.gui.gate_banner as gate_banner
from magplan.cli import build_parser
from magplan.cli.options import request_from_args
from magplan.gui.main_window import MainWindow
from magplan.present.day import day_in_words
from tests.golden.people import PEOPLE
from tests.gui.helpers import click, focused


def _role(widget: QWidget) -> QAccessible.Role:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.role()


def _described(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def test_the_stop_banner_is_an_alert_announced_when_it_appears(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    announced: list[str] = []
    monkeypatch.setattr(
        gate_banner, "announce_alert", lambda w: announced.append(w.accessibleDescription())
    )
    banner = window.result_panel.gate_banner
    assert _role(banner) == QAccessible.Role.AlertMessage
    click(qtbot, window.conditions_panel.box("kidney-disease"))
    assert banner.isVisible()
    assert len(announced) == 1 and "Kidney disease" in announced[0]
    window.person_panel.age_spin.setValue(40)  # replanned, same reasons: said once only
    assert len(announced) == 1
    click(qtbot, window.conditions_panel.box("heart-block"))  # a new reason: said again
    assert len(announced) == 2 and "Heart block" in announced[1]
    click(qtbot, window.conditions_panel.box("kidney-disease"))
    click(qtbot, window.conditions_panel.box("heart-block"))
    assert not banner.isVisible() and len(announced) == 3  # heart block alone, then none


def _tab_to(qtbot: QtBot, target: QWidget, start: QWidget) -> list[QWidget]:
    """Press Tab from ``start`` until ``target`` has the keyboard; the stops on the way."""
    start.setFocus()
    stops: list[QWidget] = []
    for _ in range(300):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        stops.append(focused())
        if focused() is target:
            return stops
    raise AssertionError(f"Tab never reached {target.accessibleName()}")


def test_tab_reaches_the_timeline_which_shows_focus_and_reads_the_day(
    qtbot: QtBot, window: MainWindow
) -> None:
    k = window.knowledge()
    request = request_from_args(build_parser().parse_args(["plan", *PEOPLE["crowded"]]), k)
    window.set_inputs(request)
    panel = window.result_panel
    timeline = panel.timeline
    assert not timeline.focus_ring.isVisible()
    stops = _tab_to(qtbot, timeline, panel.schedule_table)
    assert stops == [timeline]  # right after the schedule it draws
    assert timeline.focus_ring.isVisible()
    assert timeline.focus_ring.geometry().contains(timeline.geometry())
    assert _role(timeline) == QAccessible.Role.Chart
    plan = window.current_plan()
    assert plan is not None
    said = _described(timeline)
    assert said == day_in_words(plan)
    assert said.startswith("Waking day 07:00 to 22:30.")  # wake and bed
    for dose in plan.doses:
        assert f"{dose.time} ({dose.elemental_mg:g} mg)" in said
    for med in ("calcium at 10:00", "sertraline at 08:00", "omeprazole", "furosemide", "zinc"):
        assert med in said
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert not timeline.focus_ring.isVisible()


def test_tab_reaches_the_daily_total_which_reads_the_amount_and_the_limit(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.result_panel
    bar = panel.total.bar
    _tab_to(qtbot, bar, window.amount_panel.limit_combo)
    assert panel.total.focus_ring.isVisible()
    said = _described(bar)
    assert said.startswith(bar.format() + ". ")  # "350 mg of 350 mg upper limit. ..."
    assert panel.total.detail.text() in said
    assert bar.accessibleName() == "Daily total against the upper limit"
