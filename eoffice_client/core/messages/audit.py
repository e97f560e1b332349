"""Messages: the local audit trail (core/security/audit.py, audit_check.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.intact": (
        "Nhật ký thao tác nguyên vẹn: {entries} mục, chuỗi băm khớp với mốc lưu trong kho "
        "khóa của hệ điều hành.",
        "The audit trail is intact: {entries} entries, the hash chain matches the anchor kept "
        "in the operating system's keyring.",
    ),
    "audit.malformed": (
        "Nhật ký thao tác bị hỏng: dòng {seq} không phải là một mục nhật ký hợp lệ (đã bị sửa "
        "hoặc ghi dở).",
        "The audit trail is broken: line {seq} is not a valid entry (edited, or written in "
        "part).",
    ),
    "audit.out_of_order": (
        "Nhật ký thao tác bị hỏng: mục ở dòng {seq} không đúng thứ tự (các dòng đã bị đổi chỗ "
        "hoặc bị xóa).",
        "The audit trail is broken: the entry on line {seq} is out of order (lines were "
        "swapped or removed).",
    ),
    "audit.broken_chain": (
        "Nhật ký thao tác bị hỏng: mục {seq} không nối tiếp mục trước nó (chuỗi băm bị đứt).",
        "The audit trail is broken: entry {seq} does not follow the one before it (the hash "
        "chain is broken).",
    ),
    "audit.altered": (
        "Nhật ký thao tác bị hỏng: nội dung mục {seq} đã bị sửa (mã băm không khớp).",
        "The audit trail is broken: entry {seq} was changed (its hash does not match).",
    ),
    "audit.truncated": (
        "Nhật ký thao tác bị cắt bớt: mốc ghi nhận {anchored} mục nhưng tệp chỉ còn {entries}; "
        "mục đầu tiên bị mất là mục {seq}.",
        "The audit trail was cut short: the anchor counts {anchored} entries but the file has "
        "{entries}; the first missing entry is {seq}.",
    ),
    "audit.trail_missing": (
        "Tệp nhật ký thao tác đã bị xóa: mốc ghi nhận {anchored} mục, bắt đầu từ mục {seq}.",
        "The audit trail file was deleted: the anchor counts {anchored} entries, from entry "
        "{seq}.",
    ),
    "audit.anchor_mismatch": (
        "Nhật ký thao tác đã bị viết lại: mục {seq} không phải là mục đã được ghi mốc.",
        "The audit trail was rewritten: entry {seq} is not the entry that was anchored.",
    ),
    "audit.beyond_anchor": (
        "Nhật ký thao tác có mục được thêm ngoài ứng dụng: mốc ghi nhận {anchored} mục, từ mục "
        "{seq} trở đi không được ghi mốc.",
        "The audit trail has entries added outside the application: the anchor counts "
        "{anchored} entries, entries from {seq} on were never anchored.",
    ),
    "audit.anchor_missing": (
        "Không tìm thấy mốc của nhật ký thao tác trong kho khóa của hệ điều hành (đã bị xóa), "
        "nên không thể xác nhận {entries} mục hiện có.",
        "The audit trail's anchor is missing from the operating system's keyring (removed), "
        "so the {entries} entries cannot be confirmed.",
    ),
    "audit.anchor_unusable": (
        "Không đọc được kho khóa của hệ điều hành nên không kiểm tra được phần cuối nhật ký "
        "thao tác ({entries} mục đọc được).",
        "The operating system's keyring cannot be read, so the end of the audit trail cannot "
        "be checked ({entries} entries read).",
    ),
    "audit.earlier_set_aside": (
        "Các nhật ký trước đó đã được cất sang bên vì không khớp với mốc: {files}.",
        "Earlier trails were set aside for not matching their anchor: {files}.",
    ),
}
