"""The ``magplan`` command: ``plan``, ``forms``, and (without a command) the window.

Bad input is one line on stderr naming the value and what is allowed, exit status 2; a
success writes nothing to stderr. Both hold in every locale, ``LC_ALL=C`` included (see
:mod:`magplan.utf8_locale`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import NoReturn

import magplan
from magplan.cli.collector import paused_then_frozen
from magplan.cli.qt_options import MissingQtValue, split_qt_options
from magplan.utf8_locale import use_utf8_ctype

EXIT_USAGE = 2
MAX_MESSAGE_CHARS = 400
MAX_WORDS = 1000  # argparse slows down with the square of repeated options


def write_output(text: str) -> None:
    """The command's output on stdout, flushed; ``OSError`` when it cannot be written (a full
    disk, a closed stdout), ``BrokenPipeError`` when the reader has gone."""
    if sys.stdout is None:
        raise OSError(9, "stdout is closed")
    print(text)
    sys.stdout.flush()


def check_pdf_output(path: str, example: str) -> None:
    """Refuse, before any work, a ``-o`` PDF path that could not be written or would land in
    the profiles' or journals' folder (``example`` names a good one, "schedule.pdf")."""
    from magplan.printing.files import OutputError, check_output_target

    if not path.strip():
        raise UsageError(f"-o '{path}': give the PDF a file name, e.g. -o {example}")
    refuse_profiles_folder(path, "-o")
    try:
        check_output_target(path)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def refuse_profiles_folder(path: str, option: str) -> None:
    """An output written into the saved profiles' folder or the journals' folder could replace
    a profile or a journal: refused, whatever its name, and through a link too."""
    parent = os.path.realpath(os.path.dirname(os.path.abspath(path)) or ".")
    target = os.path.dirname(os.path.realpath(path))  # where a link to a file points
    if {os.path.basename(parent), os.path.basename(target)}.isdisjoint({"profiles", "journals"}):
        return  # neither folder is called so: no need to load where they are
    from magplan.profiles.paths import JOURNALS_FOLDER, default_folder

    profiles = default_folder()
    kept = {os.path.realpath(profiles), os.path.realpath(profiles.parent / JOURNALS_FOLDER)}
    for where, what in ((parent, "that is in"), (target, "that links into")):
        if where in kept:
            folder = "saved profiles'" if where == os.path.realpath(profiles) else "journals'"
            raise UsageError(f"{option} {path}: {what} the {folder} folder; write it elsewhere")


def notice(text: str) -> None:
    """A line on stdout about what was done ("wrote card.pdf"): the work is done whether or
    not the line can be shown, so a stdout that cannot take it is not an error."""
    try:
        write_output(text)
    except OSError:
        _quiet_stdout()


class UsageError(Exception):
    """A bad option or value: one line, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports an error as one line and exit status 2, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


Command = Callable[[argparse.Namespace], int]


COMMAND_MODULES = {
    "plan": "magplan.cli.plan_cmd",
    "forms": "magplan.cli.forms_cmd",
    "foods": "magplan.cli.foods_cmd",
    "print": "magplan.cli.print_cmd",
    "export": "magplan.cli.export_cmd",
    "profiles": "magplan.cli.profiles_cmd",
    "log": "magplan.cli.journal_cmd",
    "checkin": "magplan.cli.journal_cmd",
    "journal": "magplan.cli.journal_cmd",
    "report": "magplan.cli.report_cmd",
}
"""The module that registers each command (a module may register several)."""


def build_parser(command: str | None = None) -> Parser:
    """The program's parser: with ``command``, only that command's module is loaded and
    registered (``magplan log`` need not import what ``magplan plan`` does); else all."""
    parser = Parser(
        prog="magplan",
        description="Magnesium Planner: a safe, divided, printable daily magnesium schedule. "
        "Without a command it opens the window.",
        epilog="The window also takes Qt's own options, such as -style fusion, "
        "-platform offscreen or -reverse.",
    )
    parser.add_argument("--version", action="version", version=f"magplan {magplan.__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, wait until it has loaded and painted, and exit 0 "
        "(1 if it could not load)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in _command_modules(command):
        module.register(sub)
    return parser


def _command_modules(command: str | None) -> list[ModuleType]:
    """The modules of ``command`` (every command's when it is not one), each once."""
    names = dict.fromkeys(
        [COMMAND_MODULES[command]] if command in COMMAND_MODULES else COMMAND_MODULES.values()
    )
    found: list[ModuleType] = []
    for name in names:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (without the program's name) and return the exit status.

    ``argv`` None is the program itself (the ``magplan`` script, ``python -m magplan``): it
    reads ``sys.argv``, and a command runs without the cycle collector (see
    :func:`magplan.cli.collector.paused_then_frozen`).
    """
    words = list(sys.argv[1:] if argv is None else argv)
    use_utf8_ctype()  # before Qt loads: no locale notice on stderr in the C locale
    for stream in (sys.stdout, sys.stderr):  # an ASCII-only terminal gets \u escapes
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        args_list, qt_args = split_qt_options(words)
    except MissingQtValue as exc:
        print(f"magplan: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args_list in ([], ["--smoke-test"]):
        # The window alone: no need to build every command's parser (and import its modules)
        # before the first paint.
        return _open_window(smoke_test=bool(args_list), qt_args=qt_args)
    # A command imports the core and (to print) Qt, writes its output and ends the
    # process: collecting cycles among those fresh, long-lived objects, while they are made
    # and again at exit, frees next to nothing and cost about a tenth of a print.
    with paused_then_frozen() if argv is None else contextlib.nullcontext():
        # The core loads here, not on the window's path: the window loads it after its first
        # paint.
        from magplan.core.errors import PlanInputError
        from magplan.core.knowledge import KnowledgeError

        try:
            args = _parse(args_list, qt_args)
            if args.command is not None:
                run: Command = args.run
                code = run(args)
                if sys.stdout is not None:
                    sys.stdout.flush()
                return code
        except (UsageError, PlanInputError) as exc:
            one_line = " ".join(_explained(str(exc), args_list).split("\n"))
            if len(one_line) > MAX_MESSAGE_CHARS:  # a 100,000-character value stays readable
                half = MAX_MESSAGE_CHARS // 2
                one_line = f"{one_line[:half]}…{one_line[-half:]}"
            print(f"magplan: error: {one_line}", file=sys.stderr)
            return EXIT_USAGE
        except KnowledgeError as exc:
            print(f"magplan: broken installation: {exc}", file=sys.stderr)
            return 1
        except BrokenPipeError:
            _quiet_stdout()
            return 0
        except OSError as exc:
            if exc.filename is not None:
                raise
            # the output itself could not be written (a full disk, /dev/full): nothing was
            # saved, since a command saves only after its output is out
            _quiet_stdout()
            print(f"magplan: error: cannot write the output: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    return _open_window(smoke_test=args.smoke_test, qt_args=qt_args)  # options, no command


def _parse(args_list: list[str], qt_args: list[str]) -> argparse.Namespace:
    """The program's own words read into options and a command; Qt's options (already taken
    off) are only for the window."""
    if len(args_list) > MAX_WORDS:
        raise UsageError(f"{len(args_list)} words on the command line: at most {MAX_WORDS}")
    _refuse_dashes(args_list)
    first = args_list[0] if args_list else None
    args = build_parser(first).parse_args(args_list)
    if args.command is not None and qt_args:
        raise UsageError(
            f"{qt_args[0]} is Qt's option for the window; 'magplan {args.command}' does not take it"
        )
    return args


def _quiet_stdout() -> None:
    """Send what is left of stdout nowhere, so that closing it at exit reports nothing."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _refuse_dashes(args_list: list[str]) -> None:
    """``--wake=--``: argparse reads a value of ``--`` as no value at all (and some versions
    as an empty list); say so instead of planning with it or failing later."""
    for word in args_list:
        option, sep, value = word.partition("=")
        if option.startswith("-") and sep and value == "--":
            raise UsageError(f"{option} '--' is not a value; give {option} a value")


_NO_VALUE = re.compile(r"argument (?P<option>[^:]+): expected one argument")


def _explained(message: str, args_list: list[str]) -> str:
    """argparse's "expected one argument" when the value was there but starts with ``-``
    (``--wake -1:00``): say what was taken for an option, and how to pass such a value."""
    found = _NO_VALUE.fullmatch(message)
    if found is None:
        return message
    options = found["option"].split("/")
    for i, word in enumerate(args_list[:-1]):
        value = args_list[i + 1]
        if word in options and re.match(r"--[A-Za-z]", value):
            return f"{word} needs a value (found the option {value} after it)"
        if word in options and value.startswith("-"):
            return (
                f"{word} '{value}': a value that starts with '-' is read as an option; "
                f"write it {word}={value} if you mean it"
            )
    return message


def _open_window(*, smoke_test: bool, qt_args: Sequence[str] = ()) -> int:
    """Open the window; ``qt_args`` are Qt's own options (``-style fusion``), for Qt."""
    from magplan.cli.qt_options import display_problem

    problem = display_problem(qt_args, os.environ)
    if problem is not None:
        print(f"magplan: error: {problem}", file=sys.stderr)
        return 2
    try:
        gui = importlib.import_module("magplan.gui.app")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("magplan.gui"):
            raise
        print(
            "magplan: this build has no window; use 'magplan plan' (see 'magplan --help')",
            file=sys.stderr,
        )
        return 1
    code: int = gui.run_app(smoke_test=smoke_test, qt_args=qt_args)
    return code


def gui_main() -> int:
    """Entry point of the ``magplan-gui`` launcher (no console window on Windows)."""
    return main(sys.argv[1:])
