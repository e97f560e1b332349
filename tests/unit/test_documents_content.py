"""What is printed: numbers, dates, names, signer lines, body parsing, and the Document ->
DraftContent helper (tables written by hand from Decree 30 Phụ lục I)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from eoffice_client.core.documents.content import (
    Signer,
    date_text,
    grounds_lines,
    number_text,
    place_date_text,
)
from eoffice_client.core.documents.from_document import (
    Organization,
    draft_from_document,
    parse_body,
)
from eoffice_client.core.documents.names import cong_van_subject, split_lines
from tests.unit.documents_samples import DIRECTORY, QD_BODY, TODAY, document


# The rules themselves (leading zeros) are tested in test_domain_formats.py; here the
# lines the renderer prints around them.
def test_date_text_of_a_numbered_document() -> None:
    assert date_text(dt.date(2026, 2, 5), 2026) == "ngày 05 tháng 02 năm 2026"
    assert place_date_text("Lạng Sơn", dt.date(2026, 3, 9), 2026) == (
        "Lạng Sơn, ngày 09 tháng 3 năm 2026")


def test_draft_date_leaves_day_and_month_blank() -> None:
    text = place_date_text("Lạng Sơn", None, 2026)
    assert text.startswith("Lạng Sơn, ngày") and text.endswith("tháng\u00a0\u00a0\u00a0"
                                                               "\u00a0\u00a0\u00a0năm 2026")
    assert not any(ch.isdigit() for ch in text[:-4])


@pytest.mark.parametrize(("number", "expected"), [
    (5, "Số: 05/QĐ-UBND"), (123, "Số: 123/QĐ-UBND")])
def test_number_text(number: int, expected: str) -> None:
    assert number_text(number, "QĐ-UBND") == expected


def test_blank_number_keeps_the_notation() -> None:
    text = number_text(None, "UBND-VP")
    assert text.startswith("Số:") and text.endswith("/UBND-VP")
    blank = text[3:-8]
    assert blank.strip() == ""
    # room for four digits (half an em each) and a space (a quarter em, as NBSP is)
    assert len(blank) * 0.25 >= 4 * 0.5 + 0.25


@pytest.mark.parametrize(("typed", "printed"), [
    ("V/v đôn đốc nộp báo cáo", "V/v đôn đốc nộp báo cáo"),
    ("Về việc triển khai Đề án 06", "V/v triển khai Đề án 06"),
    ("v/v: góp ý dự thảo", "V/v góp ý dự thảo"),
    ("Góp ý dự thảo", "V/v Góp ý dự thảo"),
])
def test_cong_van_subject(typed: str, printed: str) -> None:
    assert cong_van_subject(typed) == printed


def test_names_break_before_the_place() -> None:
    assert split_lines("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", 55, 13, bold=True) == [
        "ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
    assert split_lines("SỞ TƯ PHÁP", 55, 13, bold=True) == ["SỞ TƯ PHÁP"]
    long = split_lines("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 55, 13, bold=True)
    assert len(long) == 2 and " ".join(long) == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    many = split_lines("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG CÁC CÔNG TRÌNH GIAO THÔNG", 55, 13,
                       bold=True)
    assert len(many) >= 3 and " ".join(many).count("GIAO THÔNG") == 1


@pytest.mark.parametrize(("competence", "position", "lines"), [
    ("", "Chủ tịch", ("CHỦ TỊCH",)),
    ("Q", "Chủ tịch", ("Q. CHỦ TỊCH",)),
    ("KT", "Phó Chủ tịch", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    ("TM", "Chủ tịch", ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    ("TL", "Chánh Văn phòng", ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
    ("TUQ", "Giám đốc Sở Nội vụ", ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ")),
])
def test_signer_lines(competence: str, position: str, lines: tuple[str, ...]) -> None:
    doc = {**document("CV"), "signer": {"competence": competence, "position": position,
                                        "full_name": "Nguyễn Văn A", "user_id": None}}
    signer = draft_from_document(doc, DIRECTORY, TODAY).signer
    assert signer is not None and signer.title_lines() == lines
    assert signer.full_name == "Nguyễn Văn A"


def test_signer_title_lines_direct() -> None:
    assert Signer("KT", "Phó Giám đốc", "B", "Giám đốc").title_lines() == (
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_decision_body_is_parsed() -> None:
    body = parse_body(QD_BODY, "QD")
    assert body.paragraphs == () and body.decision is not None
    assert len(body.decision.grounds) == 3 and len(body.decision.articles) == 3
    assert body.decision.articles[1].text == "Quyết định này có hiệu lực kể từ ngày ký."
    with_khoan = parse_body("Căn cứ X;\nĐiều 1. Giao nhiệm vụ:\n1. Sở A chủ trì.\n"
                            "2. Sở B phối hợp.\nĐiều 2. Hiệu lực.", "QD")
    assert with_khoan.decision is not None
    assert with_khoan.decision.articles[0].paragraphs == ("1. Sở A chủ trì.", "2. Sở B phối hợp.")
    plain = parse_body("Đoạn một.\n\n  Đoạn   hai. \n", "CV")
    assert plain.paragraphs == ("Đoạn một.", "Đoạn hai.") and plain.decision is None


def test_grounds_end_with_semicolons_and_a_full_stop() -> None:
    assert grounds_lines(("Căn cứ A.", "Căn cứ B", "Theo đề nghị C;")) == [
        "Căn cứ A;", "Căn cứ B;", "Theo đề nghị C."]


def test_draft_from_a_draft_document() -> None:
    doc = document("CV")
    before = copy.deepcopy(doc)
    draft = draft_from_document(doc, DIRECTORY, TODAY, "Nội dung.")
    assert doc == before  # pure: the input is not touched
    assert draft.number is None and draft.date is None and draft.year == 2026
    assert draft.notation == "UBND-KT" and draft.drafting_unit == "KT"
    assert draft.addressees == ("Sở Tài chính", "Sở Kế hoạch và Đầu tư")
    assert draft.recipients == () and draft.body == ("Nội dung.",)
    assert draft.issuer_name == "Ủy ban nhân dân tỉnh Lạng Sơn" and draft.place == "Lạng Sơn"


def test_draft_from_a_numbered_document() -> None:
    doc = {**document("QD", 7, "2026-01-09"), "code_notation": "QĐ-UBND"}
    draft = draft_from_document(doc, DIRECTORY, dt.date(2026, 2, 1), QD_BODY)
    assert draft.number == 7 and draft.date == dt.date(2026, 1, 9)
    assert draft.type_name == "Quyết định" and draft.recipients == (
        "Sở Tài chính", "Sở Kế hoạch và Đầu tư")
    assert draft.decision is not None and draft.decision.authority == (
        "Ủy ban nhân dân tỉnh Lạng Sơn")


def test_odd_values_do_not_break_the_helper() -> None:
    doc = {**document("CV"), "urgency": 9, "secrecy": "2",
           "code_number": 0, "issued_date": "not a date", "signer": None,
           "recipients": [{"org_name": ""}, "x"], "unit_id": "missing", "place": ""}
    draft = draft_from_document(doc, DIRECTORY, TODAY)
    assert draft.urgency == 0 and draft.secrecy == 0 and draft.number is None
    assert draft.signer is None and draft.addressees == () and draft.drafting_unit == ""
    assert draft.place == "Lạng Sơn"
    unknown = draft_from_document({**document("CV"), "type_code": "NEW"}, DIRECTORY, TODAY)
    assert unknown.type_name == "NEW"


def test_organisation_collective_name() -> None:
    assert Organization("o", "Ủy ban nhân dân huyện Cao Lộc", "UBND").collective() == (
        "Ủy ban nhân dân")
    assert Organization("o", "Sở Tư pháp", "STP", collective_name="Ban Giám đốc").collective() == (
        "Ban Giám đốc")
