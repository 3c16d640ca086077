"""Refactors keep every output the same: the table, JSON, calendar, card and window texts of a
sample of people are compared with the files kept in ``expected/``."""

from __future__ import annotations

import difflib

import pytest

from tests.golden.outputs import EXPECTED, outputs
from tests.golden.people import PEOPLE


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_outputs_match_the_kept_ones(person: str, qapp: object) -> None:
    del qapp
    for name, text in outputs(PEOPLE[person]).items():
        path = EXPECTED / f"{person}.{name}.txt"
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(True), text.splitlines(True), str(path), "now", n=1
                )
            )
            pytest.fail(f"{person} {name} changed:\n{diff[:4000]}")


def test_the_sample_covers_each_kind_of_plan() -> None:
    """The sample is not a set of empty plans: blocked, supervised, weekday times, several
    forms and short separations are all in it."""
    texts = {p: (EXPECTED / f"{p}.json.txt").read_text(encoding="utf-8") for p in PEOPLE}
    assert sum('"blocked": true' in t for t in texts.values()) >= 3
    assert any('"supervised_by"' in t and '"blocked": false' in t for t in texts.values())
    assert any('"weekday_times": [\n    {' in t for t in texts.values())
    assert sum("separation-short" in t for t in texts.values()) >= 1
    assert sum(t.count('"time":') >= 3 for t in texts.values()) >= 3
