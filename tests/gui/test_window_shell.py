"""The window as a desktop program: names for assistive technology, keyboard order, menus,
remembered size, the contract other features build on, and the smoke test."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from magplan.core.knowledge import load_knowledge
from magplan.core.request import MedicineTimes, PlanRequest, make_product
from magplan.gui.app import run_app
from magplan.gui.main_window import MainWindow
from magplan.gui.medicines_model import TIMES
from magplan.gui.products_model import MG_OF
from magplan.gui.timeline import TimelineWidget
from tests.gui.helpers import cell_text, click, focused, retype, schedule_rows, type_into

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    TimelineWidget,
)


def test_every_visible_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window.medicines_editor.add_button)
    click(qtbot, window.products_editor.add_button)
    click(qtbot, window.conditions_panel.box("heart-block"))  # banner shown too
    controls = [
        w for w in window.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisible()
    ]
    assert len(controls) > 30
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not w.accessibleName()]
    assert unnamed == []


def _tab_stops(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """Every widget Tab reaches from ``start`` until it comes back round."""
    start.setFocus()
    stops = [start]
    for _ in range(300):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is start:
            return stops
        stops.append(focused())
    raise AssertionError("Tab never came back to where it started")


def _reading_order(window: MainWindow, widgets: list[QWidget]) -> list[tuple[int, int, int]]:
    """(part, top, left) of each widget: the list of sections, then the inputs, then the plan,
    each part top to bottom."""
    inputs = window.inputs_scroll.widget()
    assert inputs is not None
    places = []
    for widget in widgets:
        part = 0 if widget is window.sections.nav else 1 if inputs.isAncestorOf(widget) else 2
        origin = widget.mapTo(inputs if part == 1 else window, QPoint(0, 0))
        places.append((part, origin.y(), origin.x()))
    return places


def test_tab_follows_the_layout_including_added_rows(qtbot: QtBot, window: MainWindow) -> None:
    day = window.day_panel
    day.wake_edit.setFocus()
    for there in (day.bed_edit, day.meals_edit):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is there
    editor = window.medicines_editor
    click(qtbot, editor.add_button)
    names = ["Medicine 1 name", "Medicine 1 times", "Medicine 1 taken on Mondays"]
    for name in names:
        assert focused().accessibleName() == name
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.add_button


def test_tab_reaches_every_field_once_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    window.set_inputs(
        PlanRequest(
            medicines=(MedicineTimes(name="iron", class_id="iron", times_min=(600,)),),
            products=(make_product(load_knowledge(), "citrate", 100),),
        )
    )
    stops = _tab_stops(qtbot, window.sections.nav)
    assert stops[1] is window.goals_panel.box("sleep")  # from the sections to the first goal
    tables = {window.medicines_editor.table, window.products_editor.table}
    # a table is one stop per cell that takes input: its editors sit inside it
    outside = [w for w in stops if not any(t.isAncestorOf(w) or w is t for t in tables)]
    assert len(outside) == len(set(outside))
    places = _reading_order(window, outside)
    assert places == sorted(places)
    reached = set(stops)
    expected = [
        window.person_panel.name_edit,
        window.person_panel.age_spin,
        window.day_panel.meals_edit,
        window.conditions_panel.supervised_box,
        window.medicines_editor.add_button,
        window.products_editor.add_button,
        window.products_editor.other_spin,
        window.amount_panel.limit_combo,
        window.form_panel.combo,
        window.result_panel.schedule_table,
        window.result_panel.warnings_list,
    ]
    assert all(w in reached for w in expected)
    table = window.products_editor.table
    cells = [w.accessibleName() for w in stops if table.isAncestorOf(w) and w is not table]
    assert cells == [
        "Product 1 form",
        "Product 1 label gives",  # what the number is, before the number
        "Product 1 mg per unit",
        "Product 1 unit",
        "Product 1 name",
    ]
    assert table in reached  # on the "can be halved" tick, which Space toggles


def test_file_menu_ends_with_quit_on_the_standard_shortcut(window: MainWindow) -> None:
    actions = window.file_menu.actions()
    assert actions[-1] is window.quit_action
    expected = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    assert window.quit_action.shortcuts() == expected
    window.quit_action.trigger()
    assert not window.isVisible()


def test_about_names_the_sources_and_says_it_is_not_medical_advice(
    window: MainWindow, no_modal_dialogs: list[tuple[str, str]]
) -> None:
    window.about_action.trigger()
    assert len(no_modal_dialogs) == 1
    title, text = no_modal_dialogs[0]
    assert title == "About Magnesium Planner"
    assert "not medical advice" in text
    k = load_knowledge()
    assert all(src.title.split(".")[0] in text for src in k.sources.values())


def test_size_and_splitters_are_remembered_across_windows(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.showNormal()  # not maximized, as a small screen (this one) first has it
    first.resize(790, 640)
    first.splitter.setSizes([340, 430])
    qtbot.wait(10)
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (790, 640)
    assert second.splitter.sizes() == sizes


def test_set_inputs_fills_every_field_without_counting_as_an_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    k = load_knowledge()
    request = PlanRequest(
        goals=("constipation", "sleep"),
        form="citrate",
        age_years=52,
        sex="female",
        wake_min=6 * 60,
        bed_min=23 * 60,
        meals_min=(6 * 60 + 30, 13 * 60, 19 * 60),
        target_mg=300,
        limit="eu",
        products=(
            make_product(k, "citrate", 150, unit="tablet", halves=True, label="CitraMag"),
            make_product(k, "glycinate", 500, compound=True),
        ),
        other_magnesium_mg=20,
        medicines=(
            MedicineTimes(name="sertraline", class_id="antidepressant", times_min=(480,)),
            MedicineTimes(name="calcium", class_id="calcium", times_min=(540, 1260)),
        ),
        conditions=("diarrhoea", "alcohol-use-disorder"),
    )
    with qtbot.assertNotEmitted(window.inputsChanged), qtbot.waitSignal(window.planChanged):
        window.set_inputs(request, "Ann Example", "R. Smith, RD")
    assert window.current_request() == request
    assert window.card_info() == ("Ann Example", "R. Smith, RD")
    plan = window.current_plan()
    assert plan is not None and plan.doses
    assert cell_text(window.medicines_editor.table, 1, TIMES) == "09:00, 21:00"
    assert cell_text(window.products_editor.table, 1, MG_OF) == "compound"

    with qtbot.waitSignal(window.inputsChanged):
        type_into(qtbot, window.person_panel.name_edit, "e")
    assert window.card_info()[0] == "Ann Examplee"


def test_set_inputs_then_default_again_clears_the_rows(qtbot: QtBot, window: MainWindow) -> None:
    window.set_inputs(
        PlanRequest(
            medicines=(MedicineTimes(name="iron", class_id="iron", times_min=(600,)),),
        )
    )
    assert window.medicines_editor.model.rowCount() == 1
    window.set_inputs(PlanRequest())
    assert window.medicines_editor.model.rowCount() == 0
    assert window.current_request() == PlanRequest()
    assert schedule_rows(window)


def test_every_edit_emits_inputs_changed(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.inputsChanged):
        retype(qtbot, window.person_panel.age_spin, "60")
    request = window.current_request()
    assert request is not None and request.age_years == 60


def test_smoke_test_exits_zero_after_the_first_paint() -> None:
    assert run_app(smoke_test=True) == 0


def test_the_card_fields_keep_what_a_saved_profile_can_keep(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_into(qtbot, window.person_panel.name_edit, "y" * 250)
    assert window.card_info()[0] == "y" * 200
