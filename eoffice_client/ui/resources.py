"""Where the packaged resources and translations are, in an installed, editable or frozen app.

Installed, ``resources/`` and ``translations/`` are the packages ``eoffice_client.resources``
and ``eoffice_client.translations`` (pyproject's package-dir); in a source checkout or an
editable install they may only exist as the top-level folders next to the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from eoffice_client import paths


@cache
def data_dir(name: str) -> Path:
    """The folder of ``resources`` or ``translations`` (see eoffice_client/paths.py)."""
    return paths.resources_dir() if name == "resources" else paths.translations_dir()


def resource_path(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


def icon(name: str) -> QIcon:
    """One of the SVG icons in ``resources/icons``."""
    return QIcon(str(icon_path(name)))


def stylesheet() -> str:
    try:
        return resource_path("style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
