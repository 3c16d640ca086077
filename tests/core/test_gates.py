"""Who may be planned for, and how much: the gates, the upper limit and the daily amount."""

from __future__ import annotations

from magplan.core.gates import above_limit, amount_needed, gates, target_mg, unlocked
from magplan.core.limits import limits_for
from magplan.core.plan import PlanWarning
from magplan.core.request import PlanRequest
from tests.core.helpers import K


def _gates(req: PlanRequest) -> tuple[bool, list[PlanWarning]]:
    out: list[PlanWarning] = []
    blocked = gates(K, req, limits_for(K, req), out)
    return blocked, out


def _codes(out: list[PlanWarning]) -> list[tuple[str, str]]:
    return [(w.code, w.severity) for w in out]


def test_an_adult_with_no_conditions_passes_every_gate_without_a_word() -> None:
    assert _gates(PlanRequest(age_years=30)) == (False, [])


def test_kidney_disease_blocks_the_plan_and_says_why() -> None:
    blocked, out = _gates(PlanRequest(age_years=40, conditions=("kidney-disease",)))
    assert blocked
    assert _codes(out) == [("kidney-disease", "danger")]
    assert out[0].message == K.conditions["kidney-disease"].message
    assert "No schedule is planned" in out[0].message
    assert out[0].sources == ("SEED", "ODS")


def test_kidney_disease_under_supervision_is_unlocked_with_the_supervised_wording() -> None:
    req = PlanRequest(age_years=40, conditions=("kidney-disease",), supervised=True, target_mg=200)
    blocked, out = _gates(req)
    assert not blocked
    assert _codes(out) == [("kidney-disease", "danger")]
    assert out[0].message == K.conditions["kidney-disease"].supervised_message


def test_heart_block_blocks_the_plan_unless_a_clinician_supervises() -> None:
    assert _gates(PlanRequest(conditions=("heart-block",)))[0]
    blocked, out = _gates(PlanRequest(conditions=("heart-block",), supervised=True, target_mg=100))
    assert not blocked
    assert out[0].message.startswith("Heart block: planned only because a clinician confirmed")


def test_myasthenia_gravis_is_a_gate_too() -> None:
    blocked, out = _gates(PlanRequest(conditions=("myasthenia-gravis",)))
    assert blocked and _codes(out) == [("myasthenia-gravis", "danger")]


def test_one_gated_condition_blocks_the_plan_beside_conditions_that_do_not() -> None:
    blocked, out = _gates(PlanRequest(conditions=("diarrhoea", "kidney-disease")))
    assert blocked
    assert [w.code for w in out] == [
        K.conditions["diarrhoea"].warning_code,
        "kidney-disease",
    ]
    assert out[0].severity == K.conditions["diarrhoea"].severity


def test_a_laxative_form_chosen_despite_loose_stools_is_said_so_without_blocking() -> None:
    blocked, out = _gates(PlanRequest(conditions=("diarrhoea",), form="citrate"))
    assert not blocked
    assert _codes(out) == [("diarrhoea", "caution")]
    assert out[0].message.startswith(
        "Diarrhoea or loose stools are listed, but you chose magnesium citrate, a laxative form"
    )
    _, out = _gates(PlanRequest(conditions=("diarrhoea",), form="glycinate"))
    assert out[0].message == K.conditions["diarrhoea"].message


def test_an_infant_is_never_planned_for_even_under_supervision() -> None:
    for supervised in (False, True):
        blocked, out = _gates(PlanRequest(age_years=0, supervised=supervised))
        assert blocked
        assert _codes(out) == [("infant", "danger")]
    # a gated condition stays locked for an infant: supervision needs an upper limit
    blocked, out = _gates(PlanRequest(age_years=0, conditions=("kidney-disease",), supervised=True))
    assert blocked
    assert out[1].message == K.conditions["kidney-disease"].message


def test_a_child_is_told_the_limit_for_their_age() -> None:
    blocked, out = _gates(PlanRequest(age_years=6))
    assert not blocked
    assert _codes(out) == [("child", "caution")]
    assert out[0].message.startswith("A child of 6: held to the limit for this age, 110 mg/day")


def test_a_young_person_from_14_has_their_own_wording() -> None:
    _, out = _gates(PlanRequest(age_years=15))
    assert out[0].message.startswith("A young person of 15: held to the limit for this age, 350")
    _, out = _gates(PlanRequest(age_years=13))
    assert out[0].message.startswith("A child of 13:")


def test_an_adult_pregnancy_is_planned_with_her_own_recommended_intake() -> None:
    blocked, out = _gates(PlanRequest(age_years=25, sex="female", pregnant=True))
    assert not blocked
    assert _codes(out) == [("pregnancy", "caution")]
    assert "350 mg/day" in out[0].message  # ODS pregnancy RDA at 19-30
    assert "(350 mg/day)" in out[0].message  # the supplement limit is unchanged


def test_pregnancy_under_14_has_no_figure_and_is_blocked() -> None:
    blocked, out = _gates(PlanRequest(age_years=13, sex="female", pregnant=True))
    assert blocked
    assert ("pregnancy", "danger") in _codes(out)
    said = next(w for w in out if w.code == "pregnancy")
    assert said.message.startswith("Pregnancy at 13: the reference intakes (ODS) give no")
    assert "under 14 years" in said.message and "No schedule is planned" in said.message


def test_breastfeeding_under_14_is_blocked_too_unless_supervised() -> None:
    blocked, out = _gates(PlanRequest(age_years=12, sex="female", lactating=True))
    assert blocked
    said = next(w for w in out if w.code == "lactation")
    assert said.severity == "danger" and said.message.startswith("Breastfeeding at 12:")
    blocked, out = _gates(PlanRequest(age_years=12, sex="female", lactating=True, supervised=True))
    assert not blocked
    said = next(w for w in out if w.code == "lactation")
    assert "Planned only because a clinician confirmed" in said.message


def test_supervision_names_what_it_unlocked() -> None:
    req = PlanRequest(conditions=("kidney-disease", "diarrhoea", "heart-block"), supervised=True)
    assert unlocked(K, req, limits_for(K, req)) == ["Kidney disease", "Heart block (AV block)"]
    young = PlanRequest(age_years=13, sex="female", lactating=True, supervised=True)
    assert unlocked(K, young, limits_for(K, young)) == ["breastfeeding under 14"]
    unsupervised = PlanRequest(conditions=("kidney-disease",))
    assert unlocked(K, unsupervised, limits_for(K, unsupervised)) == []


def test_an_unlocked_gate_leaves_the_amount_to_the_clinician() -> None:
    said = amount_needed(K, ["Kidney disease", "pregnancy"])
    assert said.code == "supervised-amount-needed" and said.severity == "danger"
    assert said.message.startswith("Supervised plan (kidney disease, pregnancy): the upper limit")
    assert "sets the daily amount (the target)" in said.message


def _target(req: PlanRequest) -> tuple[float, list[PlanWarning]]:
    out: list[PlanWarning] = []
    return target_mg(K, req, limits_for(K, req), out), out


def test_with_no_target_an_adult_is_planned_up_to_the_upper_limit() -> None:
    assert _target(PlanRequest(age_years=30)) == (350.0, [])
    assert _target(PlanRequest(age_years=30, limit="eu")) == (250.0, [])


def test_other_magnesium_comes_off_the_room_rounded_down_to_5_mg() -> None:
    assert _target(PlanRequest(age_years=30, other_magnesium_mg=103)) == (245.0, [])


def test_other_magnesium_at_the_limit_leaves_nothing_and_says_so() -> None:
    mg, out = _target(PlanRequest(age_years=30, other_magnesium_mg=350))
    assert mg == 0.0
    assert _codes(out) == [("limit-reached", "caution")]
    assert out[0].message.startswith("Your other products already give 350 mg/day, at the upper")
    mg, out = _target(PlanRequest(age_years=30, other_magnesium_mg=400))
    assert mg == 0.0
    assert _codes(out) == [("limit-reached", "danger")]
    assert "400 mg/day, over the upper limit of 350" in out[0].message


def test_an_adults_own_target_is_kept_even_above_the_limit() -> None:
    assert _target(PlanRequest(age_years=30, target_mg=500)) == (500.0, [])


def test_a_childs_target_above_the_room_is_lowered_to_it() -> None:
    mg, out = _target(PlanRequest(age_years=6, target_mg=200))
    assert mg == 110.0
    assert _codes(out) == [("child", "caution")]
    assert out[0].message == (
        "The target of 200 mg/day was lowered to 110 mg/day: "
        "children are held to their upper limit."
    )
    assert _target(PlanRequest(age_years=6, target_mg=100)) == (100.0, [])


def test_an_infant_gets_no_amount() -> None:
    assert _target(PlanRequest(age_years=0, target_mg=50)) == (0.0, [])


def test_a_plan_above_the_upper_limit_is_cautioned_with_the_total() -> None:
    req = PlanRequest(age_years=30, target_mg=300, other_magnesium_mg=100)
    said = above_limit(K, req, limits_for(K, req), 300.0)
    assert [(w.code, w.severity) for w in said] == [("above-upper-limit", "danger")]
    assert said[0].message.startswith(
        "Above the upper limit: 400 mg/day from supplements and medicines is more than 350 mg/day"
    )
    assert said[0].sources[0] == "ODS"


def test_a_plan_at_the_upper_limit_or_with_no_doses_is_not_cautioned() -> None:
    req = PlanRequest(age_years=30, other_magnesium_mg=400)
    lim = limits_for(K, req)
    assert above_limit(K, req, lim, 0.0) == []
    at = PlanRequest(age_years=30, other_magnesium_mg=50)
    assert above_limit(K, at, limits_for(K, at), 300.0) == []
    assert len(above_limit(K, at, limits_for(K, at), 300.5)) == 1
