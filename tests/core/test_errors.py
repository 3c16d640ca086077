"""core/errors.py: the one error for input the planner cannot use, and how a typed value is
quoted in it (invisible characters shown, long values cut)."""

from __future__ import annotations

from magplan.core.errors import PlanInputError, first_invisible, shown


def test_the_error_names_its_field_and_reads_as_its_message() -> None:
    error = PlanInputError("wake", "wake '25:00' is not a time of day")
    assert error.field == "wake"
    assert str(error) == error.message == "wake '25:00' is not a time of day"
    assert isinstance(error, ValueError)


def test_invisible_characters_are_found_by_code_point() -> None:
    assert first_invisible("Anna") is None
    assert first_invisible("Anna\u202eK") == "U+202E"  # right-to-left override
    assert first_invisible("a\u200bb\tc") == "U+200B"  # zero-width space before the tab
    assert first_invisible("Zoë Ångström") is None


def test_a_quoted_value_shows_invisible_characters_as_escapes() -> None:
    assert shown("ab\u202ecd") == "ab\\u202ecd"
    assert shown("line\nbreak") == "line\\u000abreak"


def test_a_quoted_value_is_cut_to_one_readable_line() -> None:
    assert shown("x" * 40) == "x" * 40
    assert shown("x" * 41) == "x" * 39 + "…"
    assert shown("abcdef", limit=4) == "abc…"
