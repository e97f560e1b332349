"""Qt's own dialogs speak Vietnamese under the Vietnamese window (our qtbase_vi catalogue:
Qt ships none), and follow a switch to English; file dialogs start in Documents."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
)

from eoffice_client.ui import file_dialogs
from eoffice_client.ui.i18n import qt_qm_path
from tests.gui.conftest import shoot

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def vi_qt(qapp: QApplication) -> Iterator[None]:
    """The window's Vietnamese, Qt's texts included (ui/app.py's translations)."""
    from eoffice_client.ui.app import translations_for

    translations_for(qapp).apply("vi")
    yield
    translations_for(qapp).apply("vi")


def test_qt_ships_no_vietnamese_so_we_do() -> None:
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert not (qt_dir / "qtbase_vi.qm").exists()
    assert (ROOT / "translations" / "qtbase_vi.ts").is_file()
    assert qt_qm_path("vi") is not None and qt_qm_path("en") is None


def test_button_box_and_message_box_buttons(qtbot: Any, vi_qt: None) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    standard = QDialogButtonBox.StandardButton
    assert box.button(standard.Cancel).text() == "Hủy"
    assert box.button(standard.Ok).text() == "OK"
    assert box.button(standard.Save).text().replace("&", "") == "Lưu"
    assert box.button(standard.Close).text().replace("&", "") == "Đóng"
    message = QMessageBox(QMessageBox.Icon.Question, "eOffice", "Lưu thay đổi?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Đồng ý"
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"


def test_qt_file_dialog_labels(qtbot: Any, vi_qt: None, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Chọn tệp đính kèm", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {w.objectName(): w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "Tìm trong:"
    assert labels["fileNameLabel"] == "Tên tệp:"
    assert labels["fileTypeLabel"] == "Loại tệp:"
    tips = {b.objectName(): b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert tips["backButton"] == "Quay lại" and tips["toParentButton"] == "Lên thư mục cha"
    assert tips["newFolderButton"] == "Tạo thư mục mới"
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Mở", "Hủy"}
    shoot(dialog, "admin_qt_file_dialog_vi")


def test_the_catalogue_follows_the_window_language(qtbot: Any, qapp: QApplication,
                                                   vi_qt: None) -> None:
    from eoffice_client.ui.app import translations_for

    field = QLineEdit()
    qtbot.addWidget(field)
    translations_for(qapp).apply("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    translations_for(qapp).apply("vi")
    again = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(again)
    assert again.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_file_dialogs_start_in_documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         qapp: QApplication) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.chdir(ROOT)  # as if started from the program's folder
    folder = file_dialogs.documents_folder()
    assert folder == tmp_path / "home" / "Documents" and folder.is_dir()
    assert file_dialogs.start_folder("attach") == folder
    seen: dict[str, str] = {}

    def fake_open(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        seen["start"] = start
        return str(tmp_path / "elsewhere" / "scan.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    (tmp_path / "elsewhere").mkdir()
    assert file_dialogs.open_file(None, "Chọn", purpose="attach") == (
        tmp_path / "elsewhere" / "scan.pdf")
    assert Path(seen["start"]) == folder and Path(seen["start"]) != Path(os.getcwd())
    assert file_dialogs.start_folder("attach") == tmp_path / "elsewhere"  # remembered
    assert file_dialogs.start_folder("export") == folder


def test_print_and_text_field_texts(vi_qt: None) -> None:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    expected = {
        ("QPrintDialog", "&Print"): "&In", ("QPrintDialog", "Print"): "In",
        ("QPrintWidget", "Printer"): "Máy in", ("QPrintWidget", "P&roperties"): "Th&uộc tính",
        ("QPrintSettingsOutput", "Copies:"): "Số bản:",
        ("QPrintPreviewDialog", "Print Preview"): "Xem trước khi in",
        ("QMessageBox", "Show Details..."): "Xem chi tiết...",
        ("QLineEdit", "&Paste"): "&Dán", ("QWidgetTextControl", "Select All"): "Chọn tất cả",
        ("QPlatformTheme", "Apply"): "Áp dụng", ("QPlatformTheme", "Reset"): "Đặt lại",
    }
    assert {key: translate(*key) for key in expected} == expected
