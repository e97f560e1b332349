"""The core's message catalogue: every text a person reads from core or the CLI.

Vietnamese first (full diacritics), English second. The Qt window uses ``tr()`` and
.ts files instead; core and the CLI use :func:`tr` here. Keys are grouped by the part
of the program that uses them; add a key to the group of your module.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("vi", "en")
_current = "vi"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- general / CLI ----------------------------------------------------------------------
    "cli.unexpected": (
        "Lỗi không mong muốn: {error}. Báo cáo lỗi đã lưu tại {report}.",
        "Unexpected error: {error}. A report was saved at {report}.",
    ),
    "cli.usage": ("Sai cú pháp lệnh: {detail}", "Wrong command-line usage: {detail}"),
    "cli.interrupted": ("Đã dừng theo yêu cầu.", "Stopped on request."),
    "cli.invalid_json": (
        "Giá trị {option} không phải JSON hợp lệ: {detail}",
        "{option} is not valid JSON: {detail}",
    ),
    "cli.invalid_date": (
        "Ngày «{value}» không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-05.",
        "Invalid date «{value}»; use YYYY-MM-DD, e.g. 2026-02-05.",
    ),
    "cli.invalid_box": (
        "Hộp văn bản «{value}» không có; chọn một trong: {choices}.",
        "Unknown box «{value}»; choose one of: {choices}.",
    ),
    "cli.unknown_document": (
        "Không có văn bản mã «{id}» trong bộ nhớ đệm.",
        "No document with id «{id}» in the cache.",
    ),
    "profile.unwritable": (
        "Không ghi được vào thư mục hồ sơ {path}: {detail}",
        "Cannot write to the profile folder {path}: {detail}",
    ),
    # --- store ------------------------------------------------------------------------------
    "store.set_aside_corrupt": (
        "Tệp dữ liệu đệm bị hỏng nên đã được cất sang {path} (không xóa); đã tạo bộ nhớ đệm "
        "mới, lần đồng bộ tới sẽ tải lại văn bản.",
        "The cache file was damaged and has been moved to {path} (not deleted); a fresh cache "
        "was started, and the next sync refills it.",
    ),
    "store.set_aside_foreign": (
        "Tệp dữ liệu đệm không phải của ứng dụng này (hoặc của phiên bản mới hơn) nên đã được "
        "cất sang {path} (không xóa); đã tạo bộ nhớ đệm mới, lần đồng bộ tới sẽ tải lại văn bản.",
        "The cache file does not belong to this application (or to a newer version) and has "
        "been moved to {path} (not deleted); a fresh cache was started, and the next sync "
        "refills it.",
    ),
    "store.migration_failed": (
        "Nâng cấp cấu trúc dữ liệu đệm thất bại ({detail}); đã khôi phục bản sao trước khi nâng "
        "cấp từ {backup}.",
        "Upgrading the cache's schema failed ({detail}); the copy taken before the upgrade was "
        "restored from {backup}.",
    ),
    "list.invalid_number": (
        "Giá trị {option} «{value}» không hợp lệ; cần số nguyên từ {low} đến {high}.",
        "Invalid {option} «{value}»; expected a whole number from {low} to {high}.",
    ),
    "list.invalid_status": (
        "Trạng thái «{value}» không có; chọn một trong: {choices}.",
        "Unknown status «{value}»; choose one of: {choices}.",
    ),
    "list.dates_reversed": (
        "Ngày --from ({start}) sau ngày --to ({end}).",
        "--from ({start}) is after --to ({end}).",
    ),
    "list.empty": ("Không có văn bản nào.", "No documents."),
    "list.more": (
        "Còn văn bản khác; tăng --limit để xem thêm.",
        "More documents exist; raise --limit to see them.",
    ),
    "list.header": (
        "Ngày        | Số, ký hiệu      | Trạng thái           | Trích yếu | Mã",
        "Date        | Number           | Status               | Subject | Id",
    ),
    "show.id": ("Mã văn bản", "Document id"),
    "show.direction": ("Loại sổ", "Direction"),
    "show.type": ("Tên loại", "Type"),
    "show.code": ("Số, ký hiệu", "Number and notation"),
    "show.subject": ("Trích yếu", "Subject"),
    "show.issuer": ("Cơ quan ban hành", "Issuer"),
    "show.issued_date": ("Ngày ban hành", "Issued on"),
    "show.place": ("Địa danh", "Place"),
    "show.arrival": ("Số đến, ngày đến", "Arrival number and date"),
    "show.register": ("Sổ văn bản", "Register"),
    "show.urgency": ("Độ khẩn", "Urgency"),
    "show.secrecy": ("Độ mật", "Secrecy"),
    "show.status": ("Trạng thái", "Status"),
    "show.due_date": ("Hạn xử lý", "Due"),
    "show.overdue": ("quá hạn", "overdue"),
    "show.signer": ("Người ký", "Signer"),
    "show.recipients": ("Nơi nhận", "Recipients"),
    "show.pending_with": ("Đang chờ xử lý", "Waiting on"),
    "show.unit": ("Đơn vị", "Unit"),
    "show.created": ("Người tạo, lúc", "Created by, at"),
    "show.version": ("Phiên bản", "Version"),
    "show.read": ("Đã đọc", "Read"),
    "show.yes": ("có", "yes"),
    "show.no": ("không", "no"),
    "show.pending_changes": ("Thay đổi chờ gửi", "Queued changes"),
    "show.attachments": ("Tệp đính kèm", "Attachments"),
    "show.file_cached": ("đã tải", "downloaded"),
    "show.file_secret": ("văn bản mật: không tải tệp", "secret document: files not fetched"),
    "show.assignments": ("Phân công xử lý", "Assignments"),
    "show.comments": ("Ý kiến, bút phê", "Comments and directives"),
    "show.history": ("Nhật ký xử lý", "History"),
    "show.none": ("(không có)", "(none)"),
    # --- api --------------------------------------------------------------------------------
    # --- sync -------------------------------------------------------------------------------
    # --- documents / signing ----------------------------------------------------------------
    # --- sandbox ----------------------------------------------------------------------------
}


def set_language(lang: str) -> None:
    """Choose the language of :func:`tr` for this process (CLI --lang, settings, policy)."""
    global _current
    _current = lang if lang in LANGUAGES else "vi"


def current_language() -> str:
    return _current


def tr(key: str, lang: str | None = None, **values: Any) -> str:
    """The message ``key`` in ``lang`` (default: the process's language), filled with values."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key + (" " + repr(values) if values else "")
    text = pair[1] if (lang or _current) == "en" else pair[0]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
