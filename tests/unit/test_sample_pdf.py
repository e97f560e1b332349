"""The sandbox's sample attachments: real Vietnamese text in one small embedded font,
rebuilt byte for byte from the attachment's metadata."""

from __future__ import annotations

import hashlib
import io
import subprocess
from pathlib import Path

import pypdf

from eoffice_client.sandbox.sample_pdf import (
    attachment_digest,
    attachment_pdf,
    render_pdf,
)

ATTACHMENT_ID = "3f1c2d4e-0000-4000-8000-000000000001"
NAME = "Công văn 123-UBND-VP về việc đẩy mạnh chuyển đổi số.pdf"


def test_text_keeps_the_diacritics(tmp_path: Path) -> None:
    data = attachment_pdf(ATTACHMENT_ID, NAME, "main")
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "Công văn 123-UBND-VP về việc đẩy mạnh chuyển đổi số" in flat
    assert "Vai trò: Văn bản chính" in flat and f"Mã tệp: {ATTACHMENT_ID}" in flat
    assert len(flat) > 400  # sentences of body text, not only a title
    extracted = pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0].extract_text()
    assert "Độc lập - Tự do - Hạnh phúc" in extracted


def test_one_small_font_is_embedded(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(attachment_pdf(ATTACHMENT_ID, NAME, "appendix"))
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert len(rows) == 1
    columns = rows[0].split()
    assert columns[0].startswith("EOFSMP+") and columns[-5:-2] == ["yes", "yes", "yes"]
    assert path.stat().st_size < 40_000


def test_bytes_depend_only_on_id_name_and_role() -> None:
    first = attachment_pdf(ATTACHMENT_ID, NAME, "main")
    assert attachment_pdf(ATTACHMENT_ID, NAME, "main") == first
    assert attachment_pdf(ATTACHMENT_ID, NAME, "draft") != first
    assert attachment_pdf(ATTACHMENT_ID.replace("1", "2"), NAME, "main") != first
    size, sha = attachment_digest(ATTACHMENT_ID, NAME, "main")
    assert (size, sha) == (len(first), hashlib.sha256(first).hexdigest())


def test_odd_file_names_still_give_a_valid_pdf() -> None:
    for name in ("", "a" * 300 + ".pdf", "Tệp ✓ lạ ð 😀 (1).pdf", "x\\y/z.pdf"):
        data = attachment_pdf(ATTACHMENT_ID, name, "main")
        page = pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0]
        assert ATTACHMENT_ID in page.extract_text()


def test_render_pdf_shows_vietnamese_lines() -> None:
    data = render_pdf(["Kiểm tra hiển thị PDF", "eOffice self-test"])
    text = pypdf.PdfReader(io.BytesIO(data), strict=True).pages[0].extract_text()
    assert "Kiểm tra hiển thị PDF" in text and "eOffice self-test" in text
