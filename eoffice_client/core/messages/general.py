"""Messages: General texts of the command line and the profile."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "gui.training_mode": (
        "Chế độ tập huấn: máy chủ thử nghiệm {server} với dữ liệu mẫu, đăng nhập là «{user}» "
        "(mọi tài khoản mẫu có mật khẩu «demo»). Dữ liệu sẽ xóa khi đóng cửa sổ. Để dùng máy "
        "chủ thật: eoffice-client login --server <địa chỉ> --username <tên>.",
        "Training mode: sandbox server {server} with sample data, signed in as «{user}» "
        "(every sample account's password is «demo»). The data goes when the window closes. "
        "To use a real server: eoffice-client login --server <address> --username <name>.",
    ),
}
