"""Messages: The training/sandbox server."""

MESSAGES: dict[str, tuple[str, str]] = {
    "sandbox.bad_faults": (
        "Giá trị --faults không hợp lệ: {detail}. Dạng đúng: error_rate=0.2,delay_ms=300 "
        "(error_rate, reset_rate, duplicate_rate từ 0 đến 1; delay_ms, rate_limit, "
        "cursor_ttl_s là số nguyên không âm).",
        "Invalid --faults: {detail}. Expected e.g. error_rate=0.2,delay_ms=300 "
        "(error_rate, reset_rate, duplicate_rate from 0 to 1; delay_ms, rate_limit, "
        "cursor_ttl_s whole numbers >= 0).",
    ),
    "sandbox.bad_number": (
        "{option} phải là số nguyên {low} trở lên, không phải «{value}».",
        "{option} must be a whole number of at least {low}, not «{value}».",
    ),
    "sandbox.bad_range": (
        "{option} phải là số nguyên từ {low} đến {high}, không phải «{value}».",
        "{option} must be a whole number from {low} to {high}, not «{value}».",
    ),
    "sandbox.cannot_listen": (
        "Không mở được cổng {host}:{port}: {detail}",
        "Cannot listen on {host}:{port}: {detail}",
    ),
    "sandbox.preparing": (
        "Đang chuẩn bị dữ liệu mẫu trong {path} ...",
        "Preparing the sample data in {path} ...",
    ),
    "sandbox.accounts": (
        "Tài khoản mẫu (mật khẩu «demo»): vanthu, chuyenvien, lanhdao, quantri.",
        "Sample accounts (password «demo»): vanthu, chuyenvien, lanhdao, quantri.",
    ),
    "sandbox.stopped": ("Đã dừng máy chủ tập huấn.", "The sandbox server stopped."),
}
