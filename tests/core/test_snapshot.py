"""core/snapshot.py: the shipped knowledge files load from their validated snapshot, which
matches the TOML files exactly; any other files are read and validated by pydantic."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from magplan.core import snapshot
from magplan.core.knowledge import (
    KNOWLEDGE_FILES,
    checked_files,
    load_knowledge,
    load_knowledge_from,
    shipped_files,
)
from magplan.resources import resource_dir
from tools.knowledge_snapshot import snapshot_text

ROOT = Path(__file__).resolve().parents[2]


def copy_of_resources(tmp_path: Path) -> Path:
    folder = tmp_path / "resources"
    shutil.copytree(resource_dir(), folder)
    return folder


def test_the_snapshot_is_current_with_the_toml_files() -> None:
    written = (resource_dir() / snapshot.FILE_NAME).read_text(encoding="utf-8")
    assert written == snapshot_text(resource_dir()), (
        "resources/knowledge-snapshot.json is stale: run python tools/knowledge_snapshot.py"
    )


def test_the_shipped_files_load_from_the_snapshot_exactly_as_pydantic_validates_them() -> None:
    fast = shipped_files(resource_dir())
    assert fast is not None
    assert fast == checked_files(resource_dir())
    assert load_knowledge() == load_knowledge_from(resource_dir())


def test_the_shipped_knowledge_loads_without_pydantic_or_a_toml_parser() -> None:
    script = (
        "import sys\n"
        "from magplan.core.knowledge import load_knowledge\n"
        "load_knowledge()\n"
        "print(sorted(m for m in ('pydantic', 'tomllib', 'annotated_types') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_an_edited_file_is_read_and_validated_instead(tmp_path: Path) -> None:
    folder = copy_of_resources(tmp_path)
    forms = folder / "forms.toml"
    forms.write_text(forms.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    assert shipped_files(folder) is None
    assert load_knowledge_from(folder) == load_knowledge()  # a comment changes nothing


def test_a_folder_without_a_snapshot_is_read_and_validated(tmp_path: Path) -> None:
    folder = copy_of_resources(tmp_path)
    (folder / snapshot.FILE_NAME).unlink()
    assert shipped_files(folder) is None
    assert load_knowledge_from(folder) == load_knowledge()


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace('"$": "Form"', '"$": "Shape"', 1),  # a class it does not have
        lambda text: text.replace('"elemental_fraction"', '"fraction"', 1),  # another version
        lambda text: text.replace('"fraction_low": 0.', '"fraction_low": 0.9', 1),  # invalid
        # edited by hand, each valid on its own: the snapshot's own CRC-32 no longer matches
        lambda text: text.replace('"mg": 350', '"mg": 3500', 1),  # a higher upper limit
        lambda text: text.replace('"mg": 350', '"mg": "350"', 1),  # a number as text
        lambda text: "[" * 5000 + "]" * 5000,  # nested beyond what a reader follows
    ],
)
def test_a_damaged_snapshot_is_not_used(tmp_path: Path, damage: object) -> None:
    folder = copy_of_resources(tmp_path)
    kept = folder / snapshot.FILE_NAME
    damaged = damage(kept.read_text(encoding="utf-8"))  # type: ignore[operator]
    assert damaged != kept.read_text(encoding="utf-8")
    kept.write_text(damaged, encoding="utf-8")
    assert shipped_files(folder) is None
    assert load_knowledge_from(folder) == load_knowledge()


def test_a_snapshot_names_the_digest_of_every_file_it_was_made_from() -> None:
    kept = json.loads((resource_dir() / snapshot.FILE_NAME).read_text(encoding="utf-8"))
    assert list(kept["files"]) == list(KNOWLEDGE_FILES)
    assert kept["files"] == snapshot.digests(resource_dir(), KNOWLEDGE_FILES)


@dataclass(frozen=True)
class _Pair:
    values: tuple[int, int]


def test_only_what_reads_back_the_same_is_written() -> None:
    with pytest.raises(TypeError, match="tuple cannot be kept"):
        snapshot.dumps(_Pair((1, 2)), {})
    with pytest.raises(ValueError, match="key"):
        snapshot.dumps({"$": 1}, {})


def test_the_tool_says_when_the_snapshot_is_stale(tmp_path: Path) -> None:
    folder = copy_of_resources(tmp_path)
    tool = [sys.executable, str(ROOT / "tools" / "knowledge_snapshot.py"), "--folder", str(folder)]
    assert subprocess.run([*tool, "--check"], capture_output=True, timeout=60).returncode == 0
    goals = folder / "goals.toml"
    goals.write_text(goals.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stale = subprocess.run([*tool, "--check"], capture_output=True, text=True, timeout=60)
    assert stale.returncode == 1 and "stale" in stale.stderr
    assert subprocess.run(tool, capture_output=True, timeout=60).returncode == 0
    assert shipped_files(folder) == shipped_files(resource_dir())
