"""Build configuration that pyproject.toml cannot express.

- The top-level ``resources/`` and ``translations/`` folders are shipped inside the
  package as ``eoffice_client.resources`` and ``eoffice_client.translations``, so a plain
  wheel install finds them with ``importlib.resources``.
- ``build_py`` compiles ``translations/*.ts`` into ``.qm`` files with ``pyside6-lrelease``
  next to them in the build; the ``.qm`` files are never committed. When lrelease is not
  available the build goes on without them and the window compiles them at first start
  (eoffice_client/ui/i18n.py).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

PACKAGES = [
    *find_packages(include=["eoffice_client", "eoffice_client.*"]),
    "eoffice_client.core.store.migrations",  # Alembic's folders have no __init__.py
    "eoffice_client.core.store.migrations.versions",
    "eoffice_client.resources",
    "eoffice_client.resources.icons",
    "eoffice_client.translations",
]
HERE = Path(__file__).resolve().parent


def _lrelease() -> list[str] | None:
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


class BuildWithTranslations(build_py):
    """build_py, then lrelease every .ts into the built eoffice_client/translations."""

    def run(self) -> None:
        super().run()
        command = _lrelease()
        target = Path(self.build_lib) / "eoffice_client" / "translations"
        if command is None:
            self.warn("pyside6-lrelease not found: .qm files are compiled at first start")
            return
        target.mkdir(parents=True, exist_ok=True)
        # pip's isolated build sets PYTHONPATH to its own overlay: the lrelease wrapper of
        # the PySide6 installation must not see it
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE")}
        for source in sorted((HERE / "translations").glob("*.ts")):
            out = target / (source.stem + ".qm")
            done = subprocess.run([*command, "-silent", str(source), "-qm", str(out)],
                                  env=env, capture_output=True, text=True)
            if done.returncode != 0:
                self.warn(f"lrelease failed on {source.name} ({done.stderr.strip()[-300:]}): "
                          "it is compiled at first start instead")


setup(packages=PACKAGES, cmdclass={"build_py": BuildWithTranslations})
