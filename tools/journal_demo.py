"""Eight weeks of a made-up person's journal, written through the program itself, for the README's
pictures: the Journal page and the follow-up report.

    python tools/journal_demo.py --data /tmp/demo            # then MAGPLAN_DATA_DIR=/tmp/demo
    python tools/journal_demo.py --data /tmp/demo --report docs/followup-report.png

Anna (sleep and anxiety, sertraline at 08:00) starts low; loose stools on two days of the
second week bring the journal's suggestion to hold the step, which she accepts; she takes most
doses (the evening one is the one she misses), checks in weekly (GAD-7, WHO-5) and keeps a
sleep diary twice a week, her scores easing over the weeks. Every entry goes through the journal
and its suggestions, as the command line's would; the numbers are made up (a fixed seed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from magplan.journal import follow
from magplan.journal.follow import Followed

WEEKS = 8
PROFILE = "Anna K."


def _clock(day: dt.date) -> Callable[[], dt.datetime]:
    moment = dt.datetime.combine(day, dt.time(21, 0))
    return lambda: moment


def make_demo(data: Path, today: dt.date, seed: int = 7) -> None:
    """The demo profile and its journal in the data folder ``data``."""
    os.environ["MAGPLAN_DATA_DIR"] = str(data)
    from magplan.core.knowledge import load_knowledge
    from magplan.core.request import PlanRequest, group_medicines, parse_med_spec
    from magplan.profiles import Profile, ProfileStore

    k = load_knowledge()
    request = PlanRequest(
        goals=("sleep", "anxiety"),
        age_years=41,
        sex="female",
        medicines=group_medicines([parse_med_spec(k, "sertraline@08:00")]),
    )
    store = ProfileStore()
    store.save(
        Profile(
            name=PROFILE,
            person_name="Anna Kowalska",
            prepared_by="J. Smith, RD",
            request=request,
        )
    )
    rng = random.Random(seed)
    start = today - dt.timedelta(days=WEEKS * 7)
    f = follow.open_followed(PROFILE, store=store, k=k, clock=_clock(start))
    follow.keep_plan_current(f, start)
    for n in range(WEEKS * 7):
        day = start + dt.timedelta(days=n)
        f.journal.clock = _clock(day)
        if n % 7 == 0 and n:
            f = _decide(f, day)
        _log_day(f, day, n, rng)
        _check_in(f, day, n, rng)
    f.journal.clock = _clock(today)
    follow.refresh_suggestions(f, today)
    f.close()


def _decide(f: Followed, day: dt.date) -> Followed:
    """Each new week: the last week's suggestions; Anna accepts holding the step."""
    for s in follow.refresh_suggestions(f, day):
        if s.code == "hold_step":
            f = follow.accept(f, s.id, day)
    return f


def _log_day(f: Followed, day: dt.date, n: int, rng: random.Random) -> None:
    plan = f.journal.day_plan(day)
    assert plan is not None
    for i, time in enumerate(plan.times):
        evening = i == len(plan.times) - 1 and len(plan.times) > 1
        draw = rng.random()
        if draw < (0.78 if evening else 0.93):
            f.journal.log_dose(day, time, "taken")
        elif draw < (0.86 if evening else 0.97):
            hour, minute = divmod(int(time[:2]) * 60 + int(time[3:]) + 45, 60)
            f.journal.log_dose(day, time, "moved", f"{hour % 24:02d}:{minute:02d}")
        else:
            f.journal.log_dose(day, time, "skipped", reason=rng.choice(["away", "forgot", ""]))
    if n in (8, 10):  # two days of loose stools in the second week of the ramp
        f.journal.add_side_effect(day, "loose_stools")


def _check_in(f: Followed, day: dt.date, n: int, rng: random.Random) -> None:
    from magplan.journal.scales import SleepDiary, score, time_in_bed_min

    week = n / 7
    if n % 7 == 6:
        gad = _answers(max(3, round(13 - week * 1.1 + rng.uniform(-1, 1))), 7, 3, rng)
        f.journal.add_checkin(day, "gad7", {"items": list(gad)}, score("gad7", gad).value)
        who = _answers(min(22, round(9 + week * 1.3 + rng.uniform(-1, 1))), 5, 5, rng)
        f.journal.add_checkin(day, "who5", {"items": list(who)}, score("who5", who).value)
    if n % 7 in (1, 4):
        req = f.profile.request
        diary = SleepDiary(
            latency_min=int(max(10, 45 - week * 4 + rng.uniform(-5, 5))),
            wakings=max(0, round(3 - week * 0.3 + rng.uniform(-0.6, 0.6))),
            hours_slept=round(min(8.0, 5.8 + week * 0.2 + rng.uniform(-0.3, 0.3)) * 4) / 4,
            quality=min(5, max(1, round(2 + week * 0.35))),
        )
        efficiency = diary.efficiency_pct(time_in_bed_min(req.bed_min, req.wake_min))
        f.journal.add_checkin(day, "sleep", diary.answers(), round(efficiency, 1))


def _answers(total: int, count: int, high: int, rng: random.Random) -> tuple[int, ...]:
    """``count`` answers of 0 to ``high`` that add up to ``total``."""
    items = [0] * count
    for _ in range(min(total, count * high)):
        open_items = [i for i in range(count) if items[i] < high]
        items[rng.choice(open_items)] += 1
    return tuple(items)


def report_png(data: Path, out: Path) -> None:
    """The demo's follow-up report, page 1, as a PNG (``pdftoppm``)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "followup.pdf"
        env = {**os.environ, "MAGPLAN_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
        cmd = [sys.executable, "-m", "magplan", "report", "--profile", PROFILE, "-o", str(pdf)]
        subprocess.run([*cmd, "--paper", "a4"], env=env, check=True, capture_output=True)
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        out.write_bytes(stem.with_suffix(".png").read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the data folder to fill")
    parser.add_argument("--report", type=Path, help="also write the report's first page here")
    args = parser.parse_args()
    make_demo(args.data, dt.date.today())
    if args.report:
        report_png(args.data, args.report)
        print(f"wrote {args.report}")
    print(f"MAGPLAN_DATA_DIR={args.data} holds the profile '{PROFILE}' and its journal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
