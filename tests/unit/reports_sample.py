"""A small organisation and documents written by hand for the register and report tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eoffice_client.core.reports.model import ReportNames

TODAY = dt.date(2026, 3, 20)
U_VP, U_KT, U_KT_A = "unit-vp", "unit-kt", "unit-kt-a"
CLERK, LEADER, OFFICER, OFFICER2 = "u-clerk", "u-leader", "u-officer", "u-officer2"
REG_IN, REG_IN_SECRET, REG_OUT = "reg-in-2026", "reg-in-secret-2026", "reg-out-2026"

USERS = [
    {"id": CLERK, "username": "vanthu", "full_name": "Hoàng Thị Thu Hà", "unit_id": U_VP,
     "roles": ["clerk"], "active": True},
    {"id": LEADER, "username": "lanhdao", "full_name": "Nông Đình Đông", "unit_id": U_VP,
     "roles": ["leader"], "active": True},
    {"id": OFFICER, "username": "duc", "full_name": "Nguyễn Văn Đức", "unit_id": U_KT,
     "roles": ["officer"], "active": True},
    {"id": OFFICER2, "username": "mai", "full_name": "Dương Diệu Mai", "unit_id": U_KT_A,
     "roles": ["officer"], "active": True},
]
UNITS = [
    {"id": U_VP, "name": "Văn phòng", "code": "VP", "parent_id": None, "active": True},
    {"id": U_KT, "name": "Phòng Kinh tế", "code": "KT", "parent_id": U_VP, "active": True},
    {"id": U_KT_A, "name": "Tổ Kinh tế A", "code": "KTA", "parent_id": U_KT, "active": True},
]
CATALOG: dict[str, Any] = {
    "document_types": [{"code": "CV", "name": "Công văn", "abbreviation": ""},
                       {"code": "QD", "name": "Quyết định", "abbreviation": "QĐ"},
                       {"code": "GM", "name": "Giấy mời", "abbreviation": "GM"}],
    "registers": [
        {"id": REG_IN, "name": "Sổ đăng ký văn bản đến năm 2026", "direction": "incoming",
         "year": 2026, "secret": False},
        {"id": REG_IN_SECRET, "name": "Sổ văn bản đến mật năm 2026", "direction": "incoming",
         "year": 2026, "secret": True},
        {"id": REG_OUT, "name": "Sổ đăng ký văn bản đi năm 2026", "direction": "outgoing",
         "year": 2026, "secret": False},
    ],
    "organizations": [
        {"id": "org-self", "name": "Ủy ban nhân dân tỉnh Lạng Sơn", "edxml_code": "000.00.00.H37"},
        {"id": "org-stc", "name": "Sở Tài chính", "edxml_code": "000.00.07.H37"},
        {"id": "org-btc", "name": "Bộ Tài chính", "edxml_code": "000.00.00.G12"},
    ],
    "calendar": {"holidays": ["2026-04-30", "2026-05-01"], "working_days": []},
}
ORG_NAME = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"


def directory() -> ReportNames:
    return ReportNames.from_objects(users=USERS, units=UNITS, catalog=CATALOG,
                                  organisation_name=ORG_NAME, viewer_name="Hoàng Thị Thu Hà")


def _history(*entries: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"at": at, "actor_id": CLERK, "action": action, "detail": ""}
            for action, at in entries]


def incoming(doc_id: str, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": doc_id, "direction": "incoming", "type_code": "CV", "code_number": 12,
        "code_notation": "STC-NS", "issuer": {"org_id": "org-stc", "org_name": "Sở Tài chính"},
        "issued_date": "2026-03-02", "place": "Lạng Sơn", "subject": "V/v dự toán năm 2026",
        "urgency": 0, "secrecy": 0, "signer": None, "arrival_number": 1,
        "arrival_date": "2026-03-03", "register_id": REG_IN, "due_date": None,
        "unit_id": None, "page_count": 2, "copies": 1, "in_reply_to": None,
        "recipients": [], "status": "registered", "pending_with": [CLERK], "version": 2,
        "created_by": CLERK, "registered_by": CLERK, "created_at": "2026-03-03T08:00:00+07:00",
        "updated_at": "2026-03-03T09:00:00+07:00", "read": True, "readers": [],
        "attachments": [], "assignments": [], "comments": [],
        "history": _history(("create", "2026-03-03T08:00:00+07:00"),
                            ("register", "2026-03-03T09:00:00+07:00")),
    }
    doc.update(fields)
    return doc


def outgoing(doc_id: str, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": doc_id, "direction": "outgoing", "type_code": "QD", "code_number": 5,
        "code_notation": "QĐ-UBND",
        "issuer": {"org_id": "org-self", "org_name": "Ủy ban nhân dân tỉnh Lạng Sơn"},
        "issued_date": "2026-03-10", "place": "Lạng Sơn", "subject": "Về việc giao chỉ tiêu",
        "urgency": 0, "secrecy": 0,
        "signer": {"competence": "KT", "position": "Phó Chủ tịch", "full_name": "Nông Đình Đông",
                   "user_id": LEADER},
        "arrival_number": None, "arrival_date": None, "register_id": REG_OUT, "due_date": None,
        "unit_id": U_KT, "page_count": 3, "copies": 4, "in_reply_to": None,
        "recipients": [{"org_id": "org-stc", "org_name": "Sở Tài chính"},
                       {"org_id": "org-btc", "org_name": "Bộ Tài chính"}],
        "status": "issued", "pending_with": [], "version": 7, "created_by": OFFICER,
        "registered_by": None, "created_at": "2026-03-05T08:00:00+07:00",
        "updated_at": "2026-03-11T10:00:00+07:00", "read": True, "readers": [],
        "attachments": [], "assignments": [], "comments": [],
        "history": _history(("create", "2026-03-05T08:00:00+07:00"),
                            ("number", "2026-03-10T15:00:00+07:00"),
                            ("issue", "2026-03-11T10:00:00+07:00")),
    }
    doc.update(fields)
    return doc


def lead(assignee_type: str, assignee_id: str, status: str = "pending",
         due: str | None = None, role: str = "lead") -> dict[str, Any]:
    return {"id": f"a-{assignee_id}-{role}", "assignee_type": assignee_type,
            "assignee_id": assignee_id, "role": role, "status": status, "due_date": due,
            "assigned_by": LEADER, "note": ""}
