"""Hostile things in the profiles folder, and faults while saving: named pipes, links out of the
folder, device nodes, a data folder that is a file, a full disk, many saves at once.

Each ends in a profile, or in one line on stderr with exit status 2: never a hang, a traceback,
a leaked file or a lost profile.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from magplan.core.request import PlanRequest
from magplan.profiles import Profile, ProfileError, ProfileStore
from magplan.profiles.model import profile_to_data
from magplan.profiles.names import name_key
from tests.profiles import concurrent_child
from tests.profiles.profile_samples import make_profile

posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes and links are POSIX")


def magplan(
    *args: str, env: dict[str, str] | None = None, fsize: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:
        if fsize is not None:
            import resource  # POSIX only

            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "magplan", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else {**os.environ},
        timeout=60,
        preexec_fn=limit_file_size if fsize is not None else None,
    )


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("magplan: error: ")
    return lines[0]


def entries(folder: Path) -> dict[str, tuple[int, bytes | str | None]]:
    """Each entry of ``folder`` without following or opening anything but regular files."""
    found: dict[str, tuple[int, bytes | str | None]] = {}
    for path in folder.iterdir():
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            found[path.name] = (stat.S_IFMT(mode), os.readlink(path))
        elif stat.S_ISREG(mode):
            found[path.name] = (stat.S_IFMT(mode), path.read_bytes())
        else:
            found[path.name] = (stat.S_IFMT(mode), None)
    return found


# ---- a named pipe named like a profile ---------------------------------------------------------


@posix_only
def test_a_named_pipe_named_like_a_profile_never_blocks_a_command(
    data_dir: Path, tmp_path: Path
) -> None:
    folder = data_dir / "profiles"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "fifo.json")
    before = entries(folder)
    pdf = tmp_path / "card.pdf"

    for run in (
        magplan("plan", "--goal", "sleep", "--save-profile", "FIFO"),
        magplan("print", "--goal", "sleep", "-o", str(pdf), "--save-profile", "fifo"),
    ):  # each would wait for a writer forever if the pipe were opened (timeout: 60 s)
        line = one_error_line(run)
        assert "fifo.json" in line and "not a regular file" in line
        assert run.stdout == ""
    assert not pdf.exists()  # checked before the card was written

    loaded = magplan("plan", "--profile", "fifo")
    assert "not a regular file" in one_error_line(loaded)

    listed = magplan("profiles")
    assert listed.returncode == 0, listed.stderr
    assert "fifo.json" in listed.stdout and "not a regular file" in listed.stdout
    assert entries(folder) == before  # still a pipe, nothing copied aside


@posix_only
def test_a_named_pipe_among_the_copies_kept_aside_is_not_opened(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    bad = store.folder / "cleo.json"
    bad.write_text("{ not json")
    os.mkfifo(store.folder / "cleo.json.corrupt-20250101-000000")
    with pytest.raises(ProfileError, match="not valid JSON"):
        store.read_file(bad)  # compares its bytes with the copies already kept aside
    copies = sorted(p.name for p in store.folder.glob("cleo.json.corrupt-*"))
    assert len(copies) == 2
    assert (store.folder / copies[1]).read_text() == "{ not json"


# ---- links out of the folder -----------------------------------------------------------------


@posix_only
def test_a_link_out_of_the_folder_is_never_followed(
    data_dir: Path, tmp_path: Path, store: ProfileStore
) -> None:
    folder = data_dir / "profiles"
    folder.mkdir(parents=True)
    secret = tmp_path / "secret"
    secret.write_text("root:SECRET-HASH-4711:19000:0:99999:7:::\n")
    elsewhere = tmp_path / "elsewhere.json"  # a valid profile, but outside the folder
    elsewhere.write_text(json.dumps(profile_to_data(make_profile("Outside"))))
    (folder / "shadow.json").symlink_to(secret)
    (folder / "outside.json").symlink_to(elsewhere)
    before = entries(folder)

    listing = store.list()
    assert listing.profiles == ()
    reasons = {u.path.name: str(u.error) for u in listing.unreadable}
    assert set(reasons) == {"shadow.json", "outside.json"}
    assert all("symbolic link" in r for r in reasons.values())

    for run in (
        magplan("plan", "--profile", "Outside"),
        magplan("plan", "--profile", "shadow"),
        magplan("plan", "--save-profile", "shadow"),
        magplan("profiles"),
        magplan("profiles", "--json"),
    ):
        assert "SECRET" not in run.stdout + run.stderr
        assert "Traceback" not in run.stderr
    assert "symbolic link" in one_error_line(magplan("plan", "--profile", "Outside"))
    assert entries(folder) == before  # no copy of the secret, the links left as they are
    assert "SECRET" in secret.read_text()


@posix_only
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="Linux /proc")
def test_a_link_to_the_process_environment_is_not_read(data_dir: Path) -> None:
    folder = data_dir / "profiles"
    folder.mkdir(parents=True)
    (folder / "env.json").symlink_to("/proc/self/environ")
    run = magplan("profiles", "--json", env={**os.environ, "MAGPLAN_TEST_SECRET": "SECRET-99"})
    assert run.returncode == 0, run.stderr
    assert "SECRET-99" not in run.stdout + run.stderr
    assert [p.name for p in folder.iterdir()] == ["env.json"]


# ---- a device node ---------------------------------------------------------------------------


@posix_only
def test_a_device_node_in_the_folder_is_not_opened(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    node = store.folder / "zero.json"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero: endless bytes
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    listing = store.list()
    assert [u.path.name for u in listing.unreadable] == ["zero.json"]
    assert "not a regular file" in str(listing.unreadable[0].error)
    with pytest.raises(ProfileError, match="not a regular file"):
        store.save(Profile(name="zero"))
    assert [p.name for p in store.folder.iterdir() if not p.name.startswith(".")] == ["zero.json"]
    assert stat.S_ISCHR(node.lstat().st_mode)


# ---- a data folder that cannot be used -------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux")
def test_a_data_home_that_is_a_file_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "data-home"
    blocker.write_text("not a folder")
    env = {k: v for k, v in os.environ.items() if k != "MAGPLAN_DATA_DIR"}
    env["XDG_DATA_HOME"] = str(blocker)
    for args in (
        ["profiles"],
        ["profiles", "--json"],
        ["plan", "--profile", "Anna"],
        ["plan", "--save-profile", "Anna"],
    ):
        run = magplan(*args, env=env)
        line = one_error_line(run)
        assert "cannot be used" in line and str(blocker) in line, line
        assert run.stdout == ""
    assert blocker.read_text() == "not a folder"


# ---- a full disk -----------------------------------------------------------------------------


@posix_only
def test_a_save_on_a_full_disk_keeps_the_profile(data_dir: Path) -> None:
    assert magplan("plan", "--goal", "cramps", "--save-profile", "Ann").returncode == 0
    folder = data_dir / "profiles"
    before = entries(folder)
    # Files of this process may not grow past 64 bytes: the save's write fails (EFBIG), as
    # on a full disk.
    run = magplan("plan", "--goal", "migraine", "--save-profile", "Ann", fsize=64)
    line = one_error_line(run)
    assert "could not save profile 'Ann'" in line
    assert entries(folder) == before  # the profile, its lock file, no temporary file
    assert ProfileStore().load("Ann").request.goals == ("cramps",)


# ---- many saves at once ----------------------------------------------------------------------

SEPARATORS = [" ", "-", "_", ".", ",", ";", ":", "+", "=", "!", "~", "  ", " - ", "--", "#"]
SEPARATORS += ["%", "&", "(", ")", "*", "'", "@", "^", "|", " _ "]


def colliding_names() -> list[str]:
    """100 names whose files would all be ``ann-lee.json``: 25 different profiles, each
    spelt four ways (names differing in case are one profile)."""
    names = []
    for sep in SEPARATORS:
        names += [f"ann{sep}lee", f"Ann{sep}Lee", f"ANN{sep}LEE", f"ann{sep}Lee"]
    return names


@posix_only
def test_a_hundred_saves_of_colliding_names_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    names = colliding_names()
    assert len(names) == 100 and len({name_key(n) for n in names}) == 25
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([concurrent_child.__name__])
    start = ctx.Barrier(len(names))
    workers = [
        ctx.Process(target=concurrent_child.save_at_once, args=(str(folder), n, i, start))
        for i, n in enumerate(names)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(180)
    assert [w.exitcode for w in workers] == [0] * len(names)

    store = ProfileStore(folder)
    listing = store.list()
    assert listing.unreadable == ()
    assert len(listing.profiles) == 25  # one file per profile, none lost, none doubled
    for i, name in enumerate(names):
        loaded = store.load(name)
        spellings = [n for n in names if name_key(n) == name_key(name)]
        assert loaded.person_name in spellings  # the content of one of its own saves
        number = names.index(loaded.person_name)
        assert loaded.request == concurrent_child.profile_for(loaded.person_name, number).request
        assert name_key(loaded.name) == name_key(names[i])
    temporary = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert temporary == []


def test_saving_one_name_while_another_is_saved_is_not_refused(store: ProfileStore) -> None:
    """The lock is per save: saving again, in the same process, does not wait on itself."""
    store.save(Profile(name="ann lee", request=PlanRequest(goals=("sleep",))))
    store.save(Profile(name="ann-lee", request=PlanRequest(goals=("cramps",))))
    store.save(Profile(name="Ann Lee", request=PlanRequest(goals=("migraine",))))
    assert store.load("ann lee").request.goals == ("migraine",)
    assert store.load("ANN-LEE").request.goals == ("cramps",)
