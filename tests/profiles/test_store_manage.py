"""Renaming, duplicating and deleting saved profiles: each touches the one profile named, a name
that is taken is refused with one clear sentence, and nothing is half done."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from magplan.core.request import PlanRequest
from magplan.profiles import (
    Profile,
    ProfileError,
    ProfileExistsError,
    ProfileNameError,
    ProfileNotFound,
    ProfileStore,
)
from magplan.profiles import store as store_module


def files(folder: Path) -> dict[str, bytes]:
    """The profiles folder's files (not the lock), by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name[0] != "."}


def save(store: ProfileStore, name: str, *goals: str, person: str = "") -> Profile:
    request = PlanRequest(goals=goals or ("sleep",))
    return store.save(Profile(name=name, person_name=person, request=request))


# ---- renaming ---------------------------------------------------------------------------------


def test_rename_moves_the_profile_to_its_new_name(store: ProfileStore) -> None:
    save(store, "Anna", "migraine", person="Anna Kowalska")
    save(store, "Anna", "cramps", person="Anna Kowalska")  # a second save: anna.json.bak

    renamed = store.rename("anna", "Anna (evening)")

    assert renamed.name == "Anna (evening)"
    loaded = store.load("Anna (evening)")
    assert loaded.request.goals == ("cramps",) and loaded.person_name == "Anna Kowalska"
    assert not store.exists("Anna")
    assert sorted(files(store.folder)) == ["anna-evening.json"]  # the old .bak went with it


def test_a_change_of_case_renames_the_same_file(store: ProfileStore) -> None:
    save(store, "anna", "migraine")
    store.rename("Anna", "ANNA")
    assert store.list().names() == ["ANNA"]
    assert sorted(files(store.folder)) == ["anna.json", "anna.json.bak"]


def test_rename_to_a_name_that_exists_is_refused_and_changes_nothing(
    store: ProfileStore,
) -> None:
    save(store, "Anna", "migraine")
    save(store, "Bob", "heart")
    before = files(store.folder)
    with pytest.raises(ProfileExistsError) as caught:
        store.rename("Anna", " bob ")
    assert str(caught.value) == "a profile named 'Bob' already exists; choose another name"
    assert files(store.folder) == before


def test_rename_refuses_an_unusable_name_and_a_missing_profile(store: ProfileStore) -> None:
    save(store, "Anna")
    before = files(store.folder)
    with pytest.raises(ProfileNameError):
        store.rename("Anna", "a/b")
    with pytest.raises(ProfileNotFound, match="no saved profile named 'Nobody'"):
        store.rename("Nobody", "Somebody")
    assert files(store.folder) == before


def test_a_rename_whose_old_file_cannot_be_removed_says_both_names_are_saved(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, "Anna")

    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store_module, "_remove_profile_file", refuse)
    with pytest.raises(ProfileError, match="both names are saved now; delete 'Anna'"):
        store.rename("Anna", "Anna K")
    assert store.exists("Anna") and store.exists("Anna K")  # nothing lost


# ---- duplicating ------------------------------------------------------------------------------


def test_duplicate_saves_a_copy_under_the_new_name(store: ProfileStore) -> None:
    save(store, "Anna", "migraine", person="Anna Kowalska")
    copy = store.duplicate("Anna", "Anna copy")
    assert copy.name == "Anna copy"
    assert store.load("Anna copy").request == store.load("Anna").request
    assert store.load("Anna copy").person_name == "Anna Kowalska"
    assert store.list().names() == ["Anna", "Anna copy"]


@pytest.mark.parametrize("taken", ["Bob", "BOB", "anna"])
def test_duplicate_never_replaces_a_profile(store: ProfileStore, taken: str) -> None:
    save(store, "Anna", "migraine")
    save(store, "Bob", "heart")
    before = files(store.folder)
    with pytest.raises(ProfileExistsError, match="already exists; choose another name"):
        store.duplicate("Anna", taken)
    assert files(store.folder) == before


# ---- deleting ---------------------------------------------------------------------------------


def test_delete_removes_the_profile_and_its_backup_only(store: ProfileStore) -> None:
    save(store, "Anna", "migraine")
    save(store, "Anna", "cramps")
    save(store, "Bob", "heart")
    bob = files(store.folder)["bob.json"]

    removed = store.delete("ANNA")

    assert removed == store.folder / "anna.json"
    assert files(store.folder) == {"bob.json": bob}
    with pytest.raises(ProfileNotFound):
        store.load("Anna")


def test_delete_picks_the_named_profile_among_those_sharing_a_file_name(
    store: ProfileStore,
) -> None:
    save(store, "Anna K", "sleep")  # anna-k.json
    save(store, "Anna-K", "migraine")  # anna-k-2.json
    save(store, "anna k!", "cramps")  # anna-k-3.json

    store.delete("Anna-K")

    assert store.list().names() == ["Anna K", "anna k!"]
    assert sorted(files(store.folder)) == ["anna-k-3.json", "anna-k.json"]
    assert store.load("Anna K").request.goals == ("sleep",)
    assert store.load("anna k!").request.goals == ("cramps",)


def test_the_number_a_deleted_profile_frees_is_used_again_and_none_is_lost(
    store: ProfileStore,
) -> None:
    save(store, "Anna K", "sleep")  # anna-k.json
    save(store, "Anna-K", "migraine")  # anna-k-2.json
    store.delete("Anna K")  # a gap before anna-k-2.json

    save(store, "Anna-K", "cramps")  # still its own file, not a second one
    save(store, "anna k!", "heart")  # takes the freed anna-k.json

    assert sorted(files(store.folder)) == ["anna-k-2.json", "anna-k-2.json.bak", "anna-k.json"]
    assert store.list().names() == ["anna k!", "Anna-K"]
    assert store.load("Anna-K").request.goals == ("cramps",)


def test_delete_finds_a_file_renamed_by_hand(store: ProfileStore) -> None:
    save(store, "Anna")
    (store.folder / "anna.json").rename(store.folder / "my anna.json")
    store.delete("Anna")
    assert files(store.folder) == {}


def test_delete_of_a_missing_profile_removes_nothing(store: ProfileStore) -> None:
    save(store, "Anna")
    before = files(store.folder)
    with pytest.raises(ProfileNotFound):
        store.delete("Bob")
    assert files(store.folder) == before


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_delete_never_follows_a_link_out_of_the_folder(store: ProfileStore, tmp_path: Path) -> None:
    elsewhere = ProfileStore(tmp_path / "elsewhere")
    save(elsewhere, "Bob")
    save(store, "Anna")
    (store.folder / "bob.json").symlink_to(elsewhere.folder / "bob.json")
    with pytest.raises(ProfileNotFound):
        store.delete("Bob")
    assert elsewhere.exists("Bob")
    assert (store.folder / "bob.json").is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_profile_whose_file_cannot_be_used_is_not_found_with_the_reason(
    store: ProfileStore,
) -> None:
    store.folder.mkdir(parents=True)
    os.mkfifo(store.folder / "fifo.json")
    with pytest.raises(ProfileNotFound, match=r"its file cannot be used \(.*named pipe"):
        store.delete("Fifo")
    assert stat.S_ISFIFO(os.lstat(store.folder / "fifo.json").st_mode)
