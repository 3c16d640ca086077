"""``magplan profiles``: the saved profiles, and any file that cannot be read.

Exit status: 0 listed (unreadable files are listed with the reason); 2 the folder cannot be used
(a file stands where it should be), one line on stderr.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from magplan.cli import UsageError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "profiles",
        help="list the saved profiles",
        description="List the saved profiles (use one with 'magplan plan --profile NAME'). "
        "Files that cannot be read are reported; the others are still listed.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from magplan.profiles import ProfileError, ProfileStore

    store = ProfileStore()
    try:
        listing = store.list()
    except ProfileError as exc:  # the folder itself cannot be used
        raise UsageError(str(exc)) from None
    if args.json:
        out = {
            "folder": str(store.folder),
            "profiles": [
                {
                    "name": s.profile.name,
                    "file": str(s.path),
                    "person_name": s.profile.person_name,
                    "prepared_by": s.profile.prepared_by,
                    "saved_at": s.profile.saved_at.isoformat() if s.profile.saved_at else None,
                    "goals": list(s.profile.request.goals),
                }
                for s in listing.profiles
            ],
            "unreadable": [
                {"file": str(u.path), "field": u.error.field, "error": str(u.error)}
                for u in listing.unreadable
            ],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not listing.profiles and not listing.unreadable:
        print(f"No saved profiles in {store.folder}.")
        print("Save one with 'magplan plan ... --save-profile NAME' or from the window.")
        return 0
    print(f"Saved profiles in {store.folder}:")
    if listing.profiles:
        rows = [
            (
                s.profile.name,
                s.profile.saved_at.strftime("%Y-%m-%d %H:%M") if s.profile.saved_at else "-",
                ", ".join(s.profile.request.goals),
            )
            for s in listing.profiles
        ]
        header = ("NAME", "SAVED", "GOALS")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
        for r in [header, *rows]:
            print(f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}")
    if listing.unreadable:
        count = len(listing.unreadable)
        print(f"\n{count} profile file{'s' if count > 1 else ''} could not be read:")
        for u in listing.unreadable:
            print(f"  {u.error}")
    return 0
