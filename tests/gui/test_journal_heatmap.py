"""The calendar of adherence on the Journal page: one cell per day shaded by the share of its
doses taken, a day with nothing recorded hatched (never taken for 0%), a legend, colours for
light and dark palettes; a click or the arrow keys open a day; described for assistive
technology."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from magplan.gui.journal_heatmap import AdherenceCalendar, DayMark, share_color
from magplan.gui.journal_page import JournalPage
from tests.gui.helpers import focused
from tests.gui.journal_helpers import (
    FOUR_DOSES,
    JournalWindow,
    days_ago,
    fill_journal,
    journal_window,
    save_profile,
)
from tests.journal.year import TODAY

__all__ = ["journal_window"]

ALL_SKIPPED, NOTHING, THREE_OF_FOUR = days_ago(3), days_ago(2), days_ago(1)


@pytest.fixture
def page(qtbot: QtBot, journal_window: JournalWindow) -> JournalPage:
    """Five weeks; three days before today: every dose skipped, then nothing recorded, then
    three of four doses taken."""
    store = journal_window.store
    save_profile(store, FOUR_DOSES)
    fill_journal(store, days=35)
    with journal_window.journal() as journal:
        for time in ("07:30", "12:30", "18:30", "22:30"):
            journal.log_dose(ALL_SKIPPED, time, "skipped", reason="away")
            journal.remove_dose(NOTHING, time)
            journal.log_dose(THREE_OF_FOUR, time, "skipped" if time == "22:30" else "taken")
    journal_window.controller.open_profile("Anna")
    return journal_window.open_journal_page(qtbot)


def _pixel(calendar: AdherenceCalendar, rect: QRectF, dx: float = 0.5, dy: float = 0.5) -> QColor:
    image: QImage = calendar.grab().toImage()
    ratio = image.devicePixelRatio()
    at = QPoint(
        int((rect.left() + rect.width() * dx) * ratio),
        int((rect.top() + rect.height() * dy) * ratio),
    )
    return image.pixelColor(at)


def _near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_a_day_with_nothing_recorded_is_not_a_day_of_none_taken(page: JournalPage) -> None:
    calendar = page.calendar
    skipped, nothing, most = (calendar.mark(d) for d in (ALL_SKIPPED, NOTHING, THREE_OF_FOUR))
    assert skipped is not None and skipped.share == 0.0
    assert nothing is not None and nothing.share is None and nothing.planned == 4
    assert most is not None and most.share == 0.75
    assert nothing.words() == "Sat 28 Jun 2025: nothing recorded"
    assert skipped.words() == "Fri 27 Jun 2025: 0 of 4 doses taken (0%)"
    assert most.words() == "Sun 29 Jun 2025: 3 of 4 doses taken (75%)"

    pal = calendar.palette()
    zero = _pixel(calendar, calendar.cell_rect(ALL_SKIPPED))
    assert _near(zero, share_color(0.0, pal))
    assert _near(_pixel(calendar, calendar.cell_rect(THREE_OF_FOUR)), share_color(0.75, pal))
    hatched = calendar.cell_rect(NOTHING)
    samples = {
        _pixel(calendar, hatched, x / 8, y / 8).rgb() for x in range(2, 7) for y in range(2, 7)
    }
    assert len(samples) >= 2  # lines across it, not one flat shade
    assert not any(_near(QColor.fromRgb(c), share_color(0.0, pal)) for c in samples)


def test_the_legend_shows_each_shade_and_the_hatching(page: JournalPage) -> None:
    calendar = page.calendar
    legend = calendar.legend()
    assert [words for _, _, words in legend] == [
        "0%",
        "25%",
        "50%",
        "75%",
        "100%",
        "nothing recorded",
    ]
    pal = calendar.palette()
    for rect, share, _ in legend[:-1]:
        assert share is not None
        assert _near(_pixel(calendar, rect), share_color(share, pal))
    assert calendar.height() >= legend[0][0].bottom()


def test_clicking_a_cell_opens_that_day(qtbot: QtBot, page: JournalPage) -> None:
    calendar = page.calendar
    where = calendar.cell_rect(ALL_SKIPPED).center().toPoint()
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=where)
    assert page.day_panel.day == ALL_SKIPPED
    assert [r.status.text() for r in page.day_panel.rows] == ["Skipped: away"] * 4
    assert calendar.selected == ALL_SKIPPED
    qtbot.mouseClick(
        calendar, Qt.MouseButton.LeftButton, pos=calendar.cell_rect(TODAY).center().toPoint()
    )
    assert page.day_panel.day == TODAY


def test_marking_a_dose_shades_its_day_at_once(qtbot: QtBot, page: JournalPage) -> None:
    assert page.calendar.mark(TODAY).share is None  # type: ignore[union-attr]
    page.day_panel.rows[0].check.click()
    today = page.calendar.mark(TODAY)
    assert today is not None and (today.recorded, today.taken, today.share) == (1, 1, 1.0)
    assert "1 of 1 recorded doses taken so far (4 planned)" in today.words()


def test_the_keyboard_moves_by_day_and_week_and_opens_the_day(
    qtbot: QtBot, page: JournalPage
) -> None:
    calendar = page.calendar
    assert calendar.focusPolicy() & Qt.FocusPolicy.TabFocus
    calendar.setFocus()
    assert focused() is calendar
    qtbot.keyClick(calendar, Qt.Key.Key_Left)  # a week back
    assert page.day_panel.day == TODAY - dt.timedelta(days=7)
    qtbot.keyClick(calendar, Qt.Key.Key_Up)  # a day back
    assert page.day_panel.day == TODAY - dt.timedelta(days=8)
    assert "Selected: Sun 22 Jun 2025: " in calendar.accessibleDescription()
    qtbot.keyClick(calendar, Qt.Key.Key_End)
    qtbot.keyClick(calendar, Qt.Key.Key_Right)  # never after today
    assert page.day_panel.day == TODAY


def test_it_is_a_described_chart_for_assistive_technology(page: JournalPage) -> None:
    calendar = page.calendar
    interface = QAccessible.queryAccessibleInterface(calendar)
    assert interface is not None and interface.role() == QAccessible.Role.Chart
    assert calendar.accessibleName() == "Adherence calendar"
    described = calendar.accessibleDescription()
    assert "a hatched day had nothing recorded" in described
    # from the plan's first day (the ramp's three weeks were not recorded) to today
    assert "From Mon 5 May 2025 to Mon 30 Jun 2025: " in described
    assert "over 56 days before today; 22 days with nothing recorded." in described


def _palette(window: str, text: str) -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(window))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return pal


@pytest.mark.parametrize(
    ("palette", "brighter_is_more"),
    [(_palette("#efefef", "#000000"), False), (_palette("#2d2d2d", "#e8e8e8"), True)],
    ids=["light", "dark"],
)
def test_shades_run_in_order_on_light_and_dark_palettes(
    palette: QPalette, brighter_is_more: bool
) -> None:
    lightness = [share_color(s, palette).lightnessF() for s in (0.0, 0.25, 0.5, 0.75, 1.0)]
    ordered = sorted(lightness, reverse=not brighter_is_more)
    assert lightness == ordered and len(set(lightness)) == 5
    window = palette.color(QPalette.ColorRole.Window).lightnessF()
    strongest = share_color(1.0, palette).lightnessF()
    assert abs(strongest - window) > 0.3  # the fullest days stand out from the page


def test_today_is_counted_from_the_doses_recorded_so_far() -> None:
    assert DayMark(TODAY, 4, 0, 0, is_today=True).share is None
    assert DayMark(TODAY, 4, 2, 1, is_today=True).share == 0.5
    assert DayMark(days_ago(1), 4, 2, 1).share == 0.25  # a day that is over: of all four
