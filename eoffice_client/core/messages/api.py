"""Messages: Talking to the server (core/api): errors, sign-in, TLS."""

MESSAGES: dict[str, tuple[str, str]] = {
    "api.error": (
        "Lỗi khi làm việc với máy chủ (HTTP {status}, {code}). {detail}",
        "Error talking to the server (HTTP {status}, {code}). {detail}",
    ),
    "api.unreachable": (
        "Không kết nối được máy chủ {server}: {reason}. Không mất dữ liệu; hãy thử lại sau.",
        "Cannot reach the server {server}: {reason}. Nothing is lost; try again later.",
    ),
    "api.unreachable.timeout": ("máy chủ không trả lời kịp", "the server did not answer in time"),
    "api.unreachable.refused": (
        "máy chủ từ chối kết nối (có thể máy chủ đang tắt hoặc sai cổng)",
        "the server refused the connection (it may be down, or the port is wrong)"),
    "api.unreachable.not_found": (
        "không tìm thấy địa chỉ máy chủ (kiểm tra địa chỉ hoặc mạng)",
        "the server's address was not found (check the address or the network)"),
    "api.unreachable.cut": ("kết nối bị ngắt giữa chừng", "the connection was cut"),
    "api.unreachable.proxy": (
        "không đi qua được máy chủ proxy đã cấu hình (kiểm tra thiết lập proxy)",
        "the configured proxy could not be used (check the proxy setting)"),
    "api.unreachable.network": (
        "lỗi mạng (kiểm tra kết nối mạng của máy)",
        "a network error (check this computer's network connection)"),
    "api.unavailable": (
        "Máy chủ tạm thời không phục vụ (HTTP {status}); thử lại sau {seconds} giây. "
        "Không mất dữ liệu.",
        "The server is unavailable for now (HTTP {status}); try again in {seconds} s. "
        "Nothing is lost.",
    ),
    "api.paused": (
        "Máy chủ yêu cầu tạm dừng; thử lại sau {seconds} giây. Không mất dữ liệu.",
        "The server asked to pause; try again in {seconds} s. Nothing is lost.",
    ),
    "api.request_in_progress": (
        "Máy chủ vẫn đang xử lý yêu cầu trước; sẽ gửi lại sau.",
        "The server is still handling the earlier request; it will be sent again later.",
    ),
    "api.sign_in_needed": (
        "Phiên đăng nhập đã hết hiệu lực; hãy đăng nhập lại.",
        "The sign-in is no longer valid; please sign in again.",
    ),
    "api.not_signed_in": (
        "Chưa đăng nhập; hãy chạy «eoffice-client login».",
        "Not signed in; run «eoffice-client login».",
    ),
    "api.invalid_credentials": (
        "Sai tên đăng nhập hoặc mật khẩu.",
        "Wrong username or password.",
    ),
    "api.account_locked": (
        "Tài khoản đã bị khóa do nhập sai mật khẩu nhiều lần; hãy liên hệ quản trị hệ thống.",
        "The account is locked after too many wrong passwords; contact the administrator.",
    ),
    "api.version_conflict": (
        "Văn bản đã được người khác thay đổi; hãy xem trạng thái mới rồi thực hiện lại.",
        "The document was changed by someone else; review its new state and try again.",
    ),
    "api.invalid_transition": (
        "Trạng thái hiện tại của văn bản không cho phép thao tác này. {detail}",
        "The document's current status does not allow this action. {detail}",
    ),
    "api.forbidden": (
        "Bạn không có quyền thực hiện thao tác này. {detail}",
        "You are not allowed to do this. {detail}",
    ),
    "api.not_found": (
        "Không tìm thấy trên máy chủ (đã bị xóa hoặc bạn không được xem).",
        "Not found on the server (gone, or not visible to you).",
    ),
    "api.validation_failed": (
        "Máy chủ từ chối dữ liệu không hợp lệ: {fields}",
        "The server refused invalid data: {fields}",
    ),
    "api.file_too_large": (
        "Tệp quá lớn (tối đa 100 MB).",
        "The file is too large (100 MB at most).",
    ),
    "api.idempotency_key_reused": (
        "Lỗi chương trình: mã yêu cầu đã dùng cho một yêu cầu khác.",
        "Program error: the request key was already used for another request.",
    ),
    "api.conflict": (
        "Máy chủ báo xung đột ({code}). {detail}",
        "The server reports a conflict ({code}). {detail}",
    ),
    "api.cursor_expired": (
        "Mốc đồng bộ đã quá cũ; cần đồng bộ lại toàn bộ.",
        "The sync position is too old; a full sync is needed.",
    ),
    "api.invalid_cursor": (
        "Máy chủ không nhận ra mốc đồng bộ (lỗi chương trình hoặc dữ liệu hỏng).",
        "The server does not know the sync position (a program error or corrupt data).",
    ),
    "api.bad_request": (
        "Máy chủ từ chối yêu cầu ({code}): lỗi chương trình. {detail}",
        "The server refused the request ({code}): a program error. {detail}",
    ),
    "api.precondition_required": (
        "Lỗi chương trình: thiếu phiên bản văn bản (If-Match).",
        "Program error: the document's version (If-Match) is missing.",
    ),
    "api.range_not_satisfiable": (
        "Không tải tiếp được tệp; sẽ tải lại từ đầu.",
        "Cannot resume the download; it will start again.",
    ),
    "api.unexpected_answer": (
        "Máy chủ trả lời không như mong đợi (HTTP {status}, {code}). {detail}",
        "Unexpected answer from the server (HTTP {status}, {code}). {detail}",
    ),
    "api.bad_response": (
        "Máy chủ trả về dữ liệu sai định dạng ở trường «{field}»: {reason}",
        "The server sent malformed data in field «{field}»: {reason}",
    ),
    "api.client_too_old": (
        "Phiên bản {version} của chương trình đã cũ; máy chủ yêu cầu từ {minimum}. "
        "Hãy cập nhật chương trình.",
        "This client ({version}) is too old; the server needs {minimum} or later. "
        "Please upgrade.",
    ),
    "api.insecure_server": (
        "Từ chối kết nối không mã hóa tới {server}; hãy dùng địa chỉ https://.",
        "Refusing an unencrypted connection to {server}; use an https:// address.",
    ),
    "api.untrusted_server": (
        "Chứng thư số của máy chủ {server} không tin cậy được; đã dừng kết nối.",
        "The certificate of {server} is not trusted; the connection was stopped.",
    ),
    "api.invalid_server": (
        "Địa chỉ máy chủ «{server}» không hợp lệ; ví dụ: https://eoffice.example.gov.vn",
        "Invalid server address «{server}»; e.g. https://eoffice.example.gov.vn",
    ),
    "api.ca_bundle_unreadable": (
        "Không đọc được tệp chứng thư CA {path} ({detail}).",
        "Cannot read the CA bundle {path} ({detail}).",
    ),
    "api.token_too_large": (
        "Mã đăng nhập quá dài để lưu vào kho mật khẩu của hệ điều hành; "
        "lần sau mở chương trình sẽ phải đăng nhập lại.",
        "The sign-in token is too long for the system's credential store; "
        "you will have to sign in again next time.",
    ),
    "api.keyring_unusable": (
        "Không dùng được kho mật khẩu của hệ điều hành; đăng nhập chỉ có hiệu lực "
        "đến khi đóng chương trình.",
        "The system's credential store cannot be used; the sign-in lasts only until "
        "the program closes.",
    ),
}
