"""The timeline as a user sees it: each form its own shape and colour (the legend names both),
every dose's and medicine's words by its mark or listed under the drawing, however crowded the
day, and marks that stand out on a light and on a dark palette (issue 14, item 11)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from magplan.cli import build_parser
from magplan.cli.options import request_from_args
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.gui.theme import MIN_MARK_CONTRAST, contrast_ratio, readable_on
from magplan.gui.timeline import DayDrawing, DrawnMark, TimelineWidget
from magplan.present import PlanView, present
from magplan.present.day import UNLABELLED, day_marks
from tests.golden.people import PEOPLE

K = load_knowledge()
# The crowded person, with more medicines and meals: two at night, one on Mondays only.
MORE = [
    "--med", "iron@11:00", "--med", "levothyroxine@06:30", "--med", "ciprofloxacin@14:00",
    "--med", "alendronate@07:00/mon", "--med", "ursodiol@12:30", "--med-spacing", "ursodiol=0",
    "--med", "amlodipine@23:30", "--med-spacing", "amlodipine=0", "--med", "zinc@02:00",
    "--meal", "10:00", "--meal", "16:00",
]  # fmt: skip


def view_of(*args: str) -> PlanView:
    request = request_from_args(build_parser().parse_args(["plan", *args]), K)
    return present(plan_day(request, K), K)


def drawn(
    qtbot: QtBot, view: PlanView, width: int, palette: QPalette | None = None
) -> tuple[TimelineWidget, QImage]:
    """The timeline of ``view`` painted ``width`` wide: the widget (with its report of what it
    drew) and the picture."""
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    if palette is not None:
        timeline.setPalette(palette)
    timeline.resize(width, 100)
    timeline.show_view(view)
    timeline.resize(width, timeline.sizeHint().height())
    image = timeline.grab().toImage()
    assert timeline.drawn is not None
    assert timeline.height() >= timeline.drawn.height  # the whole drawing is on screen
    return timeline, image


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#303030"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#6a6a6a"),  # dim, as some dark themes have it
        (QPalette.ColorRole.Highlight, "#264f78"),
        (QPalette.ColorRole.Mid, "#505050"),
    ):
        pal.setColor(role, QColor(color))
    return pal


def light_palette() -> QPalette:
    pal = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#efefef"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.AlternateBase, "#f5f5f5"),
        (QPalette.ColorRole.Text, "#000000"),
        (QPalette.ColorRole.PlaceholderText, "#b0b0b0"),  # pale grey, below 3:1 on white
    ):
        pal.setColor(role, QColor(color))
    return pal


def grey_band_palette() -> QPalette:
    """A palette whose band is mid grey: no fixed colour keeps 3:1 against it both ways."""
    pal = light_palette()
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#777777"))
    return pal


def test_two_forms_have_their_own_shape_and_colour_and_the_legend_names_both(
    qtbot: QtBot,
) -> None:
    view = view_of(*PEOPLE["crowded"])  # citrate by day, glycinate at bedtime
    timeline, image = drawn(qtbot, view, 900)
    assert timeline.drawn is not None
    on_band = [m for m in timeline.drawn.marks if m.kind.startswith("dose-") and not m.in_legend]
    assert sorted({m.kind for m in on_band}) == ["dose-0", "dose-1"]
    first = next(m for m in on_band if m.kind == "dose-0")
    second = next(m for m in on_band if m.kind == "dose-1")
    assert first.color != second.color
    # A circle leaves the corners of its box empty; a square fills them.
    assert _filled_corners(image, first) == 0
    assert _filled_corners(image, second) >= 8
    legend = [item for line in timeline.drawn.legend_lines for item in line]
    assert ("dose-0", "magnesium citrate") in legend
    assert ("dose-1", "magnesium glycinate") in legend
    in_legend = {m.kind: m.color for m in timeline.drawn.marks if m.in_legend}
    assert in_legend["dose-0"] == first.color and in_legend["dose-1"] == second.color


def _filled_corners(image: QImage, mark: DrawnMark) -> int:
    """How many pixels of ``mark``'s colour lie in its 16-pixel box but outside the circle
    that a round mark would fill."""
    count = 0
    cx, cy = mark.center.x(), mark.center.y()
    for px in range(int(cx) - 9, int(cx) + 10):
        for py in range(int(cy) - 9, int(cy) + 10):
            far = math.hypot(px + 0.5 - cx, py + 0.5 - cy) > 7.5
            if far and image.pixelColor(QPoint(px, py)) == mark.color:
                count += 1
    return count


def test_one_form_is_named_in_the_legend(qtbot: QtBot) -> None:
    timeline, _image = drawn(qtbot, view_of("--goal", "sleep"), 900)
    assert timeline.drawn is not None
    legend = [item for line in timeline.drawn.legend_lines for item in line]
    assert legend[0] == ("dose-0", "magnesium glycinate")
    assert not any(kind == "dose-1" for kind, _text in legend)


def _words(drawing: DayDrawing) -> tuple[list[str], str]:
    """The words drawn by the marks, and the list under the drawing as one text."""
    return [label.text for label in drawing.labels], " ".join(drawing.list_lines)


@pytest.mark.parametrize("width", [360, 480, 640, 800, 1000, 1400])
@pytest.mark.parametrize("extra", [[], MORE], ids=["crowded", "more crowded"])
def test_no_dose_or_medicine_is_left_without_its_words(
    qtbot: QtBot, width: int, extra: list[str]
) -> None:
    view = view_of(*PEOPLE["crowded"], *extra)
    marks = day_marks(view)
    timeline, _image = drawn(qtbot, view, width)
    drawing = timeline.drawn
    assert drawing is not None
    by_marks, listed = _words(drawing)
    for dose in marks.doses:  # its time and amount by the mark, or in the list
        assert dose.label in by_marks or dose.listed in listed, (width, dose)
    for med in marks.medicines:
        assert med.label in by_marks or med.listed in listed, (width, med)
    assert len(drawing.labels) + len(drawing.listed) >= len(marks.doses) + len(marks.medicines)
    if drawing.listed:
        assert drawing.list_lines[0].startswith(UNLABELLED)
    # Every word is inside the drawing and no two overlap.
    for label in drawing.labels:
        assert label.rect.left() >= 0 and label.rect.right() <= width, label
    for i, a in enumerate(drawing.labels):
        for b in drawing.labels[i + 1 :]:
            assert not a.rect.intersects(b.rect), (a, b)


def test_a_crowded_day_lists_what_has_no_room_in_time_order(qtbot: QtBot) -> None:
    view = view_of(*PEOPLE["crowded"], *MORE)
    timeline, _image = drawn(qtbot, view, 480)
    assert timeline.drawn is not None
    listed = timeline.drawn.listed
    assert "23:30 amlodipine" in listed  # after bed: no mark on the band, but not forgotten
    assert "02:00 zinc" in listed
    order = [m.minute for d in listed for m in day_marks(view).medicines if m.listed == d]
    wake = view.plan.wake_min - 30
    assert order == sorted(order, key=lambda t: (t - wake) % 1440)


def test_the_timeline_grows_to_show_its_list_and_shrinks_back(qtbot: QtBot) -> None:
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(480, 100)
    timeline.show_view(view_of("--goal", "sleep"))
    plain = timeline.sizeHint().height()
    timeline.show_view(view_of(*PEOPLE["crowded"], *MORE))
    assert timeline.sizeHint().height() > plain
    timeline.show_view(view_of("--goal", "sleep"))
    assert timeline.sizeHint().height() == plain


@pytest.mark.parametrize(
    "palette", [light_palette, dark_palette, grey_band_palette], ids=["light", "dark", "grey"]
)
def test_every_mark_keeps_3_to_1_against_what_it_stands_on(qtbot: QtBot, palette: object) -> None:
    assert callable(palette)
    timeline, image = drawn(qtbot, view_of(*PEOPLE["crowded"], *MORE), 900, palette())
    assert timeline.drawn is not None
    marks = timeline.drawn.marks
    assert {m.kind for m in marks} >= {"dose-0", "dose-1", "meal", "medicine"}
    for mark in marks:
        edge = mark.outline or mark.color  # what sets the mark apart from what it is on
        ratio = contrast_ratio(edge, mark.background)
        assert ratio >= MIN_MARK_CONTRAST, (mark.kind, edge.name(), ratio)
    band = timeline.drawn.band
    band_color = image.pixelColor(QPoint(round(band.right()) - 4, round(band.center().y())))
    assert band_color == palette().color(QPalette.ColorRole.AlternateBase)  # what was checked


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_a_medicine_s_mark_is_outlined_to_stand_out_on_its_shade_and_overlaps_are_explained(
    qtbot: QtBot, palette: object
) -> None:
    assert callable(palette)
    pal = palette()
    timeline, image = drawn(qtbot, view_of(*PEOPLE["crowded"]), 900, pal)
    assert timeline.drawn is not None
    band = timeline.drawn.band
    medicines = [m for m in timeline.drawn.marks if m.kind == "medicine" and not m.in_legend]
    assert len(medicines) >= 4
    base = pal.color(QPalette.ColorRole.Base)
    shades = set()
    for mark in medicines:
        # the shade it sits in, as painted: beside the diamond, on the band
        beside = QPoint(round(mark.center.x()) + 11, round(band.bottom()) - 3)
        painted = image.pixelColor(beside)
        assert _close(painted, mark.background), (painted.name(), mark.background.name())
        assert mark.background != pal.color(QPalette.ColorRole.AlternateBase)  # shaded
        assert mark.outline is not None
        assert contrast_ratio(mark.outline, mark.background) >= MIN_MARK_CONTRAST
        assert contrast_ratio(mark.outline, base) >= MIN_MARK_CONTRAST  # its lower half
        shades.add(mark.background.name())
    assert len(shades) >= 2, "the crowded day has windows that overlap: a deeper shade"
    legend = dict(item for line in timeline.drawn.legend_lines for item in line)
    assert legend["shade"] == "keep magnesium out"
    assert legend["overlap"] == "two windows overlap"


def _close(a: QColor, b: QColor, tolerance: int = 3) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_one_window_alone_has_no_overlap_in_the_legend(qtbot: QtBot) -> None:
    timeline, _image = drawn(qtbot, view_of("--goal", "sleep", "--med", "calcium@13:00"), 900)
    assert timeline.drawn is not None
    kinds = [kind for line in timeline.drawn.legend_lines for kind, _text in line]
    assert "shade" in kinds and "overlap" not in kinds


def test_contrast_is_measured_as_wcag_says() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    kept = readable_on(QColor("#0b5cad"), QColor("#ffffff"))
    assert kept == QColor("#0b5cad")  # already readable: unchanged
    mended = readable_on(QColor("#1f3a5a"), QColor("#303030"))
    assert contrast_ratio(mended, QColor("#303030")) >= 3
