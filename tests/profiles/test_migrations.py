"""Every older schema version is brought up to the current one by its named steps."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from magplan.profiles import CURRENT_SCHEMA_VERSION, ProfileError, ProfileStore
from magplan.profiles.migrations import MIGRATIONS, OLDEST_SCHEMA_VERSION, migrate, v1_to_v2
from magplan.profiles.model import profile_from_data, profile_to_data

DATA = Path(__file__).parent / "data"


def test_there_is_one_named_step_per_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(OLDEST_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION))
    assert MIGRATIONS[1] is v1_to_v2
    for version in MIGRATIONS:  # a committed example file for every older version
        assert list(DATA.glob(f"v{version}-*.json")), f"no example file of schema version {version}"


GOOD_EXAMPLES = sorted(p for p in DATA.glob("v*-*.json") if "-bad-" not in p.name)


@pytest.mark.parametrize("path", GOOD_EXAMPLES, ids=lambda p: p.name)
def test_every_good_example_file_migrates_to_a_current_profile(path: Path) -> None:
    data = json.loads(path.read_text())
    current, steps = migrate(data)
    assert current["schema_version"] == CURRENT_SCHEMA_VERSION
    assert steps == [
        MIGRATIONS[v].__name__ for v in range(data["schema_version"], CURRENT_SCHEMA_VERSION)
    ]
    profile = profile_from_data(current)
    # and the current form writes back unchanged
    assert profile_from_data(profile_to_data(profile)) == profile


def test_v1_file_loads_with_every_value_in_its_new_place(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    path = store.folder / "anna-k.json"
    shutil.copy(DATA / "v1-anna.json", path)
    before = path.read_bytes()
    p = store.load("Anna K.")
    assert (p.name, p.person_name, p.prepared_by) == ("Anna K.", "Anna Kowalska", "J. Smith, RD")
    assert p.saved_at == datetime(2024, 11, 2, 18, 4)
    r = p.request
    assert r.goals == ("sleep", "anxiety")
    assert r.form == "glycinate"
    assert (r.age_years, r.sex, r.limit, r.target_mg) == (52, "female", "eu", 300.0)
    assert (r.wake_min, r.bed_min, r.meals_min) == (390, 1380, (420, 780, 1155))
    assert [(x.form, x.elemental_mg_per_unit, x.unit, x.halves) for x in r.products] == [
        ("glycinate", 100.0, "capsule", False),
        ("citrate", 81.0, "tablet", True),
    ]
    # one medicine taken twice was two entries in v1; it is one entry with two times now
    assert [(m.name, m.class_id, m.times_min) for m in r.medicines] == [
        ("sertraline", "antidepressant", (480,)),
        ("Calcium", "calcium", (480, 1200)),
    ]
    assert r.conditions == ("diarrhoea",)
    assert (r.other_magnesium_mg, r.supervised) == (0.0, False)
    # migrated in memory only: the file is written back by the next save, not by reading
    assert path.read_bytes() == before
    assert list(store.folder.iterdir()) == [path]
    store.save(p)
    assert json.loads(path.read_text())["schema_version"] == CURRENT_SCHEMA_VERSION
    assert (store.folder / "anna-k.json.bak").read_bytes() == before
    assert store.load("Anna K.").request == r


def test_v1_file_with_only_the_required_fields_gets_safe_defaults() -> None:
    current, _ = migrate(json.loads((DATA / "v1-minimal.json").read_text()))
    p = profile_from_data(current)
    assert p.name == "Ben" and p.person_name == "" and p.saved_at is None
    assert p.request.goals == ("constipation",)
    assert p.request.medicines == () and p.request.products == ()


def test_a_bad_v1_file_names_the_v1_field(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    path = store.folder / "cleo.json"
    shutil.copy(DATA / "v1-bad-time.json", path)
    before = path.read_bytes()
    with pytest.raises(ProfileError) as caught:
        store.load("Cleo")
    assert caught.value.field == "wake_time"
    assert "7 in the morning" in str(caught.value)
    assert path.read_bytes() == before


def test_a_misspelt_v1_field_is_named() -> None:
    data = json.loads((DATA / "v1-minimal.json").read_text())
    data["wake"] = data.pop("wake_time")
    with pytest.raises(ValueError) as caught:
        migrate(data)
    assert getattr(caught.value, "field", None) == "wake_time"
    assert str(caught.value) == "missing (and 1 more problem)"  # the unknown "wake"


def test_v2_medicines_are_every_day_and_filed_under_their_own_label() -> None:
    current, steps = migrate(json.loads((DATA / "v2-integrase.json").read_text()))
    assert steps == ["v2_to_v3", "v3_to_v4", "v4_to_v5"]
    meds = current["request"]["medicines"]
    # dolutegravir (Tivicay) follows its own label now, not the class's 2 hours
    assert meds[0] == {
        "name": "Tivicay",
        "class_id": "dolutegravir",
        "times": ["08:00"],
        "weekdays": [],
        "spacing_min": None,
    }
    assert meds[1]["class_id"] == "calcium" and meds[1]["weekdays"] == []


def test_weekday_and_stated_medicines_survive_a_save(store: ProfileStore) -> None:
    from magplan.core.request import MedicineTimes, PlanRequest
    from magplan.profiles import Profile

    request = PlanRequest(
        medicines=(
            MedicineTimes(
                name="alendronate", class_id="bisphosphonate", times_min=(420,), weekdays=(0,)
            ),
            MedicineTimes(name="ursodiol", class_id="stated", times_min=(720,), spacing_min=90),
        )
    )
    store.save(Profile(name="Weekly", request=request))
    data = json.loads((store.folder / "weekly.json").read_text())
    assert data["request"]["medicines"][0]["weekdays"] == ["mon"]
    assert data["request"]["medicines"][1]["spacing_min"] == 90
    assert store.load("Weekly").request == request


def test_v3_gains_no_held_steps_and_plans_as_before(store: ProfileStore) -> None:
    """A version-3 file reads as a version-4 profile with no step of the ramp held, and a held
    step saved in version 4 comes back."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.planner import plan_day
    from magplan.profiles import Profile

    current, steps = migrate(json.loads((DATA / "v3-held-ramp.json").read_text()))
    assert steps == ["v3_to_v4", "v4_to_v5"]
    assert current["request"]["ramp_holds"] == []
    old = profile_from_data(current)
    assert old.request.ramp_holds == ()
    k = load_knowledge()
    ramp = plan_day(old.request, k).titration
    held = dataclasses.replace(old.request, ramp_holds=(1,))
    saved = store.save(Profile(name="Bea held", request=held))
    again = store.load(saved.name)
    assert again.request.ramp_holds == (1,)
    weeks = plan_day(again.request, k).titration
    assert len(weeks) == len(ramp) + 1
    assert weeks[1].held and weeks[1].daily_elemental_mg == weeks[0].daily_elemental_mg


def test_v4_gains_no_diet_and_plans_as_before(store: ProfileStore) -> None:
    """A version-4 file reads as a version-5 profile with no diet and the usual amount; diet
    answers and the dietary-gap choice saved in version 5 come back and change the plan."""
    from magplan.core.knowledge import load_knowledge
    from magplan.core.planner import plan_day
    from magplan.core.request import DietServing
    from magplan.profiles import Profile

    data = json.loads((DATA / "v4-ruth.json").read_text())
    current, steps = migrate(data)
    assert steps == ["v4_to_v5"]
    assert current["request"]["diet"] == [] and current["request"]["target_from_diet"] is False
    old = profile_from_data(current)
    assert old.request.diet == () and not old.request.target_from_diet
    assert old.request.ramp_holds == (1,) and old.person_name == "Ruth M."
    k = load_knowledge()
    usual = plan_day(old.request, k)
    assert usual.diet is None and usual.daily_elemental_mg == 300
    diet = (DietServing(item="almonds", servings=2), DietServing(item="almonds-w", servings=1))
    with pytest.raises(ProfileError):  # an unknown food is refused at the field
        store.save(Profile(name="Ruth bad", request=dataclasses.replace(old.request, diet=diet)))
    diet = (
        DietServing(item="almonds", servings=2),
        DietServing(item="nuts", servings=3, per="week"),
    )
    eating = dataclasses.replace(old.request, diet=diet, target_from_diet=True)
    saved = store.save(Profile(name="Ruth eats", request=eating))
    on_disk = json.loads((store.folder / "ruth-eats.json").read_text())
    assert on_disk["schema_version"] == 5
    assert on_disk["request"]["diet"][1] == {"food": "nuts", "servings": 3.0, "per": "week"}
    again = store.load(saved.name)
    assert again.request == eating
    gap_plan = plan_day(again.request, k)
    assert gap_plan.diet is not None and gap_plan.target_from_diet
    assert gap_plan.daily_elemental_mg < usual.daily_elemental_mg
