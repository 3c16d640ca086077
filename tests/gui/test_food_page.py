"""The Food page, driven as a person, a dietitian or a pharmacist would: servings typed into the
checklist, foods found and added from the full list, the estimate and the plan following them,
the dietary gap as the target, and the answers kept by Undo, New and saved profiles whether or
not the page was ever opened."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QInputDialog,
    QScrollArea,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.core.foods import Food, FoodGroup, load_foods
from magplan.core.knowledge import load_knowledge
from magplan.core.request import DietServing, PlanRequest
from magplan.gui.app import install_extensions
from magplan.gui.food_page import INPUTS_PX, RESULTS_LEAST_PX, FoodPage
from magplan.gui.food_search import FoodListModel
from magplan.gui.main_window import MainWindow
from magplan.gui.pages import FOOD, PLAN
from magplan.gui.theme import contrast_ratio
from magplan.present.diet import FOOD_PAGE_NO_DIET
from magplan.profiles import Profile
from magplan.profiles.store import ProfileStore
from tests.gui.helpers import choose, click, focused, retype, wheel
from tools.screenshots import dark_palette

FIBRE = "(a good source of fibre)"  # present/diet.py's words for a fibre-rich suggestion


def _first_group() -> FoodGroup:
    return next(iter(load_foods().groups.values()))


def _richest_food() -> Food:
    """The food with the most magnesium a serving that does not vary (not a water)."""
    foods = [f for f in load_foods().foods.values() if f.mg_high is None]
    return max(foods, key=lambda f: (f.mg, f.id))


def _open_food(window: MainWindow) -> FoodPage:
    """The Food page, for a woman (the EAR and RDA need the person's sex from 14 years)."""
    combo = window.person_panel.sex_combo
    combo.setCurrentIndex(combo.findText("Female", Qt.MatchFlag.MatchContains))
    window.pages.view_actions[FOOD].trigger()
    page = window.pages.page(FOOD)
    assert isinstance(page, FoodPage) and page.isVisible()
    return page


def _action(window: MainWindow, text: str) -> object:
    return next(a for a in window.file_menu.actions() if a.text().replace("&", "") == text)


def _expected_mg(group: FoodGroup, servings: float, per: str) -> float:
    return float(round(group.mg * (servings if per == "day" else servings / 7)))


# ---- the checklist ----------------------------------------------------------------------------


def test_typing_servings_changes_the_plans_diet_estimate(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    group = _first_group()
    row = page.checklist.rows[group.id]
    assert row.spin.text() == "none" and row.per() == group.asked
    usual = window.current_plan()
    assert usual is not None and usual.diet is None
    assert not window.result_panel.diet_line.text()
    # before any diet: how to give one, and the person's EAR and RDA from the plan
    assert page.estimate.estimate_label.text() == FOOD_PAGE_NO_DIET
    requirement = page.estimate.carried_label.text()
    assert f"(EAR, {usual.ear_mg} mg)" in requirement and f"(RDA, {usual.rda_mg} mg" in requirement

    retype(qtbot, row.spin, "3")
    request = window.current_request()
    assert request is not None
    assert request.diet == (DietServing(item=group.id, servings=3, per=group.asked),)
    plan = window.current_plan()
    assert plan is not None and plan.diet is not None
    expected = _expected_mg(group, 3, group.asked)
    assert plan.diet.mg_per_day == expected
    assert (
        f"About {expected:g} mg a day from food (an estimate)"
        in page.estimate.estimate_label.text()
    )
    assert (
        f"{plan.rda_mg} mg" in page.estimate.estimate_label.text()
    )  # the person's RDA, from the plan
    assert group.name.lower() in page.estimate.carried_label.text()
    assert f"adds {plan.daily_elemental_mg:g} mg" in page.estimate.supplement_label.text()
    # the Plan page says it too, in one line
    assert window.result_panel.diet_line.text().startswith(
        f"Diet (an estimate): about {expected:g}"
    )

    choose(qtbot, row.per_combo, "week" if group.asked == "day" else "day")  # how often
    other = "week" if group.asked == "day" else "day"
    plan = window.current_plan()
    assert plan is not None and plan.diet is not None
    assert plan.diet.mg_per_day == _expected_mg(group, 3, other)

    retype(qtbot, row.spin, "0")  # not eaten: no diet at all
    assert window.current_request().diet == ()  # type: ignore[union-attr]
    assert window.current_plan().diet is None  # type: ignore[union-attr]
    assert window.result_panel.diet_line.isHidden()


def test_the_wheel_over_a_servings_field_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    row = page.checklist.rows[_first_group().id]
    page.search.search_edit.setFocus()
    qtbot.waitUntil(page.search.search_edit.hasFocus)
    plan = window.current_plan()
    wheel(row.spin, 3)
    wheel(row.per_combo, -1)
    assert row.spin.value() == 0 and not row.spin.hasFocus()
    assert row.per() == _first_group().asked
    assert window.current_plan() is plan
    assert window.current_request().diet == ()  # type: ignore[union-attr]


def test_a_bad_value_keeps_the_last_plan_and_marks_its_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    group = _first_group()
    row = page.checklist.rows[group.id]
    choose(qtbot, row.per_combo, "day")
    retype(qtbot, row.spin, "2")
    plan = window.current_plan()

    retype(qtbot, row.spin, "30")  # more than the most servings a day
    assert window.current_plan() is plan  # the last valid plan stays
    assert window.current_request() is None  # nothing may be saved or printed from it
    message = window.marks.message(row.spin)
    assert message.startswith(f"{group.name}: 30 servings a day is more than")
    assert row.message.isVisible() and row.message.text() == message
    assert page.estimate.stale_label.isVisible()
    assert message in page.estimate.stale_label.text()
    assert page.veil.isVisible()  # the results are dimmed: they are the last valid plan's

    retype(qtbot, row.spin, "4")
    assert not window.marks.marked() and not row.message.isVisible()
    assert not page.veil.isVisible() and not page.estimate.stale_label.isVisible()
    assert window.current_plan() is not plan
    assert window.current_request().diet[0].servings == 4  # type: ignore[union-attr]


# ---- the full list ----------------------------------------------------------------------------


def test_search_filters_the_full_list(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    table = load_foods()
    model = page.search.model
    assert model.rowCount() == len(table.foods)
    word = _richest_food().name.split()[0].strip(",").lower()
    retype(qtbot, page.search.search_edit, word)
    found = {f.id for f in table.search(word)}
    assert found and set(model.ids()) == found
    assert 0 < model.rowCount() < len(table.foods)
    assert page.search.count_label.text() == f"{len(found)} of {len(table.foods)}"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "USDA FoodData Central" in tip  # where the figure comes from

    retype(qtbot, page.search.search_edit, "zzzz no such food")
    assert model.rowCount() == 0 and not page.search.add_button.isEnabled()


def test_a_food_added_from_the_list_is_planned_and_can_be_removed(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    food = _richest_food()
    retype(qtbot, page.search.search_edit, food.name)
    view = page.search.view
    view.setFocus()
    view.selectRow(page.search.model.ids().index(food.id))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter adds, as the button does
    row = page.own_foods.rows[food.id]
    assert row.spin.hasFocus()  # the keyboard is there to type its servings
    assert window.current_request().diet == (  # type: ignore[union-attr]
        DietServing(item=food.id, servings=1, per="day"),
    )
    assert not page.search.add_button.isEnabled()  # it is on the list already
    assert window.current_plan().diet.mg_per_day == round(food.mg)  # type: ignore[union-attr]

    retype(qtbot, row.spin, "2")
    assert window.current_request().diet[0].servings == 2  # type: ignore[union-attr]
    assert row.remove_button is not None
    click(qtbot, row.remove_button)
    assert food.id not in page.own_foods.rows
    assert window.current_request().diet == ()  # type: ignore[union-attr]
    assert page.search.add_button.isEnabled()
    assert page.own_foods.empty_note.isVisibleTo(page)


# ---- the dietary gap --------------------------------------------------------------------------


def test_the_gap_choice_is_off_needs_a_diet_and_plans_the_gap(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    usual = window.current_plan()
    assert usual is not None
    box = page.estimate.gap_box
    assert not box.isChecked() and not box.isEnabled()
    assert "what you eat" in box.toolTip().lower()  # why it cannot be ticked

    retype(qtbot, page.checklist.rows[_first_group().id].spin, "1")
    assert box.isEnabled() and not box.isChecked()
    assert window.current_plan().target_from_diet is False  # type: ignore[union-attr]
    click(qtbot, box)
    request, plan = window.current_request(), window.current_plan()
    assert request is not None and request.target_from_diet
    assert plan is not None and plan.target_from_diet and plan.diet_gap_mg is not None
    step = load_knowledge().planning.amounts.no_product_step_mg
    assert plan.target_mg == math.ceil(plan.diet_gap_mg / step) * step
    assert plan.target_mg != usual.target_mg
    assert window.history.undo_action.text() == "&Undo Tick Dietary gap as the target"

    click(qtbot, box)
    assert window.current_plan().target_mg == usual.target_mg  # type: ignore[union-attr]

    # ticked, then no diet: the core's message at the box, which stays usable to be cleared
    click(qtbot, box)
    retype(qtbot, page.checklist.rows[_first_group().id].spin, "0")
    assert window.marks.message(box) == "The dietary gap as the target needs the diet: " + (
        "list what you eat first"
    )
    assert box.isEnabled() and page.estimate.gap_message.isVisible()
    click(qtbot, box)
    assert not window.marks.marked()
    assert not box.isEnabled() and "what you eat" in box.toolTip().lower()


def test_the_gap_and_a_target_of_its_own_show_the_cores_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    retype(qtbot, page.checklist.rows[_first_group().id].spin, "1")
    click(qtbot, page.estimate.gap_box)
    plan = window.current_plan()
    window.pages.view_actions[PLAN].trigger()
    retype(qtbot, window.amount_panel.target_spin, "200")
    message = window.marks.message(window.amount_panel.target_spin)
    assert message == "Give either a target or the dietary gap as the target, not both"
    assert window.current_plan() is plan
    window.pages.view_actions[FOOD].trigger()
    assert message in page.estimate.stale_label.text()  # said on the Food page too


# ---- the answers are the window's -------------------------------------------------------------


def test_a_profile_with_a_diet_opens_plans_and_saves_the_same_without_the_page(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_extensions(window)
    group, food = _first_group(), _richest_food()
    diet = (
        DietServing(item=food.id, servings=1.5, per="day"),
        DietServing(item=group.id, servings=3, per="week"),
    )
    request = PlanRequest(goals=("constipation",), sex="female", diet=diet, target_from_diet=True)
    ProfileStore().save(Profile(name="Dora", request=request))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Dora", True)))
    _action(window, "Open…").trigger()  # type: ignore[attr-defined]

    assert window.pages.page(FOOD) is None  # never opened
    assert window.current_request() == request
    plan = window.current_plan()
    assert plan is not None and plan.diet is not None and plan.target_from_diet
    assert window.result_panel.diet_line.isVisibleTo(window.result_panel)
    _action(window, "Save").trigger()  # type: ignore[attr-defined]
    assert ProfileStore().load("Dora").request == request
    assert window.pages.page(FOOD) is None

    page = _open_food(window)  # the page shows the profile's answers
    assert page.checklist.rows[group.id].spin.value() == 3
    assert page.checklist.rows[group.id].per() == "week"
    assert page.own_foods.rows[food.id].spin.value() == 1.5
    assert page.estimate.gap_box.isChecked()
    assert window.current_request() == request  # showing them changed nothing

    _action(window, "New").trigger()  # type: ignore[attr-defined]
    assert window.current_request() == PlanRequest()
    assert page.checklist.rows[group.id].spin.value() == 0
    assert not page.own_foods.rows and not page.estimate.gap_box.isChecked()


def test_undo_restores_the_previous_answers(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    group, food = _first_group(), _richest_food()
    row = page.checklist.rows[group.id]
    retype(qtbot, row.spin, "2")
    page.add_food(food.id)
    first = window.current_request()
    assert first is not None and len(first.diet) == 2
    assert window.history.undo_action.text() == f"&Undo Add {food.name}"

    window.history.undo_action.trigger()
    assert window.current_request().diet == first.diet[:1]  # type: ignore[union-attr]
    assert food.id not in page.own_foods.rows
    window.history.undo_action.trigger()
    assert window.current_request().diet == ()  # type: ignore[union-attr]
    assert row.spin.value() == 0
    window.history.redo_action.trigger()
    window.history.redo_action.trigger()
    assert window.current_request() == first
    assert page.own_foods.rows[food.id].spin.value() == 1


def test_constipation_gives_fibre_rich_suggestions(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    retype(qtbot, page.checklist.rows[_first_group().id].spin, "1")
    suggested = page.advice.suggestions
    assert suggested and not all(s.endswith(FIBRE) for s in suggested)

    window.pages.view_actions[PLAN].trigger()
    k = window.knowledge()
    for goal in k.goals:
        window.goals_panel.box(goal).setChecked(goal == "constipation")
    window.pages.view_actions[FOOD].trigger()
    suggested = page.advice.suggestions
    assert suggested and all(s.endswith(FIBRE) for s in suggested)
    assert "fibre" in page.advice.heading
    assert page.advice.toPlainText().startswith(page.advice.heading)
    shelves = [s for s in page.sheet.shelves if s.foods] if page.sheet else []
    assert shelves and all(s.name in page.advice.toPlainText() for s in shelves)


# ---- keyboard, size, start --------------------------------------------------------------------


def test_alt_3_opens_the_page_with_the_keyboard_in_it_in_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    page = window.pages.page(FOOD)
    assert isinstance(page, FoodPage) and page.isVisible()
    rows = list(page.checklist.rows.values())
    stops: list[QWidget] = []
    for _ in range(2 * len(rows) + 3):
        widget = focused()
        assert widget is not None and page.isAncestorOf(widget)
        parent = widget.parentWidget()
        stops.append(parent if isinstance(parent, QAbstractSpinBox) else widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = [w for r in rows for w in (r.spin, r.per_combo)]
    assert stops[: len(expected)] == expected  # the first field has the keyboard, then Tab
    assert stops[len(expected)] is page.search.search_edit  # no foods added yet
    assert stops[len(expected) + 1] is page.search.view
    unnamed = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        if not w.accessibleName()
    ]
    assert unnamed == []  # every control a screen reader reaches says what it is
    assert all(s.accessibleName() for s in stops)


def test_the_page_scrolls_rather_than_squeezes_at_1280x720(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 720)
    page = _open_food(window)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.minimumSizeHint().height() <= 720
    scroll = page.answers_scroll
    assert scroll.verticalScrollBar().maximum() > 0  # the answers scroll
    inner = scroll.widget()
    assert inner is not None and inner.height() >= inner.minimumSizeHint().height()
    assert page.estimate.isVisible() and page.estimate.visibleRegion().boundingRect().height() == (
        page.estimate.height()
    )


LIST_MODULES = """
import atexit, runpy, sys
atexit.register(lambda: print("modules:", *sorted(sys.modules), file=sys.stderr))
sys.argv[0] = "magplan"
runpy.run_module("magplan", run_name="__main__", alter_sys=True)
"""
OPENED_LATER = (
    "magplan.gui.food_page",
    "magplan.gui.food_checklist",
    "magplan.gui.food_search",
    "magplan.gui.food_advice",
    "magplan.gui.food_bar",
)


def test_the_window_starts_without_the_food_page_or_its_data(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        MAGPLAN_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (listed,) = [line for line in done.stderr.splitlines() if line.startswith("modules: ")]
    modules = set(listed.split()[1:])
    assert "magplan.gui.diet_answers" in modules  # the answers are the window's from the start
    assert [m for m in OPENED_LATER if m in modules] == []


def test_the_food_data_is_read_only_when_the_page_opens(qtbot: QtBot) -> None:
    load_foods.cache_clear()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert load_foods.cache_info().currsize == 0
    _open_food(window)
    assert load_foods.cache_info().currsize == 1


# ---- the window review: keyboard, mouse, sizes and colours ------------------------------------


def _sized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> FoodPage:
    """The Food page in a window of ``width`` x ``height``, active (the keyboard can go)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    page = _open_food(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QApplication.processEvents()
    return page


def _in_sight(scroll: QScrollArea, widget: QWidget, rect: QRect | None = None) -> bool:
    """Whether ``rect`` of ``widget`` (all of it by default) shows in ``scroll``'s view."""
    viewport = scroll.viewport()
    area = rect if rect is not None else widget.rect()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, area.topLeft()), area.size()))


def _stop(widget: QWidget) -> QWidget:
    """The field a focused widget belongs to (a spin box, for its line edit)."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, QAbstractSpinBox) else widget


def _field_in_sight(page: FoodPage, widget: QWidget) -> bool:
    if widget is page.search.view:  # the list: its current row
        view = page.search.view
        return _in_sight(page.answers_scroll, view.viewport(), view.current_row_rect())
    return _in_sight(page.answers_scroll, widget)


def test_the_keyboard_never_lands_on_a_field_out_of_sight(qtbot: QtBot, window: MainWindow) -> None:
    page = _sized(qtbot, window, 1280, 720)
    scrollbar = page.answers_scroll.verticalScrollBar()
    assert scrollbar.maximum() > 0  # the answers scroll at this size
    rows = list(page.checklist.rows.values())

    # Shift+Tab from the advice back to the first field, the answers scrolled to the top
    scrollbar.setValue(0)
    page.advice.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    while _stop(focused()) is not rows[0].spin:
        assert len(seen) < 3 * len(rows) + 10, "Shift+Tab never reaches the first field"
        qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        field = _stop(focused())
        if page.answer_columns.isAncestorOf(field):
            assert _field_in_sight(page, field), field.accessibleName()
        seen.append(field)
    assert page.search.view in seen and page.search.search_edit in seen

    # Tab on from there, the answers scrolled to the bottom
    scrollbar.setValue(scrollbar.maximum())
    assert not _in_sight(page.answers_scroll, rows[0].spin)
    for _ in range(2 * len(rows) + 1):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        field = _stop(focused())
        assert _field_in_sight(page, field), field.accessibleName()
    assert _stop(focused()) is page.search.view  # through the search to the list

    # what is typed after Tab goes into a field in sight
    rows[0].per_combo.setFocus(Qt.FocusReason.MouseFocusReason)
    scrollbar.setValue(scrollbar.maximum())  # the wheel took the view away
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert _stop(focused()) is rows[0].spin and _in_sight(page.answers_scroll, rows[0].spin)
    qtbot.keyClicks(focused(), "7")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert rows[0].spin.value() == 7


@pytest.mark.parametrize("ear_mg, rda_mg", [(265, 320), (255, 310), (300, 360), (340, 400)])
def test_the_bars_words_keep_clear_of_its_marks_and_of_each_other(
    qtbot: QtBot, window: MainWindow, ear_mg: int, rda_mg: int
) -> None:
    page = _sized(qtbot, window, 1280, 720)
    bar = page.estimate.bar
    assert bar.width() > 400
    for total_mg in range(450, 801, 25):
        for food_mg in range(0, total_mg + 1, 25):
            bar.show_amounts(food_mg, total_mg - food_mg, ear_mg, rda_mg)
            layout = bar.bar_layout()
            (ear, ear_text), (rda, rda_text) = layout.names
            assert (ear_text, rda_text) == (f"EAR {ear_mg}", f"RDA {rda_mg}")  # room for both
            assert not ear.intersects(rda) and ear.right() < rda.left()
            assert ear.left() >= 0 and rda.right() <= bar.width()
            for rect, text in layout.words:
                assert not any(rect.left() <= x <= rect.right() for x in layout.marks), text
                assert layout.food.contains(rect) or layout.supplement.contains(rect), text
    bar.show_amounts(494, 350, 265, 320)  # the review's case: both words shown, clear
    assert [text for _, text in bar.bar_layout().words] == ["Food 494 mg", "Supplements 350 mg"]


@pytest.mark.parametrize("theme", ["light", "dark", "grey"])
def test_the_bars_parts_stand_apart_in_every_palette(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    palette = {"light": QApplication.palette(), "dark": dark_palette(), "grey": QPalette()}[theme]
    if theme == "grey":
        palette.setColor(QPalette.ColorRole.Base, QColor("#777777"))
        palette.setColor(QPalette.ColorRole.Window, QColor("#808080"))
    page = _sized(qtbot, window, 1280, 720)
    bar = page.estimate.bar
    bar.setPalette(palette)
    bar.show_amounts(150, 200, 265, 320)  # food, supplements, and the bar's end empty
    layout = bar.bar_layout()
    image = bar.grab().toImage()
    y = int(layout.bar.top()) + 3  # above the words
    food = image.pixelColor(int(layout.food.left()) + 3, y)
    supplement = image.pixelColor(int(layout.supplement.left()) + 3, y)
    track = image.pixelColor(int(layout.bar.right()) - 3, y)
    for a, b in ((food, track), (supplement, track), (food, supplement)):
        assert contrast_ratio(a, b) >= 3.0, (a.name(), b.name())
    colours = bar.colours()
    assert contrast_ratio(colours.food_text, colours.food) >= 4.5
    assert contrast_ratio(colours.supplement_text, colours.supplement) >= 4.5


def test_a_number_typed_after_a_click_into_none_is_taken(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    group = _first_group()
    row = page.checklist.rows[group.id]
    line = row.spin.lineEdit()
    assert line.text() == "none"
    inside = QPoint(line.fontMetrics().horizontalAdvance("no") + 2, line.height() // 2)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=inside)  # the cursor: "no|ne"
    assert _stop(focused()) is row.spin
    qtbot.keyClicks(focused(), "2")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert row.spin.value() == 2
    assert window.current_request().diet == (  # type: ignore[union-attr]
        DietServing(item=group.id, servings=2, per=group.asked),
    )


def test_enter_in_the_search_goes_to_the_first_food_and_escape_clears_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    search = page.search
    said = search.search_edit.accessibleDescription()
    assert "Enter goes to the first food found" in said and "Escape clears" in said
    retype(qtbot, search.search_edit, "lentils")
    lentils = next(f for f in load_foods().foods.values() if f.name == "Lentils, cooked")
    assert search.model.ids()[0] == lentils.id  # by its name, before the beans of its kind

    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    assert search.view.hasFocus() and search.chosen() == lentils.id
    qtbot.keyClick(search.view, Qt.Key.Key_Return)  # Enter there adds it
    assert lentils.id in page.own_foods.rows

    search.search_edit.setFocus()
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Escape)
    assert search.search_edit.text() == ""
    assert search.model.rowCount() == search.model.total()

    retype(qtbot, search.search_edit, "zzzz no such food")
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)  # nothing found: it stays
    assert search.search_edit.hasFocus()


def _arrows(spin: QAbstractSpinBox) -> QImage:
    """The spin box's up and down buttons as drawn, inside its frame."""
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    style = spin.style()
    control = QStyle.ComplexControl.CC_SpinBox
    up = style.subControlRect(control, option, QStyle.SubControl.SC_SpinBoxUp, spin)
    down = style.subControlRect(control, option, QStyle.SubControl.SC_SpinBoxDown, spin)
    return spin.grab().toImage().copy(up.united(down).adjusted(3, 3, -3, -3))


def test_a_marked_servings_field_keeps_its_arrows_and_its_whole_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _sized(qtbot, window, 1280, 720)
    row = page.checklist.rows[_first_group().id]
    choose(qtbot, row.per_combo, "day")
    retype(qtbot, row.spin, "2")
    unmarked = _arrows(row.spin)
    edge_before = row.spin.grab().toImage().pixelColor(1, row.spin.height() // 2)

    retype(qtbot, row.spin, "30")
    assert window.marks.message(row.spin) and row.spin.property("invalid") is True
    assert _arrows(row.spin) == unmarked  # the arrows are drawn as before
    edge = row.spin.grab().toImage().pixelColor(1, row.spin.height() // 2)
    assert edge != edge_before and edge.red() > edge.green() + 60  # framed in red

    message = row.message
    QApplication.processEvents()
    text = message.text()
    fm = message.fontMetrics()
    assert fm.horizontalAdvance(text) > message.width()  # it needs more than one line here
    wrapped = fm.boundingRect(QRect(0, 0, message.width(), 10_000), _WRAP, text)
    assert message.height() >= wrapped.height() > fm.height()  # all of it shows


_WRAP = int(Qt.TextFlag.TextWordWrap.value)


def test_undo_names_the_food_added_or_removed_and_puts_it_back_in_its_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _open_food(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table = load_foods()
    foods = [table.foods[i] for i in ("almonds-raw", "cashews", "walnuts")]
    for food in foods:
        page.add_food(food.id)
    undo = window.history.undo_action
    assert undo.text() == f"&Undo Add {foods[-1].name}"

    first = page.own_foods.rows[foods[0].id]
    assert first.remove_button is not None
    click(qtbot, first.remove_button)
    assert undo.text() == f"&Undo Remove {foods[0].name}"
    undo.trigger()
    rows = page.own_foods.rows
    assert list(rows) == [f.id for f in foods]  # back where it was, first
    QApplication.processEvents()
    tops = [rows[f.id].spin.mapTo(page, QPoint(0, 0)).y() for f in foods]
    assert tops == sorted(tops) and len(set(tops)) == 3
    back = rows[foods[0].id].remove_button
    assert back is not None
    back.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(back, Qt.Key.Key_Tab)  # Tab goes on in the order shown
    assert _stop(focused()) is rows[foods[1].id].spin

    retype(qtbot, rows[foods[1].id].spin, "3")
    assert undo.text() == f"&Undo {foods[1].name} servings"
    group = _first_group()
    row = page.checklist.rows[group.id]
    retype(qtbot, row.spin, "2")
    assert undo.text() == f"&Undo {group.name} servings"
    choose(qtbot, row.per_combo, "week" if group.asked == "day" else "day")
    assert undo.text() == f"&Undo {group.name} how often"


def test_the_list_and_the_advice_show_where_the_keyboard_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _sized(qtbot, window, 1280, 720)
    view = page.search.view
    retype(qtbot, page.search.search_edit, "almonds")
    page.search.search_edit.setFocus()
    row = view.current_row_rect()
    assert not row.isEmpty()
    empty_x = view.columnViewportPosition(FoodListModel.WEIGHT) + 4  # the figures are right
    highlight = view.palette().color(QPalette.ColorRole.Highlight)

    def row_colours() -> tuple[QColor, set[str]]:
        image = view.viewport().grab().toImage()
        fill = image.pixelColor(empty_x, row.center().y())
        edge = {
            image.pixelColor(row.center().x(), y).name() for y in range(row.top(), row.top() + 5)
        }
        return fill, edge

    quiet, quiet_edge = row_colours()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    fill, edge = row_colours()
    frame = view.focus_frame_color()
    assert fill == highlight and quiet != highlight  # the keyboard's row is the one filled
    assert frame.name() in edge and frame.name() not in quiet_edge  # and framed
    assert contrast_ratio(frame, highlight) >= 3.0

    advice = page.advice

    def advice_edge() -> set[str]:
        image = advice.grab().toImage()
        return {image.pixelColor(x, advice.height() // 2).name() for x in range(3)}

    assert highlight.name() not in advice_edge()
    advice.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(advice.hasFocus)
    assert highlight.name() in advice_edge()


def test_an_unknown_fibre_figure_is_a_dash_that_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_food(window)
    model = page.search.model
    foods = load_foods().foods.values()
    unknown = next(f for f in foods if f.fibre_g is None)
    none = next(f for f in foods if f.fibre_g == 0)
    index = model.index(model.ids().index(unknown.id), FoodListModel.FIBRE)
    assert index.data() == "–"
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("not in the data")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Fibre: not in the data"
    zero = model.index(model.ids().index(none.id), FoodListModel.FIBRE)
    assert zero.data() == "0 g"


def test_the_foods_you_added_line_up_with_the_checklist(qtbot: QtBot, window: MainWindow) -> None:
    page = _sized(qtbot, window, 1280, 720)
    page.add_food(_richest_food().id)
    QApplication.processEvents()
    added = page.own_foods.rows[_richest_food().id]
    listed = next(iter(page.checklist.rows.values()))
    for mine, its in (
        (added.name_label, listed.name_label),
        (added.serving_label, listed.serving_label),
        (added.spin, listed.spin),
        (added.per_combo, listed.per_combo),
    ):
        assert mine.mapTo(page, QPoint(0, 0)).x() == its.mapTo(page, QPoint(0, 0)).x()
        assert mine.width() == its.width()


def test_a_large_window_gives_the_answers_two_columns_and_the_list_its_height(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _sized(qtbot, window, 1920, 1080)
    assert page.answer_columns.two_columns()
    assert page.answers_scroll.width() > INPUTS_PX
    assert page.splitter.widget(1).width() >= RESULTS_LEAST_PX
    view = page.search.view
    shown_px = view.viewport().visibleRegion().boundingRect().height()
    assert shown_px // view.verticalHeader().defaultSectionSize() >= 12
    checklist = page.checklist
    assert checklist.visibleRegion().boundingRect().height() == checklist.height()  # all of it

    window.resize(1280, 720)  # narrower: one column again, that scrolls
    qtbot.waitUntil(lambda: not page.answer_columns.two_columns())
