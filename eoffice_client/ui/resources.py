"""Where the packaged resources and translations are, in an installed, editable or frozen app.

Installed, ``resources/`` and ``translations/`` are the packages ``eoffice_client.resources``
and ``eoffice_client.translations`` (pyproject's package-dir); in a source checkout or an
editable install they may only exist as the top-level folders next to the package.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

import eoffice_client


@cache
def data_dir(name: str) -> Path:
    """The folder of ``resources`` or ``translations``."""
    try:
        traversable = importlib.resources.files(f"eoffice_client.{name}")
        path = Path(str(traversable))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(eoffice_client.__file__).resolve().parent.parent / name


def resource_path(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


def stylesheet() -> str:
    try:
        return resource_path("style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
