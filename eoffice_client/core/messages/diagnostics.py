"""Messages: the diagnostics bundle (core/app/diagnostics.py, ``diagnostics`` command)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "diagnostics.saved": (
        "Đã lưu gói chẩn đoán {path} ({count} tệp, không có mật khẩu, mã truy cập hay nội "
        "dung văn bản).",
        "Diagnostics bundle saved to {path} ({count} files, no password, token or document "
        "content).",
    ),
    "diagnostics.permissions_ok": (
        "Quyền truy cập thư mục hồ sơ: chỉ tài khoản này.",
        "Profile folder permissions: this account only.",
    ),
    "diagnostics.permissions_open": (
        "Cảnh báo: thư mục hồ sơ có {count} chỗ tài khoản khác có thể truy cập (xem "
        "permissions.json trong gói).",
        "Warning: the profile folder has {count} places other accounts may reach (see "
        "permissions.json in the bundle).",
    ),
    "diagnostics.no_folder": (
        "Không có thư mục {path} để lưu gói chẩn đoán.",
        "The folder {path} for the diagnostics bundle does not exist.",
    ),
    "diagnostics.not_written": (
        "Không ghi được gói chẩn đoán {path} ({detail}).",
        "The diagnostics bundle {path} could not be written ({detail}).",
    ),
}
