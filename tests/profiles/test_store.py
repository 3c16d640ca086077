"""Saving and loading profiles as a user relies on it: nothing lost, nothing silently changed."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from magplan.core.request import PlanRequest
from magplan.profiles import (
    CURRENT_SCHEMA_VERSION,
    NewerProfileError,
    Profile,
    ProfileError,
    ProfileNameError,
    ProfileNotFound,
    ProfileStore,
)
from magplan.profiles.folder import LOCK_NAME
from magplan.profiles.store import MAX_FILE_BYTES, default_folder, slug_for


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_folder_is_magplan_data_dir_profiles(data_dir: Path, monkeypatch) -> None:
    assert default_folder() == data_dir / "profiles"
    assert ProfileStore().folder == data_dir / "profiles"
    monkeypatch.delenv("MAGPLAN_DATA_DIR")
    assert default_folder().name == "profiles"
    assert "magplan" in str(default_folder())


def test_round_trip_gives_the_same_profile(store: ProfileStore, profile: Profile) -> None:
    saved = store.save(profile)
    assert saved.saved_at is not None
    loaded = store.load("anna k. (EVENING)")
    assert loaded == saved
    assert loaded.request == profile.request
    assert (loaded.name, loaded.person_name, loaded.prepared_by) == (
        "Anna K. (evening)",
        "Anna Kowalska",
        "J. Smith, RD",
    )


def test_the_file_is_readable_json_with_clock_times(store: ProfileStore, profile: Profile) -> None:
    store.save(profile)
    path = store.folder / "anna-k-evening.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == CURRENT_SCHEMA_VERSION == 5
    assert data["name"] == "Anna K. (evening)"
    assert data["request"]["wake"] == "06:30"
    assert data["request"]["meals"] == ["07:00", "13:00", "19:15"]
    assert data["request"]["medicines"][1] == {
        "name": "Calcium",
        "class_id": "calcium",
        "times": ["08:00", "20:00"],
        "weekdays": [],
        "spacing_min": None,
    }
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0  # health data: readable by its owner only


def test_a_second_save_keeps_the_previous_one_as_bak(store: ProfileStore, profile: Profile) -> None:
    store.save(profile)
    first = (store.folder / "anna-k-evening.json").read_bytes()
    changed = profile.model_copy(update={"request": PlanRequest(goals=("migraine",))})
    store.save(changed)
    assert (store.folder / "anna-k-evening.json.bak").read_bytes() == first
    assert store.load(profile.name).request.goals == ("migraine",)
    hidden = [p.name for p in store.folder.iterdir() if p.name.startswith(".")]
    assert hidden == [LOCK_NAME]  # the folder's save lock; no temporary file is left


def test_names_differing_in_case_are_one_profile(store: ProfileStore, profile: Profile) -> None:
    store.save(profile)
    store.save(profile.model_copy(update={"name": "ANNA K. (EVENING)"}))
    listing = store.list()
    assert listing.names() == ["ANNA K. (EVENING)"]


def test_names_with_the_same_slug_get_their_own_files(store: ProfileStore) -> None:
    a = store.save(Profile(name="Anna K", request=PlanRequest(goals=("sleep",))))
    b = store.save(Profile(name="Anna-K", request=PlanRequest(goals=("migraine",))))
    c = store.save(Profile(name="anna k!", request=PlanRequest(goals=("cramps",))))
    assert sorted(p.name for p in store.folder.glob("*.json")) == [
        "anna-k-2.json",
        "anna-k-3.json",
        "anna-k.json",
    ]
    assert store.load("anna k") == a
    assert store.load("ANNA-K") == b
    assert store.load("Anna K!") == c


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Anna K. (evening)", "anna-k-evening"),
        ("Zoë Ångström", "zoë-ångström"),
        ("!!!", "profile"),
        ("con", "con-profile"),
        ("x" * 100, "x" * 60),
    ],
)
def test_file_names_are_safe(name: str, slug: str) -> None:
    assert slug_for(name) == slug


@pytest.mark.parametrize("name", ["", "   ", "..", ".", "a/b", "..\\x", "a\x00b", "x" * 101])
def test_unusable_names_are_refused(store: ProfileStore, name: str) -> None:
    with pytest.raises(ProfileNameError):
        store.load(name)
    with pytest.raises(ValueError):
        Profile(name=name)
    assert not store.folder.exists()


def test_a_missing_profile_is_not_found(store: ProfileStore) -> None:
    with pytest.raises(ProfileNotFound, match="no saved profile named 'Nobody'"):
        store.load("Nobody")


def test_a_file_renamed_by_hand_still_opens_by_its_name(store: ProfileStore, profile: Profile):
    store.save(profile)
    (store.folder / "anna-k-evening.json").rename(store.folder / "client 17.json")
    assert store.load(profile.name).request == profile.request


def test_an_invalid_field_names_file_and_field_and_keeps_the_original(
    store: ProfileStore, profile: Profile
) -> None:
    store.save(profile)
    path = store.folder / "anna-k-evening.json"
    data = json.loads(path.read_text())
    data["request"]["wake"] = "25:00"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(ProfileError) as caught:
        store.load(profile.name)
    assert caught.value.field == "request.wake"
    assert str(path) in str(caught.value) and "request.wake" in str(caught.value)
    assert path.read_bytes() == before
    copies = list(store.folder.glob("anna-k-evening.json.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == before
    # reading again does not pile up copies
    with pytest.raises(ProfileError):
        store.load(profile.name)
    assert len(list(store.folder.glob("anna-k-evening.json.corrupt-*"))) == 1


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["request"].update(age_years=400), "request.age_years"),
        (
            lambda d: d["request"]["medicines"][0].update(times=["8 am"]),
            "request.medicines.0.times.0",
        ),
        (lambda d: d["request"].update(goals=["flying"]), "request.goals.0"),
        (lambda d: d["request"].update(wake_time="07:00"), "request.wake_time"),
        (
            lambda d: d["request"]["products"][0].update(elemental_mg_per_unit=-5),
            "request.products.0.elemental_mg_per_unit",
        ),
        (lambda d: d.pop("request"), "request"),
        (lambda d: d.update(name="../etc"), "name"),
        (lambda d: d["request"].update(sex="other"), "request.sex"),
    ],
)
def test_hand_edits_are_reported_at_their_field(store, profile, edit, field) -> None:
    store.save(profile)
    path = store.folder / "anna-k-evening.json"
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))
    with pytest.raises(ProfileError) as caught:
        store.read_file(path)
    assert caught.value.field == field
    assert f"field '{field}'" in str(caught.value)


def test_an_unreadable_file_does_not_hide_the_others(store: ProfileStore, profile: Profile):
    store.save(profile)
    store.save(profile.model_copy(update={"name": "Ben"}))
    (store.folder / "broken.json").write_text('{"schema_version": 2, "name": "Bro')
    listing = store.list()
    assert listing.names() == ["Anna K. (evening)", "Ben"]
    assert [u.path.name for u in listing.unreadable] == ["broken.json"]
    assert "not valid JSON" in str(listing.unreadable[0].error)


def test_saving_over_an_unreadable_file_keeps_a_copy_of_it(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    path = store.folder / "ben.json"
    path.write_bytes(b"hand-written notes, not a profile")
    store.save(Profile(name="Ben"))
    assert store.load("Ben").name == "Ben"
    kept = [p.read_bytes() for p in store.folder.glob("ben.json.corrupt-*")]
    assert kept == [b"hand-written notes, not a profile"]


def test_a_newer_file_is_refused_left_alone_and_never_replaced(
    store: ProfileStore, profile: Profile
) -> None:
    store.save(profile)
    path = store.folder / "anna-k-evening.json"
    data = json.loads(path.read_text())
    data["schema_version"] = CURRENT_SCHEMA_VERSION + 1
    data["request"]["new_field"] = "from the future"
    path.write_text(json.dumps(data))
    before = snapshot(store.folder)
    with pytest.raises(NewerProfileError, match="newer version") as caught:
        store.load(profile.name)
    assert caught.value.field == "schema_version"
    with pytest.raises(ProfileError, match="newer version"):
        store.save(profile)
    assert snapshot(store.folder) == before


def test_huge_files_are_refused_unread(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    path = store.folder / "huge.json"
    path.write_bytes(b'{"schema_version": 2, "name": "' + b"x" * MAX_FILE_BYTES + b'"}')
    with pytest.raises(ProfileError, match="limited to 1024 KiB"):
        store.read_file(path)
    assert [p.name for p in store.folder.iterdir()] == ["huge.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_opened(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    os.mkfifo(store.folder / "pipe.json")
    listing = store.list()
    assert "not a regular file" in str(listing.unreadable[0].error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_backup_that_is_not_a_regular_file_refuses_the_save(
    store: ProfileStore, profile: Profile
) -> None:
    """A pipe where a profile's ``.bak`` goes: the check before a command's output and the
    save itself both refuse, and the pipe and the profile are left as they were."""
    store.save(profile)
    path = store.path_for(profile.name)
    assert path is not None
    pipe = path.with_name(path.name + ".bak")
    if pipe.exists():
        pipe.unlink()
    os.mkfifo(pipe)
    before = path.read_bytes()
    with pytest.raises(ProfileError, match="not a regular file"):
        store.check_can_save(profile.name)
    with pytest.raises(ProfileError, match="not a regular file"):
        store.save(profile)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert path.read_bytes() == before


def test_a_failed_save_changes_nothing(store: ProfileStore, profile: Profile, data_dir: Path):
    store.save(profile)
    before = snapshot(store.folder)
    bad = profile.model_copy(update={"request": PlanRequest(goals=("no-such-goal",))})
    with pytest.raises(ProfileError, match=r"request\.goals\.0"):
        store.save(bad)
    assert snapshot(store.folder) == before


def test_a_save_into_an_unwritable_place_is_a_profile_error(tmp_path: Path, profile: Profile):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ProfileError, match="could not save"):
        ProfileStore(blocker / "profiles").save(profile)


def test_the_v2_example_file_loads(store: ProfileStore, data_files: Path) -> None:
    store.folder.mkdir(parents=True)
    shutil.copy(data_files / "v2-anna.json", store.folder / "anna-k.json")
    loaded = store.load("Anna K.")
    assert loaded.request.medicines[1].times_min == (480, 1200)
