"""One rule, one place: the planning core, the profiles and the presentation layer (the plan in
words, for every output) never touch Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import magplan

PACKAGE = Path(magplan.__file__).parent


def test_no_qt_import_in_the_core_the_profiles_or_the_presentation_layer() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for folder in ("core", "profiles", "present")
        for path in (PACKAGE / folder).rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_planning_loads_no_qt_module() -> None:
    code = (
        "import sys; from magplan.core.planner import plan_day; "
        "from magplan.core.request import PlanRequest; plan_day(PlanRequest()); "
        "from magplan.profiles import Profile, ProfileStore; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_wording_a_plan_loads_no_qt_module() -> None:
    """The command line's table and any later report word a plan without loading Qt."""
    code = (
        "import sys; from magplan.core.planner import plan_day; "
        "from magplan.core.knowledge import load_knowledge; "
        "from magplan.core.request import PlanRequest; from magplan.present import present; "
        "from magplan.cli.plan_table import render_table; k = load_knowledge(); "
        "render_table(present(plan_day(PlanRequest(goals=('sleep',)), k), k)); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
