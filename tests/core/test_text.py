"""The few words the planner itself needs: milligrams, a form's short name, a spacing rule."""

from __future__ import annotations

from magplan.core.text import form_title, format_mg, medicine_rule, short_form_name
from tests.core.helpers import K


def test_milligrams_drop_a_needless_decimal() -> None:
    assert format_mg(150.0) == "150 mg"
    assert format_mg(55.4) == "55.4 mg"


def test_a_forms_title_leaves_out_its_aside() -> None:
    assert form_title("Magnesium glycinate (bisglycinate)") == "Magnesium glycinate"
    assert form_title("Magnesium citrate") == "Magnesium citrate"


def test_a_short_form_name_lowers_only_its_first_letter() -> None:
    assert short_form_name("Magnesium glycinate (bisglycinate)") == "magnesium glycinate"
    assert short_form_name(K.forms["l-threonate"].name) == "magnesium L-threonate"


def test_each_class_of_medicine_has_its_rule_in_words() -> None:
    assert medicine_rule(K.medicines["tetracycline"]) == (
        "take it at least 2 h before or 6 h after magnesium"
    )
    assert medicine_rule(K.medicines["bisphosphonate"]) == "at least 4 h apart"
    assert medicine_rule(K.medicines["levothyroxine"]) == "at least 4 h apart"
    assert medicine_rule(K.medicines["bictegravir"]) == (
        "take it at least 2 h before or 12 h after magnesium"
    )
    assert medicine_rule(K.medicines["loop-thiazide-diuretic"]) == ""


def test_an_avoided_medicine_has_no_spacing_at_all() -> None:
    assert medicine_rule(K.medicines["raltegravir"]) == (
        "not with magnesium at any spacing (its label)"
    )


def test_a_stated_spacing_is_said_as_the_person_stated_it() -> None:
    stated = K.medicines["stated"]
    assert medicine_rule(stated, 90) == "at least 1.5 h apart, as you stated"
    assert medicine_rule(stated, 0) == "no spacing needed, as you stated"
    assert medicine_rule(stated) == "no spacing needed, as you stated"
