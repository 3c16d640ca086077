"""``magplan foods`` and ``magplan plan --diet``: the food list, the diet estimate in the plan's
JSON, and one line with exit 2 for a food the program does not know."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from magplan.core.foods import load_foods
from tests.cli.test_cli import plan_json


def magplan(*args: str, env_data: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``magplan ARGS`` in a process of its own; with ``env_data``, that data folder."""
    env = os.environ | ({"MAGPLAN_DATA_DIR": str(env_data)} if env_data is not None else {})
    return subprocess.run(
        [sys.executable, "-m", "magplan", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_foods_json_lists_every_food_with_its_serving_grams_mg_and_source() -> None:
    done = magplan("foods", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    table = load_foods()
    assert len(data["foods"]) == len(table.foods) >= 140
    assert {"id", "name", "serving", "grams", "mg", "source", "fdc_description"} <= set(
        data["foods"][0]
    )
    almonds = next(f for f in data["foods"] if f["id"] == "almonds")
    assert almonds["serving"] == "1 oz" and 70 < almonds["mg"] < 90
    assert almonds["source"] == "USDA FoodData Central"
    assert data["about"]["rebuild"].startswith("python tools/build_foods.py")
    assert len(data["groups"]) >= 15


def test_foods_search_keeps_only_matching_foods_in_the_table() -> None:
    done = magplan("foods", "--search", "almond")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("almond")]
    assert lines and all("lmond" in line.lower() for line in lines)
    assert "spinach" not in done.stdout.lower()


def test_foods_search_that_finds_nothing_is_one_line_and_exit_2() -> None:
    done = magplan("foods", "--search", "zzzqx")
    assert done.returncode == 2
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    assert "no food matches 'zzzqx'" in done.stderr


def test_plan_with_a_diet_adds_diet_ear_and_rda_to_the_json() -> None:
    data = plan_json("--age", "40", "--sex", "female", "--diet", "almonds:1", "--diet", "nuts:7w")
    table = load_foods()
    expected = round(table.foods["almonds"].mg + table.groups["nuts"].mg)
    assert data["diet_mg"] == expected
    assert data["ear_mg"] == 265 and data["rda_mg"] == 320
    assert data["diet_gap_mg"] == max(0, 320 - expected)
    assert data["total_mg"] == expected + data["daily_elemental_mg"]  # type: ignore[operator]
    assert data["target_from_diet"] is False
    assert [line["food"] for line in data["diet"]] == ["almonds", "nuts"]  # type: ignore[index]
    # the default target stays the upper limit's: the gap is only used when asked
    assert data["daily_elemental_mg"] == 350


def test_plan_without_a_diet_has_no_diet_keys() -> None:
    data = plan_json("--age", "40")
    assert "diet_mg" not in data and "ear_mg" not in data


def test_the_dietary_gap_as_target_plans_the_gap_held_to_the_upper_limit() -> None:
    table = load_foods()
    spinach = table.foods["spinach-cooked"].mg
    data = plan_json("--age", "40", "--sex", "female", "--diet", "spinach-cooked:1", "--diet-gap")
    gap = 320 - round(spinach)
    assert data["target_from_diet"] is True
    assert gap - 5 < data["daily_elemental_mg"] <= gap + 5  # type: ignore[operator]
    assert "diet-gap" in {w["code"] for w in data["warnings"]}  # type: ignore[attr-defined]
    # a man eating one serving: the gap (420 - diet) is above the 350 mg supplement limit
    man = plan_json("--age", "40", "--sex", "male", "--diet", "apple:1", "--diet-gap")
    assert man["daily_elemental_mg"] == 350
    capped = next(w for w in man["warnings"] if w["code"] == "diet-gap")  # type: ignore[attr-defined]
    assert "held to the room the upper limit leaves them" in capped["message"]


def test_a_diet_that_meets_the_rda_plans_no_supplement_for_the_gap() -> None:
    data = plan_json("--age", "40", "--sex", "female", "--diet", "pumpkin-seeds:3", "--diet-gap")
    assert data["diet_mg"] >= 320  # type: ignore[operator]
    assert data["doses"] == [] and data["daily_elemental_mg"] == 0
    met = next(w for w in data["warnings"] if w["code"] == "diet-gap")  # type: ignore[attr-defined]
    assert "meets the recommended intake" in met["message"]


def test_an_unknown_food_is_one_line_with_did_you_mean_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    for command in (["plan"], ["print", "-o", str(out)]):
        done = magplan(*command, "--diet", "almnds:1")
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert "unknown food 'almnds'" in done.stderr and "did you mean almonds" in done.stderr
        assert done.stdout == ""
    assert not out.exists()


def test_bad_diet_specs_are_refused_with_their_reason() -> None:
    for spec, words in (
        ("almonds", "FOOD:SERVINGS_PER_DAY"),
        ("almonds:0", "from 0.01 to 20"),
        ("almonds:0.001", "from 0.01 to 20"),
        ("almonds:21", "from 0.01 to 20"),
        ("almonds:-1", "FOOD:SERVINGS_PER_DAY"),
        ("almonds:1x", "FOOD:SERVINGS_PER_DAY"),
    ):
        done = magplan("plan", "--diet", spec)
        assert done.returncode == 2, spec
        assert words in done.stderr, (spec, done.stderr)
    done = magplan("plan", "--diet", "almonds:1", "--diet", "almonds:2w")
    assert done.returncode == 2 and "listed twice" in done.stderr
    done = magplan("plan", "--diet-gap")
    assert done.returncode == 2 and "needs the diet" in done.stderr
    done = magplan("plan", "--diet", "almonds:1", "--diet-gap", "--target", "200")
    assert done.returncode == 2 and "not both" in done.stderr


def test_the_plan_table_says_the_diet_estimate_in_one_line() -> None:
    done = magplan("plan", "--age", "40", "--sex", "female", "--diet", "almonds:2")
    assert done.returncode == 0, done.stderr
    assert "Diet (an estimate): about" in done.stdout
    said = " ".join(done.stdout.split())
    assert "the average requirement (EAR, 265 mg)" in said
    assert "the recommended intake (RDA, 320 mg a day)" in said
    assert "the upper limit counts supplements only" in said


# ---- what the hostile probe found ---------------------------------------------------------------


def test_every_option_of_foods_does_something_or_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    for words, said in (
        (["foods", "--diet", "almonds:1"], "--diet makes the printed food list"),
        (["foods", "--age", "5"], "--age makes the printed food list"),
        (["foods", "--paper", "a4"], "--paper is for the printed food list"),
        (["foods", "-o", str(out)], "-o is for the printed food list"),
        (["foods", "--print", "--search", "nuts", "-o", str(out)], "--search lists foods"),
        (["foods", "--print", "--json", "-o", str(out)], "--json lists foods"),
    ):
        done = magplan(*words)
        assert done.returncode == 2 and said in done.stderr, (words, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


def _damaged_resources(tmp_path: Path, foods_text: str) -> dict[str, str]:
    import shutil

    from magplan.resources import resource_dir

    folder = tmp_path / "res"
    shutil.copytree(resource_dir(), folder, dirs_exist_ok=True)
    (folder / "foods.json").write_text(foods_text, encoding="utf-8")
    return os.environ | {"MAGPLAN_RESOURCES": str(folder), "MAGPLAN_DATA_DIR": str(tmp_path)}


def test_a_damaged_food_file_is_one_line_and_leaves_profiles_alone(tmp_path: Path) -> None:
    saved = magplan("plan", "--diet", "almonds:1", "--save-profile", "Eats", env_data=tmp_path)
    assert saved.returncode == 0, saved.stderr
    for text in ("{", '{"about": [], "foods": []}', '{"about": {}, "foods": ["x"]}',
                 "[" * 100_000 + "]" * 100_000,
                 '{"about": {}, "foods": [{"id": "a", "mg": 1e308}]}'):  # fmt: skip
        env = _damaged_resources(tmp_path, text)
        for words in (["plan", "--profile", "Eats"], ["foods"], ["plan", "--diet", "almonds:1"]):
            done = subprocess.run(
                [sys.executable, "-m", "magplan", *words],
                capture_output=True, text=True, timeout=60, env=env,
            )  # fmt: skip
            assert "Traceback" not in done.stderr, (words, done.stderr)
            assert done.returncode == 1 and "broken installation" in done.stderr, done.stderr
            assert len(done.stderr.strip().splitlines()) == 1
        listed = subprocess.run(
            [sys.executable, "-m", "magplan", "profiles"],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert listed.returncode == 0 and "Eats" in listed.stdout, listed.stderr
        plain = subprocess.run(
            [sys.executable, "-m", "magplan", "plan", "--json"],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert plain.returncode == 0  # a plan without a diet needs no food data
    assert not list((tmp_path / "profiles").glob("*.corrupt*"))


def test_a_target_given_replaces_the_profiles_gap_and_the_gap_its_target(tmp_path: Path) -> None:
    words = ["--sex", "female", "--diet", "milk:1"]
    saved = magplan("plan", *words, "--diet-gap", "--save-profile", "Gap", env_data=tmp_path)
    assert saved.returncode == 0, saved.stderr
    done = magplan("plan", "--profile", "Gap", "--target", "100", "--json", env_data=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["target_from_diet"] is False and data["daily_elemental_mg"] == 100
    saved = magplan("plan", *words, "--target", "100", "--save-profile", "T", env_data=tmp_path)
    done = magplan("plan", "--profile", "T", "--diet-gap", "--json", env_data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["target_from_diet"] is True
