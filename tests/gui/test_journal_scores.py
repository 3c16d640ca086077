"""The Journal page's charts: each check-in's score over the weeks against the daily amount,
the 2-8 week window marked (magplan.printing.journal_charts), one tab per check-in, drawn for
the window's palette and described for assistive technology."""

from __future__ import annotations

from PySide6.QtCharts import QLineSeries
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from magplan.gui.journal_page import JournalPage
from magplan.gui.journal_scores import NO_SCORES
from tests.gui.helpers import click
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    WITH_DEPRESSION,
    JournalWindow,
    fill_journal,
    journal_window,
    save_profile,
    stand_in_dialog,
)

__all__ = ["journal_window", "stand_in_dialog"]


def _open(qtbot: QtBot, jw: JournalWindow, days: int) -> JournalPage:
    save_profile(jw.store, WITH_DEPRESSION)
    if days:
        fill_journal(jw.store, plan_request=WITH_DEPRESSION, days=days)
    jw.controller.open_profile("Anna")
    return jw.open_journal_page(qtbot)


def test_each_score_is_charted_against_the_daily_amount_with_the_window_marked(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    page = _open(qtbot, journal_window, 70)  # ten weeks of weekly PHQ-8s
    panel = page.scores_panel
    assert list(panel.views) == ["phq8"]
    assert not panel.tabs.tabBar().isVisible()  # one chart: no tabs to choose from
    chart = panel.views["phq8"].chart()
    assert chart.title() == "PHQ-8 and the daily amount"
    names = [s.name() for s in chart.series()]
    assert any(n.startswith("Weeks 2-8") for n in names)
    assert "Daily magnesium (mg)" in names
    weekly = [s for s in chart.series() if isinstance(s, QLineSeries) and "PHQ-8" in s.name()]
    assert weekly and weekly[0].count() == 10
    assert chart.backgroundBrush().color() == page.palette().color(QPalette.ColorRole.Base)
    view = panel.views["phq8"]
    assert view.isVisible() and view.height() >= 240
    assert view.accessibleName() == "Chart: PHQ-8 and the daily amount"
    assert "weeks 2 to 8 of the plan, when studies measured results, are shaded" in (
        view.accessibleDescription()
    )
    assert "(10 check-ins)" in view.accessibleDescription()


def test_a_new_check_in_adds_its_chart(qtbot: QtBot, journal_window: JournalWindow) -> None:
    page = _open(qtbot, journal_window, 14)
    assert list(page.scores_panel.views) == ["phq8"]
    click(qtbot, page.checkins_panel.buttons["who5"])  # answered by the stand-in
    qtbot.waitUntil(lambda: page.settled)  # the charts are drawn once the page is painted
    assert list(page.scores_panel.views) == ["phq8", "who5"]
    tabs = page.scores_panel.tabs
    assert tabs.tabBar().isVisible()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["PHQ-8", "WHO-5"]


def test_before_any_score_the_charts_say_when_they_start(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    save_profile(journal_window.store, FOUR_DOSES)
    journal_window.controller.open_profile("Anna")
    page = journal_window.open_journal_page(qtbot)
    assert page.scores_panel.views == {}
    assert page.scores_panel.note.isVisible() and page.scores_panel.note.text() == NO_SCORES


def test_a_check_in_of_a_charted_kind_redraws_its_chart_in_place(
    qtbot: QtBot, journal_window: JournalWindow
) -> None:
    page = _open(qtbot, journal_window, 70)
    view = page.scores_panel.views["phq8"]

    def weekly_points() -> int:
        chart = page.scores_panel.views["phq8"].chart()
        lines = [s for s in chart.series() if isinstance(s, QLineSeries) and "PHQ-8" in s.name()]
        return lines[0].count()

    assert weekly_points() == 10
    click(qtbot, page.checkins_panel.buttons["phq8"])  # today's, in a week of its own
    qtbot.waitUntil(lambda: page.settled)
    assert page.scores_panel.views["phq8"] is view
    assert weekly_points() == 11
