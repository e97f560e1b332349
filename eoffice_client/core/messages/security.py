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
}
