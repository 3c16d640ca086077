"""Every output of the program for one person, as text: what the golden test compares.

Run ``python -m tests.golden.outputs`` (with ``QT_QPA_PLATFORM=offscreen``) to write the
expected files again after an intended change, and read the diff before committing it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
from pathlib import Path

from magplan.cli import build_parser, main
from magplan.cli.options import request_from_args
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day
from magplan.present import present
from magplan.printing.card import CardInfo, card_html
from magplan.printing.ics import NothingToRemind, build_calendar
from tests.golden.people import PEOPLE

EXPECTED = Path(__file__).parent / "expected"
START = dt.date(2026, 3, 2)  # a Monday
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def _cli(args: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return f"exit {code}\n{out.getvalue()}{err.getvalue()}"


def _window(plan: object) -> str:
    """The texts the window's result area shows for ``plan``: labels, both models with their
    tooltips, and the ramp."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QLabel

    from magplan.gui.fields import FieldMarks
    from magplan.gui.result_panel import ResultPanel

    _app = QApplication.instance() or QApplication([])
    panel = ResultPanel(load_knowledge(), FieldMarks())
    panel.show_plan(plan)  # type: ignore[arg-type]
    lines: list[str] = []
    for label in panel.findChildren(QLabel):
        if label.text() and label.isVisibleTo(panel):
            lines.append(f"label {label.accessibleName() or label.objectName()}: {label.text()}")
    for name, model in (("schedule", panel.schedule_model), ("warnings", panel.warnings_model)):
        for row in range(model.rowCount()):
            for col in range(model.columnCount(QModelIndex()) if name == "schedule" else 1):
                index = model.index(row, col)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if value:
                        lines.append(f"{name}[{row},{col}] {role.name}: {value}")
    for i in range(panel.titration_list.count()):
        item = panel.titration_list.item(i)
        lines.append(f"ramp[{i}]: {item.text()} | {item.toolTip()}")
    lines.append(f"schedule empty text: {panel.schedule_table.empty_text}")
    lines.append(f"timeline: {panel.timeline.accessibleDescription()}")
    panel.deleteLater()
    return "\n".join(lines) + "\n"


def outputs(args: list[str]) -> dict[str, str]:
    """Each output's name and text for the person given by command-line ``args``."""
    k = load_knowledge()
    request = request_from_args(build_parser().parse_args(["plan", *args]), k)
    plan = plan_day(request, k)
    view = present(plan, k)
    info = CardInfo(person_name="Maria Jensen", prepared_by="A. Lund, RD", date=START)
    try:
        ics = build_calendar(view, START, now=NOW).to_ical().decode()
    except NothingToRemind as e:
        ics = f"refused: {e}"
    return {
        "table": _cli(["plan", *args]),
        "json": _cli(["plan", *args, "--json"]),
        "ics": ics.replace("\r\n", "\n"),
        "card": card_html(view, info, 10.0).replace("><", ">\n<"),
        "card-overflow": card_html(view, info, 9.0, compact=True, overflow=2).replace("><", ">\n<"),
        "window": _window(plan),
    }


def write_all() -> None:
    EXPECTED.mkdir(exist_ok=True)
    for old in EXPECTED.glob("*.txt"):
        old.unlink()
    for person, args in PEOPLE.items():
        for name, text in outputs(args).items():
            (EXPECTED / f"{person}.{name}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_all()
    sys.exit(0)
