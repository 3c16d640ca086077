"""A plan's warnings in the catalogue's words: the case chosen, the facts filled in, the
sources of what the warning speaks of first."""

from __future__ import annotations

from magplan.core.plan_warnings import phrase, warning, words
from tests.core.helpers import K


def test_a_warning_takes_its_severity_message_and_sources_from_the_catalogue() -> None:
    w = warning(K, "infant")
    assert (w.code, w.severity, w.sources) == ("infant", "danger", ("ODS",))
    assert w.message.startswith("No upper limit is set for infants under 1 year")


def test_a_case_changes_the_wording_and_keeps_what_it_does_not_set() -> None:
    usual = warning(K, "limit-reached", sources=("EFSA",), other_mg=250, upper_limit_mg=250)
    over = warning(K, "limit-reached", "over", sources=("EFSA",), other_mg=300, upper_limit_mg=250)
    assert usual.severity == "caution" and over.severity == "danger"
    assert "250 mg/day, at the upper limit of 250" in usual.message
    assert "300 mg/day, over the upper limit of 250" in over.message
    assert usual.sources == over.sources == ("EFSA",)


def test_the_sources_of_what_a_warning_speaks_of_come_before_its_own() -> None:
    w = warning(
        K,
        "above-upper-limit",
        sources=("ODS",),
        total_mg=400.5,
        upper_limit_mg=350,
        limit_name="US",
    )
    assert w.sources == ("ODS", "SEED")
    assert "400.5 mg/day from supplements and medicines is more than 350 mg/day (US)" in w.message


def test_words_and_phrases_are_filled_like_messages() -> None:
    assert words(K, "must-tight", "spare", minutes=10) == " 10 min"
    assert phrase(K, "studied-elemental", mg=144.0) == "at most 144 mg of magnesium a day"
