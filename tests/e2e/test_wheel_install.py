"""A plain wheel install (not an editable one) carries resources, translations and migrations."""

from __future__ import annotations

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
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return python


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
        "print(sorted(p.name for p in translations_dir().glob('eoffice_*.ts')))\n"
    ), tmp_path)
    inside, icons, ts_files = out.splitlines()
    assert inside == "True True"
    assert int(icons) > 5
    assert "eoffice_vi.ts" in ts_files and "eoffice_en.ts" in ts_files


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
