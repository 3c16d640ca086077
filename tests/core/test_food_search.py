"""Finding a food in the full list (``FoodTable.search``): every word must be found, and the
foods whose own name has the words come before those found by their kind or description."""

from __future__ import annotations

import pytest

from magplan.core.foods import load_foods


def test_a_food_named_by_the_words_comes_before_its_kind() -> None:
    found = load_foods().search("lentils")
    names = [food.name for food in found]
    assert names[0] == "Lentils, cooked"
    assert len(names) > 1  # the beans are found too: their kind is "Beans, lentils and soy"
    assert all("lentil" not in name.lower() for name in names[1:])


@pytest.mark.parametrize("text", ["beans", "oat", "almonds raw", "seeds", "cereal", "tea"])
def test_names_with_every_word_come_first(text: str) -> None:
    words = text.split()
    found = load_foods().search(text)
    in_name = [all(w in food.name.lower() for w in words) for food in found]
    assert found and in_name[0]
    assert in_name == sorted(in_name, reverse=True), [f.name for f in found]


def test_a_word_that_starts_a_word_of_the_name_comes_before_one_inside_it() -> None:
    names = [food.name for food in load_foods().search("oat")]
    groats = names.index("Buckwheat groats (kasha), cooked")
    assert names.index("Oat bran, dry") < groats
    assert names.index("Toasted oat O's cereal") < groats


def test_nothing_typed_lists_every_food_by_name() -> None:
    table = load_foods()
    names = [food.name for food in table.search("")]
    assert len(names) == len(table.foods)
    assert names == sorted(names, key=str.casefold)
