"""``magplan foods``: the foods the diet estimate knows, and the printed food list.

``magplan foods [--search TEXT] [--json]`` lists the checklist's groups and the foods: id, name,
serving, grams, mg of magnesium a serving and the FoodData Central record each comes from.
``magplan foods --print -o foods.pdf`` writes the food-sources and grocery-list page; with the
plan's options (``--goal``, ``--diet``, ``--profile`` ...) it is the person's own: their diet
estimate against their EAR and RDA, the foods that would close the gap first, and the grocery
list (fibre-rich foods first for constipation).

Exit status: 0 done; 2 a bad option, an unknown food, a search that finds nothing, or a PDF that
cannot be written (nothing is left at the path); 1 no default printer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from magplan.cli import UsageError, build_parser, check_pdf_output, notice, write_output
from magplan.cli.options import add_plan_options, request_from_args, save_profile_if_asked
from magplan.core.errors import PlanInputError, shown
from magplan.core.foods import Food, FoodGroup, FoodTable, load_foods


def register(sub: Any) -> None:
    p = sub.add_parser(
        "foods",
        help="list the foods the diet estimate knows, or print the food list",
        description="The foods and checklist groups for --diet, with magnesium per usual "
        "serving (USDA FoodData Central). With --print, the food-sources and grocery-list "
        "page: with the plan's options it is the person's own.",
        epilog="Exit status: 0 done; 2 a bad option, an unknown food, a search that finds "
        "nothing, or a PDF that cannot be written; 1 no default printer.",
    )
    f = p.add_argument_group("the food list")
    f.add_argument("--search", metavar="TEXT", help="only foods whose name has every word")
    f.add_argument("--json", action="store_true", help="print one JSON object")
    f.add_argument(
        "--print",
        dest="print_list",
        action="store_true",
        help="print the food-sources and grocery-list page (to a PDF with -o)",
    )
    f.add_argument("-o", "--output", metavar="FILE.pdf", help="with --print: write a PDF here")
    f.add_argument("--paper", type=str.lower, choices=("a4", "letter"), metavar="a4|letter")
    add_plan_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _check_combination(args)
    table = load_foods()  # a broken file is a broken installation, said in one line
    if args.print_list:
        return _print_list(args, table)
    foods, groups = _matching(table, args.search)
    if args.json:
        text = json.dumps(_json(table, foods, groups), indent=2, ensure_ascii=False)
    else:
        text = _table_text(table, foods, groups)
    with contextlib.suppress(BrokenPipeError):
        write_output(text)
    return 0


_LIST_ONLY = (("search", "--search"), ("json", "--json"))
_PRINT_ONLY = (("output", "-o"), ("paper", "--paper"))


def _check_combination(args: argparse.Namespace) -> None:
    """Every option given does something: the plan's options, -o and --paper only with
    --print; --search and --json only without it."""
    if args.print_list:
        for attr, option in _LIST_ONLY:
            if getattr(args, attr) not in (None, False):
                raise UsageError(f"{option} lists foods; the printed list has them all")
        return
    for attr, option in _PRINT_ONLY:
        if getattr(args, attr) is not None:
            raise UsageError(f"{option} is for the printed food list: add --print")
    given = _plan_options_given(args)
    if given:
        option = "--" + given[0].replace("_", "-")
        raise UsageError(f"{option} makes the printed food list the person's own: add --print")


def _plan_options_given(args: argparse.Namespace) -> list[str]:
    """The plan's options given on this command line (each one makes the list personal)."""
    defaults = vars(build_parser("plan").parse_args(["plan"]))
    return [
        key
        for key, value in vars(args).items()
        if key in defaults and key not in ("command", "run", "json") and value != defaults[key]
    ]


def _matching(table: FoodTable, search: str | None) -> tuple[list[Food], list[FoodGroup]]:
    """Every food and group, or those with every word of ``search``; none is an error."""
    if search is None:
        return list(table.foods.values()), list(table.groups.values())
    if not search.strip():
        raise PlanInputError("search", "--search '': give a word of the food's name")
    foods = table.search(search)
    groups = table.search_groups(search)
    if not foods and not groups:
        near = table.did_you_mean(search)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise PlanInputError("search", f"no food matches '{shown(search)}'{hint}")
    return foods, groups


def _json(table: FoodTable, foods: list[Food], groups: list[FoodGroup]) -> dict[str, Any]:
    from magplan.present.diet import food_json

    return {
        "about": table.about,
        "groups": [
            {
                "id": g.id,
                "name": g.name,
                "serving": g.serving,
                "mg": g.mg,
                "foods": list(g.foods),
                "source": g.source,
            }
            for g in groups
        ],
        "foods": [food_json(f) for f in foods],
    }


def _table_text(table: FoodTable, foods: list[Food], groups: list[FoodGroup]) -> str:
    """The groups, then the foods, in padded columns; the source runs on at the end."""
    from magplan.present.diet import food_row

    out: list[str] = []
    if groups:
        out.append("Checklist groups (--diet GROUP:N a day, or GROUP:Nw a week):")
        rows = [(g.id, g.name, g.serving, f"{g.mg:g}", g.source) for g in groups]
        out += _columns(("ID", "GROUP", "SERVING", "MG", "SOURCE"), rows)
        out.append("")
    if foods:
        out.append("Foods (--diet FOOD:N a day, or FOOD:Nw a week):")
        food_rows = [food_row(f, table) for f in foods]
        lines = [(r.id, r.name, r.serving, r.grams, r.mg, r.source) for r in food_rows]
        out += _columns(("ID", "FOOD", "SERVING", "GRAMS", "MG", "SOURCE"), lines)
    out.append("")
    out.append(
        "Magnesium per serving from USDA FoodData Central (public domain), "
        f"{table.about.get('release', '')}. An estimate: foods and their preparation vary."
    )
    return "\n".join(out)


def _columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    every = [header, *rows]
    last = len(header) - 1
    widths = [max(len(r[i]) for r in every) for i in range(last)]
    return ["  ".join(r[i].ljust(widths[i]) for i in range(last)) + "  " + r[last] for r in every]


def _print_list(args: argparse.Namespace, table: FoodTable) -> int:
    """The food-sources and grocery-list page, to ``-o FILE.pdf`` or the default printer."""
    from magplan.cli.print_cmd import print_on_default
    from magplan.core.knowledge import load_knowledge
    from magplan.core.planner import plan_day
    from magplan.present.diet import food_sheet
    from magplan.printing.card import default_paper
    from magplan.printing.files import OutputError
    from magplan.printing.foods import build_food_list, write_food_list_pdf
    from magplan.printing.headless import gui_application

    if args.output is not None:
        check_pdf_output(args.output, "foods.pdf")
    k = load_knowledge()
    request = request_from_args(args, k)
    personal = bool(_plan_options_given(args))
    plan = plan_day(request, k) if personal else None
    sheet = food_sheet(
        k,
        table,
        request.goals if personal else (),
        plan,
        age_years=request.age_years if personal else None,
    )
    app = gui_application()  # fonts need one; kept alive until the list is out
    paper = args.paper or default_paper()
    who: dict[str, Any] = {"person_name": args.name or "", "prepared_by": args.prepared_by or ""}
    if args.output is not None:
        try:
            pages = write_food_list_pdf(sheet, Path(args.output), paper=paper, **who)
        except OutputError as exc:
            raise UsageError(str(exc)) from None
        notice(f"wrote {args.output} ({pages} page{'s' if pages != 1 else ''})")
        del app
        save_profile_if_asked(args)
        return 0
    return print_on_default(args, lambda: build_food_list(sheet, **who), paper)
