"""A plain wheel, installed with its dependencies in a fresh environment (not an editable
install), carries resources, built translations and migrations, and runs."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(work.glob("eoffice_client-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True, timeout=900)
    return python


def _script(python: Path) -> str:
    return str(python.parent / "eoffice-client")


def test_the_installed_command_runs(installed_python: Path, tmp_path: Path) -> None:
    from eoffice_client import __version__

    done = subprocess.run([_script(installed_python), "--version"], cwd=tmp_path, check=True,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == f"eoffice-client {__version__}"


def test_the_installed_window_passes_its_self_test(installed_python: Path,
                                                   tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([_script(installed_python), "--lang", "vi", "gui", "--self-test"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout and done.stdout.count("ok") >= 3


def _run(python: Path, code: str, cwd: Path) -> str:
    done = subprocess.run([str(python), "-I", "-c", code], cwd=cwd, check=True,
                          capture_output=True, text=True, timeout=60)
    return done.stdout


def test_installed_package_finds_its_data(installed_python: Path, tmp_path: Path) -> None:
    out = _run(installed_python, (
        "from eoffice_client.paths import resources_dir, translations_dir\n"
        "import eoffice_client, pathlib\n"
        "pkg = pathlib.Path(eoffice_client.__file__).parent\n"
        "print(resources_dir().is_relative_to(pkg), translations_dir().is_relative_to(pkg))\n"
        "print(len(list(resources_dir().rglob('*.svg'))))\n"
        "print(sorted(p.name for p in translations_dir().glob('eoffice_*.qm')))\n"
    ), tmp_path)
    inside, icons, qm_files = out.splitlines()
    assert inside == "True True"
    assert int(icons) > 5
    assert "eoffice_vi.qm" in qm_files and "eoffice_en.qm" in qm_files  # built with the wheel


def test_installed_package_ships_migrations(installed_python: Path, tmp_path: Path) -> None:
    out = _run(installed_python, (
        "import importlib.util, pathlib\n"
        "spec = importlib.util.find_spec('eoffice_client.core.store')\n"
        "folder = pathlib.Path(spec.origin).parent / 'migrations'\n"
        "print(len(list((folder / 'versions').glob('*.py'))))\n"
    ), tmp_path)
    assert int(out) >= 1


def test_installed_package_ships_the_fonts(installed_python: Path, tmp_path: Path) -> None:
    out = _run(installed_python, (
        "from eoffice_client.paths import resources_dir\n"
        "from eoffice_client.core.documents.font_metrics import text_width_mm\n"
        "from eoffice_client.sandbox.sample_pdf import attachment_pdf\n"
        "print(sorted(p.name for p in (resources_dir() / 'fonts').glob('*.ttf')))\n"
        "print(round(text_width_mm('Độc lập', 14, bold=True)),\n"
        "      len(attachment_pdf('a', 'b', 'main')) > 18000)\n"
    ), tmp_path)
    fonts, checks = out.splitlines()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert f"LiberationSerif-{face}.ttf" in fonts
    assert "EOfficeSampleSerif-Regular.ttf" in fonts and checks.endswith("True")
