"""Application bootstrap: QApplication, translators, stylesheet, crash handler, main window."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
    qVersion,
)
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from eoffice_client import __version__
from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.app.local import protect_log_handler, redacted
from eoffice_client.core.messages import set_language
from eoffice_client.ui import i18n
from eoffice_client.ui.dialogs.crash import CrashDialog
from eoffice_client.ui.file_dialogs import save_file
from eoffice_client.ui.qt_log import release_early_messages, route_qt_messages
from eoffice_client.ui.resources import icon_path, stylesheet
from eoffice_client.ui.stop_signals import StopOnSignals
from eoffice_client.ui.window.shell import MainWindow

LOG = logging.getLogger("eoffice.ui")


class Translations:
    """Our catalogue plus one of Qt's own texts: Qt's where Qt has one, else ours (Qt has
    none for Vietnamese)."""

    #: every catalogue installed on the application, by whichever instance installed it
    #: (a language switch removes them all, so none is left behind)
    installed: ClassVar[list[QTranslator]] = []

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.translators = Translations.installed
        self.lang = "vi"
        self.loaded_file: Path | None = None

    def apply(self, lang: str) -> bool:
        """Switches the language; widgets hear QEvent.LanguageChange and retranslate."""
        lang = lang if lang in i18n.LANGUAGES else "vi"
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators.clear()
        self.lang = lang
        set_language(lang)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi"
                                   else QLocale.Language.English))
        self.app.setProperty("eofficeLanguage", lang)
        ok = True
        path = i18n.qm_path(lang)
        self.loaded_file = path
        if path is not None:
            ok = self._install(str(path))
        elif lang != "en":
            ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(self.app)
        if qtbase.load(f"qtbase_{lang}", qt_dir):  # Qt's own, where Qt has one
            self.app.installTranslator(qtbase)
            self.translators.append(qtbase)
        elif (ours := i18n.qt_qm_path(lang)) is not None:  # Vietnamese: ours
            self._install(str(ours))
        elif lang != "en":
            LOG.error("Qt's texts have no catalogue for %s: its dialogs stay in English", lang)
        return ok

    def _install(self, path: str) -> bool:
        translator = QTranslator(self.app)
        if not translator.load(path):
            LOG.warning("translation %s could not be loaded", path)
            return False
        self.app.installTranslator(translator)
        self.translators.append(translator)
        return True


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication (reused when it exists, as under pytest-qt)."""
    route_qt_messages()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv or sys.argv[:1]))
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Names, icon and the stylesheet (also for an application made elsewhere, e.g. tests)."""
    route_qt_messages()
    if app.property("eofficeConfigured"):
        return
    app.setProperty("eofficeConfigured", True)
    app.setApplicationName("eOffice")
    app.setOrganizationName("eOffice")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path("app"))))
    _base_font_and_text_colour(app)
    app.setStyleSheet(stylesheet())


#: the text colour of every widget (disabled texts keep the style's lighter colour)
TEXT_COLOUR = "#1f2933"


def _base_font_and_text_colour(app: QApplication) -> None:
    """10 pt text in the app's colour, set on the application's font and palette: a style
    sheet rule for every ``QWidget`` would make the style sheet engine style each widget
    on its own, and disabled texts keep the style's lighter colour this way. Sizes in pt
    keep 125%/150% scaling proportional."""
    font = app.font()
    font.setPointSizeF(10)
    app.setFont(font)
    palette = app.palette()
    colour = QColor(TEXT_COLOUR)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText):
            palette.setColor(group, role, colour)
    app.setPalette(palette)


_translations: list[Translations] = []


def translations_for(app: QCoreApplication) -> Translations:
    """The one :class:`Translations` of this application."""
    for found in _translations:
        if found.app is app:
            return found
    _translations.clear()
    _translations.append(Translations(app))
    return _translations[0]


# --- crash handler ---------------------------------------------------------------------------
class CrashHandler:
    """sys.excepthook for the GUI: save a report in the profile, show it, go on."""

    def __init__(self, profile: Profile, show: bool = True) -> None:
        self.profile = profile
        self.show = show
        self.previous = sys.excepthook
        self.last_report: Path | None = None
        self.dialogs: list[QWidget] = []

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        text = self.report_text(exc, tb)
        self.last_report = save_report(self.profile, text)
        LOG.error("unexpected error, report %s", self.last_report)
        if self.show and QApplication.instance() is not None:
            dialog = CrashDialog(text, self.last_report, QApplication.activeWindow())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
            dialog.show()

    @staticmethod
    def report_text(exc: BaseException, tb: TracebackType | None) -> str:
        from eoffice_client.core.app.diagnostics import versions

        lines = [f"{k}: {v}" for k, v in versions({"qt": qVersion()}).items()]
        lines.append(f"time: {dt.datetime.now(dt.UTC).isoformat()}")
        lines.append("")
        lines.append("".join(traceback.format_exception(type(exc), exc, tb)))
        return redacted("\n".join(lines))


def save_report(profile: Profile, text: str) -> Path | None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        profile.reports_dir.mkdir(parents=True, exist_ok=True)
        path = profile.reports_dir / f"crash-{stamp}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


#: the window's log file rotates at this size, keeping this many older files
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 3


def setup_logging(profile: Profile) -> None:
    """A rotating log file in the profile (no secrets are ever logged; its redaction filter
    removes them all the same)."""
    try:
        profile.logs_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    root = logging.getLogger("eoffice")
    target = str(profile.logs_dir / "eoffice-gui.log")
    if any(isinstance(h, logging.FileHandler) and h.baseFilename == target
           for h in root.handlers):
        return
    handler = RotatingFileHandler(target, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                  encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    protect_log_handler(handler)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    release_early_messages(handler)


# --- the window ------------------------------------------------------------------------------
class Controller:
    """Owns the window of the current profile: language switches, profile switches, diagnostics."""

    def __init__(self, app: QApplication, profile: Profile, lang: str,
                 crash_handler: bool = True) -> None:
        self.app = app
        configure_application(app)
        self.use_crash_handler = crash_handler
        self.translations = translations_for(app)
        self.crash_handler: CrashHandler | None = None
        self.lang = lang
        self.profile = profile
        self.window = self._open(profile)

    @property
    def client(self) -> App:
        """The application API of the window's profile."""
        return self.window.app

    def _open(self, profile: Profile) -> MainWindow:
        self.profile = profile
        settings = profile.load_settings()
        setup_logging(profile)
        if self.crash_handler is not None:
            self.crash_handler.uninstall()
        self.crash_handler = CrashHandler(profile)
        if self.use_crash_handler:
            self.crash_handler.install()
        self.translations.apply(self.lang)
        window = MainWindow(App(profile, settings), profile, settings, self.lang)
        window.languageChangeRequested.connect(self.set_language)
        window.profileSwitchRequested.connect(self.switch_profile)
        window.exportDiagnosticsRequested.connect(self.export_diagnostics)
        return window

    def show(self) -> None:
        self.window.show()
        self.window.start()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.translations.apply(lang)
        self.window.lang = lang
        self.window.retranslate()

    def switch_profile(self, folder: str) -> None:
        old = self.window
        old.close()
        old.app.close()
        self.window = self._open(Profile.at(folder))
        self.show()
        old.deleteLater()

    def export_diagnostics(self, out: Path | None = None) -> Path | None:
        if out is None:
            chosen = save_file(self.window, QCoreApplication.translate(
                "WindowCommands", "Export diagnostics bundle…"), "eoffice-diagnostics.zip",
                "ZIP (*.zip)", purpose="diagnostics")
            if chosen is None:
                return None
            out = chosen
        with App(self.profile) as app:  # the same bundle as ``eoffice-client diagnostics``
            return app.diagnostics.export(out, extra_versions={"qt": qVersion()}).path

    def close(self) -> None:
        self.window.close()
        self.window.app.close()
        if self.crash_handler is not None:
            self.crash_handler.uninstall()


def run_gui(profile: Profile, lang: str, argv: Sequence[str] | None = None) -> int:
    """Opens the window on ``profile`` and runs until it closes."""
    app = create_application(argv)
    controller = Controller(app, profile, lang)
    controller.window.firstPaint.connect(
        lambda: LOG.info("window shown on the %s platform", app.platformName()))
    controller.show()
    stop = StopOnSignals(app)
    try:
        return int(app.exec())
    finally:
        stop.close()
        controller.close()
