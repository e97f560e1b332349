"""Messages: security core (core/security: keyring, encryption at rest, permissions)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "security.lock_timeout": (
        "Tệp {path} đang bị một tiến trình khác giữ quá lâu; hãy thử lại.",
        "The file {path} has been held by another process for too long; try again.",
    ),
    "security.keyring_unusable": (
        "Không dùng được kho khóa của hệ điều hành ({detail}).",
        "The operating system's keyring cannot be used ({detail}).",
    ),
    "security.key_exists": (
        "Hồ sơ này đã có khóa mã hóa bộ nhớ đệm; không tạo khóa mới để tránh mất dữ liệu.",
        "This profile already has a cache encryption key; no new key is made, so no data is "
        "lost.",
    ),
    "security.key_lost": (
        "Không tìm thấy khóa giải mã bộ nhớ đệm {path} trong kho khóa của hệ điều hành (kho "
        "khóa đã bị đặt lại, hoặc hồ sơ được chép từ máy hay tài khoản khác). Không có gì bị "
        "xóa. Có thể bắt đầu bộ nhớ đệm mới: các tệp cũ và các thao tác đang chờ gửi được cất "
        "sang bên, không bị bỏ.",
        "The key of the encrypted cache {path} is not in the operating system's keyring (the "
        "keyring was reset, or the profile was copied from another PC or account). Nothing was "
        "deleted. A fresh cache can be started: the old files and the queued actions are set "
        "aside, never dropped.",
    ),
    "security.sealed_damaged": (
        "Tệp mã hóa {path} không mở được ({detail}): tệp đã bị sửa, bị cắt, hoặc thuộc khóa "
        "khác.",
        "The encrypted file {path} does not open ({detail}): it was changed, cut short, or "
        "belongs to another key.",
    ),
}
