"""Sample contract Documents of each drafted type and the directory they refer to (shared
by the tests of core/documents; no tests here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eoffice_client.core.documents.content import DraftContent
from eoffice_client.core.documents.from_document import (
    DraftingDirectory,
    Organization,
    draft_from_document,
)

TODAY = dt.date(2026, 2, 5)
ORG = Organization(org_id="org-ubnd", name="Ủy ban nhân dân tỉnh Lạng Sơn", code="UBND",
                   place="Lạng Sơn")
UNITS: list[dict[str, Any]] = [
    {"id": "u-vp", "name": "Văn phòng", "code": "VP", "parent_id": None, "active": True},
    {"id": "u-kt", "name": "Phòng Kinh tế", "code": "KT", "parent_id": "u-vp", "active": True},
]
CATALOG: dict[str, Any] = {"document_types": [
    {"code": "CV", "name": "Công văn", "abbreviation": ""},
    {"code": "QD", "name": "Quyết định", "abbreviation": "QĐ"},
    {"code": "TTR", "name": "Tờ trình", "abbreviation": "TTr"},
    {"code": "BC", "name": "Báo cáo", "abbreviation": "BC"},
    {"code": "KH", "name": "Kế hoạch", "abbreviation": "KH"},
    {"code": "TB", "name": "Thông báo", "abbreviation": "TB"},
    {"code": "GM", "name": "Giấy mời", "abbreviation": "GM"},
]}
DIRECTORY = DraftingDirectory(organization=ORG, units=UNITS, catalog=CATALOG)

SUBJECTS = {
    "CV": "V/v đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
    "QD": "Về việc phê duyệt Kế hoạch triển khai chữ ký số chuyên dùng công vụ",
    "TTR": "Đề nghị phê duyệt kinh phí số hóa hồ sơ lưu trữ",
    "BC": "Kết quả đo lường sự hài lòng của người dân quý IV năm 2025",
    "KH": "Triển khai dịch vụ công trực tuyến năm 2026",
    "TB": "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về phòng cháy rừng",
    "GM": "Dự hội nghị tổng kết công tác chuyển đổi số năm 2025",
}
TYPES = tuple(SUBJECTS)
BODY = (
    "Thực hiện Kế hoạch số 125/KH-UBND ngày 15/6/2025 của Ủy ban nhân dân tỉnh về chuyển "
    "đổi số, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương triển khai.\n"
    "Đề nghị các đơn vị báo cáo kết quả thực hiện trước ngày 20 tháng 02 năm 2026."
)
QD_BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;\n"
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác "
    "văn thư;\n"
    "Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông.\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Phê duyệt Kế hoạch triển khai chữ ký số chuyên dùng công vụ năm 2026.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các cơ quan liên quan chịu "
    "trách nhiệm thi hành Quyết định này.\n"
)
SIGNERS = {
    "QD": {"competence": "TM", "position": "Chủ tịch", "full_name": "Hoàng Văn Nghiệm",
           "user_id": "u1"},
    "TB": {"competence": "TL", "position": "Chánh Văn phòng", "full_name": "Lương Thị Thu Hà",
           "user_id": "u3"},
}
DEFAULT_SIGNER = {"competence": "KT", "position": "Phó Chủ tịch",
                  "full_name": "Nguyễn Văn Định", "user_id": "u2"}


def document(type_code: str, number: int | None = None, issued: str | None = None,
             urgency: int = 0, secrecy: int = 0) -> dict[str, Any]:
    """A contract Document of ``type_code`` (a draft unless ``number`` is given)."""
    return {
        "id": f"doc-{type_code}", "direction": "outgoing", "type_code": type_code,
        "code_number": number, "code_notation": "", "issued_date": issued,
        "issuer": {"org_id": ORG.org_id, "org_name": ORG.name}, "place": "Lạng Sơn",
        "subject": SUBJECTS[type_code], "urgency": urgency, "secrecy": secrecy,
        "signer": SIGNERS.get(type_code, DEFAULT_SIGNER), "unit_id": "u-kt",
        "recipients": [{"org_id": "o1", "org_name": "Sở Tài chính"},
                       {"org_id": "o2", "org_name": "Sở Kế hoạch và Đầu tư"}],
        "status": "draft", "attachments": [],
    }


def content(type_code: str, number: int | None = 5, issued: str | None = "2026-02-05",
            urgency: int = 0, secrecy: int = 0) -> DraftContent:
    body = QD_BODY if type_code == "QD" else BODY
    return draft_from_document(document(type_code, number, issued, urgency, secrecy),
                               DIRECTORY, TODAY, body)
