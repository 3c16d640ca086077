"""Every profiles test gets its own data folder and its own Qt settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from magplan.core.request import MedicineTimes, PlanRequest, Product
from magplan.profiles import Profile, ProfileStore


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QCoreApplication.setOrganizationName("magplan-tests")
    QCoreApplication.setApplicationName("magplan-tests")
    yield
    QSettings().clear()


@pytest.fixture
def store(data_dir: Path) -> ProfileStore:
    return ProfileStore()


def sample_request() -> PlanRequest:
    return PlanRequest(
        goals=("sleep", "anxiety"),
        age_years=52,
        sex="female",
        wake_min=6 * 60 + 30,
        bed_min=23 * 60,
        meals_min=(7 * 60, 13 * 60, 19 * 60 + 15),
        target_mg=300.0,
        limit="eu",
        products=(
            Product(form="glycinate", elemental_mg_per_unit=100.0, label="Night caps"),
            Product(
                form="citrate",
                elemental_mg_per_unit=81.0,
                unit="tablet",
                halves=True,
                compound_mg_per_unit=500.0,
            ),
        ),
        other_magnesium_mg=50.0,
        medicines=(
            MedicineTimes(name="sertraline", class_id="antidepressant", times_min=(480,)),
            MedicineTimes(name="Calcium", class_id="calcium", times_min=(480, 1200)),
        ),
        conditions=("diarrhoea",),
    )


def make_profile(name: str = "Anna K. (evening)") -> Profile:
    return Profile(
        name=name, person_name="Anna Kowalska", prepared_by="J. Smith, RD", request=sample_request()
    )


@pytest.fixture
def profile() -> Profile:
    """A profile with every kind of input filled in."""
    return make_profile()


@pytest.fixture
def data_files() -> Path:
    """The committed example files of every schema version."""
    return Path(__file__).parent / "data"
