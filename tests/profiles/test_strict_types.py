"""A profile file is read, not coerced: a value of the wrong JSON type is reported with the file
and the field, like any other bad file, never turned into something else (``true`` into age 1,
``"on"`` into a supervised plan)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from magplan.profiles import ProfileError, ProfileStore
from magplan.profiles.model import profile_to_data
from tests.profiles.profile_samples import make_profile

VALID: dict[str, Any] = profile_to_data(make_profile("Cleo"))


def with_value(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(VALID))
    place: Any = data
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = value
    return data


def refusal(store: ProfileStore, data: object) -> ProfileError:
    store.folder.mkdir(parents=True, exist_ok=True)
    path = store.folder / "cleo.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ProfileError) as caught:
        store.read_file(path)
    assert str(path) in str(caught.value)
    return caught.value


WRONG_TYPES = [
    (("request", "age_years"), True),
    (("request", "age_years"), "35"),
    (("request", "age_years"), 35.0),
    (("request", "supervised"), "on"),
    (("request", "supervised"), 1),
    (("request", "supervised"), None),
    (("request", "pregnant"), "yes"),
    (("request", "lactating"), 0),
    (("request", "target_mg"), "300"),
    (("request", "target_mg"), True),
    (("request", "other_magnesium_mg"), False),
    (("request", "limit"), 1),
    (("request", "sex"), True),
    (("request", "goals"), "sleep"),
    (("request", "goals", 0), 1),
    (("request", "products", 0, "elemental_mg_per_unit"), "100"),
    (("request", "products", 0, "halves"), "false"),
    (("request", "products", 0, "compound_mg_per_unit"), True),
    (("request", "products", 1, "label"), 5),
    (("request", "medicines", 0, "times"), "08:00"),
    (("request", "medicines", 0, "class_id"), ["ssri"]),
    (("saved_at",), 0),
    (("saved_at",), 1.5e9),
    (("person_name",), None),
    (("app_version",), 1),
]


@pytest.mark.parametrize(("path", "value"), WRONG_TYPES)
def test_a_wrong_type_is_reported_at_its_field(
    store: ProfileStore, path: tuple[str | int, ...], value: object
) -> None:
    error = refusal(store, with_value(path, value))
    assert error.field is not None
    field = ".".join(map(str, path))
    assert error.field == field or error.field.startswith(field + "."), error
    assert f"field '{error.field}'" in str(error)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("request", "target_mg"), 300),  # a whole number is a number of mg
        (("request", "other_magnesium_mg"), 25),
        (("request", "products", 0, "elemental_mg_per_unit"), 100),
        (("saved_at",), "2025-03-01T09:30:00+01:00"),
        (("saved_at",), None),
    ],
)
def test_values_of_the_right_type_still_load(
    store: ProfileStore, path: tuple[str | int, ...], value: object
) -> None:
    store.folder.mkdir(parents=True)
    (store.folder / "cleo.json").write_text(json.dumps(with_value(path, value)))
    assert store.load("Cleo").name == "Cleo"


@pytest.mark.parametrize(
    ("field", "value"), [("age", True), ("pregnant", "yes"), ("goals", "sleep"), ("saved", 0)]
)
def test_a_version_1_file_is_strict_too(
    store: ProfileStore, data_files: Path, field: str, value: object
) -> None:
    data = json.loads((data_files / "v1-anna.json").read_text())
    data[field] = value
    assert refusal(store, data).field == field


def test_the_command_line_reports_a_coerced_looking_profile_in_one_line(data_dir: Path) -> None:
    folder = data_dir / "profiles"
    folder.mkdir(parents=True)
    (folder / "cleo.json").write_text(json.dumps(with_value(("request", "age_years"), True)))
    run = subprocess.run(
        [sys.executable, "-m", "magplan", "plan", "--profile", "Cleo"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("magplan: error: ")
    assert "cleo.json" in lines[0] and "field 'request.age_years'" in lines[0]
    assert "whole number" in lines[0] and "true" in lines[0]
