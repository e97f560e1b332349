"""``gui --self-test``, ``--startup-probe`` and ``--demo``; keyboard; registering a paper
document; switching profiles."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import ROOT, shoot


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", EOFFICE_QM_CACHE=str(tmp_path / "qm"),
               HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    return env


def test_self_test_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "eoffice_client", "gui", "--self-test"],
                          cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert done.returncode == 0, done.stdout + done.stderr
    names = [line.split()[1].rstrip(":") for line in lines]
    assert {"resources", "database", "translations", "pdf"} <= set(names)
    assert all(line.startswith("ok") for line in lines)


def test_startup_probe_command(filled_profile: Any, tmp_path: Path) -> None:
    profile = filled_profile(50)
    done = subprocess.run([sys.executable, "-m", "eoffice_client", "--profile",
                           str(profile.root), "gui", "--startup-probe"], cwd=ROOT,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    word, number = done.stdout.split()
    assert word == "first-paint-ms" and 0 < int(number) < 60_000
    # Qt's own chatter (the offscreen plugin's propagateSizeHints) goes to the log only
    assert "propagateSizeHints" not in done.stderr, done.stderr
    log = (profile.logs_dir / "eoffice-gui.log").read_text(encoding="utf-8")
    assert "eoffice.qt" in log


def test_demo_starts_sandbox_and_signs_in(tmp_path: Path, monkeypatch: Any) -> None:
    from eoffice_client.cli import cmd_gui
    from eoffice_client.cli.context import CliContext
    from eoffice_client.ui.service_backend import ServiceBackend

    seen: dict[str, Any] = {}

    def fake_run_gui(profile: Any, lang: str) -> int:
        backend = ServiceBackend(profile)
        try:
            seen["user"] = backend.me()
            seen["server"] = profile.load_settings().server
            seen["restored"] = backend.restore_session()
        finally:
            backend.close()
        return 0

    monkeypatch.setattr("eoffice_client.ui.app.run_gui", fake_run_gui)
    args = argparse.Namespace(self_test=False, startup_probe=False, demo=True,
                              user="lanhdao", documents=12)
    assert cmd_gui.run(args, CliContext(profile_arg=str(tmp_path / "unused"), lang="vi")) == 0
    assert seen["user"]["username"] == "lanhdao"
    assert seen["server"].startswith("http://127.0.0.1:") and seen["restored"]


def test_keyboard(filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    """Ctrl+F searches, Enter opens (and marks read), F5 syncs (here: asks to sign in)."""
    controller = open_window(filled_profile(60, user="vanthu"))
    window = controller.window
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=5000)
    window.table.setFocus()
    window.table.selectRow(0)
    doc_id = window.model.ids[0]
    assert not controller.backend.document(doc_id)["read"]
    with qtbot.waitSignal(window.actionQueued, timeout=10000):
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert [e.action for e in controller.backend.outbox()] == ["mark_read"]
    assert controller.backend.document(doc_id)["read"]
    window.interactive = True
    with qtbot.waitSignal(window.syncFinished, timeout=30000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert isinstance(blocker.args[0], BaseException)  # no session on this profile
    qtbot.waitUntil(lambda: getattr(window, "sign_in_dialog", None) is not None
                    and window.sign_in_dialog.isVisible(), timeout=10000)
    window.sign_in_dialog.reject()


def test_register_paper_document(filled_profile: Any, open_window: Any, qtbot: Any,
                                 tmp_path: Path) -> None:
    from eoffice_client.ui.dialogs import RegisterPaperDialog

    controller = open_window(filled_profile(40, user="vanthu"))
    window, backend = controller.window, controller.backend
    dialog = RegisterPaperDialog(backend.catalog(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # nothing filled in: refused with reasons
    assert dialog.isVisible() and dialog.error.text()
    dialog.subject.setPlainText("Về việc tổ chức hội nghị tổng kết công tác văn thư năm 2026")
    assert not dialog.error.text()  # the reasons go once the user starts fixing them
    dialog.code_notation.setText("KH-SNV")
    dialog.code_number.setValue(27)
    page = QImage(600, 800, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    scan = tmp_path / "trang1.jpg"
    assert page.save(str(scan))
    dialog.add_file(scan)
    assert dialog.files.item(0).text() == "trang1.jpg" and dialog.file_paths() == [scan]
    shoot(dialog, "register-paper-dialog")
    dialog.accept()
    assert not dialog.isVisible()
    body, files = dialog.body(), dialog.file_paths()
    with qtbot.waitSignal(window.actionQueued, timeout=20000):
        window.submit_paper(body, files)
    kinds = sorted(e.action for e in backend.outbox())
    assert kinds == ["create", "upload"]
    doc = backend.document(body["id"])
    assert doc["status"] == "received" and doc["code_number"] == 27
    qtbot.waitUntil(lambda: window.model.position_of(body["id"]) >= 0, timeout=10000)


def test_switch_profile(filled_profile: Any, open_window: Any, qtbot: Any) -> None:
    controller = open_window(filled_profile(30, user="vanthu", name="first"))
    second = filled_profile(25, user="lanhdao", name="second")
    first_window = controller.window
    controller.switch_profile(str(second.root))
    window = controller.window
    assert window is not first_window and controller.profile.root == second.root
    window.start(interactive=False)
    qtbot.waitUntil(lambda: window.backend_ready and bool(window.counts), timeout=30000)
    assert controller.backend.me()["username"] == "lanhdao"


#: Loaded only after the first paint (or on first use): the core, the network, the PDF
#: viewer and the dialogs. A new import of one of them before the paint slows every start.
NOT_BEFORE_FIRST_PAINT = ("sqlalchemy", "requests", "pydantic", "PySide6.QtPdf",
                          "PySide6.QtPdfWidgets", "PySide6.QtSvg", "logging.handlers",
                          "eoffice_client.core.store", "eoffice_client.core.sync",
                          "eoffice_client.core.api", "eoffice_client.ui.dialogs",
                          "eoffice_client.ui.document_view", "eoffice_client.ui.sync_issues",
                          "eoffice_client.ui.action_dialogs", "eoffice_client.ui.cell_cache",
                          "eoffice_client.core.domain.workflow", "zoneinfo")

#: Qt classes not made before the first paint (PySide6 makes a class, and all its enums,
#: on first touch): what the first ``viewport()`` call resolved (every QWidget subclass),
#: the file and message dialogs, and the keyboard shortcuts (bound after the paint).
QT_CLASSES_NOT_BEFORE_FIRST_PAINT = (
    "QtWidgets.QFileDialog", "QtWidgets.QMessageBox", "QtWidgets.QWizard",
    "QtWidgets.QMdiArea", "QtWidgets.QTabWidget", "QtWidgets.QGraphicsView",
    "QtWidgets.QCalendarWidget", "QtWidgets.QCheckBox", "QtGui.QKeySequence",
    "QtGui.QShortcut", "QtWidgets.QDateEdit", "QtWidgets.QPlainTextEdit", "QtGui.QBrush")

_MODULES_AT_PAINT = r"""
import gc
import sys
import eoffice_client.ui.probe as probe
import eoffice_client.ui.main_window as main_window
from eoffice_client.cli import main

def at_paint():
    import PySide6.QtGui, PySide6.QtWidgets
    print("modules " + " ".join(sorted(sys.modules)), flush=True)
    made = [f"{m.__name__[8:]}.{k}" for m in (PySide6.QtGui, PySide6.QtWidgets) for k in vars(m)]
    print("qt-classes " + " ".join(made), flush=True)
    print(f"gc-at-paint {gc.isenabled()}", flush=True)
    window = next(w for w in PySide6.QtWidgets.QApplication.topLevelWidgets()
                  if isinstance(w, main_window.MainWindow))
    found = main_window.viewport_of(window.table) is window.table.viewport()
    print(f"viewport-found {found}", flush=True)
    return 1

load_backend = main_window.MainWindow._load_backend

def loaded(window):
    load_backend(window)
    print(f"gc-after-load {gc.isenabled()}", flush=True)

probe.elapsed_ms = at_paint
main_window.MainWindow._load_backend = loaded
sys.exit(main(["--profile", sys.argv[1], "gui", "--startup-probe"]))
"""


def test_first_paint_imports_stay_lean(filled_profile: Any, tmp_path: Path) -> None:
    profile = filled_profile(30)
    done = subprocess.run([sys.executable, "-c", _MODULES_AT_PAINT, str(profile.root)],
                          cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("modules "))
    loaded = set(line.split()[1:])
    assert "eoffice_client.ui.main_window" in loaded  # the probe did run at the paint
    early = sorted(m for m in loaded if m.startswith(NOT_BEFORE_FIRST_PAINT))
    assert early == []
    assert not {"uuid", "platform"} & loaded  # ~4 ms; the bare window pays neither
    made = set(next(x for x in done.stdout.splitlines() if x.startswith("qt-classes ")).split())
    assert "QtWidgets.QTableView" in made  # the listing works
    assert sorted(made & set(QT_CLASSES_NOT_BEFORE_FIRST_PAINT)) == []
    # the cyclic GC is off through the start (cli.main) and on once the core is loaded
    assert "gc-at-paint False" in done.stdout and "gc-after-load True" in done.stdout
    assert "viewport-found True" in done.stdout  # viewport_of finds the real viewport
