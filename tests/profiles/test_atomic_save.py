"""Fault injection: a save killed (SIGKILL) at any moment leaves the old or the new profile.

Worker processes (forked from a fresh multiprocessing fork server, never from the test process)
save two large profiles A and B alternately in a loop; each is killed (SIGKILL) after a random
delay. Afterwards every profile on disk (and its .bak) must load and equal A or B, and
no temporary file may show up as a profile.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.context import BaseContext
from pathlib import Path

import pytest

from magplan.profiles import Profile, ProfileStore
from tests.profiles import atomic_child

RUNS = 40
FORKSERVER_STATUS_LOST = 255
PARALLEL = min(8, os.cpu_count() or 2)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _inputs(p: Profile) -> dict[str, object]:
    return p.model_dump(exclude={"saved_at", "app_version"})


def _run_once(ctx: BaseContext, folder: Path, fraction: float) -> float:
    """Start a saving worker; once it has saved B, kill it ``fraction`` of two saves' time
    later (so the kill lands in any phase of a save). The delay used, in seconds."""
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=atomic_child.save_loop, args=(str(folder), send))
    worker.start()
    send.close()
    assert receive.poll(60), "the worker did not finish its first save"
    delay_s = fraction * 2 * float(receive.recv())
    time.sleep(delay_s)
    worker.kill()  # SIGKILL
    worker.join(30)
    # 255 is the fork server's "status lost" (multiprocessing reads it so when the server's
    # status pipe is gone), seen on busy machines; a worker that failed by itself ends with 1
    assert worker.exitcode in (-signal.SIGKILL, FORKSERVER_STATUS_LOST), (
        f"the worker ended by itself ({worker.exitcode})"
    )
    receive.close()
    return delay_s


def test_killed_saves_leave_the_old_or_the_new_profile(tmp_path: Path) -> None:
    seed = int(os.environ.get("MAGPLAN_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    a, b = atomic_child.A, atomic_child.B
    folders = [tmp_path / f"run{i:02d}" for i in range(RUNS)]
    for folder in folders:  # profile A is saved before each child starts replacing it
        ProfileStore(folder).save(a)
    fractions = [rng.random() for _ in folders]
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([atomic_child.__name__])
    started = time.monotonic()
    with ThreadPoolExecutor(PARALLEL) as pool:
        delays = list(pool.map(lambda f, x: _run_once(ctx, f, x), folders, fractions))
    elapsed = time.monotonic() - started

    expected = [_inputs(a), _inputs(b)]
    seen = {"A": 0, "B": 0}
    temps_left = 0
    for folder, delay in zip(folders, delays, strict=True):
        where = f"{folder.name} (seed {seed}, killed after {delay * 1000:.0f} ms)"
        store = ProfileStore(folder)
        listing = store.list()
        assert listing.unreadable == (), where
        assert listing.names() == [atomic_child.NAME], (
            where
        )  # temporary files are never taken for profiles
        loaded = listing.profiles[0].profile
        assert _inputs(loaded) in expected, where
        seen["A" if _inputs(loaded) == expected[0] else "B"] += 1
        backup = folder / (listing.profiles[0].path.name + ".bak")
        if backup.exists():
            assert _inputs(store.read_file(backup)) in expected, where
        assert not list(folder.glob("*.corrupt-*")), where
        temps_left += len(list(folder.glob(".*.tmp")))
    print(
        f"\n{RUNS} killed saves in {elapsed:.1f} s (seed {seed}, kills "
        f"{min(delays) * 1000:.0f}-{max(delays) * 1000:.0f} ms into saving): ended as "
        f"A {seen['A']}, B {seen['B']}; {temps_left} temporary file(s) left by kills mid-write"
    )
