"""Messages: The CLI's document commands: list, show, status, outbox, login, logout."""

MESSAGES: dict[str, tuple[str, str]] = {
    "list.invalid_number": (
        "Giá trị {option} «{value}» không hợp lệ; cần số nguyên từ {low} đến {high}.",
        "Invalid {option} «{value}»; expected a whole number from {low} to {high}.",
    ),
    "list.invalid_minimum": (
        "Giá trị {option} «{value}» không hợp lệ; cần số nguyên từ {low} trở lên.",
        "Invalid {option} «{value}»; expected a whole number of {low} or more.",
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
    "login.no_server": (
        "Chưa có địa chỉ máy chủ: dùng --server hoặc đặt trong cấu hình.",
        "No server address: use --server or set it in the settings.",
    ),
    "login.no_password": (
        "Không đọc được mật khẩu từ đầu vào chuẩn (stdin).",
        "No password was read from standard input.",
    ),
    "login.signed_in": (
        "Đã đăng nhập: {full_name} ({username}) tại {server}.",
        "Signed in: {full_name} ({username}) at {server}.",
    ),
    "logout.done": ("Đã đăng xuất {username}.", "Signed out {username}."),
    "logout.not_signed_in": ("Chưa đăng nhập.", "Not signed in."),
    "logout.not_confirmed": (
        "Không báo được cho máy chủ; đã xóa thông tin đăng nhập trên máy này.",
        "Could not tell the server; the sign-in was removed from this computer.",
    ),
    "logout.queued": (
        "Còn {count} thay đổi chưa gửi lên máy chủ; chưa xóa gì. Hãy đồng bộ trước để "
        "không mất chúng (trên dòng lệnh, --force xóa cả chúng).",
        "{count} changes are not sent to the server yet; nothing was deleted. Sync first "
        "so they are not lost (on the command line, --force deletes them too).",
    ),
    "logout.queued_unknown": (
        "Không đếm được các thay đổi chưa gửi lên máy chủ (không đọc được dữ liệu trên "
        "máy); chưa xóa gì. Hãy đồng bộ, hoặc xuất gói chẩn đoán cho bộ phận CNTT (trên "
        "dòng lệnh, --force vẫn xóa).",
        "The changes not sent to the server yet cannot be counted (the local data cannot "
        "be read); nothing was deleted. Sync, or export a diagnostics bundle for IT staff "
        "(on the command line, --force deletes all the same).",
    ),
    "session.no_server": (
        "Hãy nhập địa chỉ máy chủ, ví dụ: https://eoffice.example.gov.vn",
        "Enter the server address, e.g. https://eoffice.example.gov.vn",
    ),
    "logout.wiped": (
        "Đã xóa dữ liệu văn bản, tệp, khóa mã hóa, nhật ký thao tác và thông tin đăng nhập "
        "của hồ sơ.",
        "Deleted the profile's documents, files, encryption key, audit trail and "
        "credentials.",
    ),
    "outbox.empty": ("Hộp thư đi trống.", "The outbox is empty."),
    "outbox.retried": ("Đã xếp lại thay đổi {id} để gửi (yêu cầu mới).",
                       "Change {id} queued again (a new request)."),
    "outbox.dropped": ("Đã bỏ xung đột {id}.", "Dropped the conflict {id}."),
    "outbox.cancelled": ("Đã hủy {count} thay đổi chưa gửi ({id}).",
                         "Cancelled {count} unsent change(s) ({id})."),
    "outbox.state.queued": ("chờ gửi", "queued"),
    "outbox.state.sending": ("đang gửi", "sending"),
    "outbox.state.blocked": ("chờ sau xung đột", "blocked"),
    "outbox.state.conflict": ("xung đột", "conflict"),
    "status.server": ("Máy chủ: {value}", "Server: {value}"),
    "status.user": ("Người dùng: {value}", "User: {value}"),
    "status.last_sync": ("Đồng bộ gần nhất: {value}", "Last sync: {value}"),
    "status.never": ("chưa bao giờ", "never"),
    "status.pending": ("Thay đổi chờ gửi: {value}", "Queued changes: {value}"),
    "status.conflicts": ("Xung đột: {value}", "Conflicts: {value}"),
    "status.documents": ("Văn bản trong bộ nhớ đệm: {value}", "Cached documents: {value}"),
    "status.cached": ("Dung lượng tệp đã lưu: {value}", "Cached files: {value}"),
    "outbox.needs_id": ("outbox {operation} cần mã thay đổi (ID)",
                        "outbox {operation} needs an ID"),
    "outbox.needs_operation": ("trước mã thay đổi cần retry, drop hoặc cancel",
                               "outbox ID needs retry, drop or cancel before it"),
    "logout.force_needs_wipe": ("--force chỉ dùng cùng --wipe", "--force goes with --wipe"),
    "list.more_matched": (
        "Còn {count} văn bản khác khớp điều kiện nhưng chưa in; tăng --limit để xem thêm.",
        "{count} more documents match but were not printed; raise --limit to see them.",
    ),
}
