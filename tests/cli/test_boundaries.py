"""pydantic at the boundaries: it validates what comes in from outside (knowledge files that are
not the shipped ones, saved profiles), and the commands and the window that only plan with the
shipped knowledge start without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PERSON = ["--goal", "sleep", "--goal", "anxiety", "--med", "calcium@08:00"]
NOT_NEEDED = ("pydantic", "pydantic_core", "annotated_types", "tomllib")


RUN_AND_LIST_MODULES = """
import atexit, runpy, sys
atexit.register(lambda: print("modules:", *sorted(sys.modules), file=sys.stderr))
sys.argv[0] = "magplan"
runpy.run_module("magplan", run_name="__main__", alter_sys=True)
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules loaded when ``python -m magplan ARGS`` ends."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        MAGPLAN_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (listed,) = [line for line in done.stderr.splitlines() if line.startswith("modules: ")]
    return set(listed.split()[1:])


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--json", *PERSON],
        ["plan", *PERSON],
        ["print", *PERSON, "-o", "{tmp}/card.pdf"],
        ["--smoke-test"],  # the loaded window: fields, the first plan, print and profile menus
    ],
    ids=["plan --json", "plan", "print", "window"],
)
def test_planning_with_the_shipped_knowledge_needs_no_pydantic(
    tmp_path: Path, args: list[str]
) -> None:
    modules = imported(tmp_path, *(a.format(tmp=tmp_path) for a in args))
    assert "magplan.core.planner" in modules
    assert [m for m in NOT_NEEDED if m in modules] == []


def test_a_saved_profile_is_validated_by_pydantic(tmp_path: Path) -> None:
    modules = imported(tmp_path, "plan", *PERSON, "--save-profile", "Anna")
    assert "pydantic" in modules
