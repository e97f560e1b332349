"""A clerk registers a paper document in one step: create, scans and registration go to
the server as one queued chain, the sender typed freely, the PDF named by its number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.errors import InvalidInputError
from eoffice_client.sandbox.testing import SandboxServer

from .test_sync_support import documents, rows, server_view, signed_in


def scans(folder: Path) -> list[Path]:
    pdf, png = folder / "trang-1.pdf", folder / "trang 2.png"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with open(pdf, "wb") as handle:
        writer.write(handle)
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PNG")
    png.write_bytes(buffer.getvalue())
    return [pdf, png]


def incoming_register(app: object) -> str:
    names = app.reads.directory()  # type: ignore[attr-defined]
    year = today_vietnam().year
    return next(r.id for r in names.registers.values()
                if r.direction == "incoming" and r.year == year and not r.secret)


FIELDS = {"type_code": "CV", "subject": "Đề nghị hỗ trợ kinh phí sửa chữa đường",
          "issuer": {"org_id": "", "org_name": "Công ty TNHH Xây dựng Hòa Bình"},
          "code_number": 45, "code_notation": "HB-KT", "issued_date": "2026-11-20",
          "arrival_date": "2026-11-25"}


def test_one_chain_registers_the_document_with_its_scans(sandbox: SandboxServer,
                                                          tmp_path: Path) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "vanthu") as app:
        assert int(app.sync.run(files=False).exit_code) == 0
        register = incoming_register(app)
        doc_id = app.changes.register_paper(FIELDS, scans(tmp_path), register)
        assert [r.action for r in rows(app)] == ["create", "upload", "register"]
        local = documents(app)[doc_id]
        assert local["status"] == "registered"  # the queued effect, shown at once
        outcome = app.sync.run(files=False)
        assert int(outcome.exit_code) == 0 and rows(app) == []
    view = server_view(tmp_path / "fresh", sandbox.url, "vanthu")[doc_id]
    assert view["status"] == "registered" and view["register_id"] == register
    assert isinstance(view["arrival_number"], int) and view["arrival_number"] >= 1
    assert view["issuer"]["org_name"] == "Công ty TNHH Xây dựng Hòa Bình"
    [main] = [a for a in view["attachments"] if a["role"] == "main"]
    assert main["file_name"] == "45-HB-KT.pdf" and main["content_type"] == "application/pdf"


def test_a_bad_scan_or_register_queues_nothing(sandbox: SandboxServer, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-scan.pdf"
    bad.write_bytes(b"this is not a PDF")
    with signed_in(tmp_path / "p", sandbox.url, "vanthu") as app:
        assert int(app.sync.run(files=False).exit_code) == 0
        register = incoming_register(app)
        with pytest.raises(DocumentFileError) as caught:
            app.changes.register_paper(FIELDS, [*scans(tmp_path), bad], register)
        assert "not-a-scan.pdf" in caught.value.message("vi")
        with pytest.raises(InvalidInputError):  # an outgoing register for an incoming one
            app.changes.register_paper(FIELDS, scans(tmp_path), "no-such-register")
        assert rows(app) == []
