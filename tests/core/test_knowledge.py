import shutil
from pathlib import Path

import pytest

from magplan.core.knowledge import KnowledgeError, load_knowledge, load_knowledge_from
from magplan.core.warning_codes import WARNING_SHAPES
from magplan.resources import resource_dir


def test_every_goal_and_form_from_clinical_md_is_known() -> None:
    k = load_knowledge()
    assert set(k.goals) == {
        "sleep",
        "anxiety",
        "depression",
        "cognition",
        "clarity",
        "constipation",
        "repletion",
        "cramps",
        "migraine",
        "heart",
    }
    assert k.forms["oxide"].elemental_fraction == pytest.approx(0.603)
    assert k.forms["glycinate"].fraction_low == pytest.approx(0.10)
    assert k.forms["l-threonate"].fraction_low == pytest.approx(0.072)


def test_names_resolve_case_and_punctuation_insensitively() -> None:
    k = load_knowledge()
    assert k.find_medicine("Zoloft") == "antidepressant"
    assert k.find_medicine("ALENDRONIC acid") == "bisphosphonate"
    assert k.find_goal("Stress") == "anxiety"
    assert k.find_condition("AV block") == "heart-block"
    assert k.find_form("Magnesium Bisglycinate") == "glycinate"
    assert k.find_medicine("aspirin") is None


def test_separation_minutes_follow_clinical_md() -> None:
    m = load_knowledge().medicines
    assert (m["calcium"].other_first_min, m["calcium"].mg_first_min) == (120, 120)
    assert (m["tetracycline"].other_first_min, m["tetracycline"].mg_first_min) == (120, 360)
    assert m["levothyroxine"].mg_first_min == 240
    assert m["bisphosphonate"].mg_first_min == 240  # the larger of 2 h (ODS) and 3-4 h (LABEL)
    assert m["antidepressant"].mg_first_min == 240


def test_a_broken_file_names_the_file_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "res"
    shutil.copytree(resource_dir(), folder)
    text = (folder / "forms.toml").read_text()
    (folder / "forms.toml").write_text(
        text.replace("elemental_fraction = 0.603", "elemental_fraction = 6.03")
    )
    with pytest.raises(KnowledgeError, match=r"forms.toml: field forms\.\d+\.elemental_fraction"):
        load_knowledge_from(folder)


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "forms.toml",
            "\nelemental_fraction =",
            "\nbogus = 1\nelemental_fraction =",
            "field forms.0.bogus: Extra inputs are not permitted",
        ),
        (
            "forms.toml",
            "[[forms]]",
            "bogus = 1\n[[forms]]",
            "field bogus: Extra inputs are not permitted",
        ),
        (
            "forms.toml",
            "\nlaxative = ",
            "\nlaxative = 'huge' #",
            "field forms.0.laxative: Input should be 'none', 'gentle', 'moderate' or 'strong'",
        ),
        (
            "goals.toml",
            "\nfirst = ",
            "\nfirst = [] #",
            "field goals.0.first: List should have at least 1 item after validation, not 0",
        ),
        (
            "intakes.toml",
            "max_doses = ",
            "max_doses = 9 #",
            "field dosing.max_doses: Input should be less than or equal to 6",
        ),
        (
            "planning.toml",
            "close_gap_min = ",
            "close_gap_min = 1 #",
            "field day: Value error, min_gap_min <= close_gap_min <= comfort_gap_min must hold",
        ),
        ("medicines.toml", "[qualifiers]", "[qualifier]", "field qualifiers: Field required"),
        (
            "conditions.toml",
            "\nsources = ",
            "\nsources = 3 #",
            "field conditions.0.sources: Input should be a valid list",
        ),
    ],
)
def test_a_broken_file_is_one_line_naming_the_field_in_pydantic_s_words(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    folder = _copy_with(tmp_path, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_from(folder)
    assert str(caught.value) == f"{folder / name}: {message}"


def test_an_unknown_source_key_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "res"
    shutil.copytree(resource_dir(), folder)
    text = (folder / "goals.toml").read_text()
    (folder / "goals.toml").write_text(text.replace('sources = ["SEED"]', 'sources = ["NOPE"]', 1))
    with pytest.raises(KnowledgeError, match="unknown source 'NOPE'"):
        load_knowledge_from(folder)


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the shipped knowledge with one text of ``name`` replaced."""
    folder = tmp_path / "res"
    shutil.copytree(resource_dir(), folder)
    text = (folder / name).read_text()
    assert old in text
    (folder / name).write_text(text.replace(old, new, 1))
    return folder


def test_what_the_planner_singles_out_is_marked_in_the_files() -> None:
    k = load_knowledge()
    assert [f for f in k.forms if k.forms[f].fallback] == ["glycinate"]
    assert [g for g in k.goals if k.goals[g].restores_levels] == ["repletion"]
    assert [g for g in k.goals if k.goals[g].disclaimer_note] == ["depression"]
    assert k.forms["l-threonate"].repletion_warning == "threonate-repletion"
    assert k.stated_class == "stated" and k.medicines[k.stated_class].stated
    assert k.forms["oxide"].marked_laxative and not k.forms["citrate"].marked_laxative


def test_a_second_fallback_form_is_refused(tmp_path: Path) -> None:
    folder = _copy_with(
        tmp_path, "forms.toml", 'id = "citrate"\n', 'id = "citrate"\nfallback = true\n'
    )
    with pytest.raises(KnowledgeError, match="at most one form may be the fallback"):
        load_knowledge_from(folder)


def test_an_unknown_source_of_a_planning_number_is_refused(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "planning.toml", 'source = "PLAN"', 'source = "NOPE"')
    with pytest.raises(KnowledgeError, match=r"planning.toml: children: unknown source 'NOPE'"):
        load_knowledge_from(folder)


def test_planning_numbers_keep_their_order(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "planning.toml", "close_gap_min = 120", "close_gap_min = 30")
    with pytest.raises(KnowledgeError, match=r"planning.toml: field day: .*close_gap_min"):
        load_knowledge_from(folder)


def test_every_warning_the_planner_raises_has_its_words() -> None:
    k = load_knowledge()
    assert set(k.warnings) == set(WARNING_SHAPES)
    assert k.warnings["infant"].wording().severity == "danger"
    assert k.warnings["laxative-form"].wording("marked").message == (
        k.warnings["laxative-form"].wording().message
    )


def test_a_wrong_source_key_of_a_warning_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "warnings.toml", 'sources = ["CHEM"]', 'sources = ["CHEMS"]')
    with pytest.raises(KnowledgeError, match="low-magnesium-form: unknown source 'CHEMS'"):
        load_knowledge_from(folder)


def test_a_wrong_source_key_of_a_case_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(
        tmp_path,
        "warnings.toml",
        '[warnings.unit-too-large.cases.dose-too-large]\nsources = ["SEED"]',
        '[warnings.unit-too-large.cases.dose-too-large]\nsources = ["SEEDS"]',
    )
    with pytest.raises(KnowledgeError, match="unit-too-large: unknown source 'SEEDS'"):
        load_knowledge_from(folder)


def test_an_unknown_warning_code_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "warnings.toml", "[warnings.infant]", "[warnings.infants]")
    with pytest.raises(
        KnowledgeError, match=r"warnings\.toml: warnings: unknown 'infants'; 'infant' is missing"
    ):
        load_knowledge_from(folder)


def test_a_placeholder_the_planner_does_not_fill_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "warnings.toml", "Two doses are only {gap_min} min", "{gap} min")
    with pytest.raises(KnowledgeError, match=r"doses-close: unknown \['gap'\]"):
        load_knowledge_from(folder)


def test_a_case_the_planner_does_not_choose_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "warnings.toml", "marked.severity", "marked-ish.severity")
    with pytest.raises(KnowledgeError, match="laxative-form: cases: unknown 'marked-ish'"):
        load_knowledge_from(folder)


def test_a_form_naming_an_unknown_warning_fails_at_load(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "forms.toml", '"threonate-repletion"', '"threonate-repleted"')
    with pytest.raises(KnowledgeError, match="l-threonate: unknown warning 'threonate-repleted'"):
        load_knowledge_from(folder)
