"""Where the shipped data folders are: inside the installed package, or the source tree.

A wheel install carries ``resources/`` and ``translations/`` as the packages
``eoffice_client.resources`` and ``eoffice_client.translations`` (see setup.py); an
editable install from a checkout reads the top-level folders directly.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(package: str, folder: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return _SOURCE_ROOT / folder


def resources_dir() -> Path:
    """Icons, stylesheet, .docx templates, signature images."""
    return _data_dir("eoffice_client.resources", "resources")


def translations_dir() -> Path:
    """The .ts sources and (once built) the .qm files of the window's languages."""
    return _data_dir("eoffice_client.translations", "translations")
