"""edXML export: issued documents and status messages, read back by our own import."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eoffice_client.core.errors import ClientError
from eoffice_client.core.interop import (
    EdxmlDocument,
    EdxmlStatus,
    ExchangeContext,
    Organisation,
    OutgoingFile,
    StaffInfo,
    export_document,
    export_issued,
    export_status,
    read_edxml,
)
from eoffice_client.core.interop.edxml_import import Catalogue
from tests.unit.edxml_samples import NS, PDF
from tests.unit.reports_sample import CATALOG, incoming, outgoing

SELF = Organisation("000.00.00.H37", "Ủy ban nhân dân tỉnh Lạng Sơn")
CONTEXT = ExchangeContext(SELF, StaffInfo("Văn phòng", "Hoàng Thị Thu Hà"), CATALOG)
NOW = dt.datetime(2026, 3, 11, 3, 4, 5, tzinfo=dt.UTC)  # 10:04:05 in Vietnam


def issued() -> dict[str, object]:
    return outgoing("out1", urgency=2, due_date="2026-03-25", page_count=3, copies=4,
                    in_reply_to={"org_id": "org-stc", "code": "12/STC-NS",
                                 "issued_date": "2026-03-02"},
                    attachments=[
                        {"id": "a1", "file_name": "05-QĐ-UBND.pdf", "role": "final",
                         "content_type": "application/pdf", "sha256": "f" * 64},
                        {"id": "a2", "file_name": "Phụ lục.pdf", "role": "appendix",
                         "content_type": "application/pdf", "sha256": "e" * 64},
                        {"id": "a3", "file_name": "dự thảo.pdf", "role": "main",
                         "content_type": "application/pdf", "sha256": "d" * 64}])


def test_round_trip_keeps_fields_and_bytes(tmp_path: Path) -> None:
    final, appendix = tmp_path / "final.pdf", tmp_path / "appendix.pdf"
    final.write_bytes(PDF + os.urandom(3 * 1024 * 1024 + 1))  # several base64 pieces
    appendix.write_bytes(PDF)
    paths = {"f" * 64: final, "e" * 64: appendix}
    out = tmp_path / "05-QD-UBND.edxml"
    result = export_issued(issued(), out, context=CONTEXT, locate=paths.get, now=NOW)
    assert (result.attachments, result.size) == (2, out.stat().st_size)
    back = read_edxml(out, catalogue=Catalogue.from_catalog(CATALOG))
    assert isinstance(back, EdxmlDocument)
    draft = back.draft
    assert (draft.issuer.org_id, draft.issuer_org_id) == ("000.00.00.H37", "org-self")
    assert (draft.code_number, draft.code_notation, draft.type_code) == (5, "QĐ-UBND", "QD")
    assert (draft.subject, draft.place) == ("Về việc giao chỉ tiêu", "Lạng Sơn")
    assert (draft.issued_date, draft.due_date) == (dt.date(2026, 3, 10), dt.date(2026, 3, 25))
    assert (draft.urgency, draft.page_count, draft.copies) == (2, 3, 4)
    assert draft.signer is not None
    assert (draft.signer.competence, draft.signer.position, draft.signer.full_name) == (
        "KT", "Phó Chủ tịch", "Nông Đình Đông")
    assert draft.recipients == (("org-stc", "Sở Tài chính"), ("org-btc", "Bộ Tài chính"))
    assert draft.in_reply_to is not None and draft.in_reply_to_org_id == "org-stc"
    assert (draft.in_reply_to.code, draft.in_reply_to.issued_date) == ("12/STC-NS",
                                                                     dt.date(2026, 3, 2))
    assert back.document_id == "000.00.00.H37,2026/03/10,05/QĐ-UBND"
    assert [(a.file_name, a.data, a.role) for a in back.attachments] == [
        ("05-QĐ-UBND.pdf", final.read_bytes(), "main"), ("Phụ lục.pdf", PDF, "appendix")]
    assert back.trace == (("000.00.00.H37", "2026/03/11 10:04:05"),)


def test_the_file_follows_the_official_layout(tmp_path: Path) -> None:
    source = tmp_path / "final.pdf"
    source.write_bytes(PDF)
    out = tmp_path / "x.edxml"
    export_document(issued(), [OutgoingFile("a.pdf", "application/pdf", str(source))], out,
                    sender=SELF, org_codes=CONTEXT.org_codes(), type_name="Quyết định")
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="' + NS)
    root = ET.fromstring(out.read_bytes())
    q = f"{{{NS}}}"
    assert root.tag == f"{q}edXML"
    assert [c.tag for c in root] == [f"{q}edXMLEnvelope", f"{q}AttachmentEncoded"]
    header = root.find(f"{q}edXMLEnvelope/{q}edXMLHeader/{q}MessageHeader")
    assert header is not None
    assert [c.tag.split("}")[1] for c in header] == [
        "From", "To", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject",
        "Content", "SignerInfo", "DueDate", "OtherInfo", "ResponseFor", "SteeringType"]
    assert "<edXML:ContentId>cid:" in text and "<ContentId>cid:" in text
    assert "<edXML:PromulgationDate>2026/03/10</edXML:PromulgationDate>" in text
    assert "<edXML:CodeNumber>05</edXML:CodeNumber>" in text


@pytest.mark.parametrize("status", ["draft", "numbered", "recalled"])
def test_only_issued_documents_are_exported(tmp_path: Path, status: str) -> None:
    with pytest.raises(ClientError) as error:
        export_issued(outgoing("o", status=status), tmp_path / "o.edxml", context=CONTEXT,
                      locate=lambda sha: None)
    assert error.value.exit_code == 7 and not (tmp_path / "o.edxml").exists()


def test_a_secret_or_fileless_document_is_not_exported(tmp_path: Path) -> None:
    with pytest.raises(ClientError) as error:
        export_issued(outgoing("o", secrecy=1), tmp_path / "o.edxml", context=CONTEXT,
                      locate=lambda sha: None)
    assert error.value.exit_code == 7
    with pytest.raises(ClientError) as error:
        export_issued(issued(), tmp_path / "o.edxml", context=CONTEXT, locate=lambda sha: None)
    assert error.value.exit_code == 9 and not list(tmp_path.iterdir())


def test_unwritable_output(tmp_path: Path) -> None:
    source = tmp_path / "final.pdf"
    source.write_bytes(PDF)
    target = tmp_path / "no-folder" / "x.edxml"
    with pytest.raises(ClientError) as error:
        export_document(issued(), [OutgoingFile("a.pdf", "application/pdf", str(source))],
                        target, sender=SELF, org_codes=CONTEXT.org_codes(), type_name="QĐ")
    assert error.value.exit_code == 9 and str(target) in error.value.message("vi")


# Which status code fits which status of a received document (written from QCVN 102's
# meanings: 01 arrived, 02 refused, 03 accepted/registered, 04 assigned, 05 being handled,
# 06 done).
FITS = {
    "received": {"01", "02"}, "registered": {"01", "03"},
    "awaiting_assignment": {"01", "03", "04"}, "assigned": {"01", "03", "04", "05"},
    "in_progress": {"01", "03", "04", "05"}, "completed": {"01", "03", "04", "05", "06"},
    "returned": {"01", "03"}, "discarded": {"02"},
}


@pytest.mark.parametrize("status", sorted(FITS))
@pytest.mark.parametrize("code", ["01", "02", "03", "04", "05", "06"])
def test_status_codes_fit_the_document(tmp_path: Path, status: str, code: str) -> None:
    doc = incoming("in1", status=status)
    out = tmp_path / f"{code}.edxml"
    if code not in FITS[status]:
        with pytest.raises(ClientError) as error:
            export_status(doc, code, out, sender=SELF, org_codes=CONTEXT.org_codes())
        assert error.value.exit_code == 7 and not out.exists()
        return
    export_status(doc, code, out, sender=SELF, org_codes=CONTEXT.org_codes(),
                  staff=CONTEXT.staff, now=NOW)
    back = read_edxml(out)
    assert isinstance(back, EdxmlStatus)
    assert (back.code, back.sender.org_id) == (code, "000.00.00.H37")
    assert (back.about.org_id, back.about.code, back.about.issued_date) == (
        "000.00.07.H37", "12/STC-NS", dt.date(2026, 3, 2))
    assert back.about.document_id == "000.00.07.H37,2026/03/02,12/STC-NS"
    assert back.timestamp == dt.datetime(2026, 3, 11, 10, 4, 5)
    assert back.staff.staff == "Hoàng Thị Thu Hà" and back.description


@pytest.mark.parametrize("code", ["7", "13", "00", "xx"])
def test_bad_status_codes(tmp_path: Path, code: str) -> None:
    with pytest.raises(ClientError) as error:
        export_status(incoming("in1"), code, tmp_path / "s.edxml", sender=SELF,
                      org_codes=CONTEXT.org_codes())
    assert error.value.exit_code == 9


def test_status_for_an_outgoing_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ClientError) as error:
        export_status(outgoing("o"), "01", tmp_path / "s.edxml", sender=SELF,
                      org_codes=CONTEXT.org_codes())
    assert error.value.exit_code == 7
