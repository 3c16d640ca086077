"""Every profiles test gets its own data folder (and, as every test, its own settings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from magplan.profiles import Profile, ProfileStore
from tests.profiles.profile_samples import make_profile


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MAGPLAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store(data_dir: Path) -> ProfileStore:
    return ProfileStore()


@pytest.fixture
def profile() -> Profile:
    """A profile with every kind of input filled in."""
    return make_profile()


@pytest.fixture
def data_files() -> Path:
    """The committed example files of every schema version."""
    return Path(__file__).parent / "data"
