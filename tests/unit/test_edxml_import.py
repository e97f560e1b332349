"""edXML import: hand-written files in every shape real senders use, and the real corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoffice_client.core.errors import ClientError
from eoffice_client.core.interop import (
    BusinessKind,
    Catalogue,
    EdxmlDocument,
    EdxmlStatus,
    describe_unmapped,
    match_status,
    read_edxml,
    status_summary,
)
from eoffice_client.core.interop.values import competence_code, parse_date
from tests.unit.edxml_samples import DOCX, PDF, document, mime, status, zipped
from tests.unit.reports_sample import CATALOG

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "edxml"
CATALOGUE = Catalogue.from_catalog(CATALOG)


def write(tmp_path: Path, text: str | bytes, name: str = "vb.edxml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def imported(path: Path) -> EdxmlDocument:
    result = read_edxml(path, catalogue=CATALOGUE)
    assert isinstance(result, EdxmlDocument)
    return result


@pytest.mark.parametrize("prefix, declare", [("edXML:", "both"), ("", "both"), ("", "none")])
def test_the_fields_whatever_the_prefixes(tmp_path: Path, prefix: str, declare: str) -> None:
    result = imported(write(tmp_path, document(prefix, declare=declare)))
    draft = result.draft
    assert draft.issuer.org_id == "000.00.07.H37" and draft.issuer_org_id == "org-stc"
    assert (draft.code_number, draft.code_notation) == (5, "QĐ-STC")
    assert draft.type_code == "QD" and draft.subject == "Về việc giao dự toán năm 2026"
    assert draft.issued_date == dt.date(2026, 3, 2) and draft.place == "Lạng Sơn"
    assert draft.due_date == dt.date(2026, 3, 16) and draft.urgency == 1
    assert (draft.copies, draft.page_count) == (3, 4)
    assert draft.signer is not None
    assert (draft.signer.competence, draft.signer.position, draft.signer.full_name) == (
        "KT", "Phó Giám đốc", "Lý Văn Thành")
    assert draft.recipients == (("org-self", "UBND tỉnh Lạng Sơn"),)
    assert result.document_id == "000.00.07.H37,2026/03/02,05/QĐ-STC"
    assert [(a.file_name, a.content_type, a.data, a.role) for a in result.attachments] == [
        ("Quyết định.pdf", "application/pdf", PDF, "main")]
    body = draft.create_body("doc-1", dt.date(2026, 3, 3))
    assert body["issuer"] == {"org_id": "org-stc", "org_name": "Sở Tài chính"}
    assert body["issued_date"] == "2026-03-02" and body["arrival_date"] == "2026-03-03"
    assert body["signer"] == {"competence": "KT", "position": "Phó Giám đốc",
                              "full_name": "Lý Văn Thành", "user_id": None}


def test_several_attachments_inside_or_outside_the_envelope(tmp_path: Path) -> None:
    files = [("cid:a", "Công văn.pdf", PDF), ("cid:b", "Phụ lục.docx", DOCX),
             ("cid:c", "Bảng số liệu.txt", zipped("5f1e.txt", "số liệu".encode())),
             ("cid:d", "Tờ trình.doc", zipped("a1b2.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1x"))]
    for inline in (False, True):
        result = imported(write(tmp_path, document(attachments=files,
                                                   inline_attachments=inline)))
        found = [(a.file_name, a.content_type, a.role, a.unzipped_from)
                 for a in result.attachments]
        assert found == [
            ("Công văn.pdf", "application/pdf", "main", None),
            ("Phụ lục.docx", "application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document", "appendix", None),
            ("Bảng số liệu.txt", "text/plain", "appendix", "5f1e.txt"),
            ("Tờ trình.doc", "application/msword", "appendix", "a1b2.doc"),
        ]
        assert result.attachments[2].data == "số liệu".encode()
        assert result.attachments[1].data == DOCX  # a docx is a zip: never opened


def test_a_zip_of_several_files_is_kept_as_a_zip(tmp_path: Path) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.pdf", PDF)
        archive.writestr("b.pdf", PDF)
    result = imported(write(tmp_path, document(attachments=[("cid:z", "Hồ sơ.pdf",
                                                             buffer.getvalue())])))
    attachment = result.attachments[0]
    assert (attachment.file_name, attachment.content_type) == ("Hồ sơ.pdf.zip",
                                                               "application/zip")
    assert any(u.reason == "interop.reason.zip_kept" for u in result.unmapped)


def test_mime_multipart_attachments_outside_the_xml(tmp_path: Path) -> None:
    xml = document(attachments=[])
    xml = xml.replace("<edXML:edXMLManifest version=\"1.0\">", (
        "<edXML:edXMLManifest version=\"1.0\"><edXML:Reference><edXML:ContentId>cid:part-1"
        "</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType>"
        "<edXML:AttachmentName>Quyết định số 05.pdf</edXML:AttachmentName></edXML:Reference>"))
    data = mime(xml, [("part-1", "qd05.pdf", "application/pdf", PDF),
                      ("part-2", "phu-luc.pdf", "application/octet-stream", PDF[:-1])])
    result = imported(write(tmp_path, data))
    assert [(a.file_name, a.content_type, a.data) for a in result.attachments] == [
        ("Quyết định số 05.pdf", "application/pdf", PDF),
        ("phu-luc.pdf", "application/pdf", PDF[:-1])]
    assert result.draft.code_number == 5


@pytest.mark.parametrize("written, day", [
    ("2026/03/02", dt.date(2026, 3, 2)), ("2026-03-02", dt.date(2026, 3, 2)),
    ("02/03/2026", dt.date(2026, 3, 2)), ("2/3/2026", dt.date(2026, 3, 2)),
    ("2026/03/02 08:15:00", dt.date(2026, 3, 2)), ("2026-03-02T08:15:00+07:00",
                                                   dt.date(2026, 3, 2)),
    ("30-10-2020", dt.date(2020, 10, 30)), ("2026/02/30", None), ("hôm qua", None), ("", None),
])
def test_dates_as_senders_write_them(written: str, day: dt.date | None) -> None:
    assert parse_date(written) == day


@pytest.mark.parametrize("written, code", [
    ("TL. BỘ TRƯỞNG", "TL"), ("TL. BO TRUONG", "TL"), ("KT.", "KT"), ("TM. ỦY BAN NHÂN DÂN",
                                                                        "TM"),
    ("TUQ. CHỦ TỊCH", "TUQ"), ("Q. GIÁM ĐỐC", "Q"), ("Quyền 1", "Q"), ("Thừa lệnh", "TL"),
    ("Ký thay", "KT"), ("", ""), ("Giám đốc", None),
])
def test_competence_as_senders_write_it(written: str, code: str | None) -> None:
    assert competence_code(written) == code


def test_missing_optional_and_extra_elements(tmp_path: Path) -> None:
    text = document(due="", other_info=False, type_name="Thông tư",
                    extra="<edXML:Unknown>x</edXML:Unknown><edXML:SteeringType>2"
                          "</edXML:SteeringType>")
    text = text.replace("<edXML:SignerInfo><edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence>"
                        "<edXML:Position>Phó Giám đốc</edXML:Position><edXML:FullName>"
                        "Lý Văn Thành</edXML:FullName></edXML:SignerInfo>", "")
    result = imported(write(tmp_path, text))
    draft = result.draft
    assert draft.due_date is None and draft.signer is None and draft.copies is None
    assert draft.urgency == 0
    assert draft.type_code == "QD"  # "Thông tư" is no Decree-30 type: taken from "QĐ-STC"
    reasons = {(u.path, u.reason) for u in result.unmapped}
    assert ("MessageHeader/Unknown", "interop.reason.unknown_element") in reasons
    assert ("MessageHeader/SteeringType", "interop.reason.no_field") in reasons
    assert ("MessageHeader/DocumentType/TypeName", "interop.reason.type_from_notation") in reasons
    lines = describe_unmapped(result.unmapped, "vi")
    assert any("phần tử không có trong QCVN 102" in line for line in lines)


def test_response_for_becomes_in_reply_to(tmp_path: Path) -> None:
    reply = ("<edXML:ResponseFor><edXML:OrganId>000.00.00.H37</edXML:OrganId><edXML:Code>"
             "12/UBND-KT</edXML:Code><edXML:PromulgationDate>2026/02/20</edXML:PromulgationDate>"
             "<edXML:DocumentId>000.00.00.H37,2026/02/20,12/UBND-KT</edXML:DocumentId>"
             "</edXML:ResponseFor>")
    draft = imported(write(tmp_path, document(response_for=reply))).draft
    assert draft.in_reply_to is not None
    assert (draft.in_reply_to.code, draft.in_reply_to.issued_date) == (
        "12/UBND-KT", dt.date(2026, 2, 20))
    assert draft.create_body("d", dt.date(2026, 3, 3))["in_reply_to"] == {
        "org_id": "org-self", "code": "12/UBND-KT", "issued_date": "2026-02-20"}
    empty = ("<edXML:ResponseFor><edXML:OrganId></edXML:OrganId><edXML:Code></edXML:Code>"
             "</edXML:ResponseFor>")
    assert imported(write(tmp_path, document(response_for=empty))).draft.in_reply_to is None


@pytest.mark.parametrize("prefix", ["edXML:", ""])
def test_status_messages_come_back_typed(tmp_path: Path, prefix: str) -> None:
    result = read_edxml(write(tmp_path, status("03", prefix)))
    assert isinstance(result, EdxmlStatus)
    assert (result.code, result.sender.org_id, result.about.code, result.about.issued_date) == (
        "03", "000.00.07.H37", "05/QĐ-UBND", dt.date(2026, 3, 10))
    assert result.timestamp == dt.datetime(2026, 3, 11, 14, 5, 9)
    assert result.staff.staff == "Trần Thu"
    docs = [{"id": "other", "direction": "outgoing", "code_number": 5,
             "code_notation": "QĐ-UBND", "issued_date": "2025-03-10"},
            {"id": "mine", "direction": "outgoing", "code_number": 5,
             "code_notation": "QĐ-UBND", "issued_date": "2026-03-10"}]
    assert match_status(result, docs) == "mine"
    assert status_summary(result, "vi") == (
        "Sở Tài chính báo: 03 – Đã tiếp nhận (Đã tiếp nhận) (11/03/2026 14:05)")


# --- the real files in ../shared/corpus/edxml (what FIELDS.md says they hold) ----------------
DOCUMENTS = {
    # file: (From OrganId, code_number, code_notation, issued, due, business, attachments, To)
    "QuangChuIT_edoc-integrator__edoc-service__edoc_new__v2020-10-28_3ff46ec.edxml": (
        "000.00.00.G14", None, "74fass22/VPCP-TTĐT", dt.date(2020, 9, 16), None,
        BusinessKind.NEW, 1, 1),
    "QuangChuIT_edoc-integrator__edoc-service__edoc_new__v2021-02-18_96cac93.edxml": (
        "000.00.11.H53", 2491, "STC-BCTC", dt.date(2020, 10, 30), None, BusinessKind.NEW, 1, 1),
    "QuangChuIT_edoc-integrator__edoc-webapp__edoc_update.edxml": (
        "000.00.00.G22", 7816, "VPCP-TTĐT", dt.date(2018, 9, 28), dt.date(2018, 9, 28),
        BusinessKind.UPDATE, 1, 3),
    "all4u1089_truclienthong-example__resources__edoc_new.edxml": (
        "000.00.00.A80", None, "74fass22/VPCP-TTĐT", dt.date(2019, 1, 16), dt.date(2018, 9, 28),
        BusinessKind.NEW, 1, 1),
    "all4u1089_truclienthong-example__resources__edoc_replacement.edxml": (
        "000.00.00.G22", 7816, "VPCP-TTĐT", dt.date(2018, 9, 28), dt.date(2018, 9, 28),
        BusinessKind.REPLACEMENT, 1, 3),
    "all4u1089_truclienthong-example__resources__edoc_revocation.edxml": (
        "000.00.00.G22", 7816, "VPCP-TTĐT", dt.date(2018, 9, 28), dt.date(2018, 9, 28),
        BusinessKind.REVOCATION, 1, 3),
    "all4u1089_truclienthong-example__resources__edoc_update.edxml": (
        "000.00.00.G22", 7816, "VPCP-TTĐT", dt.date(2018, 9, 28), dt.date(2018, 9, 28),
        BusinessKind.UPDATE, 1, 3),
    "all4u1089_truclienthong-example__xml__dc0bdef0-c7a3-4aaf-b717-777303442973.edxml": (
        "000.00.00.G22", 7816, "VPCP-TTĐT", dt.date(2019, 4, 11), dt.date(2019, 4, 11),
        BusinessKind.NEW, 1, 3),
    "hungnguyen01011985_tltvbqn__resources__edoc_new.edxml": (
        "000.00.00.K19", None, "781622e22/VPCP-TTĐT", dt.date(2018, 10, 19),
        dt.date(2018, 9, 28), BusinessKind.NEW, 1, 1),
}
STATUSES = {
    "QuangChuIT_edoc-integrator__edoc-service__status_processing_05.edxml": "05",
    "all4u1089_truclienthong-example__resources__status.edxml": "01",
    "all4u1089_truclienthong-example__resources__status_acceptance_03.edxml": "03",
    "all4u1089_truclienthong-example__resources__status_assignment_04.edxml": "04",
    "all4u1089_truclienthong-example__resources__status_cancellation_13.edxml": "13",
    "all4u1089_truclienthong-example__resources__status_change-acceptance_15.edxml": "15",
    "all4u1089_truclienthong-example__resources__status_change-rejection_16.edxml": "16",
    "all4u1089_truclienthong-example__resources__status_finish_06.edxml": "06",
    "all4u1089_truclienthong-example__resources__status_inbox__01.edxml": "01",
    "all4u1089_truclienthong-example__resources__status_processing_05.edxml": "05",
    "all4u1089_truclienthong-example__resources__status_rejection_02.edxml": "02",
}
NOT_WELL_FORMED = {  # FIELDS.md: the SDK's xlink without a prefix, a From inside a From
    "all4u1089_truclienthong-example__resources__edoc.edxml": "74",
    "hungnguyen01011985_tltvbqn__resources__edoc.edxml": "117",
}


def test_the_corpus_is_there_and_every_file_is_covered() -> None:
    names = {p.name for p in CORPUS.glob("*.edxml")}
    assert names == set(DOCUMENTS) | set(STATUSES) | set(NOT_WELL_FORMED)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_corpus_documents(name: str) -> None:
    sender, number, notation, issued, due, business, files, recipients = DOCUMENTS[name]
    result = imported(CORPUS / name)
    draft = result.draft
    assert draft.issuer.org_id == sender and draft.issuer_org_id == sender
    assert (draft.code_number, draft.code_notation) == (number, notation)
    assert (draft.issued_date, draft.due_date, result.business) == (issued, due, business)
    assert draft.type_code == "CV" and draft.subject
    assert len(result.attachments) == files and len(draft.recipients) == recipients
    attachment = result.attachments[0]
    # the official library's zip around a .doc: opened, the file inside kept
    assert attachment.declared_type == "application/zip" and attachment.unzipped_from
    assert attachment.data[:5] == b"<?xml" and attachment.role == "main"
    assert draft.create_body("id", dt.date(2026, 3, 1))["subject"] == draft.subject


def test_corpus_signer_and_amounts() -> None:
    name = "QuangChuIT_edoc-integrator__edoc-service__edoc_new__v2020-10-28_3ff46ec.edxml"
    draft = imported(CORPUS / name).draft
    assert draft.signer is not None and draft.signer.competence == "TL"
    assert draft.signer.full_name == "Nguyen Thanh Phuc"
    assert (draft.copies, draft.page_count, draft.urgency) == (2, 22, 0)
    empty = "QuangChuIT_edoc-integrator__edoc-service__edoc_new__v2021-02-18_96cac93.edxml"
    assert imported(CORPUS / empty).draft.signer is None  # all three elements empty
    revocation = "all4u1089_truclienthong-example__resources__edoc_revocation.edxml"
    reply = imported(CORPUS / revocation).draft.in_reply_to
    assert reply is not None and (reply.org_id, reply.code) == ("000.00.00.H14",
                                                                "267/VPCP-TTĐT")


@pytest.mark.parametrize("name", sorted(STATUSES))
def test_corpus_status_messages(name: str) -> None:
    result = read_edxml(CORPUS / name)
    assert isinstance(result, EdxmlStatus) and result.code == STATUSES[name]
    assert result.about.code == "7816/VPCP-TTĐT" and result.timestamp is not None
    assert result.about.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"


@pytest.mark.parametrize("name", sorted(NOT_WELL_FORMED))
def test_corpus_files_that_are_not_well_formed(name: str) -> None:
    with pytest.raises(ClientError) as error:
        read_edxml(CORPUS / name)
    assert error.value.exit_code == 9
    text = error.value.message("vi")
    assert name in text and f"dòng {NOT_WELL_FORMED[name]}" in text


def test_the_early_shape_with_files_inside_the_manifest(tmp_path: Path) -> None:
    """Another root, another namespace, ``Manifest/Attachment{Content, FileName, FileType}``
    (FIELDS.md: an early builder's shape, still seen from older software)."""
    from tests.unit.edxml_samples import b64

    text = (
        '<?xml version="1.0" encoding="UTF-8"?><EdXMLEnvelope xmlns="http://www.go.vn/eDoc">'
        "<EdXMLHeader><MessageHeader><From><OrganId>000.00.07.H37</OrganId><OrganName>"
        "Sở Tài chính</OrganName></From><Code><CodeNumber>9</CodeNumber><CodeNotation>"
        "STC-KH</CodeNotation></Code><PromulgationInfo><PromulgationDate>05/03/2026"
        "</PromulgationDate></PromulgationInfo><Subject>Về kế hoạch</Subject>"
        "<Content>Về kế hoạch năm 2026</Content></MessageHeader></EdXMLHeader>"
        "<EdXMLBody><Manifest><Attachment><FileName>ke-hoach.pdf</FileName>"
        f"<FileType>pdf</FileType><Content>{b64(PDF)}</Content></Attachment></Manifest>"
        "</EdXMLBody></EdXMLEnvelope>")
    result = imported(write(tmp_path, text))
    assert (result.draft.code_number, result.draft.issued_date) == (9, dt.date(2026, 3, 5))
    assert [(a.file_name, a.content_type, a.data) for a in result.attachments] == [
        ("ke-hoach.pdf", "application/pdf", PDF)]
    assert result.draft.subject == "Về kế hoạch"
    reasons = {u.reason for u in result.unmapped}
    assert "interop.reason.namespace" in reasons and "interop.reason.no_field" in reasons


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: ơ, ư, â, ê, ô, ă precomposed, each
    tone a combining mark after its letter."""
    import unicodedata

    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and char not in TONES and out:
            base, tones = out[-1][0], out[-1][1:]
            out[-1] = unicodedata.normalize("NFC", base + char) + tones
        elif unicodedata.combining(char) and out:
            out[-1] += char
        else:
            out.append(char)
    return "".join(out).encode("cp1258", errors="strict")


def test_a_file_in_windows_1258(tmp_path: Path) -> None:
    text = document().replace('encoding="UTF-8"', 'encoding="windows-1258"')
    raw = cp1258(text)
    result = imported(write(tmp_path, raw))
    assert result.draft.subject == "Về việc giao dự toán năm 2026"
    assert result.draft.issuer.name == "Sở Tài chính"


@pytest.mark.parametrize("written, urgency", [
    ("0", 0), ("3", 3), ("Khẩn", 1), ("Thượng khẩn", 2), ("HỎA TỐC", 3),
    ("Hỏa tốc hẹn giờ", 4), ("7", 0), ("rất gấp", 0),
])
def test_priority_as_a_number_or_a_name(tmp_path: Path, written: str, urgency: int) -> None:
    assert imported(write(tmp_path, document(priority=written))).draft.urgency == urgency


def test_a_notation_that_repeats_the_number_and_a_data_uri(tmp_path: Path) -> None:
    from tests.unit.edxml_samples import b64

    text = document().replace("<edXML:CodeNotation>QĐ-STC", "<edXML:CodeNotation>05/QĐ-STC")
    text = text.replace(b64(PDF, 76), "data:application/pdf;base64," + b64(PDF))
    result = imported(write(tmp_path, text))
    assert (result.draft.code_number, result.draft.code_notation) == (5, "QĐ-STC")
    assert result.attachments[0].data == PDF
