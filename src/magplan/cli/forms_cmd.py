"""``magplan forms``: the forms the planner knows."""

from __future__ import annotations

import argparse
import json
from typing import Any

from magplan.core.knowledge import load_knowledge


def register(sub: Any) -> None:
    p = sub.add_parser("forms", help="list the forms of magnesium the planner knows")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    k = load_knowledge()
    if args.json:
        rows = [
            {
                "id": f.id,
                "name": f.name,
                "elemental_fraction": f.elemental_fraction,
                "elemental_fraction_range": [f.fraction_low, f.fraction_high],
                "absorption": f.absorption,
                "laxative": f.laxative,
                "uses": f.uses,
                "sources": f.sources,
            }
            for f in k.forms.values()
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(f"{'FORM':<12} {'ELEMENTAL MG':<14} {'ABSORPTION':<11} {'LAXATIVE':<9} USES")
    for f in k.forms.values():
        share = f"{f.elemental_fraction:.1%}"
        if f.fraction_low != f.fraction_high:
            share = f"{f.fraction_low:.1%}-{f.fraction_high:.1%}"
        print(f"{f.id:<12} {share:<14} {f.absorption:<11} {f.laxative:<9} {', '.join(f.uses)}")
    print("\nElemental share of the compound's weight (CHEM). A product label's own value wins.")
    return 0
