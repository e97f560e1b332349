"""``gui --self-test``: the whole application offscreen on a temporary profile with sample
data; each check answers (name, passed, detail)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eoffice_client.config import Profile

Check = tuple[str, bool, str]


def fill_profile(profile: Profile, documents: int, username: str = "vanthu") -> int:
    from eoffice_client.sandbox.sample_cache import fill_profile as fill_cache

    return fill_cache(profile.db_path, documents, user=username)


def _wait(app: object, until: Callable[[], bool], seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if until():
            return True
        time.sleep(0.01)
    return False


def run_checks(lang: str = "vi") -> list[Check]:
    from PySide6.QtCore import QCoreApplication, QSize
    from PySide6.QtGui import QIcon
    from PySide6.QtPdf import QPdfDocument

    from eoffice_client.ui.app import Controller, create_application
    from eoffice_client.ui.resources import icon_path, stylesheet

    results: list[Check] = []
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="eoffice-selftest-") as folder:
        root = Path(folder)
        # resources
        names = ("app", "inbox", "sync", "print", "search")
        missing = [n for n in names if QIcon(str(icon_path(n))).pixmap(QSize(24, 24)).isNull()]
        results.append(("resources", not missing and bool(stylesheet()),
                        ", ".join(missing) if missing else ""))
        # database
        profile = Profile.at(root / "profile")
        try:
            count = fill_profile(profile, 60)
            results.append(("database", count == 60, f"{count} documents"))
        except Exception as exc:  # a check reports, it does not crash
            results.append(("database", False, f"{type(exc).__name__}: {exc}"))
        # window and translations
        controller = Controller(app, profile, lang)
        window = controller.window
        try:
            expected = {"vi": "Đồng bộ ngay", "en": "Sync now"}[lang if lang == "en" else "vi"]
            translated = QCoreApplication.translate("WindowCommands", "Sync now")
            results.append(("translations", translated == expected,
                            str(controller.translations.loaded_file or "(built in)")))
            window.show()
            window.start(interactive=False)
            documents = window.documents
            shown = _wait(app, lambda: documents.list_loaded and documents.model.rowCount() > 0)
            results.append(("main window", shown and window.isVisible(),
                            f"{documents.model.rowCount()} rows"))
        finally:
            controller.close()
        # PDF rendering
        results.append(_pdf_check(root, QPdfDocument))
    return results


def _pdf_check(root: Path, pdf_document: type) -> Check:
    from PySide6.QtCore import QSize

    from eoffice_client.sandbox.sample_pdf import render_pdf

    path = root / "check.pdf"
    path.write_bytes(render_pdf(["Kiem tra hien thi PDF", "eOffice self-test"]))
    document = pdf_document()
    document.load(str(path))
    image = document.render(0, QSize(200, 280)) if document.pageCount() else None
    ok = image is not None and not image.isNull()
    # a blank page renders too: look for ink
    inked = ok and any(image.pixelColor(x, y).lightness() < 128  # type: ignore[union-attr]
                       for x in range(0, 200, 2) for y in range(0, 140, 2))
    pages = document.pageCount()
    document.close()
    return ("pdf rendering", bool(ok and inked), f"{pages} page(s)")
