"""Words for amounts, forms, food and times of day: each phrase, and its deliberate variants."""

from __future__ import annotations

import pytest

from magplan.present.words import (
    food_cell,
    food_label,
    food_plain,
    food_sentence,
    form_in_sentence,
    form_title,
    format_units,
    product_form_cell,
    short_form_name,
    time_of_day_column,
)


def test_food_has_one_phrase_per_output() -> None:
    assert (food_cell(True), food_cell(False)) == ("With food", "—")
    assert (food_plain(True), food_plain(False)) == ("with food", "-")
    assert (food_label(True), food_label(False)) == ("With food", "Without food")
    assert (food_sentence(True), food_sentence(False)) == (
        "Take it with food.",
        "Take it without food.",
    )


@pytest.mark.parametrize(
    ("units", "unit", "words"),
    [
        (2, "capsule", "2 capsules"),
        (1, "capsule", "1 capsule"),
        (1.5, "tablet", "1½ tablets"),
        (0.5, "tablet", "½ tablet"),
        (3, "gummy", "3 gummies"),
        (2, "ml", "2 ml"),
        (175, "mg", "175 mg elemental"),
    ],
)
def test_an_amount_is_said_in_the_persons_own_units(units: float, unit: str, words: str) -> None:
    assert format_units(units, unit) == words


def test_a_form_keeps_its_capitals_inside_a_sentence_and_loses_its_aside_in_a_cell() -> None:
    assert form_in_sentence("Magnesium L-threonate") == "magnesium L-threonate"
    assert form_in_sentence("Magnesium sulfate (Epsom salt)") == "magnesium sulfate (Epsom salt)"
    assert form_title("Magnesium glycinate (bisglycinate)") == "Magnesium glycinate"
    assert short_form_name("Magnesium glycinate (bisglycinate)") == "magnesium glycinate"


def test_a_product_s_form_is_named_without_magnesium_where_every_product_is_magnesium() -> None:
    assert product_form_cell("Magnesium glycinate (bisglycinate)") == "glycinate (bisglycinate)"
    assert product_form_cell("Magnesium L-threonate") == "L-threonate"


@pytest.mark.parametrize(
    ("minute", "bedtime", "column"),
    [
        (7 * 60, False, "Morning"),  # at waking
        (11 * 60 + 29, False, "Morning"),  # 4 h 29 min awake
        (11 * 60 + 30, False, "Noon"),
        (15 * 60 + 59, False, "Noon"),
        (16 * 60, False, "Evening"),
        (1 * 60, False, "Evening"),  # after midnight, still the same waking day
        (12 * 60, True, "Bedtime"),  # a bedtime dose is Bedtime whatever the clock says
    ],
)
def test_the_cards_time_of_day_counts_hours_awake(minute: int, bedtime: bool, column: str) -> None:
    assert time_of_day_column(minute, at_bedtime=bedtime, wake_min=7 * 60) == column
