"""A person's journal: one SQLite file per profile, written so that nothing logged is lost.

- **Where.** ``<data folder>/journals/<profile file stem>.sqlite3`` (:func:`journal_path`),
  beside the profiles folder. The folder is made (readable by the person only) when the first
  journal is; the file is the person's alone (0600), as are SQLite's ``-wal`` and ``-shm``
  files beside it, which take its permissions.
- **Kill-safe.** The file is in WAL mode with ``synchronous=FULL``: each write is one
  transaction, committed whole or not at all, whatever moment the program is killed or the
  power goes. Several writes can be made one transaction with :meth:`Journal.transaction`.
- **Shared.** The window and the command line may have one journal open at once: a writer
  waits for the other's transaction (up to :data:`BUSY_TIMEOUT_MS`), and readers see each
  commit whole.
- **Versions.** The tables are built and changed by the named steps of
  :mod:`magplan.journal.schema`. Before a step changes an existing journal, the file is copied
  (``Connection.backup``, written atomically) to ``<file>.v<N>.bak``, N being the version it
  had. A journal of a later version than this program's is refused and left untouched.
- **Damage.** A file that is not an SQLite database, is cut short, fails SQLite's integrity
  check or holds other tables is reported with its path and left exactly as it is: never
  repaired, replaced or deleted.
- **Only a regular file is opened**, as with profiles (:mod:`magplan.profiles.folder`): a
  folder, a named pipe, a device or a symbolic link at the journal's path (or at its
  ``-wal``, ``-shm`` or ``-journal`` file's) is refused and left alone.
- **History is never rewritten.** A day keeps the plan that was in force on it: a changed plan
  starts today if no dose has been logged today, else tomorrow (:meth:`Journal.record_plan`).
  Past days' entries can be corrected; days after today cannot be logged.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import sqlite3
import stat
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from magplan.atomic import replace_atomically
from magplan.journal.plan_record import fingerprint
from magplan.journal.records import (
    CHECKIN_KINDS,
    DOSE_STATUSES,
    MAX_REASON_CHARS,
    SIDE_EFFECTS,
    SUGGESTION_STATUSES,
    CheckinRecord,
    DayDose,
    DayPlan,
    DoseEntry,
    JournalDay,
    JournalError,
    PlanContent,
    PlanVersion,
    SideEffect,
    SuggestionRecord,
    is_clock_time,
)
from magplan.journal.schema import CURRENT_VERSION, Migration, migrate, user_version
from magplan.profiles.folder import READ_FLAGS, kind_of
from magplan.profiles.paths import JOURNAL_SUFFIX as SUFFIX
from magplan.profiles.paths import JOURNALS_FOLDER

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100
_SIDE_FILES = ("-wal", "-shm", "-journal")
_OUR_TABLES = {"meta", "plan_versions", "dose_log", "checkins", "side_effects"}
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_MAX_CODE_CHARS = 64
_MAX_ANSWERS_CHARS = 10_000


def journal_path(profiles_folder: Path, profile_file_stem: str) -> Path:
    """``<profiles folder's parent>/journals/<stem>.sqlite3``: the journal of the profile saved
    as ``<stem>.json`` (the folder is made when the journal is first opened)."""
    stem = profile_file_stem
    if not stem or stem in (".", "..") or any(ch in stem for ch in "/\\\0"):
        raise ValueError(f"{stem!r} is not a profile's file name")
    return profiles_folder.parent / JOURNALS_FOLDER / f"{stem}{SUFFIX}"


def backup_path(path: Path, version: int) -> Path:
    """Where the journal at ``path`` is copied before it leaves schema ``version``."""
    return path.with_name(f"{path.name}.v{version}.bak")


class Journal:
    """One person's journal, open. Use :meth:`open`; close it (or use ``with``) when done.

    Days are ``datetime.date``; times of day ``"HH:MM"``. Every method raises
    :class:`JournalError` (one line, naming the file where it is about the file) for input it
    refuses and for a file it cannot read or write. ``clock`` gives the local time (the day
    after which nothing may be logged, and the time an entry is recorded).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime]) -> None:
        self._conn = conn
        self.path = path
        self.clock = clock
        self._plans: dict[str, tuple[PlanContent, dict[str, Any]]] = {}

    # -- opening and closing --------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, profile_name: str, *, clock: Callable[[], datetime] = datetime.now
    ) -> Journal:
        """Open the journal at ``path``, making it (and its folder) if there is none.

        An older journal is backed up and migrated; a newer, damaged or foreign one, or
        something other than a regular file at ``path``, raises :class:`JournalError` and is
        left as it is. ``profile_name`` (the name as typed) is kept in the journal.
        """
        if not profile_name.strip():
            raise JournalError("A journal needs the name of its profile.", path=path)
        existed = _check_files(path)
        if not existed:
            _create_file(path)
        conn = _connect(path)
        try:
            version = _check_database(conn, path)
            _set_pragmas(conn)
            if version == 0:  # a new journal: nothing to keep
                migrate(conn)
            else:
                migrate(conn, before_step=lambda step: _backup_before(conn, path, step))
            journal = cls(conn, path, clock)
            journal._keep_profile_name(profile_name.strip())
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                raise _error(path, exc) from exc
            raise
        return journal

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the writes inside one transaction: all are kept, or (on an error or a kill)
        none. Writes outside it are each a transaction of their own."""
        if self._conn.in_transaction:
            yield
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield
            self._conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _error(self.path, exc) from exc
            raise

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Several reads of one moment of the journal (a snapshot), or of the transaction
        they are in."""
        if self._conn.in_transaction:
            yield
            return
        try:
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from exc

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from exc

    # -- the journal's own facts ----------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def _keep_profile_name(self, name: str) -> None:
        if self._meta("profile") == name and self._meta("created_at") is not None:
            return  # nothing to write: opening takes no write lock
        with self.transaction():
            if self._meta("created_at") is None:
                self._rows("INSERT INTO meta (key, value) VALUES ('created_at', ?)", (self._now(),))
            if self._meta("profile") != name:
                self._rows(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('profile', ?)", (name,)
                )

    @property
    def profile_mark(self) -> str | None:
        """A mark of the profile file the journal's plan was last checked against (its bytes
        and the program's version), ``None`` before the first check."""
        return self._meta("profile_mark")

    def set_profile_mark(self, mark: str) -> None:
        """Keep ``mark`` (:attr:`profile_mark`), in the transaction around it if any."""
        with self.transaction():
            self._rows(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('profile_mark', ?)", (mark,)
            )

    @property
    def profile_name(self) -> str:
        """The profile's name as typed when the journal was last opened."""
        return self._meta("profile") or ""

    @property
    def created_at(self) -> str:
        """When the journal was made (local time, ISO)."""
        return self._meta("created_at") or ""

    @property
    def ramp_start(self) -> date | None:
        """Day 1 of the start-low ramp: the day the first plan started (``None`` before)."""
        text = self._meta("ramp_start")
        return self._day_of(text) if text else None

    @property
    def schema_version(self) -> int:
        return user_version(self._conn)

    def today(self) -> date:
        """Today by the journal's clock: no day after it can be logged."""
        return self.clock().date()

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _day_of(self, text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise JournalError(
                f"The journal {self.path} has a day that is not a date ({text!r}).",
                path=self.path,
            ) from None

    # -- plans ----------------------------------------------------------------------------

    def record_plan(
        self, plan_json: Mapping[str, Any], today: date, reason: str = ""
    ) -> PlanVersion | None:
        """Keep ``plan_json`` (:func:`magplan.journal.plan_record.plan_json`) as the plan from
        now on; the new version, or ``None`` when the plan is the one already recorded.

        The plan starts ``today`` if no dose is logged for today yet, else tomorrow, so a day
        with entries keeps the plan it had. A version recorded for a day that has not yet
        come is replaced. The first plan's day is the ramp's first day (``ramp_start``).
        """
        _checked_day(today)
        content = _plan_content(plan_json)
        stored = content.to_json()
        mark = fingerprint(stored)
        reason = _checked_reason(reason)
        with self.transaction():
            versions = self.plan_versions()
            if versions and versions[-1].fingerprint == mark:
                return None
            start = self._first_unlogged_day(today)
            self._rows("DELETE FROM plan_versions WHERE starts_on >= ?", (start.isoformat(),))
            before = [v for v in versions if v.starts_on < start]
            if before and before[-1].fingerprint == mark:
                return None  # back to the plan in force: the one waiting to start is gone
            text = json.dumps(stored, sort_keys=True, allow_nan=False)
            cursor = self._conn.execute(
                "INSERT INTO plan_versions (starts_on, plan_json, fingerprint, reason)"
                " VALUES (?, ?, ?, ?)",
                (start.isoformat(), text, mark, reason),
            )
            if self._meta("ramp_start") is None:
                self._rows(
                    "INSERT INTO meta (key, value) VALUES ('ramp_start', ?)", (start.isoformat(),)
                )
        version_id = cursor.lastrowid
        assert version_id is not None
        return PlanVersion(
            id=version_id,
            starts_on=start,
            fingerprint=mark,
            reason=reason,
            plan=content,
            plan_json=stored,
        )

    def move_start(self, day: date) -> None:
        """Start the journal's plan on the earlier ``day``, while no dose is logged yet (a
        journal opened before its first dose, then a dose of an earlier day logged): the plan
        in force now, from ``day`` on."""
        _checked_day(day)
        with self.transaction():
            if self._rows("SELECT COUNT(*) FROM dose_log")[0][0]:
                raise JournalError("Doses are logged already: the plan's first day stays.")
            versions = self.plan_versions()
            start = self.ramp_start
            if not versions or start is None or day >= start:
                return
            keep = versions[-1].id
            self._rows("DELETE FROM plan_versions WHERE id != ?", (keep,))
            self._rows("UPDATE plan_versions SET starts_on = ? WHERE id = ?", (_iso(day), keep))
            self._rows("UPDATE meta SET value = ? WHERE key = 'ramp_start'", (_iso(day),))

    def _first_unlogged_day(self, today: date) -> date:
        """``today``, or the day after the last day with a logged dose if that is later."""
        last = self._rows("SELECT MAX(day) FROM dose_log")[0][0]
        if last is None or self._day_of(last) < today:
            return today
        return self._day_of(last) + timedelta(days=1)

    def plan_versions(self) -> tuple[PlanVersion, ...]:
        """Every version of the plan, oldest first."""
        rows = self._rows(
            "SELECT id, starts_on, plan_json, fingerprint, reason FROM plan_versions"
            " ORDER BY starts_on"
        )
        return tuple(self._version(*row) for row in rows)

    def _version(self, id_: int, starts_on: str, text: str, mark: str, reason: str) -> PlanVersion:
        found = self._plans.get(text)
        if found is None:
            try:
                data = json.loads(text)
                found = (PlanContent.from_json(data), data)
            except ValueError as exc:
                raise JournalError(
                    f"The journal {self.path} has a plan it cannot read ({exc}).", path=self.path
                ) from None
            self._plans[text] = found
        content, data = found
        return PlanVersion(
            id=id_,
            starts_on=self._day_of(starts_on),
            fingerprint=mark,
            reason=reason,
            plan=content,
            plan_json=data,
        )

    def plan_in_force(self, day: date) -> PlanVersion | None:
        """The version of the plan in force on ``day`` (``None`` before the first)."""
        return _in_force(self.plan_versions(), day)

    def day_plan(self, day: date) -> DayPlan | None:
        """The doses planned for ``day``: ``None`` before the first plan."""
        with self._reading():
            return _day_plan(day, self.plan_versions(), self.ramp_start)

    # -- doses ----------------------------------------------------------------------------

    def log_dose(
        self,
        day: date,
        planned_time: str,
        status: str,
        taken_at: str | None = None,
        reason: str = "",
    ) -> DoseEntry:
        """Record how the dose planned at ``planned_time`` on ``day`` went (again, to correct
        it): ``taken``, ``skipped`` (a reason may say why) or ``moved`` (taken at
        ``taken_at``)."""
        _check_status(status, taken_at)
        reason = _checked_reason(reason)
        with self.transaction():
            plan = self._loggable_plan(day)
            if planned_time not in plan.times:
                raise JournalError(_not_a_dose(planned_time, plan))
            entry = DoseEntry(
                day=day,
                planned_time=planned_time,
                status=status,
                taken_at=taken_at,
                reason=reason,
                recorded_at=self._now(),
            )
            self._rows(
                "INSERT INTO dose_log (day, planned_time, status, taken_at, reason, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, planned_time) DO UPDATE SET"
                " status = excluded.status, taken_at = excluded.taken_at,"
                " reason = excluded.reason, recorded_at = excluded.recorded_at",
                (_iso(day), planned_time, status, taken_at, reason, entry.recorded_at),
            )
        return entry

    def remove_dose(self, day: date, planned_time: str) -> bool:
        """Forget what was recorded about a dose (it is "not recorded" again); ``False`` when
        nothing was."""
        with self.transaction():
            self._loggable_plan(day)
            cursor = self._conn.execute(
                "DELETE FROM dose_log WHERE day = ? AND planned_time = ?",
                (_iso(day), planned_time),
            )
        return cursor.rowcount > 0

    def _loggable_plan(self, day: date) -> DayPlan:
        """The plan of ``day``, a day on which doses can be logged, or why not."""
        self._check_not_future(day)
        ramp_start = self.ramp_start
        if ramp_start is None:
            raise JournalError("No plan is recorded in this journal yet: nothing to log.")
        if day < ramp_start:
            raise JournalError(
                f"{day.isoformat()} is before the plan started ({ramp_start.isoformat()})."
            )
        plan = _day_plan(day, self.plan_versions(), ramp_start)
        if plan is None:
            raise JournalError(f"No plan was in force on {day.isoformat()}.")
        return plan

    def _check_not_future(self, day: date) -> None:
        today = self.today()
        if _checked_day(day) > today:
            raise JournalError(
                f"{day.isoformat()} is after today ({today.isoformat()}): only days that have"
                " come can be logged."
            )

    def entries(self, start: date, end: date) -> tuple[DoseEntry, ...]:
        """The dose entries from ``start`` to ``end`` (both included), by day and time."""
        rows = self._rows(
            "SELECT day, planned_time, status, taken_at, reason, recorded_at FROM dose_log"
            " WHERE day BETWEEN ? AND ? ORDER BY day, planned_time",
            (_iso(start), _iso(end)),
        )
        return tuple(self._entry(*row) for row in rows)

    def _entry(
        self, day: str, planned: str, status: str, taken_at: str | None, reason: str, at: str
    ) -> DoseEntry:
        return DoseEntry(
            day=self._day_of(day),
            planned_time=planned,
            status=status,
            taken_at=taken_at,
            reason=reason,
            recorded_at=at,
        )

    def days(self, start: date, end: date) -> tuple[JournalDay, ...]:
        """Each day from ``start`` to ``end`` (both included) with its planned doses and what
        was recorded about each."""
        if _checked_day(end) < _checked_day(start):
            return ()
        with self._reading():
            versions = self.plan_versions()
            ramp_start = self.ramp_start
            logged: dict[date, dict[str, DoseEntry]] = {}
            for entry in self.entries(start, end):
                logged.setdefault(entry.day, {})[entry.planned_time] = entry
        return tuple(
            _journal_day(day, _day_plan(day, versions, ramp_start), logged.get(day, {}))
            for day in _date_range(start, end)
        )

    # -- check-ins and side effects -------------------------------------------------------

    def add_checkin(
        self, day: date, kind: str, answers: Mapping[str, Any], score: float | None
    ) -> CheckinRecord:
        """Keep a check-in of ``kind`` for ``day``; it replaces one of that kind that day."""
        if kind not in CHECKIN_KINDS:
            raise JournalError(f"No check-in is called {kind!r}: use {', '.join(CHECKIN_KINDS)}.")
        text = _answers_text(answers)
        if score is not None and (isinstance(score, bool) or not math.isfinite(score)):
            raise JournalError(f"A check-in's score must be a number, not {score!r}.")
        self._check_not_future(day)
        recorded_at = self._now()
        with self.transaction():
            self._rows(
                "INSERT INTO checkins (day, kind, answers, score, recorded_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, kind) DO UPDATE SET"
                " answers = excluded.answers, score = excluded.score,"
                " recorded_at = excluded.recorded_at",
                (_iso(day), kind, text, score, recorded_at),
            )
            rows = self._rows(
                "SELECT id FROM checkins WHERE day = ? AND kind = ?", (_iso(day), kind)
            )
        return CheckinRecord(
            id=rows[0][0],
            day=day,
            kind=kind,
            answers=json.loads(text),
            score=None if score is None else float(score),
            recorded_at=recorded_at,
        )

    def checkins(
        self, start: date, end: date, kind: str | None = None
    ) -> tuple[CheckinRecord, ...]:
        """The check-ins from ``start`` to ``end`` (both included), of one ``kind`` or all,
        by day."""
        sql = "SELECT id, day, kind, answers, score, recorded_at FROM checkins WHERE "
        if kind is None:
            rows = self._rows(
                sql + "day BETWEEN ? AND ? ORDER BY day, kind", (_iso(start), _iso(end))
            )
        else:
            rows = self._rows(
                sql + "kind = ? AND day BETWEEN ? AND ? ORDER BY day",
                (kind, _iso(start), _iso(end)),
            )
        return tuple(self._checkin(*row) for row in rows)

    def _checkin(
        self, id_: int, day: str, kind: str, text: str, score: float | None, at: str
    ) -> CheckinRecord:
        try:
            answers = json.loads(text)
        except ValueError:
            answers = None
        if not isinstance(answers, dict):
            raise JournalError(
                f"The journal {self.path} has a check-in it cannot read ({kind} on {day}).",
                path=self.path,
            )
        return CheckinRecord(
            id=id_, day=self._day_of(day), kind=kind, answers=answers, score=score, recorded_at=at
        )

    def add_side_effect(self, day: date, effect: str) -> SideEffect:
        """Note a side effect on ``day`` (noting it twice keeps it once)."""
        _check_effect(effect)
        self._check_not_future(day)
        with self.transaction():
            self._rows(
                "INSERT OR IGNORE INTO side_effects (day, effect) VALUES (?, ?)",
                (_iso(day), effect),
            )
        return SideEffect(day=day, effect=effect)

    def remove_side_effect(self, day: date, effect: str) -> bool:
        """Take back a side effect noted on ``day``; ``False`` when it was not noted."""
        _check_effect(effect)
        with self.transaction():
            cursor = self._conn.execute(
                "DELETE FROM side_effects WHERE day = ? AND effect = ?", (_iso(day), effect)
            )
        return cursor.rowcount > 0

    def side_effects(self, start: date, end: date) -> tuple[SideEffect, ...]:
        """The side effects noted from ``start`` to ``end`` (both included), by day."""
        rows = self._rows(
            "SELECT day, effect FROM side_effects WHERE day BETWEEN ? AND ? ORDER BY day, effect",
            (_iso(start), _iso(end)),
        )
        return tuple(SideEffect(day=self._day_of(d), effect=e) for d, e in rows)

    # -- suggestions ----------------------------------------------------------------------

    def add_suggestion(
        self, code: str, week_start: date, made_on: date, said: Mapping[str, Any] | None = None
    ) -> SuggestionRecord:
        """Keep a suggestion ``code`` about the week from ``week_start``, with what it ``said``
        (its reason, action and sources); making it again for that week gives the one already
        kept (with its decision and its words)."""
        if not code or len(code) > _MAX_CODE_CHARS or not code.isascii() or code.strip() != code:
            raise JournalError(f"{code!r} is not a suggestion's code.")
        words = json.dumps(dict(said or {}), sort_keys=True, ensure_ascii=False, allow_nan=False)
        with self.transaction():
            self._rows(
                "INSERT INTO suggestions (code, week_start, made_on, said) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (code, week_start) DO NOTHING",
                (code, _iso(week_start), _iso(made_on), words),
            )
            rows = self._rows(
                _SUGGESTION_SQL + " WHERE code = ? AND week_start = ?", (code, _iso(week_start))
            )
        return self._suggestion(*rows[0])

    def decide_suggestion(self, id: int, accepted: bool, day: date) -> SuggestionRecord:
        """Record that the person accepted (or declined) suggestion ``id`` on ``day``.

        Deciding the same way again changes nothing; a suggestion once decided cannot be
        decided the other way (accepting it changed the profile).
        """
        status = "accepted" if accepted else "declined"
        with self.transaction():
            rows = self._rows(_SUGGESTION_SQL + " WHERE id = ?", (id,))
            if not rows:
                raise JournalError(f"The journal has no suggestion {id}.")
            found = self._suggestion(*rows[0])
            if found.status == status:
                return found
            if found.status != "open":
                raise JournalError(
                    f"Suggestion {id} was already {found.status} on {found.decided_on}."
                )
            self._rows(
                "UPDATE suggestions SET status = ?, decided_on = ? WHERE id = ?",
                (status, _iso(day), id),
            )
        return SuggestionRecord(
            id=found.id,
            code=found.code,
            week_start=found.week_start,
            made_on=found.made_on,
            status=status,
            decided_on=day,
        )

    def suggestions(self, status: str | None = None) -> tuple[SuggestionRecord, ...]:
        """The suggestions made (those of one ``status`` only, if given), by week."""
        if status is not None and status not in SUGGESTION_STATUSES:
            raise JournalError(f"A suggestion is {', '.join(SUGGESTION_STATUSES)}, not {status!r}.")
        where, params = (" WHERE status = ?", (status,)) if status else ("", ())
        rows = self._rows(_SUGGESTION_SQL + where + " ORDER BY week_start, id", params)
        return tuple(self._suggestion(*row) for row in rows)

    def _suggestion(
        self,
        id_: int,
        code: str,
        week: str,
        made: str,
        status: str,
        decided: str | None,
        said: str,
    ) -> SuggestionRecord:
        try:
            words = json.loads(said)
        except ValueError:
            words = {}
        return SuggestionRecord(
            id=id_,
            code=code,
            week_start=self._day_of(week),
            made_on=self._day_of(made),
            status=status,
            decided_on=self._day_of(decided) if decided else None,
            said=words if isinstance(words, dict) else {},
        )


_SUGGESTION_SQL = "SELECT id, code, week_start, made_on, status, decided_on, said FROM suggestions"


# -- opening: the files, the database, the backups ----------------------------------------


def _check_files(path: Path) -> bool:
    """Whether a journal file is at ``path``; :class:`JournalError` when something other than
    a regular file is there, or at its ``-wal``, ``-shm`` or ``-journal`` name."""
    existed = False
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        try:
            info = os.lstat(candidate)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise JournalError(
                f"Cannot open the journal {path}: {exc.strerror}.", path=path
            ) from None
        if not stat.S_ISREG(info.st_mode):
            raise JournalError(
                f"Cannot open the journal {candidate}: it is {kind_of(info.st_mode)}, not a file;"
                " it is left as it is.",
                path=path,
            )
        existed = existed or (candidate == path and info.st_size > 0)
    if existed:
        _check_header(path)
    return existed


def _check_header(path: Path) -> None:
    """The file's first bytes must be an SQLite database's, of a version this program reads."""
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise JournalError(
                f"Cannot open the journal {path}: it is a symbolic link, not a file.", path=path
            ) from None
        raise JournalError(f"Cannot open the journal {path}: {exc.strerror}.", path=path) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise JournalError(f"Cannot open the journal {path}: it is not a file.", path=path)
        header = os.read(fd, _HEADER_BYTES)
    finally:
        os.close(fd)
    if len(header) < _HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise _damaged(path, "it is not an SQLite database")
    _refuse_newer(path, int.from_bytes(header[60:64], "big"))


def _refuse_newer(path: Path, version: int) -> None:
    if version > CURRENT_VERSION:
        raise JournalError(
            f"The journal {path} was written by a newer version of Magnesium Planner (journal"
            f" version {version}, this one reads up to {CURRENT_VERSION}); it is left as it is.",
            path=path,
        )


def _damaged(path: Path, why: str) -> JournalError:
    first = why.strip().splitlines()[0] if why.strip() else "it cannot be read"
    return JournalError(f"The journal {path} is damaged: {first}; it is left as it is.", path=path)


def _create_file(path: Path) -> None:
    """An empty journal file of the person's own (0600), in folders of their own (0700)."""
    missing = []
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    try:
        for made in reversed(missing):
            with contextlib.suppress(FileExistsError):
                made.mkdir(mode=0o700)
        os.close(os.open(path, _CREATE_FLAGS, 0o600))
    except FileExistsError:
        _check_files(path)  # made by another program meanwhile: check it as found
    except OSError as exc:
        raise JournalError(f"Cannot make the journal {path}: {exc.strerror}.", path=path) from None


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=True
        )
    except sqlite3.Error as exc:
        raise _error(path, exc) from exc
    return conn


def _check_database(conn: sqlite3.Connection, path: Path) -> int:
    """The journal's schema version; a newer, damaged or foreign database is refused before
    anything is written to it."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("BEGIN")  # the version and the tables of one moment (another program
        try:  # may be making the journal right now)
            version = user_version(conn)
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
            }
        finally:
            conn.execute("COMMIT")
        _refuse_newer(path, version)
        if tables or version:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise _damaged(path, f"SQLite's integrity check says {_first_problem(problems)}")
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and (
            _is_busy(exc) or "I/O" in str(exc) or "full" in str(exc)
        ):
            raise _error(path, exc) from exc  # the disk, not the journal
        raise _damaged(path, str(exc)) from None
    if (version == 0 and tables) or (version > 0 and not tables >= _OUR_TABLES):
        raise JournalError(
            f"The file {path} is not a Magnesium Planner journal (it holds other tables);"
            " it is left as it is.",
            path=path,
        )
    return version


def _first_problem(problems: list[str]) -> str:
    """The first problem SQLite's integrity check found (not its heading)."""
    lines = [line for text in problems for line in str(text).splitlines()]
    return next((line for line in lines if not line.startswith("***")), "that it is not ok")


def _set_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _backup_before(conn: sqlite3.Connection, path: Path, step: Migration) -> None:
    """Copy an existing journal to ``<file>.v<N>.bak`` before step ``step`` changes it."""
    target = backup_path(path, step.from_version)
    with contextlib.suppress(FileNotFoundError):
        info = os.lstat(target)
        if not stat.S_ISREG(info.st_mode):
            raise JournalError(
                f"Cannot back up the journal {path} before updating it: {target} is"
                f" {kind_of(info.st_mode)}; the journal is left as it is.",
                path=path,
            )
    copy = sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        image = copy.serialize()
    finally:
        copy.close()
    try:
        replace_atomically(target, lambda fh: fh.write(image), suffix=".tmp", create_mode=0o600)
    except OSError as exc:
        raise JournalError(
            f"Cannot back up the journal {path} before updating it: {exc.strerror};"
            " the journal is left as it is.",
            path=path,
        ) from None


def _is_busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _error(path: Path, exc: sqlite3.Error) -> JournalError:
    """An SQLite error as one line about the journal's file."""
    if _is_busy(exc):
        return JournalError(
            f"The journal {path} is busy in another program; try again in a moment.", path=path
        )
    if "full" in str(exc).lower() or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return JournalError(
            f"The disk of the journal {path} is full: nothing was written; free some space"
            " and try again.",
            path=path,
        )
    if isinstance(exc, sqlite3.OperationalError) and "I/O" in str(exc):
        return JournalError(
            f"Cannot use the journal {path}: {exc} (a full disk or a failing drive); nothing"
            " was written.",
            path=path,
        )
    if isinstance(exc, sqlite3.OperationalError):
        return JournalError(f"Cannot use the journal {path}: {exc}.", path=path)
    if isinstance(exc, sqlite3.IntegrityError):
        return JournalError(f"The journal {path} refused the entry: {exc}.", path=path)
    return _damaged(path, str(exc))


# -- checks of what is written -----------------------------------------------------------


def _checked_day(day: date) -> date:
    if isinstance(day, datetime) or not isinstance(day, date):
        raise JournalError(f"{day!r} is not a day (a date).")
    return day


def _iso(day: date) -> str:
    return _checked_day(day).isoformat()


def _checked_reason(reason: str) -> str:
    if not isinstance(reason, str):
        raise JournalError("A reason must be text.")
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON_CHARS:
        raise JournalError(f"A reason can be {MAX_REASON_CHARS} characters at most.")
    return reason


def _check_status(status: str, taken_at: str | None) -> None:
    if status not in DOSE_STATUSES:
        raise JournalError(f"A dose is {', '.join(DOSE_STATUSES)}, not {status!r}.")
    if taken_at is not None and not is_clock_time(taken_at):
        raise JournalError(f"{taken_at!r} is not a time: write it as HH:MM, e.g. 07:30.")
    if status == "moved" and taken_at is None:
        raise JournalError("A moved dose needs the time it was taken.")
    if status == "skipped" and taken_at is not None:
        raise JournalError("A skipped dose has no time it was taken.")


def _not_a_dose(planned_time: object, plan: DayPlan) -> str:
    day = plan.day.isoformat()
    if not plan.doses:
        return f"No dose is planned on {day}."
    return (
        f"{planned_time} is not a dose on {day}: the doses that day are at {', '.join(plan.times)}."
    )


def _check_effect(effect: str) -> None:
    if effect not in SIDE_EFFECTS:
        raise JournalError(f"No side effect is called {effect!r}: use {', '.join(SIDE_EFFECTS)}.")


def _answers_text(answers: Mapping[str, Any]) -> str:
    if not isinstance(answers, Mapping) or not all(isinstance(k, str) for k in answers):
        raise JournalError("A check-in's answers must be named.")
    try:
        text = json.dumps(dict(answers), allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise JournalError(f"A check-in's answers cannot be kept: {exc}.") from None
    if len(text) > _MAX_ANSWERS_CHARS:
        raise JournalError("A check-in's answers are too long to keep.")
    return text


def _plan_content(plan_json: Mapping[str, Any]) -> PlanContent:
    try:
        return PlanContent.from_json(dict(plan_json))
    except (TypeError, ValueError) as exc:
        raise JournalError(f"The plan cannot be recorded: {exc}.") from None


# -- the plan of a day -------------------------------------------------------------------


def _in_force(versions: tuple[PlanVersion, ...], day: date) -> PlanVersion | None:
    """The version with the latest start on or before ``day``."""
    at = bisect_right([v.starts_on for v in versions], day)
    return versions[at - 1] if at else None


def _ramp_origin(versions: tuple[PlanVersion, ...], version: PlanVersion, first: date) -> date:
    """The first day of the start-low ramp ``version`` is in: the journal's first day, or the
    start of the latest version up to it that starts low again (a new form, a larger amount)."""
    for v in versions:
        if v.starts_on > version.starts_on:
            break
        if v.plan.restarts_ramp:
            first = v.starts_on
    return first


def _day_plan(
    day: date, versions: tuple[PlanVersion, ...], ramp_start: date | None
) -> DayPlan | None:
    version = _in_force(versions, _checked_day(day))
    if version is None:
        return None
    first = _ramp_origin(versions, version, ramp_start or versions[0].starts_on)
    ramp_week = (day - first).days // 7 + 1
    content = version.plan
    step = content.step_for(ramp_week)
    doses = content.doses_for(ramp_week, day.weekday())
    full = len(step.doses) if step is not None else len(content.doses)
    daily = step.daily_mg if step is not None else content.daily_mg
    if len(doses) < full:  # a weekday medicine leaves a dose out that day
        daily = round(sum(d.mg for d in doses), 1)
    return DayPlan(
        day=day,
        version_id=version.id,
        ramp_week=ramp_week,
        ramp_step=step.week if step is not None else None,
        ramp_weeks=content.ramp_weeks,
        daily_mg=daily,
        doses=doses,
        wake=content.day_start,
    )


def _journal_day(day: date, plan: DayPlan | None, logged: dict[str, DoseEntry]) -> JournalDay:
    doses = tuple(DayDose(planned=d, entry=logged.get(d.time)) for d in plan.doses) if plan else ()
    times = {d.time for d in plan.doses} if plan else set()
    unplanned = tuple(e for t, e in sorted(logged.items()) if t not in times)
    return JournalDay(day=day, plan=plan, doses=doses, unplanned=unplanned)


def _date_range(start: date, end: date) -> Iterator[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)
