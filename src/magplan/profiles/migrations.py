"""Named steps that bring an older profile file up to the current schema version.

How versions change
-------------------
The schema version is raised whenever a file written by this version could be misread by an
older one (a field renamed, moved or given a new meaning). Adding a field that has a safe default
also raises it, so that an older program refuses the file instead of silently dropping the
field on its next save. Each raise adds one step ``vN_to_vN+1`` to :data:`MIGRATIONS`, a
committed example file of version N under ``tests/profiles/data/`` and a test that migrates it.

Steps work on the plain JSON object, in memory: a file is never rewritten by reading it, only
by the user's next save.

Schema version 1 (Magnesium Planner before profiles kept the request apart)
---------------------------------------------------------------------------
Everything sat at the top level, named as on the early command line::

    {
      "schema_version": 1,
      "profile_name": "Anna",
      "person": "Anna K.",
      "prepared_by": "J. Smith, RD",            # optional
      "saved": "2024-11-02T18:04:00",           # optional, local time
      "goals": ["sleep"],
      "form": null,                             # optional
      "age": 35,
      "sex": "female",                          # optional
      "pregnant": false, "lactating": false,
      "wake_time": "07:00", "bed_time": "22:30",
      "meal_times": ["07:30", "12:30", "18:30"],
      "target_mg": null,                        # optional
      "limit": "us",
      "products": [{"form": "glycinate", "mg": 100, "unit": "capsule", "halves": false}],
      "medicines": [{"name": "sertraline", "class_id": "antidepressant", "time": "08:00"}],
      "conditions": []
    }

A product's ``mg`` was the elemental magnesium per unit; a medicine taken twice a day was two
entries with one ``time`` each. Version 1 had no other-magnesium amount (it was 0), no
"supervised" mark (it was off) and did not record the program's version.

Schema version 2 (before weekday medicines and stated spacings)
----------------------------------------------------------------
As version 3 (:mod:`magplan.profiles.model`), but a medicine was only ``name``, ``class_id``
and ``times``: every medicine was taken every day, and only medicines the planner knew could
be kept. Integrase inhibitors were one class (``integrase-inhibitor``, 2 hours either way);
each now follows its own label, so a medicine is filed again under the class its name has now.
A supervised plan named its supervising clinician only as "Prepared by": that name becomes
``supervised_by``.

Schema version 3 (before the journal could hold a step of the ramp)
-------------------------------------------------------------------
As version 4, without ``request.ramp_holds`` (the steps of the start-low ramp the person chose
to hold one more week, from the journal's suggestion): none were held.

Schema version 4 (before the diet estimate)
-------------------------------------------
As version 5, without ``request.diet`` (the food-frequency answers: ``food``, ``servings`` and
``per`` "day" or "week") and ``request.target_from_diet`` (plan the dietary gap): no diet was
given, and the usual amount was planned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from magplan.core.timeofday import parse_clock_time
from magplan.profiles.errors import ProfileDataError
from magplan.profiles.model import CURRENT_SCHEMA_VERSION, SavedAt, data_error
from magplan.profiles.names import MAX_TEXT_CHARS

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_time(value: object) -> str:
    """A v1 time stays text, but must already be one (so an error names the v1 field)."""
    if not isinstance(value, str):
        raise ValueError('a time must be written as text "HH:MM", e.g. "07:30"')
    parse_clock_time(value, "time")
    return value


V1Time = Annotated[str, BeforeValidator(_v1_time)]


class _V1(BaseModel):
    """Strict like the current file's shape (see :mod:`magplan.profiles.model`)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)


class ProductV1(_V1):
    form: str
    mg: float
    unit: str = "capsule"
    halves: bool = False


class MedicineV1(_V1):
    name: str = Field(max_length=MAX_TEXT_CHARS)
    class_id: str
    time: V1Time


class ProfileV1(_V1):
    """The version-1 file, validated before it is converted (so errors name v1 fields)."""

    schema_version: int
    profile_name: str
    person: str = ""
    prepared_by: str = ""
    saved: SavedAt = None
    goals: list[str]
    form: str | None = None
    age: int
    sex: str | None = None
    pregnant: bool = False
    lactating: bool = False
    wake_time: V1Time
    bed_time: V1Time
    meal_times: list[V1Time]
    target_mg: float | None = None
    limit: str = "us"
    products: list[ProductV1] = []
    medicines: list[MedicineV1] = []
    conditions: list[str] = []


def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 -> 2: the request moves under ``"request"``, keys take the planner's names,
    a product's ``mg`` becomes ``elemental_mg_per_unit``, one medicine's times are grouped."""
    try:
        old = ProfileV1.model_validate(data)
    except ValidationError as exc:
        raise data_error(exc) from None
    medicines: dict[str, dict[str, Any]] = {}
    for med in old.medicines:
        key = med.name.casefold()
        entry = medicines.setdefault(key, {"name": med.name, "class_id": med.class_id, "times": []})
        entry["times"].append(med.time)
    return {
        "schema_version": 2,
        "name": old.profile_name,
        "person_name": old.person,
        "prepared_by": old.prepared_by,
        "saved_at": old.saved.isoformat() if old.saved else None,
        "app_version": "unknown (schema version 1)",
        "request": {
            "goals": old.goals,
            "form": old.form,
            "age_years": old.age,
            "sex": old.sex,
            "pregnant": old.pregnant,
            "lactating": old.lactating,
            "wake": old.wake_time,
            "bed": old.bed_time,
            "meals": old.meal_times,
            "target_mg": old.target_mg,
            "limit": old.limit,
            "products": [
                {
                    "form": p.form,
                    "elemental_mg_per_unit": p.mg,
                    "unit": p.unit,
                    "halves": p.halves,
                    "compound_mg_per_unit": None,
                    "label": "",
                }
                for p in old.products
            ],
            "other_magnesium_mg": 0.0,
            "medicines": list(medicines.values()),
            "conditions": old.conditions,
            "supervised": False,
        },
    }


def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 -> 3: each medicine gains ``weekdays`` (every day) and ``spacing_min`` (none),
    and is filed under the class its name has in this knowledge base (integrase inhibitors
    follow their own labels now)."""
    from magplan.core.knowledge import load_knowledge

    k = load_knowledge()
    request = data.get("request")
    medicines = request.get("medicines") if isinstance(request, dict) else None
    if not isinstance(request, dict) or not isinstance(medicines, list):
        return {**data, "schema_version": 3}  # the version-3 check names what is wrong
    # a supervised plan named its clinician in "Prepared by"
    prepared = data.get("prepared_by")
    supervised_by = (
        prepared if request.get("supervised") is True and isinstance(prepared, str) else ""
    )
    moved = []
    for med in medicines:
        if isinstance(med, dict):
            name = med.get("name")
            now = k.find_medicine(name) if isinstance(name, str) else None
            med = {**med, "weekdays": [], "spacing_min": None}
            if now is not None:
                med["class_id"] = now
        moved.append(med)
    return {
        **data,
        "schema_version": 3,
        "request": {**request, "medicines": moved, "supervised_by": supervised_by},
    }


def v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 -> 4: the request gains ``ramp_holds`` (no step held)."""
    request = data.get("request")
    if not isinstance(request, dict):
        return {**data, "schema_version": 4}  # the version-4 check names what is wrong
    return {**data, "schema_version": 4, "request": {**request, "ramp_holds": []}}


def v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 -> 5: the request gains ``diet`` (none given) and ``target_from_diet`` (off)."""
    request = data.get("request")
    if not isinstance(request, dict):
        return {**data, "schema_version": 5}  # the version-5 check names what is wrong
    return {
        **data,
        "schema_version": 5,
        "request": {**request, "diet": [], "target_from_diet": False},
    }


MIGRATIONS: dict[int, Step] = {1: v1_to_v2, 2: v2_to_v3, 3: v3_to_v4, 4: v4_to_v5}
"""Step ``MIGRATIONS[n]`` turns a version-``n`` object into a version-``n+1`` one."""

OLDEST_SCHEMA_VERSION = min(MIGRATIONS)


def schema_version_of(data: object) -> int:
    """The file's ``schema_version``, or :class:`ProfileDataError` if there is no usable one."""
    if not isinstance(data, dict):
        raise ProfileDataError("(file)", "a profile must be a JSON object {...}")
    if "schema_version" not in data:
        raise ProfileDataError("schema_version", "missing")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProfileDataError("schema_version", "must be a whole number")
    if version < OLDEST_SCHEMA_VERSION:
        raise ProfileDataError("schema_version", f"{version} is not a profile schema version")
    return version


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``data`` brought to :data:`CURRENT_SCHEMA_VERSION` and the names of the steps applied.

    The caller checks first that the version is not newer than the current one.
    """
    version = schema_version_of(data)
    applied: list[str] = []
    while version < CURRENT_SCHEMA_VERSION:
        step = MIGRATIONS[version]
        data = step(data)
        applied.append(step.__name__)
        version = schema_version_of(data)
    return data, applied
