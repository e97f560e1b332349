"""The one call behind ``render DOC_ID --out FILE.docx [--body FILE.txt] [--pdf FILE.pdf]``
and the compose window, and LibreOffice running beside the user's own LibreOffice."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from docx import Document

from eoffice_client.core.documents import convert
from eoffice_client.core.documents.convert import convert_to_pdf, find_libreoffice
from eoffice_client.core.documents.docx_render import render_docx
from eoffice_client.core.documents.errors import ConverterMissingError, DocumentFileError
from eoffice_client.core.documents.render import (
    head_title_for,
    organization_from_info,
    read_body_file,
    render_document,
)
from tests.unit.documents_samples import DIRECTORY, TODAY, content, document


def test_render_docx_and_pdf(tmp_path: Path) -> None:
    body = tmp_path / "nội dung.txt"
    body.write_text("\ufeffĐoạn thứ nhất của công văn.\r\nĐoạn thứ hai.\r\n", encoding="utf-8")
    result = render_document(document("CV"), DIRECTORY, TODAY, tmp_path / "cv.docx",
                             read_body_file(body), tmp_path / "cv.pdf")
    texts = [p.text for p in Document(str(result.docx)).paragraphs]
    assert "Đoạn thứ nhất của công văn." in texts and "Đoạn thứ hai./." in texts
    assert result.pdf is not None and result.pdf.read_bytes().startswith(b"%PDF-")
    assert result.converter == "libreoffice" and result.content.number is None


def test_render_without_a_converter_keeps_the_docx(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_converter", lambda: None)
    with pytest.raises(ConverterMissingError):
        render_document(document("TB"), DIRECTORY, TODAY, tmp_path / "tb.docx",
                        out_pdf=tmp_path / "tb.pdf")
    assert (tmp_path / "tb.docx").is_file() and not (tmp_path / "tb.pdf").exists()


def test_body_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentFileError) as caught:
        read_body_file(tmp_path / "không có.txt")
    assert caught.value.key == "documents.file_missing"
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Ngh\xe9".encode("latin-1"))
    with pytest.raises(DocumentFileError) as caught:
        read_body_file(latin)
    assert caught.value.key == "documents.file_unreadable" and str(latin) in caught.value.message()


@pytest.mark.parametrize(("name", "title"), [
    ("Ủy ban nhân dân tỉnh Lạng Sơn", "Chủ tịch"), ("Sở Tư pháp", "Giám đốc"),
    ("Bộ Nội vụ", "Bộ trưởng"), ("Văn phòng Chính phủ", "Chánh Văn phòng"),
    ("Hợp tác xã Nông nghiệp", "Thủ trưởng"),
])
def test_head_title(name: str, title: str) -> None:
    assert head_title_for(name) == title


def test_organization_from_info() -> None:
    org = organization_from_info({"org_id": "o", "org_name": "Sở Tài chính", "code": "STC"},
                                 place="Lạng Sơn", parent_name="UBND tỉnh Lạng Sơn")
    assert (org.code, org.head_title, org.place, org.parent_name) == (
        "STC", "Giám đốc", "Lạng Sơn", "UBND tỉnh Lạng Sơn")


def test_converts_while_another_libreoffice_runs(tmp_path: Path) -> None:
    soffice = find_libreoffice()
    assert soffice is not None
    profile = tmp_path / "user-profile"
    running = subprocess.Popen(
        [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--norestore", "--accept=pipe,name=eoffice-test-user;urp;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        time.sleep(2)
        assert running.poll() is None  # the "user's" LibreOffice is up
        docx = render_docx(content("KH"), tmp_path / "kh.docx")
        pdf = convert_to_pdf(docx, tmp_path / "kh.pdf", timeout_s=120).pdf
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert running.poll() is None  # and still up, untouched
    finally:
        os.killpg(running.pid, signal.SIGKILL)
        running.wait()
