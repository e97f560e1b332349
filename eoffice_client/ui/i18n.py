"""Translations: the compiled ``eoffice_<lang>.qm`` catalogues of the window.

The ``.qm`` files are built from the ``.ts`` sources by ``pyside6-lrelease`` when the
package is built or installed (setup.py); they are never committed nor compiled at run
time. A missing catalogue is logged and the window shows its English source texts (the
self-test reports it).
"""

from __future__ import annotations

import logging
from pathlib import Path

from eoffice_client.ui.resources import data_dir

LOG = logging.getLogger("eoffice.ui.i18n")
LANGUAGES = ("vi", "en")


def ts_path(lang: str) -> Path:
    return data_dir("translations") / f"eoffice_{lang}.ts"


def qt_qm_path(lang: str) -> Path | None:
    """Our compiled catalogue of Qt's own texts (file, print and message dialogs, standard
    buttons) for a language Qt ships none for: ``translations/qtbase_vi.ts``, with Qt's
    contexts and source texts, built with the window's catalogues."""
    packaged = data_dir("translations") / f"qtbase_{lang}.qm"
    return packaged if packaged.is_file() else None


def qm_path(lang: str) -> Path | None:
    """The compiled catalogue of ``lang`` shipped with the package, None when missing."""
    packaged = data_dir("translations") / f"eoffice_{lang}.qm"
    if packaged.is_file():
        return packaged
    LOG.error("the translation %s is missing: the package was built without it",
              packaged.name)
    return None
