"""The food data (``resources/foods.json``, built by ``tools/build_foods.py``) and the checklist's
groups (``resources/food_groups.toml``), read as plain files: well formed, each number following
from the data, and each value near the NIH ODS fact sheet's figure for the same food and serving."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FOODS: dict[str, Any] = json.loads((RESOURCES / "foods.json").read_text(encoding="utf-8"))
GROUPS: dict[str, Any] = tomllib.loads((RESOURCES / "food_groups.toml").read_text(encoding="utf-8"))
BY_ID = {food["id"]: food for food in FOODS["foods"]}

CATEGORIES = {
    "nuts-seeds", "legumes-soy", "whole-grains", "refined-grains", "cereals", "vegetables",
    "fruit", "dairy-soy-drinks", "fish", "meat-eggs", "cocoa-chocolate", "coffee-tea", "water",
}  # fmt: skip
DATA_TYPES = {"SR Legacy", "Foundation", "Survey (FNDDS)"}
ID_WORDS = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

# NIH Office of Dietary Supplements, "Magnesium: Fact Sheet for Health Professionals", Table 2,
# "Selected Food Sources of Magnesium": (food, serving, mg per serving (low, high), our food id,
# or None with the reason the row is not cross-checked). Every checked row's serving is ours.
ODS_TABLE: list[tuple[str, str, tuple[float, float], str | None]] = [
    ("Pumpkin seeds, roasted", "1 oz", (156, 156), "pumpkin-seeds"),
    # FDC's chia row (SR Legacy and FNDDS alike) has 335 mg per 100 g: 95 mg per oz, -14%.
    ("Chia seeds", "1 oz", (111, 111), None),
    ("Almonds, dry roasted", "1 oz", (80, 80), "almonds"),
    ("Spinach, boiled", "½ cup", (78, 78), "spinach-cooked"),
    ("Cashews, dry roasted", "1 oz", (74, 74), "cashews"),
    ("Peanuts, oil roasted", "¼ cup", (63, 63), "peanuts-oil-roasted"),
    # No shredded wheat row in SR Legacy or Foundation here; FNDDS's has 36 mg per 100 g and no
    # biscuit weight.
    ("Cereal, shredded wheat", "2 large biscuits", (61, 61), None),
    ("Soymilk, plain or vanilla", "1 cup", (61, 61), "soymilk"),
    # Cooked black beans are here only as an FNDDS row, which has no portion weight: no ½ cup.
    ("Black beans, cooked", "½ cup", (60, 60), None),
    ("Edamame, shelled, cooked", "½ cup", (50, 50), "edamame"),
    ("Peanut butter, smooth", "2 tbsp", (49, 49), "peanut-butter"),
    # FDC's baked potato with skin has 28 mg per 100 g: 28 mg for 3.5 oz, -35%.
    ("Potato, baked with skin", "3.5 oz", (43, 43), None),
    # The copy's only cooked brown rice with a cup weight is parboiled: 30 mg per ½ cup, -28%.
    ("Rice, brown, cooked", "½ cup", (42, 42), None),
    ("Yogurt, plain, low fat", "8 oz", (42, 42), "yogurt-low-fat"),
    # No plain instant oatmeal row, and no packet weight, in this copy.
    ("Oatmeal, instant", "1 packet", (36, 36), None),
    # Canned kidney beans are here only as an FNDDS row, which has no portion weight: no ½ cup.
    ("Kidney beans, canned", "½ cup", (35, 35), None),
    ("Banana", "1 medium", (32, 32), "banana"),
    # Cooked farmed Atlantic salmon is not in this copy (farmed coho, cooked: 29 mg, +11%).
    ("Salmon, Atlantic, farmed, cooked", "3 oz", (26, 26), None),
    ("Milk", "1 cup", (24, 27), "milk-2-percent"),
    ("Halibut, cooked", "3 oz", (24, 24), "halibut"),
    # Seedless dark raisins have no cup weight here (the golden row's cup is packed: 29 mg, +26%).
    ("Raisins", "½ cup", (23, 23), None),
    ("Bread, whole wheat", "1 slice", (23, 23), "bread-whole-wheat"),
    ("Avocado, cubed", "½ cup", (22, 22), "avocado"),
    ("Chicken breast, roasted", "3 oz", (22, 22), "chicken-breast"),
    # No cooked 90% lean ground beef here; FNDDS's cooked ground beef gives 17 mg, -15%.
    ("Beef, ground, 90% lean, pan broiled", "3 oz", (20, 20), None),
    # FDC's boiled chopped broccoli has 21 mg per 100 g: 16 mg per ½ cup, +37%.
    ("Broccoli, chopped and cooked", "½ cup", (12, 12), None),
    # FDC's cooked enriched medium-grain white rice gives 12 mg per ½ cup, +21%.
    ("Rice, white, cooked", "½ cup", (10, 10), None),
    # No weight of a medium apple or a medium carrot in this copy (only 1-cup portions).
    ("Apple", "1 medium", (9, 9), None),
    ("Carrot, raw", "1 medium", (7, 7), None),
]
CROSS_CHECKED = [row for row in ODS_TABLE if row[3] is not None]


def test_every_food_has_a_unique_id_of_lowercase_words_and_a_known_category() -> None:
    ids = [food["id"] for food in FOODS["foods"]]
    assert len(ids) == len(set(ids))
    assert all(ID_WORDS.fullmatch(i) for i in ids), [i for i in ids if not ID_WORDS.fullmatch(i)]
    assert {food["category"] for food in FOODS["foods"]} == CATEGORIES


def test_there_are_about_150_foods() -> None:
    assert len(FOODS["foods"]) >= 140


@pytest.mark.parametrize("food", FOODS["foods"], ids=lambda food: food["id"])
def test_each_number_is_positive_and_the_mg_follows_from_the_data(food: dict[str, Any]) -> None:
    assert food["grams"] > 0 and food["mg_per_100g"] > 0 and food["mg"] > 0
    assert food["mg"] == round(food["mg_per_100g"] * food["grams"] / 100, 1)
    assert food["fibre_g"] is None or food["fibre_g"] >= 0
    assert food["name"] and food["serving"] and food["portion_basis"] and food["fdc_description"]
    assert food["data_type"] in DATA_TYPES


def test_mineral_water_is_one_item_with_a_range_per_litre() -> None:
    water = BY_ID["mineral-water"]
    assert (water["serving"], water["grams"]) == ("1 L", 1000)
    assert 0 < water["mg"] < water["mg_high"]
    assert [f for f in FOODS["foods"] if "mg_high" in f] == [water]


def test_refined_white_flour_keeps_about_a_sixth_of_whole_wheats_magnesium() -> None:
    """The article's point: refined flour keeps about 16% of the magnesium of whole wheat."""
    white, whole = BY_ID["flour-white"], BY_ID["flour-whole-wheat"]
    assert white["serving"] == whole["serving"]
    assert white["mg"] / whole["mg"] == pytest.approx(0.16, abs=0.02)


def test_the_about_block_names_the_source_and_how_to_build_it_again() -> None:
    about = FOODS["about"]
    assert about["source"] == "USDA FoodData Central (public domain)"
    assert re.fullmatch(r"[0-9a-f]{64}", about["wheel_sha256"])
    assert about["rebuild"].startswith("python tools/build_foods.py")
    assert "no FDC id" in about["cited_by"]


def test_each_category_is_listed_once_with_two_or_three_meal_ideas() -> None:
    categories = GROUPS["categories"]
    assert sorted(c["id"] for c in categories) == sorted(CATEGORIES)
    for category in categories:
        assert category["name"] and 2 <= len(category["meal_ideas"]) <= 3, category["id"]


def test_the_checklist_has_about_20_groups_with_unique_ids_unlike_any_food_id() -> None:
    ids = [group["id"] for group in GROUPS["groups"]]
    assert 18 <= len(ids) <= 30
    assert len(ids) == len(set(ids))
    assert not set(ids) & set(BY_ID)
    assert all(group["asked"] in ("day", "week") for group in GROUPS["groups"])


@pytest.mark.parametrize("group", GROUPS["groups"], ids=lambda group: group["id"])
def test_each_groups_foods_exist_and_share_its_serving(group: dict[str, Any]) -> None:
    words = group["serving"].split(" (")[0]
    assert group["foods"], group["id"]
    for food_id in group["foods"]:
        assert food_id in BY_ID, food_id
        assert BY_ID[food_id]["serving"] == words, food_id


def test_the_ods_table_is_covered_and_its_servings_are_ours() -> None:
    assert len(ODS_TABLE) == 29
    assert len(CROSS_CHECKED) >= 15
    for _, serving, _, food_id in CROSS_CHECKED:
        assert food_id is not None
        assert BY_ID[food_id]["serving"] == serving, food_id


@pytest.mark.parametrize("row", CROSS_CHECKED, ids=lambda row: row[0])
def test_mg_per_serving_is_within_10_percent_of_the_ods_fact_sheet(
    row: tuple[str, str, tuple[float, float], str],
) -> None:
    _, _, (low, high), food_id = row
    mg = BY_ID[food_id]["mg"]
    assert low * 0.9 <= mg <= high * 1.1, f"{food_id}: {mg} mg, ODS {low}-{high}"
