"""PDF handling without Qt: page count, text for search (bounded), merging, scans, and a
clear error (exit 9, naming the file) for every kind of bad file."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from eoffice_client.core.documents import pdf_read
from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.pdf_merge import join_scans, merge_pdfs
from eoffice_client.core.documents.pdf_read import extract_text, open_pdf, page_count
from eoffice_client.core.errors import ExitCode
from eoffice_client.sandbox.sample_pdf import render_pdf


def pdf_file(path: Path, *pages: str) -> Path:
    """A PDF with one page per text (joined from one-page PDFs)."""
    writer = PdfWriter()
    for text in pages:
        writer.add_page(PdfReader(io.BytesIO(render_pdf([text]))).pages[0])
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def refused(path: Path, key: str) -> DocumentFileError:
    with pytest.raises(DocumentFileError) as caught:
        page_count(path)
    error = caught.value
    assert error.key == key and error.exit_code == ExitCode.INVALID_INPUT
    assert str(path) in error.message("vi") and str(path) in error.message("en")
    assert "Traceback" not in error.message("en")
    return error


def test_page_count_and_text(tmp_path: Path) -> None:
    pdf = pdf_file(tmp_path / "a.pdf", "Trang một: chuyển đổi số", "Trang hai: Đề án 06",
                   "Trang ba: dịch vụ công")
    assert page_count(pdf) == 3
    text = extract_text(pdf, max_pages=10, max_seconds=5)
    assert "chuyển đổi số" in text and "Đề án 06" in text and "dịch vụ công" in text
    assert text.count("\f") == 2


def test_text_is_bounded_in_pages(tmp_path: Path) -> None:
    pdf = pdf_file(tmp_path / "a.pdf", "một", "hai", "ba", "bốn")
    text = extract_text(pdf, max_pages=2, max_seconds=5)
    assert "một" in text and "hai" in text and "ba" not in text.split()


def test_text_is_bounded_in_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = pdf_file(tmp_path / "a.pdf", "một", "hai", "ba")
    clock = iter([0.0, 0.0, 10.0, 20.0, 30.0])
    monkeypatch.setattr(pdf_read.time, "monotonic", lambda: next(clock))
    text = extract_text(pdf, max_pages=10, max_seconds=1)
    assert "một" in text and "hai" not in text


def test_zero_byte_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trống.pdf"
    path.write_bytes(b"")
    assert "0" in refused(path, "documents.pdf_empty").message("en")


def test_non_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ghi chú.pdf"
    path.write_text("Đây không phải PDF", encoding="utf-8")
    refused(path, "documents.pdf_not_pdf")


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    whole = render_pdf(["Văn bản bị cắt giữa chừng"])
    path = tmp_path / "hỏng.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    refused(path, "documents.pdf_broken")
    garbage = tmp_path / "rác.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    refused(garbage, "documents.pdf_broken")


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(render_pdf(["Mật"]))).pages[0])
    writer.encrypt(user_password="bí-mật", owner_password="chủ", algorithm="AES-256")
    path = tmp_path / "mã hóa.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    error = refused(path, "documents.pdf_encrypted")
    assert "mật khẩu" in error.message("vi")
    assert "bí-mật" not in error.message("vi")


def test_owner_restricted_pdf_is_still_readable(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(render_pdf(["Chỉ hạn chế in"]))).pages[0])
    writer.encrypt(user_password="", owner_password="chủ", algorithm="AES-128")
    path = tmp_path / "hạn chế.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "Chỉ hạn chế in" in extract_text(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "không có.pdf", "documents.file_missing")


def test_merge_main_and_appendices(tmp_path: Path) -> None:
    main = pdf_file(tmp_path / "chính.pdf", "Văn bản chính trang 1", "Văn bản chính trang 2")
    appendix = pdf_file(tmp_path / "phụ lục.pdf", "Phụ lục I")
    out = tmp_path / "gộp.pdf"
    assert merge_pdfs([main, appendix], out) == 3
    pages = open_pdf(out).pages
    assert "Phụ lục I" in pages[2].extract_text()
    assert "trang 1" in pages[0].extract_text()


def test_merge_refuses_a_bad_part_and_writes_nothing(tmp_path: Path) -> None:
    main = pdf_file(tmp_path / "chính.pdf", "Văn bản chính")
    bad = tmp_path / "rỗng.pdf"
    bad.write_bytes(b"")
    out = tmp_path / "gộp.pdf"
    with pytest.raises(DocumentFileError) as caught:
        merge_pdfs([main, bad], out)
    assert caught.value.key == "documents.pdf_empty" and not out.exists()
    with pytest.raises(DocumentFileError):
        merge_pdfs([], out)


def _image(path: Path, size: tuple[int, int], mode: str = "RGB") -> Path:
    colour: object = (30, 30, 30, 128) if mode == "RGBA" else (30 if mode == "L" else (30, 60, 90))
    Image.new(mode, size, colour).save(path)  # type: ignore[arg-type]
    return path


def test_scans_become_a4_pages_in_order(tmp_path: Path) -> None:
    first = pdf_file(tmp_path / "bìa.pdf", "Trang bìa")
    wide = _image(tmp_path / "ngang.jpg", (1600, 900))
    tall = _image(tmp_path / "dọc.png", (800, 1200), "RGBA")
    grey = _image(tmp_path / "xám.PNG", (500, 700), "L")
    out = tmp_path / "scan.pdf"
    started = time.monotonic()
    assert join_scans([first, wide, tall, grey], out) == 4
    assert time.monotonic() - started < 10
    pages = open_pdf(out).pages
    assert "Trang bìa" in pages[0].extract_text()
    for page in pages[1:]:
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842
        xobjects = page["/Resources"]["/XObject"]
        assert len(xobjects) >= 1
    content = pages[1].get_contents()
    assert content is not None
    ops = content.get_data()
    assert b" cm" in ops  # the image is scaled onto the page


def test_a_non_image_scan_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "ảnh giả.jpg"
    fake.write_bytes(b"not really a jpeg")
    with pytest.raises(DocumentFileError) as caught:
        join_scans([fake], tmp_path / "out.pdf")
    assert caught.value.key == "documents.image_unreadable"
    assert str(fake) in caught.value.message("en")
    text = tmp_path / "ghi chú.txt"
    text.write_text("x")
    with pytest.raises(DocumentFileError) as caught:
        join_scans([text], tmp_path / "out.pdf")
    assert caught.value.key == "documents.scan_unsupported"
    assert not (tmp_path / "out.pdf").exists()
