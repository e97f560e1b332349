"""Qt's own dialogs in Vietnamese: file, print and message dialogs, standard buttons, the
context menu of text fields.

Qt ships no Vietnamese catalogue of its own (no ``qtbase_vi.qm`` in the PySide6 wheels),
so ours is ``translations/qtbase_vi.ts`` with Qt's own contexts and source texts
(QPlatformTheme, QFileDialog, QPrintDialog, ...), built into ``qtbase_vi.qm`` with the
window's catalogues (setup.py, installers/build.py). :class:`QtDialogTexts` follows the
window's language: it installs the catalogue while the language is Vietnamese, after
Qt's own catalogue for the language where Qt has one, and removes it otherwise.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator

from eoffice_client.ui.resources import data_dir

LOG = logging.getLogger("eoffice.ui.admin.qt_texts")
#: the languages whose Qt texts we translate ourselves (Qt has no catalogue for them)
OWN_LANGUAGES = ("vi",)


def qt_catalogue(lang: str, folder: Path | None = None) -> Path | None:
    """Our compiled catalogue of Qt's texts for ``lang``, None when there is none."""
    if lang not in OWN_LANGUAGES:
        return None
    path = (folder or data_dir("translations")) / f"qtbase_{lang}.qm"
    if path.is_file():
        return path
    LOG.error("%s is missing: Qt's dialogs stay in English (the package was built "
              "without it)", path.name)
    return None


class QtDialogTexts(QObject):
    """Keeps our catalogue of Qt's texts installed while the window speaks Vietnamese.

    The window's language is the application's ``eofficeLanguage`` property, set by
    ``ui/app.py``'s ``Translations.apply`` before it installs its catalogues; each install
    sends a LanguageChange to the application and on to every window, which this filter
    follows on ``watch`` (the main window: a filter on the application itself would be
    called for every event of the app)."""

    def __init__(self, app: QCoreApplication, watch: QObject | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(watch or app)  # gone with its window: its translator with it
        self.app = app
        self.watched = watch or app
        self.folder = folder
        self.translator: QTranslator | None = None
        self.lang: str | None = None
        self._busy = False
        self.watched.installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        """Installs or removes the catalogue for the window's language now."""
        lang = str(self.app.property("eofficeLanguage") or "vi")
        if self._busy or lang == self.lang:
            return
        self._busy = True
        try:
            self._remove()
            self.lang = lang
            path = qt_catalogue(lang, self.folder)
            if path is not None:
                translator = QTranslator(self)
                if translator.load(str(path)):
                    self.app.installTranslator(translator)
                    self.translator = translator
                else:
                    LOG.warning("%s could not be loaded", path.name)
        finally:
            self._busy = False

    def close(self) -> None:
        """Follows no more and takes the catalogue out."""
        self.watched.removeEventFilter(self)
        self._remove()
        self.lang = None

    def _remove(self) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.watched and event.type() == QEvent.Type.LanguageChange:
            self.follow()
        return False
