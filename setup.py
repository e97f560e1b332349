"""Build configuration that pyproject.toml cannot express.

- The top-level ``resources/`` and ``translations/`` folders are shipped inside the
  package as ``eoffice_client.resources`` and ``eoffice_client.translations``, so a plain
  wheel install finds them with ``importlib.resources``.
- ``build_py`` compiles ``translations/*.ts`` into ``.qm`` files with Qt's ``lrelease``
  (PySide6-Essentials is a build requirement, so the build environment has it): into the
  built package, or into ``translations/`` itself for an editable install. The ``.qm``
  files are never committed. A build without lrelease, or whose lrelease fails, fails.
"""

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

PACKAGES = [
    *find_packages(include=["eoffice_client", "eoffice_client.*"]),
    "eoffice_client.core.store.migrations",  # Alembic's folders have no __init__.py
    "eoffice_client.core.store.migrations.versions",
    "eoffice_client.resources",
    "eoffice_client.resources.fonts",
    "eoffice_client.resources.icons",
    "eoffice_client.resources.signing",
    "eoffice_client.translations",
]
HERE = Path(__file__).resolve().parent


def _lrelease() -> list[str] | None:
    """The lrelease program inside the PySide6 package this build imports.

    pip's isolated build puts PySide6 on the build's own path only: the
    ``pyside6-lrelease`` wrapper script may belong to another Python and fail to import
    PySide6, while the Qt program in the package runs on its own.
    """
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for name in ("lrelease", "lrelease.exe"):
                if (Path(folder) / name).is_file():
                    return [str(Path(folder) / name)]
    found = shutil.which("lrelease")
    return [found] if found else None


class BuildWithTranslations(build_py):
    """build_py, then lrelease every .ts into the package's translations folder."""

    def run(self) -> None:
        super().run()
        command = _lrelease()
        if command is None:
            raise SystemExit("Qt's lrelease not found: the .qm translations cannot be built "
                             "(install PySide6-Essentials)")
        if getattr(self, "editable_mode", False):
            target = HERE / "translations"  # an editable install reads the source folder
        else:
            target = Path(self.build_lib) / "eoffice_client" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted((HERE / "translations").glob("*.ts")):
            out = target / (source.stem + ".qm")
            done = subprocess.run([*command, "-silent", str(source), "-qm", str(out)],
                                  capture_output=True, text=True)
            if done.returncode != 0 or not out.is_file():
                raise SystemExit(f"lrelease failed on {source.name}: "
                                 f"{done.stderr.strip()[-300:]}")


setup(packages=PACKAGES, cmdclass={"build_py": BuildWithTranslations})
