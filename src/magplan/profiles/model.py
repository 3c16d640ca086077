"""A saved profile: everything the user entered, as it is kept on disk.

On disk a profile is one JSON object (schema version 4)::

    {
      "schema_version": 4,
      "name": "Anna – evening plan",      # the profile's name, as the user typed it
      "person_name": "Anna K.",           # the "Name" field of the printed card
      "prepared_by": "J. Smith, RD",
      "saved_at": "2025-03-01T09:30:00+01:00",
      "app_version": "0.1.0",
      "request": {                        # a PlanRequest, with times as "HH:MM"
        "goals": ["sleep"], "form": null, "age_years": 35, "sex": "female",
        "pregnant": false, "lactating": false,
        "wake": "07:00", "bed": "22:30", "meals": ["07:30", "12:30", "18:30"],
        "target_mg": null, "limit": "us",
        "products": [{"form": "glycinate", "elemental_mg_per_unit": 100.0, "unit": "capsule",
                      "halves": false, "compound_mg_per_unit": null, "label": ""}],
        "other_magnesium_mg": 0.0,
        "medicines": [{"name": "sertraline", "class_id": "antidepressant", "times": ["08:00"],
                       "weekdays": [], "spacing_min": null}],
        "conditions": [], "supervised": false, "supervised_by": "",
        "ramp_holds": []                  # steps of the start-low ramp held one more week
      }
    }

A medicine's ``weekdays`` are ``"mon"`` .. ``"sun"`` (empty: every day); ``spacing_min`` is the
spacing from magnesium the person stated for a medicine the planner does not know (class
``stated``), and null otherwise. The older shapes (schema versions 1 to 3) are described in
:mod:`magplan.profiles.migrations`.

Times are written as ``"HH:MM"`` so that a person can read the file; the conversion between
that form and :class:`PlanRequest` (minutes after midnight) happens here and nowhere else:
:func:`profile_to_data` and :func:`profile_from_data`. Every rule about what a valid request is
stays in :class:`PlanRequest`; this module only checks the shape of the file and that its ids
are ones the program knows.

The file's shape is **strict**: a value must already have its JSON type. ``true`` is not an age,
``"on"`` is not a yes, ``"300"`` is not a number of mg and ``0`` is not a date; each is reported
at its field like any other bad value. (A whole number is a number, so ``"target_mg": 300`` is
fine; JSON arrays become tuples.)
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    TypeAdapter,
    ValidationError,
    field_validator,
)

import magplan
from magplan.core.errors import first_invisible
from magplan.core.knowledge import Knowledge, load_knowledge
from magplan.core.request import MAX_STATED_SPACING_MIN, WEEKDAYS, PlanRequest
from magplan.core.timeofday import format_time, parse_clock_time
from magplan.profiles.errors import ProfileDataError, ProfileNameError
from magplan.profiles.names import MAX_NAME_CHARS, MAX_TEXT_CHARS

CURRENT_SCHEMA_VERSION = 5


def check_profile_name(name: str) -> str:
    """The name as it will be kept (surrounding spaces removed), or :class:`ProfileNameError`."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise ProfileNameError("a profile name cannot be empty")
    if len(cleaned) > MAX_NAME_CHARS:
        raise ProfileNameError(
            f"a profile name can have at most {MAX_NAME_CHARS} characters "
            f"(this one has {len(cleaned)})"
        )
    if "/" in cleaned or "\\" in cleaned:
        raise ProfileNameError(f"a profile name cannot contain / or \\: '{cleaned}'")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") for ch in cleaned):
        raise ProfileNameError("a profile name cannot contain control characters")
    if not cleaned.strip(". "):
        raise ProfileNameError(f"'{cleaned}' is not a usable profile name")
    return cleaned


def _clock_time(value: object) -> int:
    if not isinstance(value, str):
        raise ValueError('a time must be written as text "HH:MM", e.g. "07:30"')
    return parse_clock_time(value, "time")  # PlanInputError is a ValueError: pydantic reports it


ClockTime = Annotated[
    int, BeforeValidator(_clock_time), PlainSerializer(format_time, return_type=str)
]

JSON_ARRAY = Strict(False)
"""On a tuple field of a strict model: a JSON array (a list) is accepted; its items stay strict."""


def _date_text(value: object) -> object:
    if value is not None and not isinstance(value, str):
        raise ValueError('a date must be written as text, e.g. "2025-03-01T09:30:00+01:00"')
    return value


SavedAt = Annotated[datetime | None, Strict(False), BeforeValidator(_date_text)]
"""An ISO date and time as text, or null (never a number of seconds)."""


class _Stored(BaseModel):
    """The file's own shape: unknown keys, NaN/Infinity and values of another JSON type are
    refused; nothing is guessed or converted."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, strict=True)


class StoredProduct(_Stored):
    form: str
    elemental_mg_per_unit: float
    unit: str = Field(max_length=MAX_TEXT_CHARS)
    halves: bool
    compound_mg_per_unit: float | None
    label: str = Field(max_length=MAX_TEXT_CHARS)


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class StoredMedicine(_Stored):
    name: str = Field(max_length=MAX_TEXT_CHARS)
    class_id: str
    times: Annotated[tuple[ClockTime, ...], JSON_ARRAY]
    weekdays: Annotated[tuple[Weekday, ...], JSON_ARRAY]
    spacing_min: int | None = Field(ge=0, le=MAX_STATED_SPACING_MIN)


class StoredDiet(_Stored):
    food: str = Field(max_length=MAX_TEXT_CHARS)  # a food or checklist group id
    servings: float
    per: Literal["day", "week"]


class StoredRequest(_Stored):
    goals: Annotated[tuple[str, ...], JSON_ARRAY]
    form: str | None
    age_years: int
    sex: str | None
    pregnant: bool
    lactating: bool
    wake: ClockTime
    bed: ClockTime
    meals: Annotated[tuple[ClockTime, ...], JSON_ARRAY]
    target_mg: float | None
    limit: str
    products: Annotated[tuple[StoredProduct, ...], JSON_ARRAY]
    other_magnesium_mg: float
    medicines: Annotated[tuple[StoredMedicine, ...], JSON_ARRAY]
    conditions: Annotated[tuple[str, ...], JSON_ARRAY]
    supervised: bool
    supervised_by: str = Field(max_length=MAX_TEXT_CHARS)
    ramp_holds: Annotated[tuple[int, ...], JSON_ARRAY]
    diet: Annotated[tuple[StoredDiet, ...], JSON_ARRAY]
    target_from_diet: bool


def _usable_name(value: str) -> str:
    try:
        return check_profile_name(value)
    except ProfileNameError as exc:
        raise ValueError(exc.message) from None


ProfileName = Annotated[str, AfterValidator(_usable_name)]


def _visible(value: str) -> str:
    bad = first_invisible(value)
    if bad is not None:
        raise ValueError(
            f"contains an invisible or control character ({bad}), which a printed card would "
            "not show"
        )
    return value


CardText = Annotated[str, AfterValidator(_visible)]
"""A name for the printed card: no control, format or direction characters."""
"""A profile's name, checked the same way in a file and in memory."""


class ProfileDocument(_Stored):
    """A schema-version-5 file exactly as it is on disk."""

    schema_version: Literal[5]
    name: ProfileName
    person_name: CardText = Field(max_length=MAX_TEXT_CHARS)
    prepared_by: CardText = Field(max_length=MAX_TEXT_CHARS)
    saved_at: SavedAt
    app_version: str = Field(max_length=MAX_TEXT_CHARS)
    request: StoredRequest


class Profile(BaseModel):
    """A profile in memory: the request as the planner takes it, and who it is for."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = CURRENT_SCHEMA_VERSION
    name: ProfileName
    person_name: str = Field(default="", max_length=MAX_TEXT_CHARS)  # as in the file
    prepared_by: str = Field(default="", max_length=MAX_TEXT_CHARS)
    request: PlanRequest = PlanRequest()
    saved_at: datetime | None = None
    app_version: str = Field(default_factory=lambda: magplan.__version__)

    @field_validator("schema_version")
    @classmethod
    def _current(cls, value: int) -> int:
        if value != CURRENT_SCHEMA_VERSION:
            raise ValueError(
                f"a profile in memory is always schema version {CURRENT_SCHEMA_VERSION}"
            )
        return value


# ---- the one place where the file's form and PlanRequest meet -------------------------------

_REQUEST = TypeAdapter(PlanRequest)
"""pydantic's validator of a request: the bounds and choices written in PlanRequest's types."""

_FILE_NAMES = {
    "wake_min": "wake",
    "bed_min": "bed",
    "meals_min": "meals",
    "times_min": "times",
    "item": "food",
}


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """The JSON object written to disk for ``profile`` (checked against the file's shape)."""
    req = profile.request
    data = {
        "schema_version": CURRENT_SCHEMA_VERSION,
        "name": profile.name,
        "person_name": profile.person_name,
        "prepared_by": profile.prepared_by,
        "saved_at": profile.saved_at.isoformat() if profile.saved_at else None,
        "app_version": profile.app_version,
        "request": {
            "goals": list(req.goals),
            "form": req.form,
            "age_years": req.age_years,
            "sex": req.sex,
            "pregnant": req.pregnant,
            "lactating": req.lactating,
            "wake": format_time(req.wake_min),
            "bed": format_time(req.bed_min),
            "meals": [format_time(m) for m in req.meals_min],
            "target_mg": req.target_mg,
            "limit": req.limit,
            "products": [dataclasses.asdict(p) for p in req.products],
            "other_magnesium_mg": req.other_magnesium_mg,
            "medicines": [
                {
                    "name": m.name,
                    "class_id": m.class_id,
                    "times": [format_time(t) for t in m.times_min],
                    "weekdays": [WEEKDAYS[d] for d in m.weekdays],
                    "spacing_min": m.spacing_min,
                }
                for m in req.medicines
            ],
            "conditions": list(req.conditions),
            "supervised": req.supervised,
            "supervised_by": req.supervised_by,
            "ramp_holds": list(req.ramp_holds),
            "diet": [{"food": d.item, "servings": d.servings, "per": d.per} for d in req.diet],
            "target_from_diet": req.target_from_diet,
        },
    }
    try:
        return ProfileDocument.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        raise data_error(exc) from None


def profile_from_data(data: object, k: Knowledge | None = None) -> Profile:
    """A :class:`Profile` from a schema-version-5 JSON object.

    Raises :class:`ProfileDataError` naming the first bad field (``request.wake``) otherwise.
    """
    try:
        doc = ProfileDocument.model_validate(data)
    except ValidationError as exc:
        raise data_error(exc) from None
    s = doc.request
    try:
        request = _REQUEST.validate_python(
            {
                "goals": s.goals,
                "form": s.form,
                "age_years": s.age_years,
                "sex": s.sex,
                "pregnant": s.pregnant,
                "lactating": s.lactating,
                "wake_min": s.wake,
                "bed_min": s.bed,
                "meals_min": s.meals,
                "target_mg": s.target_mg,
                "limit": s.limit,
                "products": [p.model_dump() for p in s.products],
                "other_magnesium_mg": s.other_magnesium_mg,
                "medicines": [
                    {
                        "name": m.name,
                        "class_id": m.class_id,
                        "times_min": m.times,
                        "weekdays": tuple(WEEKDAYS.index(d) for d in m.weekdays),
                        "spacing_min": m.spacing_min,
                    }
                    for m in s.medicines
                ],
                "conditions": s.conditions,
                "supervised": s.supervised,
                "supervised_by": s.supervised_by,
                "ramp_holds": s.ramp_holds,
                "diet": [{"item": d.food, "servings": d.servings, "per": d.per} for d in s.diet],
                "target_from_diet": s.target_from_diet,
            }
        )
    except ValidationError as exc:
        raise data_error(exc, prefix=("request",)) from None
    check_known_ids(request, k or load_knowledge())
    return Profile(
        name=doc.name,
        person_name=doc.person_name,
        prepared_by=doc.prepared_by,
        request=request,
        saved_at=doc.saved_at,
        app_version=doc.app_version,
    )


def check_known_ids(req: PlanRequest, k: Knowledge) -> None:
    """Every goal, form, condition and medicine class in a file must be one the program knows."""

    def unknown(field: str, value: str, allowed: list[str] | tuple[str, ...]) -> None:
        raise ProfileDataError(
            f"request.{field}", f"unknown id '{value}'; allowed: {', '.join(allowed)}"
        )

    for i, goal in enumerate(req.goals):
        if goal not in k.goals:
            unknown(f"goals.{i}", goal, list(k.goals))
    if req.form is not None and req.form not in k.forms:
        unknown("form", req.form, list(k.forms))
    for i, product in enumerate(req.products):
        if product.form not in k.forms:
            unknown(f"products.{i}.form", product.form, list(k.forms))
    for i, med in enumerate(req.medicines):
        if med.class_id not in k.medicines:
            unknown(f"medicines.{i}.class_id", med.class_id, list(k.medicines))
    for i, cond in enumerate(req.conditions):
        if cond not in k.conditions:
            unknown(f"conditions.{i}", cond, list(k.conditions))
    if req.diet:
        _check_diet_ids(req)


def _check_diet_ids(req: PlanRequest) -> None:
    """Every food of the diet is one the program knows (the closest named when not)."""
    from magplan.core.diet import parse_diet_item  # only for a profile with a diet
    from magplan.core.errors import PlanInputError
    from magplan.core.foods import FoodDataError, load_foods

    try:
        table = load_foods()
    except FoodDataError:
        return  # the installation's fault, not the file's: planning says so in one line
    for i, answer in enumerate(req.diet):
        try:
            parse_diet_item(table, answer.item)
        except PlanInputError as exc:
            raise ProfileDataError(f"request.diet.{i}.food", exc.message) from None


def data_error(exc: ValidationError, prefix: tuple[str | int, ...] = ()) -> ProfileDataError:
    """The first problem of a pydantic error as one field and one sentence."""
    errors = exc.errors(include_url=False, include_input=True)
    if not errors:
        return ProfileDataError(".".join(map(str, prefix)) or "(file)", str(exc))
    first = errors[0]
    loc = [*prefix, *(_FILE_NAMES.get(str(p), p) for p in first["loc"])]
    field = ".".join(str(p) for p in loc) or "(file)"
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] in _WANTED:
        message = f"must be {_WANTED[first['type']]}, not {_json_kind(first.get('input'))}"
    if first["type"] == "extra_forbidden":
        message = "unknown field (a misspelt name?)"
    if first["type"] == "missing":
        message = "missing"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return ProfileDataError(field, message)


_WANTED = {
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text in quotes",
    "tuple_type": "a list [...]",
    "list_type": "a list [...]",
    "model_type": "an object {...}",
    "dict_type": "an object {...}",
    "model_attributes_type": "an object {...}",
}
"""What a strict field of each kind takes, in the words of a JSON file."""


def _json_kind(value: object) -> str:
    """A wrong value as the file shows it: ``true``, ``null``, ``35.0``, ``the text "on"``."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    if isinstance(value, int) and value.bit_length() > 64:
        return "a very large number"
    if isinstance(value, int | float):
        return _short(repr(value))
    if isinstance(value, str):
        return f"the text {json.dumps(_short(value), ensure_ascii=False)}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"
