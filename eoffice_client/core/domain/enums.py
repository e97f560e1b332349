"""The closed vocabularies of the contract (eoffice-api-v1.md) and Decree 30/2020/NĐ-CP."""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    INCOMING = "incoming"  # văn bản đến
    OUTGOING = "outgoing"  # văn bản đi
    INTERNAL = "internal"  # văn bản nội bộ


class Status(StrEnum):
    # incoming
    RECEIVED = "received"
    REGISTERED = "registered"
    AWAITING_ASSIGNMENT = "awaiting_assignment"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    # outgoing and internal
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SIGNED = "signed"
    NUMBERED = "numbered"
    ISSUED = "issued"
    RECALLED = "recalled"
    # both
    RETURNED = "returned"
    DISCARDED = "discarded"


#: Statuses in which a document is finished: never overdue, no deadline extension.
CLOSED_STATUSES: frozenset[str] = frozenset(
    {Status.COMPLETED, Status.ISSUED, Status.RECALLED, Status.DISCARDED}
)


class Role(StrEnum):
    CLERK = "clerk"  # văn thư
    OFFICER = "officer"  # chuyên viên
    LEADER = "leader"  # lãnh đạo
    ADMIN = "admin"  # quản trị


class AttachmentRole(StrEnum):
    MAIN = "main"
    APPENDIX = "appendix"
    DRAFT = "draft"
    SIGNED = "signed"
    FINAL = "final"


class AssignmentRole(StrEnum):
    LEAD = "lead"  # chủ trì
    SUPPORT = "support"  # phối hợp
    INFO = "info"  # nhận để biết


class AssignmentStatus(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class AssigneeType(StrEnum):
    USER = "user"
    UNIT = "unit"


class CommentKind(StrEnum):
    DIRECTIVE = "directive"  # bút phê (leaders only)
    OPINION = "opinion"  # ý kiến
    NOTE = "note"  # ghi chú


class ChangeKind(StrEnum):
    DOCUMENT = "document"
    USER = "user"
    UNIT = "unit"
    CATALOG = "catalog"


#: Độ khẩn (edXML Priority 0..4).
URGENCY_LABELS: dict[int, tuple[str, str]] = {
    0: ("Thường", "Normal"),
    1: ("Khẩn", "Urgent"),
    2: ("Thượng khẩn", "Very urgent"),
    3: ("Hỏa tốc", "Express"),
    4: ("Hỏa tốc hẹn giờ", "Express, timed"),
}

#: Độ mật (Law 29/2018/QH14).
SECRECY_LABELS: dict[int, tuple[str, str]] = {
    0: ("Thường", "Normal"),
    1: ("Mật", "Confidential"),
    2: ("Tối mật", "Secret"),
    3: ("Tuyệt mật", "Top secret"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    Status.RECEIVED: ("Mới đến", "Received"),
    Status.REGISTERED: ("Đã vào sổ", "Registered"),
    Status.AWAITING_ASSIGNMENT: ("Chờ phân công", "Awaiting assignment"),
    Status.ASSIGNED: ("Đã phân công", "Assigned"),
    Status.IN_PROGRESS: ("Đang xử lý", "In progress"),
    Status.COMPLETED: ("Hoàn thành", "Completed"),
    Status.DRAFT: ("Dự thảo", "Draft"),
    Status.IN_REVIEW: ("Chờ duyệt", "In review"),
    Status.APPROVED: ("Đã duyệt, chờ ký", "Approved"),
    Status.SIGNED: ("Đã ký", "Signed"),
    Status.NUMBERED: ("Đã cấp số", "Numbered"),
    Status.ISSUED: ("Đã ban hành", "Issued"),
    Status.RECALLED: ("Đã thu hồi", "Recalled"),
    Status.RETURNED: ("Bị trả lại", "Returned"),
    Status.DISCARDED: ("Đã hủy", "Discarded"),
}

DIRECTION_LABELS: dict[str, tuple[str, str]] = {
    Direction.INCOMING: ("Văn bản đến", "Incoming"),
    Direction.OUTGOING: ("Văn bản đi", "Outgoing"),
    Direction.INTERNAL: ("Văn bản nội bộ", "Internal"),
}

ROLE_LABELS: dict[str, tuple[str, str]] = {
    Role.CLERK: ("Văn thư", "Clerk"),
    Role.OFFICER: ("Chuyên viên", "Officer"),
    Role.LEADER: ("Lãnh đạo", "Leader"),
    Role.ADMIN: ("Quản trị", "Administrator"),
}

ASSIGNMENT_ROLE_LABELS: dict[str, tuple[str, str]] = {
    AssignmentRole.LEAD: ("Chủ trì", "Lead"),
    AssignmentRole.SUPPORT: ("Phối hợp", "Support"),
    AssignmentRole.INFO: ("Nhận để biết", "For information"),
}

COMMENT_KIND_LABELS: dict[str, tuple[str, str]] = {
    CommentKind.DIRECTIVE: ("Bút phê", "Directive"),
    CommentKind.OPINION: ("Ý kiến", "Opinion"),
    CommentKind.NOTE: ("Ghi chú", "Note"),
}


def label(table: dict, key: object, lang: str = "vi") -> str:
    """The Vietnamese (default) or English label of ``key`` in one of the tables above."""
    pair = table.get(key)
    if pair is None:
        return str(key)
    return str(pair[1] if lang == "en" else pair[0])
