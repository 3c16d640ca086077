"""The follow-up report, read back from the PDF as the clinician (and a PDF reader) would."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from magplan.core.knowledge import load_knowledge
from magplan.core.request import PlanRequest
from magplan.journal import follow, scales
from magplan.journal.plan_record import plan_json
from magplan.printing.card import CardInfo
from magplan.printing.files import OutputError
from magplan.printing.report import (
    REPORT_TITLE,
    ReportDocument,
    build_report,
    span_text,
    weekly_adherence,
    write_report_pdf,
)
from magplan.profiles import Profile, ProfileStore
from tests.journal.year import TODAY, clock_at, make_year
from tests.printing.journal_fixture import followup_plan, summary_of_weeks
from tests.printing.print_cases import BLOCKED_ARGS, pdf_pages, planned
from tests.printing.print_cases import pdf_text as raw_pdf_text

K = load_knowledge()
A4_PT = (595.3, 841.9)
LETTER_PT = (612.0, 792.0)
ALL_KINDS = ("phq8", "gad7", "who5", "sleep", "stools", "cramp_days", "migraine_days")


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts and charts need a running QApplication."""


def pdf_text(path: Path) -> str:
    """The PDF's text with its ligatures as letters ("ﬁ" -> "fi")."""
    return unicodedata.normalize("NFKC", raw_pdf_text(path))


def _info(paper: str = "a4", name: str = "Maria Jensen") -> CardInfo:
    return CardInfo(
        person_name=name,
        prepared_by="A. Lund, RD",
        date=dt.date(2026, 4, 12),
        paper="letter" if paper == "letter" else "a4",
    )


def _written(tmp_path: Path, paper: str = "a4", **fixture: object) -> Path:
    summary = summary_of_weeks(**fixture)  # type: ignore[arg-type]
    path = tmp_path / f"followup-{paper}.pdf"
    write_report_pdf(summary, followup_plan(), K, _info(paper), path)
    return path


@pytest.fixture(scope="module")
def six_weeks(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> str:
    """The text of the six-week report on A4, as a PDF reader extracts it."""
    path = _written(tmp_path_factory.mktemp("report"), profile="maria")
    return pdf_text(path)


# ---- pages ----------------------------------------------------------------------------------


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1.5 and abs(a[1] - b[1]) < 1.5


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    ("weeks", "kinds"),
    [(6, ("phq8", "gad7", "who5", "sleep")), (52, ("phq8", "who5")), (52, ALL_KINDS)],
)
def test_the_report_is_one_or_two_pages_of_the_paper(
    tmp_path: Path, paper: str, weeks: int, kinds: tuple[str, ...]
) -> None:
    pages = pdf_pages(_written(tmp_path, paper, weeks=weeks, kinds=kinds))
    assert 1 <= len(pages) <= 2
    assert all(_close(p, A4_PT if paper == "a4" else LETTER_PT) for p in pages)


def test_each_chart_is_in_the_pdf_as_a_picture(tmp_path: Path) -> None:
    reader = PdfReader(str(_written(tmp_path, weeks=6)))
    pictures = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            found = ref.get_object()
            if found["/Subtype"] == "/Image":
                pictures[ref.idnum] = (int(found["/Width"]), int(found["/Height"]))
    assert len(pictures) == 4  # PHQ-8, GAD-7, WHO-5, the sleep diary
    for width, height in pictures.values():
        assert width > 900 and 2.5 < width / height < 3.2  # a wide chart across the page


def test_the_pdf_is_titled_for_the_person(tmp_path: Path) -> None:
    reader = PdfReader(str(_written(tmp_path)))
    assert reader.metadata is not None
    assert reader.metadata.title == f"{REPORT_TITLE} for Maria Jensen"


# ---- what it says, in order -----------------------------------------------------------------


def _in_order(text: str, *phrases: str) -> None:
    at = -1
    for phrase in phrases:
        found = text.find(phrase, at + 1)
        assert found > at, f"{phrase!r} is missing or out of order"
        at = found


def test_the_sections_come_in_their_order(six_weeks: str) -> None:
    _in_order(
        six_weeks,
        REPORT_TITLE,
        "Maria Jensen",
        "The plan now, and its changes",
        "Doses taken",
        "Scores over the weeks",
        "Side effects",
        "Suggestions the journal made",
        "Sources",
    )


def test_the_head_names_the_person_the_profile_and_the_span(six_weeks: str) -> None:
    _in_order(
        six_weeks,
        "Maria Jensen",
        "profile maria",
        "journal from 1 March to 11 April 2026, 6 weeks",
        "Made on 12 April 2026 by A. Lund, RD",
    )


def test_the_plan_now_and_each_change_with_its_day_amount_and_reason(six_weeks: str) -> None:
    _in_order(
        six_weeks,
        "360 mg of elemental magnesium a day",
        "in 3 doses: 07:30 120 mg, 12:30 120 mg, 22:00 120 mg",
        "Prescribed and supervised",
        "1 Mar 2026 360 mg First plan",
        "15 Mar 2026 360 mg Accepted: stay at week 2's amount one more week (loose stools)",
    )


def test_adherence_overall_and_by_dose_time(six_weeks: str) -> None:
    summary = summary_of_weeks()
    assert summary.adherence_percent is not None
    _in_order(
        six_weeks,
        f"{summary.taken} of {summary.planned} planned doses ({summary.adherence_percent:g}%) "
        "were taken",
        "The dose missed most: 22:00",
        "Dose time Planned Taken Taken (%)",
    )
    for a in summary.by_time:
        assert f"{a.planned_time} {a.planned} {a.taken} {a.percent:g}%" in six_weeks
    assert "Low adherence" not in six_weeks


def test_low_adherence_is_said_plainly_before_any_score(tmp_path: Path) -> None:
    text = pdf_text(_written(tmp_path, taken_share=(0.7, 0.6, 0.6, 0.4)))
    assert re.search(r"Low adherence: \d+ of \d+ planned doses \(\d+(\.\d)?%\) were taken", text)
    _in_order(text, "Low adherence", "below 80%", "Scores over the weeks", "PHQ-8")
    assert text.index("Low adherence") < text.index("moderate")  # before any band


def test_the_adherence_threshold_is_the_journal_s_own() -> None:
    assert scales.definitions().suggestions.taken_share_below == 0.80


def test_weeks_of_adherence_are_counted_from_the_ramp_start() -> None:
    summary = summary_of_weeks(3)
    weeks = weekly_adherence(summary)
    assert [w[0] for w in weeks] == [dt.date(2026, 3, 1), dt.date(2026, 3, 8), dt.date(2026, 3, 15)]
    assert sum(w[2] for w in weeks) == summary.taken
    assert all(w[1] == 28 for w in weeks)


def test_each_score_first_and_last_with_its_band(six_weeks: str) -> None:
    summary = summary_of_weeks()
    phq8 = [c for c in summary.checkins if c.kind == "phq8"]
    who5 = [c for c in summary.checkins if c.kind == "who5"]
    _in_order(
        six_weeks,
        "Scores over the weeks",
        K.disclaimer.timeframe,
        f"PHQ-8 {phq8[0].score:g}, {phq8[0].band} (7 Mar) {phq8[-1].score:g}, {phq8[-1].band} "
        "(11 Apr) 6",
        f"WHO-5 {4 * (who5[0].score or 0):g}%, {who5[0].band}",
        "Sleep diary",
        "efficiency",
        "h slept",
    )


def test_side_effects_by_week(six_weeks: str) -> None:
    _in_order(
        six_weeks,
        "Side effects",
        "Side effect Days Days in each week",
        "Loose stools 2 days in 1 of 6 weeks week 2 (from 8 Mar): 2",
    )


def test_no_side_effects_is_said(tmp_path: Path) -> None:
    text = pdf_text(_written(tmp_path, weeks=1))
    assert "No side effect was recorded in this span." in text


def test_suggestions_and_what_was_decided(six_weeks: str) -> None:
    _in_order(
        six_weeks,
        "Suggestions the journal made",
        "15 Mar 2026",
        "Stay at week 2's amount one more week.",
        "Loose stools on 2 days in week 2 of the start-low ramp.",
        "accepted 15 Mar",
    )


def test_repeated_suggestions_are_one_row_with_their_count(tmp_path: Path) -> None:
    summary = summary_of_weeks(52)
    low = [s for s in summary.suggestions if s.code == "low_adherence"]
    assert len(low) > 1
    text = pdf_text(_written(tmp_path, weeks=52, kinds=("phq8",)))
    assert f"{len(low)} times, " in text
    assert "a statement: nothing to accept" in text


def test_the_sources_the_attributions_and_the_not_medical_advice_note(six_weeks: str) -> None:
    found = scales.definitions()
    flat = " ".join(six_weeks.split())
    _in_order(
        flat,
        "Sources",
        found.scales["phq8"].attribution,
        found.scales["who5"].attribution,
        K.sources["KROENKE2009"].title[:60],
        K.sources["WHO5"].title[:60],
        K.sources["CSD"].title[:40],
        K.sources["ADHERENCE"].title[:40],
        K.disclaimer.text,
    )


# ---- the document -----------------------------------------------------------------------------


def test_build_report_is_a_document_with_its_charts_as_resources() -> None:
    doc = build_report(summary_of_weeks(), followup_plan(), K, _info())
    assert isinstance(doc, ReportDocument)
    assert 1 <= doc.pageCount() <= 2
    html = doc.toHtml()
    for kind in ("phq8", "gad7", "who5", "sleep"):
        assert f'src="chart/{kind}.png"' in html
        picture = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart/{kind}.png"))
        assert isinstance(picture, QImage) and not picture.isNull()
    assert "chart/stools" not in html


def test_a_report_without_a_name_is_for_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_report_pdf(summary_of_weeks(2), followup_plan(), K, _info(name=""), path)
    text = pdf_text(path)
    assert "Maria Jensen" in text and "profile" not in text.split("journal from")[0]


def test_a_report_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "r.pdf"
    with pytest.raises(OutputError, match="does not exist"):
        write_report_pdf(summary_of_weeks(2), followup_plan(), K, _info(), path)
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (dt.date(2026, 3, 1), dt.date(2026, 4, 12), "1 March to 12 April 2026, 6 weeks"),
        (dt.date(2025, 12, 20), dt.date(2026, 1, 9), "20 December 2025 to 9 January 2026, 3 weeks"),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 5), "1 March to 5 March 2026, 5 days"),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 1), "1 March to 1 March 2026, 1 day"),
    ],
)
def test_the_span_in_words(start: dt.date, end: dt.date, text: str) -> None:
    assert span_text(start, end) == text


# ---- the fixture other helpers reuse ------------------------------------------------------------


def test_the_fixture_is_what_it_says() -> None:
    summary = summary_of_weeks()
    assert (summary.start, summary.end) == (dt.date(2026, 3, 1), dt.date(2026, 4, 11))
    assert sorted({d.daily_mg for d in summary.days}) == [120.0, 240.0, 360.0]
    assert summary.adherence_percent is not None and 80 <= summary.adherence_percent <= 90
    bedtime = summary.by_time[-1]
    assert bedtime.planned_time == "22:00"
    assert bedtime.percent == min(a.percent or 0.0 for a in summary.by_time)
    loose = [d.day for d in summary.days if "loose_stools" in d.side_effects]
    assert loose == [dt.date(2026, 3, 10), dt.date(2026, 3, 12)]
    assert [(s.code, s.status) for s in summary.suggestions] == [("hold_step", "accepted")]
    assert len(summary.plan_changes) == 2
    phq8 = [c.score for c in summary.checkins if c.kind == "phq8"]
    assert phq8[-1] is not None and phq8[0] is not None and phq8[-1] < phq8[0]
    assert {c.kind for c in summary.checkins} == {"phq8", "gad7", "who5", "sleep"}
    assert len(summary_of_weeks(52).days) == 364
    assert all(len(d.doses) == 4 for d in summary.days)


def test_an_empty_span_and_a_blocked_plan_are_said_in_words(tmp_path: Path) -> None:
    empty = replace(
        summary_of_weeks(1, kinds=()),
        days=(),
        by_time=(),
        suggestions=(),
        plan_changes=(),
    )
    path = tmp_path / "empty.pdf"
    write_report_pdf(empty, planned(BLOCKED_ARGS)[0], K, _info(), path)
    _in_order(
        pdf_text(path),
        "No magnesium schedule now:",
        "No planned dose of a completed day is in this span.",
        "No check-in was recorded in this span.",
        "No side effect was recorded in this span.",
        "The journal made no suggestion in this span.",
        K.disclaimer.text,
    )
    assert len(pdf_pages(path)) == 1


def test_a_year_kept_by_the_journal_itself_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a saved profile's journal, as ``magplan report`` will take it: a year of a
    four-dose plan, summarised by the journal, on two pages at most."""
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))
    store = ProfileStore()
    store.save(Profile(name="Anna K.", request=PlanRequest(goals=("repletion",), target_mg=500)))
    f = follow.open_followed("Anna K.", store=store, clock=clock_at(TODAY))
    try:
        year = make_year(f.journal, plan=plan_json(f.plan))
        summary = follow.summarise(f, year.first_day, year.last_day)
        path = tmp_path / "followup.pdf"
        write_report_pdf(summary, f.plan, f.k, _info(name="Anna K."), path)
    finally:
        f.close()
    assert 1 <= len(pdf_pages(path)) <= 2
    text = pdf_text(path)
    assert summary.adherence_percent is not None
    _in_order(
        text,
        "Anna K.",
        "journal from 30 June 2024 to 29 June 2025, 52 weeks",
        f"{summary.taken:,} of {summary.planned:,} planned doses",
        "Dose time",
        "Scores over the weeks",
        "PHQ-8",
        "Side effects",
        "Loose stools",
    )
    assert "Bowel movements" not in text and "WHO-5 " not in text.split("Sources")[0]
