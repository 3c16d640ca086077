"""The folder of saved profiles: one JSON file per profile, written so that none is ever lost.

- The folder is ``$MAGPLAN_DATA_DIR/profiles`` when that variable is set, else ``profiles`` in
  the user data folder that :mod:`platformdirs` gives for ``magplan``.
- A file's name is made from the profile's name (a lower-case "slug"); the name as typed is
  kept inside the file. Names that differ only in case are the same profile; two different
  names with the same slug get ``-2``, ``-3`` ... files.
- **Saving is atomic**: the new content goes to a temporary file in the same folder, which is
  flushed and fsynced and then renamed over the profile (``os.replace``); the folder is fsynced
  too. The previous content is kept first as ``<file>.json.bak`` in the same way. A kill or a
  power cut at any moment leaves the old or the new profile, never a mixture.
- **Saves take turns.** A save holds the folder's lock (:class:`FolderLock`) from choosing its
  file to the rename, so two programs saving "a b" and "a-b" at once get one file each.
- **Reading never changes a file.** An older schema is migrated in memory and written back only
  by the next save. A file that cannot be read (not JSON, a wrong field) is reported with its
  path and field, and is copied aside as ``<file>.json.corrupt-<time>`` so that a later save
  under the same name cannot lose it. A file from a newer version of the program is refused and
  left alone, and is never replaced by a save. Files over 1 MiB are refused unread.
- **Only regular files in the folder are opened** (:mod:`magplan.profiles.folder`): a named
  pipe, a device or a link named like a profile is reported and left alone, never opened,
  followed or copied, and a save that would replace it is refused.
- Nothing in a profile is executed, and nothing is fetched from anywhere.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import magplan
from magplan.atomic import fsync_folder, replace_atomically
from magplan.profiles.errors import (
    NewerProfileError,
    ProfileDataError,
    ProfileError,
    ProfileExistsError,
    ProfileNotFound,
)
from magplan.profiles.folder import (
    LOCK_NAME,
    FileTooLarge,
    FolderLock,
    LockTimeout,
    NotARegularFile,
    read_regular,
)
from magplan.profiles.migrations import migrate, schema_version_of
from magplan.profiles.model import (
    CURRENT_SCHEMA_VERSION,
    Profile,
    check_profile_name,
    profile_from_data,
    profile_to_data,
)
from magplan.profiles.names import name_key
from magplan.profiles.paths import default_folder, journal_file, move_journal, slug_of_key

__all__ = ["default_folder"]  # found here too, as before the paths had a module of their own

MAX_FILE_BYTES = 1024 * 1024
SUFFIX = ".json"
BACKUP_SUFFIX = ".bak"
CORRUPT_MARK = ".corrupt-"
TEMP_SUFFIX = ".tmp"
STALE_TEMP_S = 3600
MAX_SAME_SLUG = 1000
LOCK_TIMEOUT_S = 5


def slug_for(name: str) -> str:
    """The stem of a profile's file name: ``"Anna K. (evening)"`` -> ``"anna-k-evening"``."""
    return slug_of_key(name_key(check_profile_name(name)))


@dataclass(frozen=True)
class SavedProfile:
    """A profile that loaded, and its file."""

    profile: Profile
    path: Path


@dataclass(frozen=True)
class UnreadableProfile:
    """A file in the folder that could not be read, and why."""

    path: Path
    error: ProfileError


@dataclass(frozen=True)
class ProfileListing:
    profiles: tuple[SavedProfile, ...]
    unreadable: tuple[UnreadableProfile, ...]

    def names(self) -> builtins.list[str]:
        return [p.profile.name for p in self.profiles]


def _writable(folder: Path) -> bool:
    """Whether files can be made in ``folder``, asked without writing anything there (a
    probe file would change the folder even when the command then stops)."""
    return os.access(folder, os.W_OK | os.X_OK)


class ProfileStore:
    """Reads and writes the profiles in one folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()

    # ---- reading --------------------------------------------------------------------------

    def list(self) -> ProfileListing:
        """Every profile in the folder, by name; files that fail are listed with the reason."""
        good: builtins.list[SavedProfile] = []
        bad: builtins.list[UnreadableProfile] = []
        for path in self._profile_files():
            try:
                good.append(SavedProfile(self.read_file(path), path))
            except ProfileError as exc:
                bad.append(UnreadableProfile(path, exc))
        good.sort(key=lambda s: (name_key(s.profile.name), s.path.name))
        return ProfileListing(tuple(good), tuple(bad))

    def load(self, name: str) -> Profile:
        """The profile called ``name`` (any case). :class:`ProfileNotFound` if there is none;
        another :class:`ProfileError` naming the file and field if its file cannot be read."""
        return self.find(name).profile

    def find(self, name: str) -> SavedProfile:
        """The profile called ``name`` and its file, as :meth:`load` finds it."""
        key = name_key(check_profile_name(name))
        first_error: ProfileError | None = None
        for path in self._slug_files(slug_for(name)):
            try:
                profile = self.read_file(path)
            except ProfileError as exc:
                first_error = first_error or exc
                continue
            if name_key(profile.name) == key:
                return SavedProfile(profile, path)
        if first_error is not None:
            raise first_error
        for path in self._profile_files():  # a file renamed by hand still opens by its name
            with contextlib.suppress(ProfileError):
                profile = self.read_file(path, keep_aside=False)
                if name_key(profile.name) == key:
                    return SavedProfile(profile, path)
        raise ProfileNotFound(f"no saved profile named '{name.strip()}' in {self.folder}")

    def exists(self, name: str) -> bool:
        """Whether a profile of that name (any case) is saved and readable."""
        try:
            self.load(name)
        except ProfileError:
            return False
        return True

    def read_file(self, path: Path, *, keep_aside: bool = True) -> Profile:
        """The profile in ``path``, migrated in memory. The file is never changed; if it is
        invalid, a copy is kept aside (once) and :class:`ProfileError` names file and field."""
        return self._profile_in(path, _read_capped(path), keep_aside=keep_aside)

    def _profile_in(self, path: Path, raw: bytes, *, keep_aside: bool) -> Profile:
        """The profile in ``raw``, the bytes read from ``path`` (see :meth:`read_file`)."""
        try:
            data = _parse_json(raw)
            version = schema_version_of(data)
            if version > CURRENT_SCHEMA_VERSION:
                raise NewerProfileError(
                    f"profile file '{path}' was saved by a newer version of Magnesium Planner "
                    f"(schema version {version}; this version reads up to "
                    f"{CURRENT_SCHEMA_VERSION}); it was left unchanged: open it with that "
                    f"version or update this one",
                    path=path,
                    field="schema_version",
                )
            current, _steps = migrate(data)
            return profile_from_data(current)
        except ProfileDataError as exc:
            field, message = exc.field, exc.message
        except (ValueError, RecursionError, TypeError) as exc:
            field, message = None, _json_problem(exc)
        where = f"field '{field}': " if field else ""
        kept = ""
        if keep_aside:
            aside = _keep_aside(path, raw)
            kept = f"; a copy was kept as '{aside.name}'" if aside else ""
        backup = _backup_of(path)
        earlier = f"; the previous save is in '{backup.name}'" if backup.is_file() else ""
        raise ProfileError(
            f"profile file '{path}' cannot be read: {where}{message}. "
            f"The file was not changed{kept}{earlier}.",
            path=path,
            field=field,
        )

    # ---- writing --------------------------------------------------------------------------

    def save(self, profile: Profile) -> Profile:
        """Write ``profile`` atomically, keeping the previous content as ``.bak``.

        Returns the profile as saved (with ``saved_at`` and ``app_version`` set). Raises
        :class:`ProfileError` (nothing written) if it cannot be saved.
        """
        stamped, data = self._prepared(profile)
        with self._locked(f"save profile '{profile.name}'"):
            target = self._write_locked(stamped, data)
        _remove_stale_temps(target)
        return stamped

    def _prepared(self, profile: Profile) -> tuple[Profile, bytes]:
        """``profile`` stamped with the time and version of this save, and its file's bytes;
        :class:`ProfileError` when it is too large or would not read back the same."""
        stamped = profile.model_copy(
            update={
                "saved_at": datetime.now().astimezone().replace(microsecond=0),
                "app_version": magplan.__version__,
            }
        )
        text = json.dumps(profile_to_data(stamped), indent=2, ensure_ascii=False) + "\n"
        data = text.encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            raise ProfileError(
                f"profile '{profile.name}' would be {len(data) // 1024} KiB; "
                f"profiles are limited to {MAX_FILE_BYTES // 1024} KiB"
            )
        try:  # never write a file that would not read back as the same profile
            if profile_from_data(json.loads(text)) != stamped:
                raise ProfileDataError("(file)", "the saved form differs from the inputs")
        except ProfileDataError as exc:
            raise ProfileError(
                f"profile '{profile.name}' cannot be saved: field '{exc.field}': {exc.message}",
                field=exc.field,
            ) from None
        return stamped, data

    @contextlib.contextmanager
    def _locked(self, what: str) -> Iterator[None]:
        """The folder (made if needed) with its save lock held, for one change ``what`` ("save
        profile 'Anna'"); the folder's problems become one :class:`ProfileError` each."""
        try:
            self.check_folder()
        except ProfileError as exc:
            raise ProfileError(f"could not {what}: {exc.message}", path=self.folder) from None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with FolderLock(self.folder, LOCK_TIMEOUT_S):
                yield
        except LockTimeout:
            raise ProfileError(
                f"could not {what}: another program has been saving "
                f"profiles in {self.folder} for {LOCK_TIMEOUT_S:g} s; nothing was saved, "
                f"try again",
                path=self.folder,
            ) from None
        except NotARegularFile as exc:
            raise ProfileError(
                f"could not {what}: '{exc.filename}' {exc.strerror}, "
                f"not the folder's lock file; it was left alone: remove it",
                path=self.folder,
            ) from None
        except OSError as exc:
            raise ProfileError(
                f"could not {what} in {self.folder}: {exc.strerror or exc}",
                path=self.folder,
            ) from None

    def _write_locked(self, stamped: Profile, data: bytes) -> Path:
        """Write ``data``, the file of ``stamped``, to its file (the previous content kept as
        ``.bak``); the folder's lock is held. Returns the file."""
        target, previous = self._target_for(stamped.name)
        if previous is not None:
            backup = _backup_of(target)
            self._refuse_unless_regular(backup)  # a pipe or link there is left alone
            _atomic_write(backup, previous)
        _atomic_write(target, data)
        return target

    def _refuse_unless_regular(self, path: Path) -> None:
        """:class:`ProfileError` when ``path`` exists and is not a regular file (a pipe, a
        link, a folder): the program never writes over such a thing."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self._unusable(f"{path}: {exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):
            raise self._unusable(f"{path.name} is not a regular file")

    # ---- renaming, duplicating, deleting ----------------------------------------------------

    def rename(self, name: str, new_name: str) -> Profile:
        """Give the saved profile ``name`` the name ``new_name``; returns it as saved.

        The renamed profile is written first and the old file removed after it (with its
        ``.bak``), both while the folder's lock is held: a crash in between leaves both names,
        never neither (and an old file that cannot be removed is reported so). Raises
        :class:`ProfileExistsError` when another profile has the new name (a change of case
        only renames the same profile), :class:`ProfileNotFound` when there is no profile
        ``name``, and another :class:`ProfileError` when the new file cannot be written (the
        profile then keeps its old name)."""
        new = check_profile_name(new_name)
        with self._locked(f"rename profile '{name.strip()}'"):
            old = self._find_locked(name)
            if name_key(new) != name_key(old.profile.name):
                self._refuse_taken(new)
            stamped, data = self._prepared(old.profile.model_copy(update={"name": new}))
            target = self._write_locked(stamped, data)
            if target != old.path:
                self._journal_follows(old.path, target)
                try:
                    _remove_profile_file(old.path)
                except OSError as exc:
                    raise ProfileError(
                        f"profile '{old.profile.name}' was saved as '{new}', but its old file "
                        f"'{old.path}' could not be removed ({exc.strerror or exc}): both "
                        f"names are saved now; delete '{old.profile.name}' to keep one",
                        path=old.path,
                    ) from None
        return stamped

    def duplicate(self, name: str, new_name: str) -> Profile:
        """A copy of the saved profile ``name`` saved as ``new_name``; returns the copy.

        Raises :class:`ProfileExistsError` when a profile has that name already (nothing is
        replaced), :class:`ProfileNotFound` when there is no profile ``name``."""
        new = check_profile_name(new_name)
        with self._locked(f"duplicate profile '{name.strip()}'"):
            source = self._find_locked(name)
            self._refuse_taken(new)
            stamped, data = self._prepared(source.profile.model_copy(update={"name": new}))
            self._write_locked(stamped, data)
        return stamped

    def delete(self, name: str) -> Path:
        """Remove the saved profile ``name`` (its file and the file's ``.bak``), and nothing
        else: the file is read again, with the folder's lock held, and removed only when it
        holds that name. Returns the removed file. :class:`ProfileNotFound` when there is no
        profile ``name``."""
        with self._locked(f"delete profile '{name.strip()}'"):
            found = self._find_locked(name)
            _remove_profile_file(found.path)
            self._journal_set_aside(found.path)
        return found.path

    def _journal_follows(self, old: Path, new: Path) -> None:
        """A renamed profile keeps its journal (``journals/<file>.sqlite3``); one left there
        by a deleted profile of the new file name is set aside first."""
        target = journal_file(self.folder, new.stem)
        self._journal_set_aside(new)
        with contextlib.suppress(OSError):
            move_journal(journal_file(self.folder, old.stem), target)

    def _journal_set_aside(self, profile_file: Path) -> None:
        """A deleted profile's journal is kept as ``<file>.deleted-<time>.sqlite3``: never
        removed, and never taken up by a new profile of the same name."""
        source = journal_file(self.folder, profile_file.stem)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        with contextlib.suppress(OSError):
            move_journal(source, journal_file(self.folder, f"{profile_file.stem}.deleted-{stamp}"))

    def _find_locked(self, name: str, *, say_why: bool = True) -> SavedProfile:
        """The profile ``name`` and its file, looked up while the folder's lock is held. When
        it is not found but a file of its name cannot be read, the message says why, as opening
        it would (``say_why``)."""
        key = name_key(check_profile_name(name))
        own_files = self._slug_files(slug_for(name))
        unreadable: ProfileError | None = None
        for path in [*own_files, *self._profile_files()]:
            try:
                profile = self.read_file(path, keep_aside=False)
            except ProfileError as exc:
                if path in own_files and unreadable is None:
                    unreadable = exc
                continue
            if name_key(profile.name) == key:
                return SavedProfile(profile, path)
        why = ""
        if say_why and unreadable is not None and not isinstance(unreadable, ProfileNotFound):
            why = f": its file cannot be used ({unreadable.message})"
        raise ProfileNotFound(f"no saved profile named '{name.strip()}' in {self.folder}{why}")

    def _refuse_taken(self, name: str) -> None:
        """:class:`ProfileExistsError` when a saved profile is called ``name`` (any case)."""
        try:
            taken = self._find_locked(name, say_why=False)
        except ProfileNotFound:
            return
        raise ProfileExistsError(
            f"a profile named '{taken.profile.name}' already exists; choose another name",
            path=taken.path,
        )

    def check_can_save(self, name: str) -> None:
        """Raise the :class:`ProfileError` a save of ``name`` would meet in the folder (not a
        usable folder; its file, its ``.bak`` or the folder's lock a pipe, a link, a folder or
        from a newer version; a folder that cannot be written), writing nothing."""
        self.check_folder()
        target, _ = self._target_for(check_profile_name(name), keep_aside=False)
        for other in (self.folder / LOCK_NAME, _backup_of(target)):
            self._refuse_unless_regular(other)
        if self.folder.is_dir() and not _writable(self.folder):
            raise self._unusable("it cannot be written")

    def check_folder(self) -> None:
        """:class:`ProfileError` if the folder is not, and cannot become, a folder (a file
        stands in its place or in its parent's, such as ``$XDG_DATA_HOME`` set to a file)."""
        for place in (self.folder, *self.folder.parents):
            try:
                info = os.stat(place)
            except (FileNotFoundError, NotADirectoryError):
                continue  # look further up for what stands in the way
            except OSError as exc:
                raise self._unusable(f"{place}: {exc.strerror or exc}") from None
            if stat.S_ISDIR(info.st_mode):
                return
            raise self._unusable(f"{place} is not a folder")

    def _unusable(self, why: str) -> ProfileError:
        return ProfileError(
            f"the profiles folder {self.folder} cannot be used: {why}", path=self.folder
        )

    def path_for(self, name: str) -> Path | None:
        """The file that holds the profile ``name``, if it is saved and readable."""
        key = name_key(check_profile_name(name))
        for path in self._slug_files(slug_for(name)):
            with contextlib.suppress(ProfileError):
                if name_key(self.read_file(path, keep_aside=False).name) == key:
                    return path
        return None

    # ---- files ----------------------------------------------------------------------------

    def _profile_files(self) -> builtins.list[Path]:
        try:
            entries = sorted(self.folder.iterdir())
        except FileNotFoundError:
            self.check_folder()
            return []  # nothing saved yet
        except NotADirectoryError:
            self.check_folder()
            raise self._unusable("it is not a folder") from None
        except OSError as exc:
            raise self._unusable(str(exc.strerror or exc)) from None
        return [p for p in entries if p.name.endswith(SUFFIX) and not p.name.startswith(".")]

    def _slug_files(self, slug: str) -> builtins.list[Path]:
        """``slug.json``, ``slug-2.json`` ... as they exist, in that order (a number freed by a
        deleted profile leaves a gap, and the files after it are still found)."""
        return [path for _n, path in self._slug_slots(slug)]

    def _slug_slots(self, slug: str) -> builtins.list[tuple[int, Path]]:
        """The files of ``slug`` with their numbers (1 for ``slug.json``)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        found = []
        for file_name in names:
            n = _slug_number(file_name, slug)
            if n is not None:
                found.append((n, self.folder / file_name))
        return sorted(found)

    def _target_for(self, name: str, *, keep_aside: bool = True) -> tuple[Path, bytes | None]:
        """The file to write the profile ``name`` to (its own file, or the first free one),
        and the bytes it holds now (``None`` for a new file).

        A file of the same slug that is not a regular file, is a link, is too large or is from
        a newer version is never replaced: the save is refused. An unreadable one is replaced
        once a copy is kept aside (``keep_aside``) and its bytes become the ``.bak``.
        """
        key = name_key(name)
        slug = slug_for(name)
        existing = self._slug_files(slug)
        for path in existing:
            try:
                raw = _read_capped(path)
            except ProfileNotFound:
                return path, None  # removed meanwhile: free
            except ProfileError as exc:
                raise ProfileError(
                    f"cannot save profile '{name.strip()}': {exc.message}; it is left "
                    f"alone: remove it, or save under another name",
                    path=path,
                ) from None
            try:
                if name_key(self._profile_in(path, raw, keep_aside=keep_aside).name) != key:
                    continue
            except NewerProfileError:
                raise ProfileError(
                    f"'{path}' was saved by a newer version of Magnesium Planner and is not "
                    f"replaced; save this profile under another name",
                    path=path,
                ) from None
            except ProfileError:
                pass  # unreadable: a copy is kept aside by _profile_in, then it is replaced
            return path, raw
        used = {n for n, _path in self._slug_slots(slug)}
        n = next((n for n in range(1, MAX_SAME_SLUG + 1) if n not in used), None)
        if n is None:
            raise ProfileError(f"too many profiles with names like '{name}'")
        return self.folder / (f"{slug}{SUFFIX}" if n == 1 else f"{slug}-{n}{SUFFIX}"), None


# ---- helpers ---------------------------------------------------------------------------------


def _read_capped(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; nothing else is opened, and no
    link is followed (see :func:`magplan.profiles.folder.read_regular`)."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ProfileNotFound(f"profile file '{path}' does not exist", path=path) from None
    except NotARegularFile as exc:
        if exc.kind == "a symbolic link":
            why = (
                "is a symbolic link, which is not followed: profiles are read only from "
                "files in the folder itself"
            )
        else:
            why = f"is not a regular file ({exc.kind}), so it was not opened"
        raise ProfileError(f"profile file '{path}' {why}", path=path) from None
    except FileTooLarge as exc:
        raise ProfileError(
            f"profile file '{path}' is {exc.size // 1024} KiB; profiles are limited "
            f"to {MAX_FILE_BYTES // 1024} KiB, so it was not read (the file was not changed)",
            path=path,
        ) from None
    except OSError as exc:
        raise ProfileError(
            f"profile file '{path}' cannot be opened: {exc.strerror or exc}", path=path
        ) from None


def _slug_number(file_name: str, slug: str) -> int | None:
    """1 for ``slug.json``, n for ``slug-n.json`` (n from 2 to MAX_SAME_SLUG), else None."""
    if not file_name.endswith(SUFFIX):
        return None
    stem = file_name[: -len(SUFFIX)]
    if stem == slug:
        return 1
    number = stem.removeprefix(f"{slug}-") if stem.startswith(f"{slug}-") else ""
    if not number.isascii() or not number.isdigit() or str(int(number)) != number:
        return None
    n = int(number)
    return n if 2 <= n <= MAX_SAME_SLUG else None


def _remove_profile_file(path: Path) -> None:
    """Remove a profile's file, then its ``.bak`` (a regular file only, never what a link
    points to), and make the removal durable."""
    os.unlink(path)
    backup = _backup_of(path)
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISREG(os.lstat(backup).st_mode):
            os.unlink(backup)
    fsync_folder(path.parent)


def _no_duplicates(pairs: builtins.list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key '{key}' appears twice in one object")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a profile can hold")


def _parse_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None
    data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    try:  # "\ud800" escapes decode to text that could never be written back
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("it holds text that is not valid Unicode") from None
    return data


def _json_problem(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "not a profile: nested too deeply"
    return f"not a valid profile: {exc}"


def _keep_aside(path: Path, raw: bytes) -> Path | None:
    """A copy of ``raw``, the bytes of an unreadable file, next to it: once per distinct
    content (other copies are compared as regular files only)."""
    for other in path.parent.glob(glob_escape(path.name) + CORRUPT_MARK + "*"):
        with contextlib.suppress(OSError):
            if read_regular(other, MAX_FILE_BYTES) == raw:
                return other
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        for n in range(1, 100):
            aside = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}" + (f"-{n}" if n > 1 else ""))
            if not os.path.lexists(aside):
                _atomic_write(aside, raw)
                return aside
    except OSError:
        return None
    return None


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _atomic_write(target: Path, data: bytes) -> None:
    """Temporary file in the same folder, write, flush, fsync, rename over, fsync the folder."""
    replace_atomically(target, lambda fh: fh.write(data), suffix=TEMP_SUFFIX)


def _remove_stale_temps(target: Path) -> None:
    """Temporary files left by a save that was killed long ago (never one in progress)."""
    now = time.time()
    for tmp in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - tmp.lstat().st_mtime > STALE_TEMP_S:
                tmp.unlink()


def _backup_of(path: Path) -> Path:
    """The ``.bak`` beside a profile's file: what it held before its last save."""
    return path.with_name(path.name + BACKUP_SUFFIX)
