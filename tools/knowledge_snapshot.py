"""Write the snapshot of the shipped knowledge files (``resources/knowledge-snapshot.json``).

    python tools/knowledge_snapshot.py          # after editing a file in resources/
    python tools/knowledge_snapshot.py --check  # exit 1 when the snapshot is stale

The files are read and validated exactly as for any other folder (pydantic, then the
cross-checks); a file that does not validate is reported and nothing is written. The program
then loads them from the snapshot while they are unchanged (``magplan/core/snapshot.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from magplan.core import snapshot  # noqa: E402
from magplan.core.knowledge import KNOWLEDGE_FILES, KnowledgeError, checked_files  # noqa: E402


def snapshot_text(folder: Path) -> str:
    """The snapshot the knowledge files in ``folder`` make, once they have been validated."""
    files = checked_files(folder)
    file_digests = snapshot.digests(folder, KNOWLEDGE_FILES)
    assert file_digests is not None  # every file was just read
    return snapshot.dumps(files, file_digests)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    parser.add_argument("--folder", type=Path, default=ROOT / "resources", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    target = args.folder / snapshot.FILE_NAME
    try:
        text = snapshot_text(args.folder)
    except KnowledgeError as exc:
        print(f"knowledge_snapshot: {exc}", file=sys.stderr)
        return 1
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if text != current:
            print(f"{target} is stale: run python tools/knowledge_snapshot.py", file=sys.stderr)
            return 1
        return 0
    if text != current:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
