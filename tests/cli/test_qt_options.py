"""Qt's options are told apart from the program's own before the command line is read."""

from __future__ import annotations

import pytest

from magplan.cli.qt_options import MissingQtValue, split_qt_options


def test_qts_options_are_taken_with_their_values_and_the_rest_kept_in_order() -> None:
    words = ["-style", "fusion", "--smoke-test", "-reverse", "-platform=offscreen", "--x"]
    assert split_qt_options(words) == (
        ["--smoke-test", "--x"],
        ["-style", "fusion", "-reverse", "-platform", "offscreen"],
    )


def test_the_programs_own_options_and_values_are_left_alone() -> None:
    words = ["plan", "--name", "Ann", "--wake=-style", "--goal", "sleep"]
    assert split_qt_options(words) == (words, [])


def test_nothing_after_a_double_dash_is_qts() -> None:
    assert split_qt_options(["--", "-reverse"]) == (["--", "-reverse"], [])


def test_an_option_that_needs_a_value_cannot_come_last() -> None:
    with pytest.raises(MissingQtValue, match="-platform needs a value"):
        split_qt_options(["--smoke-test", "-platform"])


def test_an_option_qt_reads_only_with_equals_is_passed_as_written() -> None:
    assert split_qt_options(["-qmljsdebugger=port:3768", "-qmljsdebugger"]) == (
        ["-qmljsdebugger"],
        ["-qmljsdebugger=port:3768"],
    )
