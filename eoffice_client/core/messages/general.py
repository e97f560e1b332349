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
    "gui.start.no_display": (
        "Không mở được cửa sổ: không kết nối được màn hình đồ họa ({display}). Hãy "
        "chạy ứng dụng trong phiên làm việc có giao diện đồ họa, hoặc qua xvfb-run trên máy "
        "không có màn hình.",
        "The window cannot start: no connection to a graphical display ({display}). "
        "Run the app in a desktop session, or through xvfb-run on a machine without a screen.",
    ),
    "gui.start.display_unset": ("biến DISPLAY chưa được đặt", "DISPLAY is not set"),
    "gui.start.missing_libraries": (
        "Không mở được cửa sổ: trình cắm hiển thị «{plugin}» của Qt thiếu thư viện hệ thống "
        "{libraries}. Hãy cài: {install}",
        "The window cannot start: Qt's «{plugin}» display plugin lacks the system libraries "
        "{libraries}. Install them: {install}",
    ),
    "gui.start.plugin_failed": (
        "Không mở được cửa sổ: Qt không nạp được trình cắm hiển thị «{plugin}». Hãy cài lại "
        "ứng dụng; trên Debian/Ubuntu chạy bash scripts/setup.sh để cài các thư viện Qt cần.",
        "The window cannot start: Qt cannot load its «{plugin}» display plugin. Reinstall "
        "the app; on Debian/Ubuntu run bash scripts/setup.sh to install the libraries Qt "
        "needs.",
    ),
    "gui.start.no_plugin": (
        "Không mở được cửa sổ: Qt không có trình cắm hiển thị «{plugin}» (biến "
        "QT_QPA_PLATFORM). Hãy bỏ biến QT_QPA_PLATFORM hoặc chọn một trong: {available}.",
        "The window cannot start: Qt has no «{plugin}» display plugin (the QT_QPA_PLATFORM "
        "variable). Unset QT_QPA_PLATFORM or choose one of: {available}.",
    ),
    "gui.start.failed": (
        "Không mở được cửa sổ: {detail} Hãy cài lại ứng dụng; trên Debian/Ubuntu chạy bash "
        "scripts/setup.sh.",
        "The window cannot start: {detail} Reinstall the app; on Debian/Ubuntu run bash "
        "scripts/setup.sh.",
    ),
    "cli.usage.required": ("thiếu tham số bắt buộc {names}", "missing required {names}"),
    "cli.usage.unrecognized": ("không hiểu tham số {names}", "unrecognized arguments: {names}"),
    "cli.usage.one_required": (
        "cần một trong các tham số {names}", "one of the arguments {names} is required"),
    "cli.usage.ambiguous": (
        "tùy chọn {name} không rõ, có thể là {names}", "ambiguous option {name}: {names}"),
    "cli.usage.invalid_choice": (
        "{name}: giá trị {value} không có; chọn một trong {names}",
        "{name}: invalid choice {value}; choose one of {names}"),
    "cli.usage.invalid_value": (
        "{name}: giá trị {value} không hợp lệ", "{name}: invalid value {value}"),
    "cli.usage.expected_one": ("{name} cần một giá trị", "{name} needs one value"),
    "cli.usage.expected_at_most_one": (
        "{name} nhận nhiều nhất một giá trị", "{name} takes at most one value"),
    "cli.usage.expected_at_least_one": (
        "{name} cần ít nhất một giá trị", "{name} needs at least one value"),
    "cli.usage.expected_count": ("{name} cần {count} giá trị", "{name} needs {count} values"),
    "cli.usage.not_allowed_with": (
        "không dùng {name} cùng với {other}", "{name} is not allowed with {other}"),
    "cli.usage.ignored_value": (
        "{name} không nhận giá trị {value}", "{name} takes no value ({value} given)"),
    "cli.not_in_version": (
        "Lệnh «{command}» chưa có trong phiên bản {version}; xem các lệnh hiện có bằng "
        "eoffice-client --help.",
        "The command «{command}» is not in version {version}; see the available commands "
        "with eoffice-client --help.",
    ),
    "cli.no_command": (
        "chưa chọn lệnh; xem eoffice-client --help", "no command given; see eoffice-client --help"),
}
