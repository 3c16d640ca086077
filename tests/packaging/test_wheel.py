"""The wheel, installed into a brand-new virtual environment, runs with its own resources.

Builds the wheel from this checkout, installs it with its dependencies into a plain new venv
(about 15-30 s with a warm pip cache) and runs the installed ``magplan`` from an unrelated
folder, so nothing can come from the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path
    site_packages: Path
    elsewhere: Path  # a working folder outside the checkout

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MAGPLAN_", "PYTHON"))}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        return subprocess.run(
            args,
            cwd=self.elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _run(*args: str | Path, cwd: Path = ROOT) -> None:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    wheels = work / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, ROOT)
    (wheel,) = wheels.glob("magplan-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    _run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    site_packages = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    return Installed(wheel, bin_dir, Path(site_packages), elsewhere)


def test_the_wheel_carries_the_knowledge_files_icon_and_both_commands(
    installed: Installed,
) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = wheel.read(entry_points).decode()
    shipped = {p.name for p in (Path(__file__).parents[2] / "resources").glob("*.toml")}
    assert {"forms.toml", "planning.toml", "warnings.toml"} <= shipped
    for knowledge in shipped:
        assert f"magplan/resources/{knowledge}" in names
    assert "magplan/resources/icons/magplan.svg" in names
    assert "magplan/py.typed" in names
    assert "magplan/cli/collector.py" in names
    assert "magplan = magplan.cli:main" in scripts
    assert "magplan-gui = magplan.cli:gui_main" in scripts


def test_the_wheel_carries_the_program_only_not_the_benchmark(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
    assert [n for n in names if "bench" in n.lower()] == []
    packages = {n.split("/", 1)[0] for n in names if "/" in n and ".dist-info/" not in n}
    assert packages == {"magplan"}


def test_the_installed_program_reads_resources_from_its_own_install(
    installed: Installed,
) -> None:
    done = installed.run(
        "python", "-c", "from magplan.resources import resource_dir; print(resource_dir())"
    )
    assert done.returncode == 0, done.stderr
    found = Path(done.stdout.strip())
    assert found == installed.site_packages / "magplan" / "resources"
    assert not found.is_relative_to(ROOT)


def test_installed_forms_json_lists_the_forms(installed: Installed) -> None:
    done = installed.run("magplan", "forms", "--json")
    assert done.returncode == 0, done.stderr
    forms = json.loads(done.stdout)
    assert isinstance(forms, list) and len(forms) >= 5
    for form in forms:
        assert {"id", "name", "elemental_fraction", "uses"} <= form.keys()
        assert 0 < form["elemental_fraction"] < 1
        assert isinstance(form["uses"], list)
    by_id = {form["id"]: form for form in forms}
    assert by_id["glycinate"]["elemental_fraction"] == pytest.approx(0.141)


def test_installed_print_writes_a_pdf_schedule(installed: Installed) -> None:
    if installed.run("magplan", "print", "--help").returncode != 0:
        pytest.skip("this version of magplan has no print command yet")
    from pypdf import PdfReader

    pdf = installed.elsewhere / "schedule.pdf"
    done = installed.run(
        "magplan", "print", "--goal", "sleep", "--name", "Ada Lovelace", "-o", str(pdf)
    )
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # Qt's PDFs place words one by one: readers join them with tabs or newlines.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Ada Lovelace" in text
    assert "glycinate" in text.lower()
