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
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from magplan.core.foods import Food, FoodGroup, load_foods
from magplan.core.knowledge import load_knowledge
from magplan.core.request import DietServing, PlanRequest
from magplan.gui.app import install_extensions
from magplan.gui.food_page import FoodPage
from magplan.gui.main_window import MainWindow
from magplan.gui.pages import FOOD, PLAN
from magplan.present.diet import NO_DIET
from magplan.profiles import Profile
from magplan.profiles.store import ProfileStore
from tests.gui.helpers import choose, click, focused, retype

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


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


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
    assert page.estimate.estimate_label.text() == NO_DIET
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
    _wheel(row.spin, 3)
    _wheel(row.per_combo, -1)
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
    assert window.history.undo_action.text() == f"&Undo {food.name}"

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
