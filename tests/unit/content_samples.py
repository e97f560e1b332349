"""PDFs for the content search's tests: real text with diacritics, several pages, and
the broken kinds a person may have in a cache."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from eoffice_client.sandbox.sample_pdf import render_pdf


def pages_pdf(texts: list[str]) -> bytes:
    """One page per text (each page shows its text on one line)."""
    writer = PdfWriter()
    for text in texts:
        writer.add_page(PdfReader(io.BytesIO(render_pdf([text]))).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(render_pdf(["Mật khẩu"]))).pages[0])
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def broken_pdf() -> bytes:
    """A PDF header and then nothing a reader can use."""
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage"
