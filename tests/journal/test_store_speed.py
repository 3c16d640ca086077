"""A year of a four-dose plan reads in a few queries, whatever the number of days.

Timings are printed, not held to a target here (the machines that run the tests are noisy;
``bench/README.md``): what is checked is that reading a year's days and its adherence costs a
fixed number of SQL statements (no query per day or per dose), and a bound far above the
measured times that only a change of that kind would cross.
"""

from __future__ import annotations

import time
from pathlib import Path

from magplan.journal import adherence
from tests.journal.year import TODAY, make_year, open_journal

GENEROUS_MS = 2000  # measured: about 10 ms for the days, 13 ms for the summary (2 cores)


def test_a_year_of_four_doses_reads_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    with open_journal(tmp_path) as j:
        year = make_year(j)
    made_ms = (time.perf_counter() - started) * 1000
    assert (year.doses_logged, year.checkins) == (1460, 52)

    with open_journal(tmp_path) as j:  # a fresh connection, as the window opening the page
        statements: list[str] = []
        j._conn.set_trace_callback(statements.append)
        started = time.perf_counter()
        days = j.days(year.first_day, year.last_day)
        days_ms = (time.perf_counter() - started) * 1000
        days_statements = len(statements)
        started = time.perf_counter()
        result = adherence.summary(j, year.first_day, year.last_day, TODAY)
        summary_ms = (time.perf_counter() - started) * 1000
        checkins = j.checkins(year.first_day, year.last_day, kind="phq8")

    assert len(days) == 365 and sum(len(d.doses) for d in days) == 1460
    assert sum(1 for d in days for dose in d.doses if dose.entry is not None) == 1460
    assert result.counted == 1460 and len(checkins) == 52
    assert days_statements <= 6, statements
    assert len(statements) <= 2 * days_statements + 1, statements
    print(
        f"\na year (1,460 dose entries, 52 check-ins): made in {made_ms:.0f} ms; days() "
        f"{days_ms:.1f} ms in {days_statements} statements; adherence summary {summary_ms:.1f} ms"
    )
    assert days_ms < GENEROUS_MS and summary_ms < GENEROUS_MS
