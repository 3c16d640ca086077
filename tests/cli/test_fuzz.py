"""Command lines built from the real grammar (every command and option the parser has), with
hostile values: huge, negative, NaN and infinite numbers, unicode and invisible characters,
``--``, empty strings and 100,000 characters.

Each run must end with exit 0 or 2 (or 1 where the command documents it: a plan with nothing
to remind), at most one line on stderr and never a traceback, within a few seconds; and exit 2
writes nothing: no PDF, no calendar, no profile, no file of any kind.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from magplan.cli import build_parser, main

SECONDS = 5.0

HOSTILE = [
    "", " ", "--", "-", "-1", "0", "1", "600", "601", "1e308", "-1e308", "nan", "inf", "-inf",
    "9" * 40, "x" * 100_000, "08:00", "25:00", "24:00", "7", "00:00", "23:59",
    "sleep", "constipation", "glycinate", "citrate", "kidney-disease", "diarrhoea", "us", "eu",
    "female", "male", "a4", "letter", "2026-12-07", "9999-12-31", "0001-01-01",
    "glycinate:100:capsule", "citrate:150:tablet:half", "glycinate:1e308", "l-threonate:48",
    "sertraline@08:00", "ciprofloxacin@08:00", "alendronate@07:00/mon", "ursodiol@12:00",
    "ursodiol=2", "sertralin@08:00", "milk of magnesia@08:00", "calcium@25:00",
    "almonds:1", "nuts:3w", "almonds:0", "almnds:1", "water:1e308",
    "s\u202eertraline@08:00", "zero\u200bwidth", "💊@08:00", "Ānna Ōta", "名前", "a/b", "..",
]  # fmt: skip


def _grammar() -> dict[str, list[tuple[str, bool]]]:
    """Each command's options, and whether each takes a value, read from the parser."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    grammar = {}
    for name, command in sub.choices.items():
        options = []
        for action in command._actions:
            if not action.option_strings or isinstance(action, argparse._HelpAction):
                continue
            takes_value = action.nargs != 0
            options.append((max(action.option_strings, key=len), takes_value))
        grammar[name] = options
    return grammar


GRAMMAR = _grammar()
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(GRAMMAR)))
    words = [command]
    for option, takes_value in draw(
        st.lists(st.sampled_from(GRAMMAR[command]), max_size=6) if GRAMMAR[command] else st.just([])
    ):
        if option in ("--output", "--ics", "--profile", "--save-profile"):
            continue  # files: given below, inside the test's folder
        if not takes_value:
            words.append(option)
        elif draw(st.booleans()):
            words += [option, draw(values)]
        else:
            words.append(f"{option}={draw(values)}")
    return words


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Path:
    """A folder of its own, and the test session's QApplication, so that a print in this
    process does not leave a QGuiApplication behind for the window's tests."""
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@example(["export"], "x" * 300, "Anna")  # a save's checks once touched the profiles folder
@given(command_lines(), st.sampled_from(["card.pdf", "", " ", "--", "x" * 300, "a/b/c.pdf"]),
       st.sampled_from([None, "Anna", "", "x" * 300, "a/b"]))  # fmt: skip
def test_any_command_line_ends_in_one_line_or_success(
    sandbox: Path, words: list[str], path: str, profile: str | None
) -> None:
    command = words[0]
    if command == "print":
        words += ["--output", path]
    elif command == "export":
        words += ["--ics", path.replace(".pdf", ".ics")]
    elif command == "foods" and "--print" in words:
        words += ["--output", path]  # never the test machine's printer
    if profile is not None and command in ("plan", "print", "export", "foods"):
        words += ["--save-profile", profile]
    before = _snapshot(sandbox)
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(words)
    took = time.perf_counter() - started
    message = err.getvalue()
    assert "Traceback" not in message, message
    assert took < SECONDS, f"{took:.1f} s for {words!r}"
    assert message.count("\n") <= 1 + (code == 0 and "saved profile" in message), message
    if code == 1:
        assert command == "export" and "nothing to remind" in message, (words, message)
    else:
        assert code in (0, 2), (code, words, message)
    if code == 2:
        assert message.startswith("magplan: error: "), message
        assert _snapshot(sandbox) == before, f"exit 2 wrote something: {words!r}"


def test_the_grammar_covers_every_command_and_option() -> None:
    assert {"plan", "print", "export", "forms", "profiles", "foods"} <= set(GRAMMAR)
    plan_options = {o for o, _ in GRAMMAR["plan"]}
    assert {"--goal", "--med", "--med-spacing", "--product", "--wake", "--name"} <= plan_options
    assert {"--diet", "--no-diet-gap"} <= plan_options
