"""The one resource loader finds the knowledge files in each way the program can be run."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from magplan import resources

CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(autouse=True)
def fresh_loader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No explicit folder, no bundle, and no answer remembered from another test."""
    monkeypatch.delenv("MAGPLAN_RESOURCES", raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    resources.resource_dir.cache_clear()
    yield
    resources.resource_dir.cache_clear()


def knowledge_folder(folder: Path) -> Path:
    """A folder holding a copy of the real knowledge files."""
    shutil.copytree(CHECKOUT_RESOURCES, folder)
    return folder


def loader_copy(package_dir: Path) -> ModuleType:
    """The loader module imported from ``package_dir/resources.py``, as if installed there."""
    package_dir.mkdir(parents=True, exist_ok=True)
    module_file = package_dir / "resources.py"
    shutil.copyfile(resources.__file__, module_file)
    spec = importlib.util.spec_from_file_location("magplan_resources_copy", module_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_checkout_uses_the_resources_folder_at_the_top_of_the_repository() -> None:
    assert resources.resource_dir() == CHECKOUT_RESOURCES
    assert resources.resource_path("goals.toml") == CHECKOUT_RESOURCES / "goals.toml"
    assert resources.resource_path("icons/magplan.svg").is_file()


def test_the_environment_variable_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = knowledge_folder(tmp_path / "chosen")
    monkeypatch.setenv("MAGPLAN_RESOURCES", str(folder))
    assert resources.resource_dir() == folder
    assert resources.resource_path("forms.toml").read_text(encoding="utf-8").startswith("#")


def test_a_pyinstaller_bundle_uses_its_unpacked_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    folder = knowledge_folder(bundle / "magplan" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.resource_dir() == folder


def test_the_environment_variable_wins_over_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    knowledge_folder(bundle / "magplan" / "resources")
    chosen = knowledge_folder(tmp_path / "chosen")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("MAGPLAN_RESOURCES", str(chosen))
    assert resources.resource_dir() == chosen


def test_an_installed_wheel_uses_the_folder_inside_the_package(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "magplan"
    folder = knowledge_folder(package / "resources")
    assert loader_copy(package).resource_dir() == folder


def test_nothing_found_is_one_clear_error_listing_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("MAGPLAN_RESOURCES", str(empty))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    loader = loader_copy(tmp_path / "site-packages" / "magplan")
    with pytest.raises(loader.ResourcesNotFound) as caught:
        loader.resource_dir()
    message = str(caught.value)
    assert "\n" not in message
    assert "cannot find its knowledge files" in message
    assert str(empty) in message
    assert str(tmp_path / "bundle" / "magplan" / "resources") in message
    assert str(tmp_path / "site-packages" / "magplan" / "resources") in message


def test_an_editable_install_uses_the_checkout_next_to_its_sources(tmp_path: Path) -> None:
    """``pip install -e .`` runs the modules from ``src/magplan``: the folder two levels up is
    the checkout's ``resources/``, whatever copy the installer left in site-packages."""
    checkout = tmp_path / "checkout"
    folder = knowledge_folder(checkout / "resources")
    knowledge_folder(tmp_path / "site-packages" / "magplan" / "resources")  # never looked at
    assert loader_copy(checkout / "src" / "magplan").resource_dir() == folder


def test_only_the_loader_decides_where_the_resources_are() -> None:
    """No other module guesses a path from its own file, a bundle's folder or the package."""
    loader = Path(resources.__file__).resolve()
    guesses = ("__file__", "_MEIPASS", "importlib.resources", "importlib_resources")
    offenders = [
        f"{path.relative_to(loader.parent)}: {word}"
        for path in sorted(loader.parent.rglob("*.py"))
        if path != loader
        for word in guesses
        if word in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
