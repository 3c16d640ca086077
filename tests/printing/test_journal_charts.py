"""The journal's charts: what each one shows, read back from its series and axes, and what
it looks like drawn off screen, on a page and in a dark window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from magplan.gui.theme import contrast_ratio
from magplan.journal import scales
from magplan.printing.journal_charts import (
    LOGICAL_DPI,
    amount_steps,
    chart_colours,
    chart_image,
    chart_kinds,
    kind_axis,
    score_chart,
    weekly_values,
    weeks_range,
)
from tests.printing.journal_fixture import summary_of_weeks

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Charts need a running QApplication."""


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _series(chart: QChart) -> dict[str, QLineSeries | QAreaSeries]:
    return {s.name(): s for s in chart.series()}  # type: ignore[misc]


def _axis(chart: QChart, title: str) -> QValueAxis:
    found = [a for a in chart.axes() if isinstance(a, QValueAxis) and a.titleText() == title]
    assert len(found) == 1, [a.titleText() for a in chart.axes()]
    return found[0]


# ---- what is charted ---------------------------------------------------------------------------


def test_a_questionnaire_is_charted_on_its_score_range_with_its_bands() -> None:
    phq8 = kind_axis("phq8")
    assert (phq8.name, phq8.low, phq8.high, phq8.title) == ("PHQ-8", 0, 24, "Score (0-24)")
    assert [(b.low, b.high, b.label) for b in phq8.bands] == [
        (b.low, b.high, b.label) for b in scales.scale("phq8").bands
    ]
    assert [b.label for b in phq8.bands][-2:] == ["moderately severe", "severe"]


def test_who5_is_charted_in_per_cent_with_the_poor_wellbeing_band() -> None:
    who5 = kind_axis("who5")
    assert (who5.low, who5.high, who5.percent_factor) == (0, 100, 4)
    assert who5.title == "Per cent (0-100)"
    assert (who5.bands[0].low, who5.bands[0].high, who5.bands[0].label) == (
        0,
        50,
        "poor wellbeing",
    )


def test_the_other_check_ins_have_their_own_axes() -> None:
    assert (kind_axis("sleep").title, kind_axis("sleep").high) == ("Efficiency (%)", 100)
    assert kind_axis("cramp_days").title == "Days (of 7)"
    assert kind_axis("migraine_days").high == 7
    assert kind_axis("stools", [1.0, 4.2]).high == 6  # holds the largest value, and a margin
    assert kind_axis("stools").high == 3


def test_weekly_values_are_one_a_week_in_the_chart_unit_with_their_band() -> None:
    summary = summary_of_weeks(6)
    who5 = weekly_values(summary, "who5")
    raw = [c for c in summary.checkins if c.kind == "who5"]
    assert [v.value for v in who5] == [4 * (c.score or 0) for c in raw]
    assert [v.band for v in who5] == [c.band for c in raw]
    assert [v.week for v in who5] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]  # end of each week's day 7
    sleep = weekly_values(summary, "sleep")  # two nights a week: their mean
    nights = [c.score or 0 for c in summary.checkins if c.kind == "sleep"][:2]
    assert len(sleep) == 6 and sleep[0].value == round(sum(nights) / 2, 1)


def test_the_daily_amount_is_a_step_line_over_the_ramp_and_the_held_week() -> None:
    steps = amount_steps(summary_of_weeks(6))
    assert steps == (
        (0.0, 120.0),
        (1.0, 120.0),
        (1.0, 240.0),
        (3.0, 240.0),
        (3.0, 360.0),
        (6.0, 360.0),
    )


def test_the_weeks_run_on_to_the_end_of_the_effect_window() -> None:
    assert weeks_range(summary_of_weeks(6)) == (0.0, 8.0)
    assert weeks_range(summary_of_weeks(10)) == (0.0, 10.0)


def test_only_kinds_with_scores_are_charted_in_the_journal_order() -> None:
    summary = summary_of_weeks(2, kinds=("sleep", "who5", "phq8"))
    assert chart_kinds(summary) == ("phq8", "who5", "sleep")


# ---- the chart ----------------------------------------------------------------------------------


def test_the_chart_shows_the_score_against_the_amount_with_the_window_named() -> None:
    summary = summary_of_weeks(6)
    chart = score_chart(summary, "phq8")
    series = _series(chart)
    assert set(series) == {
        "PHQ-8, weekly",
        "Daily magnesium (mg)",
        "Weeks 2-8: when studies measured results",
    }
    score = series["PHQ-8, weekly"]
    assert isinstance(score, QLineSeries)
    assert [p.y() for p in score.points()] == [v.value for v in weekly_values(summary, "phq8")]
    mg = _axis(chart, "mg a day")
    assert mg.alignment() == Qt.AlignmentFlag.AlignRight and mg.max() >= 360
    amount = series["Daily magnesium (mg)"]
    assert mg in amount.attachedAxes()
    assert mg not in score.attachedAxes()
    assert _axis(chart, "Score (0-24)").alignment() == Qt.AlignmentFlag.AlignLeft
    assert _axis(chart, "Weeks since the start").max() == 8


def test_the_effect_window_is_a_band_from_week_2_to_week_8() -> None:
    chart = score_chart(summary_of_weeks(6), "gad7")
    window = _series(chart)["Weeks 2-8: when studies measured results"]
    assert isinstance(window, QAreaSeries)
    upper, lower = window.upperSeries(), window.lowerSeries()
    assert upper is not None and lower is not None
    assert [p.x() for p in upper.points()] == [2.0, 8.0]
    assert [p.y() for p in upper.points()] == [21.0, 21.0]
    assert [p.y() for p in lower.points()] == [0.0, 0.0]
    assert window.pen().style() == Qt.PenStyle.DashLine


def test_a_span_after_the_window_has_no_window_band() -> None:
    year = summary_of_weeks(20)
    later = replace(
        year,
        start=year.start + dt.timedelta(weeks=10),
        days=tuple(d for d in year.days if d.day >= year.start + dt.timedelta(weeks=10)),
    )
    names = set(_series(score_chart(later, "who5")))
    assert names == {"WHO-5, weekly", "Daily magnesium (mg)"}


def test_the_bands_are_named_beside_the_score_and_shaded() -> None:
    chart = score_chart(summary_of_weeks(6), "phq8")
    bands = [a for a in chart.axes() if isinstance(a, QCategoryAxis)]
    assert len(bands) == 1 and bands[0].shadesVisible()
    labels = [label.replace("<br>", " ") for label in bands[0].categoriesLabels()]
    assert labels == [
        "none/minimal (0-4)",
        "mild (5-9)",
        "moderate (10-14)",
        "moderately severe (15-19)",
        "severe (20-24)",
    ]
    assert bands[0].endValue(bands[0].categoriesLabels()[1]) == 9.5
    no_bands = score_chart(summary_of_weeks(6), "sleep")
    assert not [a for a in no_bands.axes() if isinstance(a, QCategoryAxis)]


def test_a_year_of_points_is_not_labelled_one_by_one() -> None:
    charts = [score_chart(summary_of_weeks(weeks), "phq8") for weeks in (6, 52)]
    few, many = (_series(chart)["PHQ-8, weekly"] for chart in charts)
    assert isinstance(few, QLineSeries) and isinstance(many, QLineSeries)
    assert few.pointLabelsVisible() and not many.pointLabelsVisible()


# ---- colours and drawing ------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True])
def test_the_lines_stand_out_on_a_page_and_in_a_dark_window(dark: bool) -> None:
    colours = chart_colours(_dark_palette() if dark else None)
    assert (colours.background.lightness() < 128) == dark
    for line in (colours.score, colours.amount, colours.window_edge, colours.text):
        assert contrast_ratio(line, colours.background) >= 3.0, line.name()
    assert contrast_ratio(colours.text, colours.background) >= 7.0


def _share_near(image: QImage, colour: QColor, tolerance: int = 40) -> float:
    """The share of a grid of sample pixels within ``tolerance`` of ``colour``."""
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            total += 1
            close = max(
                abs(pixel.red() - colour.red()),
                abs(pixel.green() - colour.green()),
                abs(pixel.blue() - colour.blue()),
            )
            hits += close <= tolerance
    return hits / total


@pytest.mark.parametrize("dark", [False, True])
def test_the_chart_is_drawn_off_screen_in_its_colours(dark: bool) -> None:
    palette = _dark_palette() if dark else None
    colours = chart_colours(palette)
    image = chart_image(score_chart(summary_of_weeks(6), "phq8", palette), 900, 360, 150)
    assert (image.width(), image.height()) == (900, 360)
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    assert image.pixelColor(2, 2) == colours.background
    assert _share_near(image, colours.score) > 0.003  # the score's line and points
    assert _share_near(image, colours.amount) > 0.003  # the daily amount's steps
    assert _share_near(image, colours.background, 2) > 0.3


def test_a_sharper_image_is_the_same_layout() -> None:
    """At twice the resolution, twice the pixels of the same drawing: the text does not grow
    against the plot (fonts are laid out at LOGICAL_DPI)."""
    chart = score_chart(summary_of_weeks(6), "who5")
    small = chart_image(chart, 600, 240, LOGICAL_DPI * 1.0)
    large = chart_image(chart, 1200, 480, LOGICAL_DPI * 2.0)
    colour = chart_colours().amount
    assert _share_near(small, colour) == pytest.approx(_share_near(large, colour), rel=0.35)


def test_a_chart_in_a_view_is_given_back_to_it(qtbot: QtBot) -> None:
    chart = score_chart(summary_of_weeks(6), "phq8")
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    scene, size = chart.scene(), chart.size()
    assert size.width() > 400
    assert scene is not None
    chart_image(chart, 800, 300, 120)
    assert chart.scene() is scene and chart.size() == size


def test_a_chart_left_out_of_any_scene_after_drawing() -> None:
    chart = score_chart(summary_of_weeks(6), "phq8")
    chart_image(chart, 400, 200)
    assert chart.scene() is None


# ---- where Qt Charts is loaded ------------------------------------------------------------------


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(SRC))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_window_starts_without_qt_charts() -> None:
    done = _run(
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from magplan.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "w = MainWindow(deferred=True)\n"
        "w.show(); app.processEvents(); w.finish_loading(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if 'QtCharts' in m or 'journal_charts' in m))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_charts_in_a_plain_gui_application_are_refused_not_crashed() -> None:
    done = _run(
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "from magplan.printing.journal_charts import chart_application, score_chart\n"
        "for call in (chart_application, lambda: score_chart(None, 'phq8')):\n"
        "    try:\n"
        "        call()\n"
        "    except RuntimeError as exc:\n"
        "        print('refused:', exc)\n"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("refused: ") for line in lines)
    assert "QApplication" in lines[0]
