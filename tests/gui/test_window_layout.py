"""The window on a laptop's screen: at 1280x720 the whole plan is in sight without scrolling it
(every dose, the first warnings, the daily total, every week of the ramp), also at twice the
scale; the warnings start at the top after every change; View shows and hides parts of the
window and the layout is remembered; a plan without doses says why first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.cli import build_parser
from magplan.cli.options import request_from_args
from magplan.core.knowledge import load_knowledge
from magplan.core.request import PlanRequest
from magplan.gui.main_window import MainWindow
from magplan.present.no_doses import NO_DOSES_TITLE
from tests.golden.people import PEOPLE
from tests.gui.helpers import retype, schedule_rows, warning_texts

LAPTOP = (1280, 650)
"""A window maximized on a 1280x720 screen, under its title bar and the desktop's panel."""

FOUR_DOSES = [  # the crowded person's goals and amount over the limit: 4 doses of 2 forms
    "--goal", "constipation", "--goal", "sleep", "--target", "500",
    "--product", "glycinate:100:capsule", "--product", "citrate:100:tablet",
    "--med", "omeprazole@07:00", "--med", "furosemide@09:00",
    "--med", "levothyroxine@06:30", "--med", "zinc@16:00",
]  # fmt: skip
CROWDED = {"crowded": PEOPLE["crowded"], "four doses": FOUR_DOSES}


def _request(args: list[str]) -> PlanRequest:
    return request_from_args(build_parser().parse_args(["plan", *args]), load_knowledge())


def _inside(outer: QRect, inner: QRect) -> bool:
    """``inner`` is within ``outer`` from top to bottom and starts inside it (a list's rows
    may reach a few pixels past the right edge, into the list's own padding)."""
    return (
        inner.top() >= outer.top()
        and inner.bottom() <= outer.bottom()
        and outer.left() <= inner.left() < outer.right()
    )


def _rows_out_of_sight(view: QAbstractItemView, rows: int) -> list[int]:
    viewport = view.viewport()
    assert viewport is not None
    model = view.model()
    return [
        r for r in range(rows) if not _inside(viewport.rect(), view.visualRect(model.index(r, 0)))
    ]


def _in_window(window: MainWindow, widget: QWidget) -> bool:
    """``widget`` is shown whole inside the window and inside the result panel."""
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    panel = window.result_panel
    area = QRect(panel.mapTo(window, QPoint(0, 0)), panel.size())
    return widget.isVisible() and window.rect().contains(where) and area.contains(where)


def out_of_sight(window: MainWindow) -> list[str]:
    """What of the plan a user cannot see without scrolling the result (empty: all of it)."""
    panel = window.result_panel
    missing: list[str] = []
    schedule = panel.schedule_table
    rows = schedule.model().rowCount()
    missing += [f"dose {r + 1}" for r in _rows_out_of_sight(schedule, rows)]
    missing += [f"warning {r + 1}" for r in _rows_out_of_sight(panel.warnings_list, 1)]
    ramp = panel.titration_list
    missing += [f"ramp week {r + 1}" for r in _rows_out_of_sight(ramp, ramp.count())]
    for name, widget in (
        ("the schedule", schedule),
        ("the warnings", panel.warnings_list),
        ("the ramp", ramp),
        ("the daily total", panel.total.bar),
        ("the total's detail", panel.total.detail),
    ):
        if not _in_window(window, widget):
            missing.append(name)
    return missing


def cells_cut_short(table: QTableView) -> list[str]:
    """The schedule's cells whose words are not all in sight (empty: every word of every
    cell is): past the edge of the table's viewport, a word wider than its column, or words
    that, wrapped at the column's width as the style lays them out, need more height than
    the row has."""
    viewport = table.viewport()
    assert viewport is not None
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    style_measure = QStyledItemDelegate()
    fm = table.fontMetrics()
    margin_px = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    cut = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            rect = table.visualRect(index)
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = rect
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            text = str(index.data())
            widest_word = max(fm.horizontalAdvance(w) for w in text.split())
            if (
                not viewport.rect().contains(rect)
                or widest_word + margin_px > rect.width()
                or style_measure.sizeHint(option, index).height() > rect.height()
            ):
                cut.append(f"dose {row + 1} {headers[column]}")
    return cut


def show_at(window: MainWindow, size: tuple[int, int], request: PlanRequest) -> None:
    window.showNormal()
    window.resize(*size)
    window.set_inputs(request)
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("args", CROWDED.values(), ids=CROWDED.keys())
def test_at_1280x720_every_dose_the_first_warning_the_total_and_the_ramp_are_in_sight(
    qtbot: QtBot, window: MainWindow, args: list[str]
) -> None:
    request = _request(args)
    show_at(window, LAPTOP, request)
    assert (window.width(), window.height()) == LAPTOP  # the window did not grow to fit
    plan = window.current_plan()
    assert plan is not None and len(plan.forms) == 2 and len(plan.doses) >= 3
    assert len(warning_texts(window)) >= 6 and len(plan.titration) == 3
    assert out_of_sight(window) == []


@pytest.mark.parametrize("twelve_hour", [False, True], ids=["24 h", "12 h"])
@pytest.mark.parametrize("args", CROWDED.values(), ids=CROWDED.keys())
def test_at_1280x720_every_word_of_the_schedule_is_in_sight_the_why_too(
    qtbot: QtBot,
    window: MainWindow,
    args: list[str],
    twelve_hour: bool,
    request: pytest.FixtureRequest,
) -> None:
    if twelve_hour:
        request.getfixturevalue("us_locale")
    show_at(window, LAPTOP, _request(args))
    table = window.result_panel.schedule_table
    assert table.model().rowCount() >= 3
    assert cells_cut_short(table) == []
    assert out_of_sight(window) == []  # and the rest of the plan is still in sight


def test_with_the_form_s_reasons_shown_every_dose_stays_in_sight(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_at(window, LAPTOP, _request(FOUR_DOSES))
    window.view_actions.form_details.setChecked(True)
    QApplication.processEvents()
    assert window.form_panel.suggestion.isVisible()
    assert (window.width(), window.height()) == LAPTOP
    assert [m for m in out_of_sight(window) if m.startswith("dose")] == []


TWICE_THE_SCALE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from magplan.gui.main_window import MainWindow
from tests.gui.test_window_layout import FOUR_DOSES, LAPTOP, _request, out_of_sight, show_at
window = MainWindow()
window.remember_state = False
show_at(window, LAPTOP, _request(FOUR_DOSES))
print("scale", window.devicePixelRatio(), "size", window.width(), window.height())
print("out of sight:", out_of_sight(window))
"""


def test_at_twice_the_scale_the_whole_plan_is_still_in_sight(tmp_path: Path) -> None:
    env = dict(os.environ, QT_SCALE_FACTOR="2", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["MAGPLAN_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", TWICE_THE_SCALE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "scale 2.0 size 1280 650" in done.stdout
    assert "out of sight: []" in done.stdout


LARGE_SCREEN = """
import sys
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
app = QApplication([])
from magplan.gui.main_window import MainWindow
from tests.gui.test_window_layout import CROWDED, _request, out_of_sight
window = MainWindow()
window.show()
window.set_inputs(_request(CROWDED["crowded"]))
for _ in range(5):
    app.processEvents()
print("size", window.width(), window.height())
viewport = window.inputs_scroll.viewport()
sections = window.sections
hidden = [
    title for i, title in enumerate(sections.titles())
    if not viewport.rect().contains(
        QRect(sections.section(i).mapTo(viewport, QPoint(0, 0)), sections.section(i).size())
    )
]
print("inputs out of sight:", hidden)
print("plan out of sight:", out_of_sight(window))
window.resize(1500, 950)  # the user's own size, for the next start
app.processEvents()
window.close()
again = MainWindow(deferred=True)
print("again", again.width(), again.height())
"""


def test_on_a_large_screen_the_window_opens_larger_with_every_input_and_the_plan_in_sight(
    tmp_path: Path,
) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "fhd", "x": 0, "y": 0, "width": 1920, "height": 1080}]}),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), MAGPLAN_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run(
        [sys.executable, "-c", LARGE_SCREEN], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    width, height = map(int, lines["size"].split())
    assert width >= 0.85 * 1920 and height >= 0.9 * 1080  # a share of the screen
    assert lines["inputs"] == "out of sight: []"  # Medicines and Products too
    assert lines["plan"] == "out of sight: []"
    assert lines["again"] == "1500 950"  # the user's size is remembered


@pytest.mark.parametrize("size", [LAPTOP, (1240, 660), (1600, 900)], ids=str)
def test_no_warning_is_cut_short(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    """Each warning's row is as tall as the style lays out its text in the width it is drawn
    in, the list's less the spacing at either side (else its last line is cut short, with an
    ellipsis)."""
    show_at(window, size, _request(FOUR_DOSES))
    warnings = window.result_panel.warnings_list
    viewport = warnings.viewport()
    assert viewport is not None
    drawn_px = viewport.width() - 2 * warnings.spacing()
    style_measure = QStyledItemDelegate()
    model = warnings.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(warnings)
        option.rect = warnings.visualRect(index)
        option.rect.setWidth(min(option.rect.width(), drawn_px))
        option.decorationSize = warnings.iconSize()
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        needed = style_measure.sizeHint(option, index).height()
        assert option.rect.height() >= needed, f"warning {row + 1}"


def test_the_ramp_shows_whole_weeks_where_there_is_room_and_every_week_where_not(
    qtbot: QtBot, window: MainWindow
) -> None:
    ramp = window.result_panel.titration_list
    show_at(window, (1440, 900), _request(FOUR_DOSES))
    assert ramp.wordWrap()  # no week cut short
    assert _rows_out_of_sight(ramp, ramp.count()) == []
    show_at(window, LAPTOP, _request(FOUR_DOSES))
    assert _rows_out_of_sight(ramp, ramp.count()) == []


def test_a_scrolled_warnings_list_is_back_at_the_top_after_an_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_at(window, LAPTOP, _request(FOUR_DOSES))
    warnings = window.result_panel.warnings_list
    scrollbar = warnings.verticalScrollBar()
    assert scrollbar is not None and scrollbar.maximum() > 0
    scrollbar.setValue(scrollbar.maximum())
    assert _rows_out_of_sight(warnings, 1) == [0]
    retype(qtbot, window.person_panel.age_spin, "60")
    assert scrollbar.value() == 0
    assert _rows_out_of_sight(warnings, 1) == []


def test_view_hides_and_shows_the_inputs_the_timeline_and_the_form_s_reasons(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.view_actions
    view.inputs.trigger()
    assert not window.sections.isVisible()
    view.timeline.trigger()
    assert not window.result_panel.timeline.isVisible()
    shown = window.form_panel.details_shown()
    view.form_details.trigger()
    assert window.form_panel.suggestion.isVisible() is not shown
    assert window.form_panel.headline.isVisible() is shown
    window.form_panel.details_button.click()  # the panel's own switch is the same switch
    assert view.form_details.isChecked() is shown

    view.sections[2].trigger()  # Medicines: the inputs come back to show it
    assert window.sections.isVisible() and view.inputs.isChecked()
    assert window.sections.titles()[window.sections.current()] == "Medicines"


def test_the_list_of_sections_scrolls_to_the_one_clicked_and_marks_the_one_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_at(window, LAPTOP, PlanRequest())
    sections = window.sections
    nav = sections.nav
    medicines = sections.titles().index("Medicines")
    item = nav.item(medicines)
    assert item is not None
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    scrollbar = window.inputs_scroll.verticalScrollBar()
    assert scrollbar is not None
    assert scrollbar.value() == sections.section(medicines).y()  # at the top of the view
    assert sections.current() == medicines

    scrollbar.setValue(0)  # the user scrolls back up: the list follows
    assert sections.current() == 0 and nav.currentRow() == 0
    scrollbar.setValue(sections.section(medicines).y() + 5)
    assert nav.currentRow() == medicines


def _new_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_layout_is_remembered_across_windows(qtbot: QtBot) -> None:
    first = _new_window(qtbot)
    show_at(first, (790, 700), PlanRequest())  # within the test screen (800x800)
    first.view_actions.timeline.trigger()
    first.view_actions.form_details.setChecked(True)
    first.view_actions.sections[3].trigger()  # Products
    first.splitter.setSizes([360, 420])
    QApplication.processEvents()
    sizes = first.splitter.sizes()
    first.close()

    second = _new_window(qtbot)
    assert second.splitter.sizes() == sizes
    assert not second.result_panel.timeline.isVisible()
    assert second.form_panel.suggestion.isVisible()
    assert second.sections.titles()[second.sections.current()] == "Products"


def test_a_plan_without_doses_says_why_at_the_top_of_the_result(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_inputs(PlanRequest(conditions=("kidney-disease",), supervised=True))
    panel = window.result_panel
    note = panel.no_doses_note
    assert schedule_rows(window) == [] and not panel.gate_banner.isVisible()
    assert note.isVisible() and note.title.text() == NO_DOSES_TITLE
    assert "clinician" in note.reasons.text()
    first_warning = warning_texts(window)[0]
    assert (
        "clinician" not in first_warning.split("\n")[0].split(":")[1]
    )  # the list leads with another
    top = note.mapTo(panel, QPoint(0, 0)).y()
    assert top < panel.form_panel.mapTo(panel, QPoint(0, 0)).y()
    assert top < panel.schedule_table.mapTo(panel, QPoint(0, 0)).y()

    window.set_inputs(PlanRequest(goals=("sleep",)))
    assert not note.isVisible()
    window.set_inputs(PlanRequest(conditions=("kidney-disease",)))  # blocked: the gate says why
    assert panel.gate_banner.isVisible() and not note.isVisible()
