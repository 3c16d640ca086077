"""``magplan log``, ``magplan checkin`` and ``magplan journal``: a saved profile's journal.

Each command names a saved profile (``--profile NAME``); its journal lives beside it. Bad input
is one line and exit status 2 with nothing written: every value is read before the journal is
opened, a command's writes are one transaction, and a journal made for a command that then
fails is removed again.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from magplan.cli import UsageError, notice, refuse_profiles_folder, write_output
from magplan.cli.dates import parse_date
from magplan.core.errors import PlanInputError, shown
from magplan.journal.records import JournalError

if TYPE_CHECKING:
    from magplan.journal.follow import Followed
    from magplan.journal.records import DoseEntry
    from magplan.journal.summary import JournalSummary

STATUSES = ("taken", "skipped", "moved")
T = TypeVar("T")


def register(sub: Any) -> None:
    _register_log(sub)
    _register_checkin(sub)
    _register_journal(sub)


def _profile_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", metavar="NAME", required=True, help="the saved profile")


def _register_log(sub: Any) -> None:
    p = sub.add_parser(
        "log",
        help="mark a planned dose taken, skipped or moved (taken at another time)",
        description="Mark one planned dose of a day in the profile's journal. Writing a dose "
        "again corrects it. The journal's plan starts on the first day logged.",
        epilog="Example: magplan log --profile Anna --dose 22:30 taken",
    )
    _profile_option(p)
    p.add_argument(
        "--dose",
        nargs=2,
        metavar=("HH:MM", "taken|skipped|moved"),
        required=True,
        help="the planned time of the dose and what happened",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today)")
    p.add_argument("--at", metavar="HH:MM", help="when a moved dose was taken")
    p.add_argument("--reason", metavar="TEXT", help="why a dose was skipped or moved")
    p.set_defaults(run=run_log)


def _register_checkin(sub: Any) -> None:
    p = sub.add_parser(
        "checkin",
        help="record a check-in: a questionnaire, the sleep diary, stools or a side effect",
        description="Record how the person is: PHQ-8, GAD-7 or WHO-5 answers, a night's sleep, "
        "the day's stools, days with cramps or migraine, or a side effect.",
        epilog="Examples: --scale phq8 --answers 1,1,0,2,1,0,1,0   "
        "--sleep latency=20,wakings=1,hours=7,quality=4   --stools 1 --stool-form soft   "
        "--side-effect 'loose stools'",
    )
    _profile_option(p)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default today)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--scale", metavar="phq8|gad7|who5", help="a questionnaire (with --answers)")
    what.add_argument("--sleep", metavar="latency=MIN,wakings=N,hours=H,quality=Q")
    what.add_argument("--stools", metavar="N", help="bowel movements that day (with --stool-form)")
    what.add_argument("--side-effect", metavar="NAME", help="loose stools, nausea, ...")
    what.add_argument("--cramp-days", metavar="N", help="days with cramps in the last 7")
    what.add_argument("--migraine-days", metavar="N", help="days with migraine in the last 7")
    p.add_argument("--answers", metavar="N,N,...", help="the questionnaire's answers, in order")
    p.add_argument("--stool-form", metavar="FORM", help="hard, firm, soft, mushy or watery")
    p.set_defaults(run=run_checkin)


def _register_journal(sub: Any) -> None:
    p = sub.add_parser(
        "journal",
        help="show the profile's journal: adherence, check-ins, suggestions",
        description="The profile's journal from its first day (or --from) to today (or --to): "
        "doses taken by time of day, check-ins with their scores, and suggestions.",
    )
    _profile_option(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day shown")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day shown (default today)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", metavar="FILE", help="write the raw journal as CSV")
    decide = p.add_mutually_exclusive_group()
    decide.add_argument("--accept", metavar="ID", type=_suggestion_id, help="accept a suggestion")
    decide.add_argument("--decline", metavar="ID", type=_suggestion_id, help="decline one")
    p.set_defaults(run=run_journal)


def _suggestion_id(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a suggestion's number")
    return int(text)


# ---- opening the journal ------------------------------------------------------------------


@contextlib.contextmanager
def followed(name: str) -> Iterator[Followed]:
    """The profile ``name`` with its journal open; profile and journal problems are one line.
    (Reading only; a command that writes uses :func:`on_journal`.)"""
    from magplan.journal.follow import open_followed
    from magplan.profiles import ProfileError

    try:
        f = open_followed(name)
    except (ProfileError, JournalError) as exc:
        raise UsageError(str(exc)) from None
    try:
        yield f
    except (ProfileError, JournalError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        f.close()


def on_journal(name: str, action: Callable[[Followed], T]) -> tuple[Followed, T]:
    """Carry out ``action`` on the journal of the profile ``name``, in one transaction: all of
    it is kept, or (on any error, a failed output too) none.

    A profile with no journal yet is tried first on a scratch journal, so that a command
    refused there makes no journal at all; no journal is ever removed (another program may be
    writing to it)."""
    import tempfile

    from magplan.journal.follow import has_journal, open_followed
    from magplan.profiles import ProfileError

    try:
        if not has_journal(name):
            with tempfile.TemporaryDirectory(prefix="magplan-try-") as tmp:
                scratch = open_followed(name, journal_file=Path(tmp) / "try.sqlite3")
                try:
                    with scratch.journal.transaction():
                        action(scratch)
                finally:
                    scratch.close()
        f = open_followed(name)
        try:
            with f.journal.transaction():
                return f, action(f)
        finally:
            f.close()
    except (ProfileError, JournalError) as exc:
        raise UsageError(str(exc)) from None


def _clock_time(text: str, option: str) -> str:
    from magplan.core.timeofday import TIME_EXAMPLES, format_time, parse_time

    try:
        return format_time(parse_time(text))
    except (ValueError, PlanInputError):
        raise UsageError(
            f"{option} '{shown(text)}' is not a time of day ({TIME_EXAMPLES})"
        ) from None


# ---- log ----------------------------------------------------------------------------------


def run_log(args: argparse.Namespace) -> int:
    time_text, status = args.dose
    planned = _clock_time(time_text, "--dose")
    status = status.strip().lower()
    if status not in STATUSES:
        raise UsageError(f"--dose {planned} '{shown(status)}': say taken, skipped or moved")
    taken_at = _clock_time(args.at, "--at") if args.at is not None else None
    if status == "moved" and taken_at is None:
        raise UsageError("--dose ... moved needs --at HH:MM, the time it was taken")
    if status != "moved" and taken_at is not None:
        raise UsageError(f"--at is for a moved dose; this one is {status}")
    day = parse_date(args.date, "--date")
    reason = _reason(args.reason)
    quick = None if status == "moved" else _quick_log(args.profile, day, planned, status, reason)
    cautions: list[str] = []
    if quick is None:
        _, (entry, cautions) = on_journal(
            args.profile, lambda f: _log(f, day, planned, status, taken_at, reason)
        )
    else:
        entry = quick
    said = f"taken at {entry.taken_at}" if entry.status == "moved" else entry.status
    notice(f"{entry.day.isoformat()} {entry.planned_time}: {said} ({args.profile.strip()})")
    for line in cautions:
        notice(line)
    return 0


def _log(
    f: Followed, day: dt.date, planned: str, status: str, taken_at: str | None, reason: str
) -> tuple[DoseEntry, list[str]]:
    """Log a dose the whole way: the profile planned again, its plan kept current."""
    from magplan.journal.follow import keep_plan_current, moved_cautions, require_plan

    require_plan(f)
    first = f.journal.ramp_start is None
    keep_plan_current(f, min(day, f.journal.today()) if first else None)
    start = f.journal.ramp_start
    if start is not None and day < start and not f.journal.entries(start, f.journal.today()):
        f.journal.move_start(day)  # opened before its first dose: it starts with this one
    entry = f.journal.log_dose(day, planned, status, taken_at, reason)
    f.journal.set_profile_mark(profile_mark(f.saved.path.read_bytes()))
    said = moved_cautions(f, entry.day, entry.taken_at) if entry.taken_at is not None else []
    return entry, said


def profile_mark(raw: bytes) -> str:
    """What a journal keeps of the profile file its plan came from: its bytes' CRC-32 and the
    program's version (a new version may plan the same profile differently)."""
    import zlib

    import magplan

    return f"{zlib.crc32(raw):08x} {len(raw)} {magplan.__version__}"


def _reason(text: str | None) -> str:
    """Why a dose was skipped or moved, as typed: visible characters only, kept as text (a
    reason that starts like a spreadsheet formula is kept, and quoted in the CSV)."""
    from magplan.core.request import check_text

    return check_text((text or "").strip(), "reason", "--reason") if text else ""


def _quick_log(name: str, day: dt.date, planned: str, status: str, reason: str) -> DoseEntry | None:
    """Log against the journal's own plan when the profile's file is byte for byte the one that
    plan came from, without loading the profile models; ``None`` when that cannot be known
    (then the whole way, :func:`followed`, finds the profile and plans it again)."""
    from magplan.journal.records import JournalError
    from magplan.journal.store import Journal, journal_path

    found = _profile_file(name)
    if found is None:
        return None
    path, raw, stored_name = found
    journal_file = journal_path(path.parent, path.stem)
    if not journal_file.exists():
        return None
    try:
        with contextlib.closing(Journal.open(journal_file, stored_name)) as journal:
            if journal.profile_mark != profile_mark(raw):
                return None
            return journal.log_dose(day, planned, status, None, reason)
    except JournalError as exc:
        raise UsageError(str(exc)) from None


def _profile_file(name: str) -> tuple[Path, bytes, str] | None:
    """The file of the saved profile ``name`` and its bytes, found by its name alone."""
    from magplan.profiles.names import name_key
    from magplan.profiles.paths import default_folder, slug_of_key

    key = name_key(name)
    folder = default_folder()
    slug = slug_of_key(key)
    for path in sorted(folder.glob(f"{slug}*.json")):
        if path.stem != slug and path.stem[len(slug) :][:1] != "-":
            continue
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > 1024 * 1024:
                continue
            raw = path.read_bytes()
            data = json.loads(raw)
        except (OSError, ValueError):
            continue
        named = data.get("name") if isinstance(data, dict) else None
        if isinstance(named, str) and name_key(named) == key:
            return path, raw, named.strip()
    return None


# ---- checkin ------------------------------------------------------------------------------


def run_checkin(args: argparse.Namespace) -> int:
    day = parse_date(args.date, "--date")
    kind, answers, score, said = _read_checkin(args)
    f, said = on_journal(args.profile, lambda f: _check_in(f, day, kind, answers, score, said))
    notice(f"{day.isoformat()}: {said} ({f.profile.name})")
    if kind in ("phq8", "gad7", "who5"):
        from magplan.journal.scales import attention

        note = attention(kind, answers["items"])
        if note is not None:
            notice(note)
    return 0


def _check_in(
    f: Followed, day: dt.date, kind: str, answers: dict[str, Any], score: float | None, said: str
) -> str:
    """Keep one check-in or side effect; what to say of it."""
    from magplan.journal.checkins import check_age

    try:
        check_age(kind, f.profile.request.age_years)
    except PlanInputError as exc:
        raise JournalError(str(exc)) from None
    if kind == "side_effect":
        f.journal.add_side_effect(day, answers["effect"])
        return said
    if kind == "sleep":
        answers, score, said = _sleep_scored(f, answers)
    f.journal.add_checkin(day, kind, answers, score)
    return said


def _read_checkin(args: argparse.Namespace) -> tuple[str, dict[str, Any], float | None, str]:
    """(kind, answers, score, what to say) from the options, read before anything opens."""
    from magplan.journal import scales

    _refuse_strays(args)
    if args.scale is not None:
        kind = scales.parse_scale(args.scale)
        if args.answers is None:
            raise UsageError(f"--scale {kind} needs --answers N,N,... (one per item)")
        items = scales.parse_answers(kind, args.answers)
        result = scales.score(kind, items)
        band = f", {result.band_label}" if result.band_label else ""
        percent = f" ({result.percent}%)" if result.percent is not None else ""
        said = f"{scales.scale(kind).name} {result.value}{percent}{band}"
        return kind, {"items": list(items)}, float(result.value), said
    if args.sleep is not None:
        diary = scales.parse_sleep(args.sleep)
        return "sleep", diary.answers(), None, ""
    if args.stools is not None:
        entry = scales.parse_stools(args.stools, args.stool_form)
        form = f", {entry.form}" if entry.form else ""
        return "stools", entry.answers(), float(entry.count), f"stools {entry.count}{form}"
    if args.side_effect is not None:
        effect = scales.parse_side_effect(args.side_effect)
        return "side_effect", {"effect": effect}, None, f"side effect: {effect.replace('_', ' ')}"
    kind = "cramp_days" if args.cramp_days is not None else "migraine_days"
    days = scales.parse_days(kind, args.cramp_days if kind == "cramp_days" else args.migraine_days)
    return kind, {"days": days}, float(days), f"{kind.replace('_', ' ')}: {days} of 7"


def _refuse_strays(args: argparse.Namespace) -> None:
    if args.answers is not None and args.scale is None:
        raise UsageError("--answers goes with --scale phq8|gad7|who5")
    if args.stool_form is not None and args.stools is None:
        raise UsageError("--stool-form goes with --stools N")


def _sleep_scored(f: Followed, answers: dict[str, Any]) -> tuple[dict[str, Any], float, str]:
    """The sleep diary's efficiency, over the time in bed of the profile's day."""
    from magplan.journal.scales import SleepDiary, time_in_bed_min

    req = f.profile.request
    in_bed = time_in_bed_min(req.bed_min, req.wake_min)
    efficiency = SleepDiary.from_answers(answers).efficiency_pct(in_bed)
    hours = answers["hours_slept"]
    said = f"sleep {hours} h, efficiency {efficiency:.0f}% of {in_bed / 60:g} h in bed"
    return answers, round(efficiency, 1), said


# ---- journal ------------------------------------------------------------------------------


def run_journal(args: argparse.Namespace) -> int:

    end = parse_date(args.end, "--to")
    start = parse_date(args.start, "--from") if args.start else None
    if start is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    if args.csv is not None:
        _check_csv_target(args.csv)
    if args.accept is None and args.decline is None and not _has_journal(args.profile):
        return _show(args, _empty(args.profile, start or end, end))
    on_journal(args.profile, lambda f: _show(args, _brought_up_to_date(args, f, start, end)))
    return 0


def _brought_up_to_date(
    args: argparse.Namespace, f: Followed, start: dt.date | None, end: dt.date
) -> JournalSummary:
    """The journal with a changed profile's plan recorded, the suggestion decided if asked,
    the completed weeks judged; its summary from ``start`` (default: the first day with an
    entry, a check-in before the plan too) to ``end``."""
    from magplan.journal.follow import (
        accept,
        decline,
        first_day,
        keep_plan_current,
        refresh_suggestions,
        summarise,
    )

    today = f.journal.today()
    if f.journal.ramp_start is not None:  # a changed profile's plan, from today or tomorrow
        keep_plan_current(f)
    if args.accept is not None:
        f = accept(f, args.accept, today)
    elif args.decline is not None:
        decline(f, args.decline, today)
    refresh_suggestions(f, today)
    return summarise(f, start or first_day(f) or end, end, today)


def _has_journal(name: str) -> bool:
    """Whether the profile has a journal; a missing or unreadable profile is one line."""
    from magplan.journal.follow import has_journal
    from magplan.profiles import ProfileError

    try:
        return has_journal(name)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def _empty(name: str, start: dt.date, end: dt.date) -> JournalSummary:
    """The summary of a profile that has no journal yet (nothing is made to show it)."""
    from magplan.journal.scales import effect_window_weeks
    from magplan.journal.summary import JournalSummary

    return JournalSummary(
        profile=name,
        start=start,
        end=end,
        today=dt.date.today(),
        ramp_start=None,
        days=(),
        by_time=(),
        checkins=(),
        suggestions=(),
        plan_changes=(),
        effect_window_weeks=effect_window_weeks(),
    )


def _show(args: argparse.Namespace, summary: JournalSummary) -> int:
    if args.csv is not None:
        from magplan.journal.export import journal_csv
        from magplan.printing.files import OutputError, write_atomically

        try:
            write_atomically(args.csv, journal_csv(summary).encode("utf-8"))
        except OutputError as exc:
            raise UsageError(str(exc)) from None
        notice(f"wrote {args.csv}")
    elif args.json:
        write_output(json.dumps(summary.to_json(), indent=2, ensure_ascii=False))
    else:
        from magplan.present.journal import journal_text

        write_output(journal_text(summary))
    return 0


def _check_csv_target(path: str) -> None:
    from magplan.printing.files import OutputError, check_output_target

    if not path.strip():
        raise UsageError(f"--csv '{path}': give the file a name, e.g. --csv journal.csv")
    refuse_profiles_folder(path, "--csv")
    try:
        check_output_target(path)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
