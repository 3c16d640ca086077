"""The check-ins' words, scores, bands and parsers (resources/checkins.toml, magplan.journal.
scales): questionnaires word for word with their attribution, bands as their authors define
them, and every typed value either accepted or refused in one line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magplan.core.knowledge import KnowledgeError, load_knowledge
from magplan.journal import scales
from magplan.journal.scales import (
    SCALE_KINDS,
    CheckinInputError,
    SleepDiary,
    StoolEntry,
    cross_check,
    definitions,
    effect_window_weeks,
    parse_answers,
    parse_days,
    parse_scale,
    parse_side_effect,
    parse_sleep,
    parse_stool_form,
    parse_stools,
    read_definitions,
    scale,
    score,
    time_in_bed_min,
)
from magplan.resources import resource_dir

PFIZER = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with "
    "an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
    "display or distribute."
)
FREQUENCY = ("Not at all", "Several days", "More than half the days", "Nearly every day")


# --- word for word ----------------------------------------------------------------------------


def test_phq8_is_the_standard_english_text_without_the_self_harm_item() -> None:
    phq8 = scale("phq8")
    assert phq8.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert phq8.items == (
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
    )
    assert [(o.value, o.label) for o in phq8.options] == list(enumerate(FREQUENCY))
    assert phq8.attribution == PFIZER
    assert phq8.sources == ("KROENKE2009",)


def test_gad7_is_the_standard_english_text() -> None:
    gad7 = scale("gad7")
    assert gad7.stem == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert gad7.items == (
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    )
    assert [(o.value, o.label) for o in gad7.options] == list(enumerate(FREQUENCY))
    assert gad7.attribution == PFIZER
    assert gad7.sources == ("SPITZER2006",)


def test_who5_is_the_standard_english_text_with_its_source_named() -> None:
    who5 = scale("who5")
    assert "over the last two weeks" in who5.stem
    assert who5.items == (
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    )
    assert [(o.value, o.label) for o in who5.options] == [
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    ]
    assert "WHO Collaborating Centre in Mental Health" in who5.attribution
    assert "Psychiatric Centre North Zealand" in who5.attribution
    assert set(who5.sources) == {"WHO5", "TOPP2015"}


def test_no_item_of_a_scale_whose_licence_does_not_allow_it() -> None:
    """No PHQ-9 self-harm item, no ISI, PSQI or PROMIS wording anywhere in the file."""
    text = (resource_dir() / "checkins.toml").read_text(encoding="utf-8").casefold()
    for phrase in (
        "better off dead",  # PHQ-9 item 9
        "hurting yourself",
        "how satisfied/dissatisfied",  # ISI
        "noticeable to others",  # ISI
        "during the past month",  # PSQI
        "cannot get to sleep within 30 minutes",  # PSQI
        "in the past 7 days",  # PROMIS
        "my sleep was refreshing",  # PROMIS
    ):
        assert phrase not in text


def test_stool_forms_are_the_projects_own_five_words_not_the_bristol_chart() -> None:
    forms = definitions().stools.forms
    assert [f.id for f in forms] == ["hard", "firm", "soft", "mushy", "watery"]
    assert [f.id for f in forms if f.loose] == ["mushy", "watery"]
    words = " ".join(f"{f.label} {f.description}" for f in forms).casefold()
    for bristol in ("bristol", "type ", "sausage", "snake", "nuts", "lumps", "ragged", "fluffy"):
        assert bristol not in words


def test_side_effects_are_the_four_of_the_issue() -> None:
    effects = definitions().side_effects
    assert list(effects) == ["loose_stools", "nausea", "stomach_cramps", "drowsiness"]
    assert set(effects["loose_stools"].sources) == {"ODS", "SEED"}


def test_every_source_key_names_a_source_of_the_knowledge() -> None:
    known = set(load_knowledge().sources)
    used = definitions().source_keys()
    assert {"KROENKE2009", "SPITZER2006", "TOPP2015", "WHO5", "CSD", "ADHERENCE"} <= used
    assert used <= known


def test_the_effect_window_is_data_with_its_source_and_the_disclaimer_says_the_same() -> None:
    assert effect_window_weeks() == (2, 8)
    assert definitions().effect_window.sources == ("SEED",)
    assert "2-8 weeks" in load_knowledge().disclaimer.timeframe


# --- bands ------------------------------------------------------------------------------------


def _bands(kind: str) -> list[tuple[int, int, str]]:
    return [(b.low, b.high, b.label) for b in scale(kind).bands]


def test_bands_are_the_authors_bands_as_clinical_md_gives_them() -> None:
    assert _bands("phq8") == [
        (0, 4, "none/minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately severe"),
        (20, 24, "severe"),
    ]
    assert _bands("gad7") == [
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 21, "severe"),
    ]
    assert scale("who5").bands_on == "percent"
    assert _bands("who5")[0] == (0, 50, "poor wellbeing")


@pytest.mark.parametrize(
    ("kind", "low", "high", "judged_high"),
    [("phq8", 0, 24, 24), ("gad7", 0, 21, 21), ("who5", 0, 25, 100)],
)
def test_bands_cover_the_range_without_gaps_or_overlaps(
    kind: str, low: int, high: int, judged_high: int
) -> None:
    questionnaire = scale(kind)
    assert (questionnaire.min_score, questionnaire.max_score) == (low, high)
    for number in range(0, judged_high + 1):
        assert sum(b.holds(number) for b in questionnaire.bands) == 1, number
    assert questionnaire.bands[0].low == 0 and questionnaire.bands[-1].high == judged_high


@pytest.mark.parametrize(
    ("kind", "total", "band"),
    [
        ("phq8", 4, "none/minimal"),
        ("phq8", 5, "mild"),
        ("phq8", 9, "mild"),
        ("phq8", 10, "moderate"),
        ("phq8", 15, "moderately severe"),
        ("phq8", 19, "moderately severe"),
        ("phq8", 20, "severe"),
        ("phq8", 24, "severe"),
        ("gad7", 0, "minimal"),
        ("gad7", 4, "minimal"),
        ("gad7", 5, "mild"),
        ("gad7", 14, "moderate"),
        ("gad7", 15, "severe"),
        ("gad7", 21, "severe"),
    ],
)
def test_a_total_lands_in_its_band(kind: str, total: int, band: str) -> None:
    items = len(scale(kind).items)
    answers = [min(3, max(0, total - 3 * i)) for i in range(items)]
    assert sum(answers) == total
    found = score(kind, answers)
    assert (found.value, found.band_label, found.percent) == (total, band, None)


def test_who5_is_raw_0_to_25_times_4_and_50_percent_or_less_is_poor_wellbeing() -> None:
    assert score("who5", [2, 2, 3, 3, 2]) == scales.Score(12, "poor", "poor wellbeing", 48)
    above = score("who5", [3, 2, 3, 3, 2])
    assert (above.value, above.percent, above.band) == (13, 52, "above-cutoff")
    assert score("who5", [5] * 5).percent == 100
    assert score("who5", [0] * 5).percent == 0


@st.composite
def _answers(draw: st.DrawFn) -> tuple[str, list[int]]:
    kind = draw(st.sampled_from(SCALE_KINDS))
    questionnaire = scale(kind)
    values = [o.value for o in questionnaire.options]
    return kind, draw(
        st.lists(
            st.sampled_from(values),
            min_size=len(questionnaire.items),
            max_size=len(questionnaire.items),
        )
    )


@given(_answers())
def test_every_valid_answer_list_scores_within_range_in_exactly_one_band(
    case: tuple[str, list[int]],
) -> None:
    kind, answers = case
    questionnaire = scale(kind)
    found = score(kind, answers)
    assert questionnaire.min_score <= found.value <= questionnaire.max_score
    assert found.value == sum(answers)
    judged = found.percent if questionnaire.bands_on == "percent" else found.value
    assert judged is not None
    holding = [b for b in questionnaire.bands if b.holds(judged)]
    assert [b.id for b in holding] == [found.band]
    assert parse_answers(kind, ",".join(map(str, answers))) == tuple(answers)


# --- answers as typed -------------------------------------------------------------------------


def _refused(call: object, *args: object) -> CheckinInputError:
    with pytest.raises(CheckinInputError) as caught:
        call(*args)  # type: ignore[operator]
    message = str(caught.value)
    assert "\n" not in message and len(message) < 200
    return caught.value


def test_answers_with_spaces_are_read() -> None:
    assert parse_answers("gad7", " 1, 0 ,2,3, 0,1,1 ") == (1, 0, 2, 3, 0, 1, 1)


@pytest.mark.parametrize(
    ("kind", "typed", "says"),
    [
        ("phq8", "1,2,3", "PHQ-8 needs 8 answers, one per question, in order; 3 given"),
        ("phq8", "1,2,3,0,0,0,0,0,1", "9 given"),
        ("gad7", "", "GAD-7 needs 7 answers"),
        ("gad7", "1,2,3,0,0,x,0", "answer 6 'x' is not a whole number"),
        ("gad7", "1,2,3,0,0,,0", "answer 6 '' is not a whole number"),
        ("gad7", "1,2,3,0,0,1.5,0", "answer 6 '1.5' is not a whole number"),
        ("gad7", "1,2,3,0,0,４,0", "answer 6 '４' is not a whole number"),
        ("gad7", "1,2,3,4,0,0,0", "answer 4 is 4: allowed 0 to 3"),
        ("phq8", "1,2,3,-1,0,0,0,0", "answer 4 is -1: allowed 0 to 3"),
        ("who5", "5,5,6,5,5", "answer 3 is 6: allowed 0 to 5"),
    ],
)
def test_answers_that_cannot_be_scored_are_refused_in_one_line(
    kind: str, typed: str, says: str
) -> None:
    error = _refused(parse_answers, kind, typed)
    assert error.field == "answers"
    assert says in str(error)


@given(st.text(max_size=40))
def test_any_typed_answers_are_read_or_refused_never_a_crash(typed: str) -> None:
    try:
        answers = parse_answers("gad7", typed)
    except CheckinInputError as exc:
        assert "\n" not in str(exc)
    else:
        assert score("gad7", answers).value == sum(answers)


def test_answers_given_as_values_are_checked_as_well() -> None:
    assert "PHQ-8 needs 8 answers" in str(_refused(score, "phq8", [1] * 7))
    assert "allowed 0 to 3" in str(_refused(score, "phq8", [4] + [0] * 7))
    assert "is not a whole number" in str(_refused(score, "gad7", [True] + [0] * 6))
    assert "is not a whole number" in str(_refused(score, "gad7", [1.0] + [0] * 6))
    assert "is not a check-in that is scored" in str(_refused(score, "sleep", [1]))


def test_scales_are_named_as_people_write_them() -> None:
    typed = ("PHQ-8", "phq8", "gad 7", "WHO-5")
    assert [parse_scale(t) for t in typed] == ["phq8", "phq8", "gad7", "who5"]
    error = _refused(parse_scale, "phq9")
    assert str(error) == "scale 'phq9' is not one of phq8, gad7, who5"


def test_cramp_and_migraine_days_are_0_to_7() -> None:
    assert parse_days("cramp_days", "3") == 3
    assert score("migraine_days", [2]) == scales.Score(2, None, None)
    assert "allowed 0 to 7" in str(_refused(parse_days, "migraine_days", "8"))
    assert "is not a whole number" in str(_refused(parse_days, "cramp_days", "two"))


# --- the sleep diary --------------------------------------------------------------------------


def test_the_sleep_diary_is_read_in_any_order() -> None:
    night = parse_sleep("quality=4, hours=6.5,latency=20,wakings=1")
    assert night == SleepDiary(latency_min=20, wakings=1, hours_slept=6.5, quality=4)
    assert SleepDiary.from_answers(night.answers()) == night


@pytest.mark.parametrize(
    ("typed", "field", "says"),
    [
        ("latency=20,wakings=1,hours=6.5", "sleep", "quality= is missing"),
        ("latency=20,wakings=1,hours=6.5,quality=3,latency=5", "sleep", "latency= is given twice"),
        ("latency=20,wakings=1,hours=6.5,mood=3", "sleep", "'mood=3' is not understood"),
        ("20,1,6.5,3", "sleep", "write latency=MIN,wakings=N,hours=H,quality=Q"),
        ("latency=soon,wakings=1,hours=6.5,quality=3", "latency", "'soon' is not a whole number"),
        (
            "latency=20,wakings=1,hours=25,quality=3",
            "hours",
            "hours slept 25 is out of range: allowed 0 to 24",
        ),
        ("latency=20,wakings=1,hours=inf,quality=3", "hours", "is not a number"),
        ("latency=20,wakings=1,hours=6,quality=0", "quality", "allowed 1 to 5"),
        ("latency=20,wakings=-1,hours=6,quality=3", "wakings", "allowed 0 to 60"),
    ],
)
def test_a_sleep_diary_that_cannot_be_read_is_refused_in_one_line(
    typed: str, field: str, says: str
) -> None:
    error = _refused(parse_sleep, typed)
    assert error.field == field
    assert says in str(error)


def test_a_sleep_diary_made_from_values_is_checked() -> None:
    error = _refused(SleepDiary, 20, 1, 6.5, 6)
    assert (error.field, str(error)) == (
        "quality",
        "sleep quality 6 is out of range: allowed 1 to 5",
    )
    assert _refused(SleepDiary, 20, 1.5, 6.5, 3).field == "wakings"


def test_sleep_efficiency_is_hours_slept_over_time_in_bed_capped_at_100() -> None:
    in_bed = time_in_bed_min(23 * 60, 7 * 60)
    assert in_bed == 480
    assert parse_sleep("latency=20,wakings=1,hours=6,quality=3").efficiency_pct(in_bed) == 75.0
    assert parse_sleep("latency=5,wakings=0,hours=9,quality=5").efficiency_pct(in_bed) == 100.0
    assert time_in_bed_min(30, 7 * 60) == 390  # to bed at 00:30
    with pytest.raises(ValueError):
        SleepDiary(20, 1, 6, 3).efficiency_pct(0)


# --- bowel movements and side effects ---------------------------------------------------------


def test_stools_are_read_with_their_form_and_loose_forms_count_as_loose() -> None:
    assert parse_stools("2", "Mushy") == StoolEntry(2, "mushy")
    assert parse_stools("3", "watery").loose
    assert not parse_stools("1", "firm").loose
    assert parse_stools("0") == StoolEntry(0, None)
    assert parse_stool_form("HARD") == "hard"
    assert StoolEntry.from_answers(StoolEntry(2, "soft").answers()) == StoolEntry(2, "soft")


def test_stools_that_cannot_be_read_are_refused_in_one_line() -> None:
    error = _refused(parse_stools, "2", "lumpy")
    assert (error.field, str(error)) == (
        "stool-form",
        "stool form 'lumpy' is not one of hard, firm, soft, mushy, watery",
    )
    assert _refused(parse_stools, "0", "soft").field == "stool-form"
    assert "allowed 0 to 20" in str(_refused(parse_stools, "21", "soft"))
    assert _refused(parse_stools, "many").field == "stools"


def test_side_effects_are_named_as_people_write_them() -> None:
    assert parse_side_effect("loose stools") == "loose_stools"
    assert parse_side_effect("loose-stools") == "loose_stools"
    assert parse_side_effect("Stomach_Cramps") == "stomach_cramps"
    assert parse_side_effect("nausea") == "nausea"
    error = _refused(parse_side_effect, "headache")
    assert str(error) == (
        "side effect 'headache' is not one of loose-stools, nausea, stomach-cramps, drowsiness"
    )


# --- the file itself --------------------------------------------------------------------------


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "checkins.toml"
    shutil.copy(resource_dir() / "checkins.toml", path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            '{ id = "mild", low = 5, high = 9',
            '{ id = "mild", low = 6, high = 9',
            "band 'mild' must start at 5",
        ),
        ("max_score = 24", "max_score = 27", "the answers add up to 0..24"),
        ('bands_on = "percent"', 'bands_on = "raw"', "bands_on"),
        (
            "[due]\nevery_days = 7",
            "[due]\nevery_days = 7\nevery_day = 1",
            "due.every_day: Extra inputs",
        ),
        ("{step}'s amount one more week\"", '{amount}"', "unknown ['amount']"),
        ('depression = ["phq8"]', 'depression = ["phq9"]', "unknown check-in 'phq9'"),
        ("taken_share_below = 0.80", "taken_share_below = 80", "between 0 and 1"),
        ('{ id = "firm", label', '{ id = "formed", label', "stools.forms: must be hard, firm"),
        ("[side_effects.nausea]", "[side_effects.sickness]", "side_effects: must be loose_stools"),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_field(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    path = _edited(tmp_path, old, new)
    with pytest.raises(KnowledgeError) as caught:
        read_definitions(path)
    assert str(path) in str(caught.value) and says in str(caught.value)


def test_the_shipped_file_reads_and_a_missing_one_is_named(tmp_path: Path) -> None:
    assert read_definitions(resource_dir() / "checkins.toml").scales.keys() == {
        "phq8",
        "gad7",
        "who5",
    }
    with pytest.raises(KnowledgeError, match="file is missing"):
        read_definitions(tmp_path / "checkins.toml")


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('sources = ["KROENKE2009"]', 'sources = ["KROENKE2099"]', "unknown source 'KROENKE2099'"),
        ("migraine = [", "headache = [", "unknown goal 'headache'"),
        (
            'adds_condition = "diarrhoea"',
            'adds_condition = "kidney-disease"',
            "avoids laxative forms",
        ),
    ],
)
def test_the_file_is_checked_against_the_knowledge(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    found = read_definitions(_edited(tmp_path, old, new))
    with pytest.raises(KnowledgeError, match=says):
        cross_check(found, load_knowledge())


def test_the_check_ins_load_no_qt_and_no_pydantic() -> None:
    code = (
        "import sys; from magplan.journal import scales, checkins, suggest; "
        "scales.score('phq8', [1] * 8); "
        "scales.parse_sleep('latency=1,wakings=0,hours=7,quality=3'); "
        "checkins.checkins_for(('sleep',)); suggest.suggest([], suggest.PlanFacts((), False)); "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('PySide6', 'shiboken6', 'pydantic'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("kind", "answers", "said"),
    [
        ("phq8", (1, 1, 1, 1, 1, 1, 1, 2), "PHQ-8 9"),  # mild: nothing said
        ("phq8", (2, 1, 1, 1, 1, 1, 1, 2), "PHQ-8 10: moderate"),
        ("gad7", (3, 3, 3, 3, 3, 3, 3), "GAD-7 21: severe"),
        ("gad7", (1, 1, 1, 1, 1, 1, 3), "GAD-7 9"),
        ("who5", (2, 2, 2, 3, 3), "WHO-5 12 (48%): poor wellbeing"),
        ("who5", (3, 3, 2, 2, 3), "WHO-5 13"),
    ],
)
def test_a_score_in_a_band_that_calls_for_the_clinician_says_so(
    kind: str, answers: tuple[int, ...], said: str
) -> None:
    from magplan.journal.scales import attention

    found = attention(kind, answers)
    if ":" not in said:
        assert found is None
    else:
        assert found is not None and found.startswith(said + ". ")
        assert "talking over with your clinician" in found
