"""``magplan print``: the one-page daily schedule to a PDF file or to the default printer.

Exit status: 0 when written or sent; 2 for a bad option or a PDF that cannot be written
(missing folder, no permission, full disk), with nothing left at the path; 1 when there is no
default printer (the request was fine, the computer cannot carry it out).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from magplan.cli import UsageError, check_pdf_output, notice
from magplan.cli.dates import parse_date
from magplan.cli.options import add_plan_options, request_from_args, save_profile_if_asked
from magplan.core.knowledge import load_knowledge
from magplan.core.planner import plan_day

EXIT_NO_PRINTER = 1


def register(sub: Any) -> None:
    p = sub.add_parser(
        "print",
        help="print the day's schedule (a one-page pill card), or write it as a PDF",
        description="Print the day's magnesium schedule as a one-page card: to a PDF with -o, "
        "otherwise to the default printer. No display is needed.",
        epilog="Exit status: 0 done; 2 a bad option, or the PDF cannot be written (nothing is "
        "left at the path); 1 no default printer.",
    )
    add_plan_options(p)
    g = p.add_argument_group("the printed card")
    g.add_argument(
        "--paper",
        type=str.lower,
        choices=("a4", "letter"),
        metavar="a4|letter",
        help="paper size (default from the locale: Letter in the US, Canada, Mexico, ...; "
        "A4 elsewhere)",
    )
    g.add_argument("--date", metavar="YYYY-MM-DD", help="the date on the card (default today)")
    g.add_argument(
        "-o", "--output", metavar="FILE.pdf", help="write a PDF here instead of printing"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from magplan.printing.card import CardInfo, build_card, default_paper, write_pdf
    from magplan.printing.files import OutputError
    from magplan.printing.headless import gui_application

    if args.output is not None:  # a path that cannot be written is refused before any work
        check_pdf_output(args.output, "schedule.pdf")
    k = load_knowledge()
    request = request_from_args(args, k)
    plan = plan_day(request, k)
    day = parse_date(args.date, "--date")
    app = gui_application()  # fonts need one; kept alive until the card is out
    info = CardInfo(
        person_name=args.name or "",
        prepared_by=args.prepared_by or "",
        date=day,
        paper=args.paper or default_paper(),
    )
    if args.output is not None:
        try:
            write_pdf(plan, info, args.output)
        except OutputError as exc:
            raise UsageError(str(exc)) from None
        notice(f"wrote {args.output}")
        del app
        save_profile_if_asked(args)
        return 0
    return print_on_default(args, lambda: build_card(plan, info), info.paper)


def print_on_default(args: argparse.Namespace, document: Callable[[], Any], paper: str) -> int:
    """Send ``document()`` to the default printer, then save the profile if asked; one line
    and :data:`EXIT_NO_PRINTER` when there is no printer (nothing is saved then)."""
    printer = default_printer()
    if printer is None:
        print(
            "magplan: error: no default printer is set up; write a PDF with -o FILE.pdf",
            file=sys.stderr,
        )
        return EXIT_NO_PRINTER
    status = send_to_printer(printer, document(), paper)
    if status == 0:
        save_profile_if_asked(args)
    return status


def default_printer() -> Any:
    """A ``QPrinter`` for the system's default printer, or ``None`` when there is none."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def send_to_printer(printer: Any, doc: Any, paper: str) -> int:
    from PySide6.QtPrintSupport import QPrinter

    from magplan.printing.card import page_layout, print_document

    printer.setPageLayout(page_layout("letter" if paper == "letter" else "a4"))
    printer.setDocName("Magnesium schedule")
    print_document(doc, printer)
    if printer.printerState() == QPrinter.PrinterState.Error:
        print(f"magplan: error: the printer {printer.printerName()} failed", file=sys.stderr)
        return EXIT_NO_PRINTER
    print(f"sent to {printer.printerName()}")
    return 0
