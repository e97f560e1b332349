"""Reading a PDF's words for the content search: folding, page and time bounds, and the
files that are refused with their reason (never an exception)."""

from __future__ import annotations

from eoffice_client.core.content import extract
from eoffice_client.core.content.extract import extract_words
from eoffice_client.core.domain.folding import words
from eoffice_client.sandbox.sample_pdf import attachment_pdf
from tests.unit.content_samples import broken_pdf, encrypted_pdf, pages_pdf


def test_words_are_folded_as_the_metadata_is() -> None:
    data = pages_pdf(["Quyết định về Đường tỉnh ĐT.229, QĐ-UBND"])
    found = extract_words(data)
    assert found.reason is None and found.pages == 1
    assert found.words == " ".join(words("Quyết định về Đường tỉnh ĐT.229, QĐ-UBND"))
    assert "quyet dinh ve duong tinh dt 229 qd ubnd" in found.words


def test_a_sample_attachment_gives_its_vietnamese_sentences() -> None:
    found = extract_words(attachment_pdf("9c41d2aa-0000-4000-8000-00000000abcd",
                                         "Kế hoạch số hóa.pdf", "main"))
    assert "cong hoa xa hoi chu nghia viet nam" in found.words
    assert "ke hoach so hoa" in found.words
    assert "9c41d2aa" in found.words.split()


def test_pages_beyond_the_bound_are_not_read() -> None:
    data = pages_pdf([f"Trang số {n} có chữ riêng{n}" for n in range(1, 6)])
    found = extract_words(data, max_pages=2)
    assert found.pages == 2
    assert "rieng2" in found.words and "rieng3" not in found.words


def test_reading_stops_at_a_page_boundary_once_the_time_is_spent() -> None:
    data = pages_pdf([f"Trang {n}" for n in range(1, 6)])
    found = extract_words(data, max_seconds=0.0)
    assert found.reason is None and found.pages <= 1


def test_the_words_of_one_file_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(extract, "MAX_WORDS_CHARS", 30)
    found = extract_words(pages_pdf(["một hai ba bốn năm sáu bảy tám chín mười mười một"]))
    assert len(found.words) <= 30
    kept = found.words.split()
    assert kept and " ".join(kept) == "mot hai ba bon nam sau bay tam chin muoi"[
        :len(found.words)]


def test_empty_not_pdf_broken_and_encrypted_files_are_refused_with_their_reason() -> None:
    assert extract_words(b"").reason == "documents.pdf_empty"
    assert extract_words(b"PK\x03\x04 a docx, not a PDF").reason == "documents.pdf_not_pdf"
    assert extract_words(broken_pdf()).reason == "documents.pdf_broken"
    assert extract_words(encrypted_pdf()).reason == "documents.pdf_encrypted"
    for data in (b"", broken_pdf(), encrypted_pdf()):
        refused = extract_words(data)
        assert refused.skipped and refused.words == "" and refused.pages == 0
