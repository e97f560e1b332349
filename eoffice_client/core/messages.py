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
    "store.damaged": (
        "Tệp dữ liệu đệm {path} bị hỏng ({detail}); lần khởi động tới ứng dụng sẽ kiểm tra, "
        "cất tệp hỏng sang bên (không xóa) và tạo bộ nhớ đệm mới.",
        "The cache file {path} is damaged ({detail}); at the next start the application "
        "checks it, moves the damaged file aside (not deleted) and starts a fresh cache.",
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
    "api.error": (
        "Lỗi khi làm việc với máy chủ (HTTP {status}, {code}). {detail}",
        "Error talking to the server (HTTP {status}, {code}). {detail}",
    ),
    "api.unreachable": (
        "Không kết nối được máy chủ {server} ({reason}). Không mất dữ liệu; hãy thử lại sau.",
        "Cannot reach the server {server} ({reason}). Nothing is lost; try again later.",
    ),
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
        "Còn {count} thay đổi chưa gửi lên máy chủ; hãy đồng bộ trước, "
        "hoặc dùng --force để xóa cả chúng.",
        "{count} changes are not sent to the server yet; sync first, or use --force "
        "to delete them too.",
    ),
    "logout.wiped": (
        "Đã xóa dữ liệu văn bản, tệp và thông tin đăng nhập của hồ sơ.",
        "Deleted the profile's documents, files and credentials.",
    ),
    # --- sync -------------------------------------------------------------------------------
    "sync.lock_held": (
        "Một lần đồng bộ khác của hồ sơ này đang chạy; hãy thử lại sau.",
        "Another sync of this profile is running; try again later.",
    ),
    "sync.cancelled": ("Đã dừng đồng bộ; những gì đã nhận được giữ nguyên.",
                       "Sync stopped; what was received so far is kept."),
    "sync.phase.push": ("Gửi thay đổi", "Sending changes"),
    "sync.phase.pull": ("Nhận thay đổi", "Receiving changes"),
    "sync.phase.files": ("Tải tệp", "Fetching files"),
    "sync.phase.done": ("Xong", "Done"),
    "sync.progress": ("{phase}: {items}", "{phase}: {items}"),
    "sync.progress_bytes": ("({mb} MB)", "({mb} MB)"),
    "sync.summary": (
        "Đã gửi {sent}, nhận {applied} thay đổi, xóa {deleted} văn bản, tải {files} tệp; "
        "còn chờ gửi {pending}, xung đột {conflicts}.",
        "Sent {sent}, received {applied} changes, removed {deleted} documents, fetched "
        "{files} files; still queued {pending}, conflicts {conflicts}.",
    ),
    "sync.result_unreachable": (
        "Không kết nối được máy chủ: không mất dữ liệu, các thay đổi vẫn chờ gửi; hãy thử lại sau.",
        "The server could not be reached: nothing was lost, changes stay queued; try later.",
    ),
    "sync.result_page_refused": (
        "Máy chủ gửi dữ liệu không hợp lệ, đã bỏ qua (không áp dụng gì của trang đó): {detail}",
        "The server sent invalid data; that page was refused (nothing of it applied): {detail}",
    ),
    "sync.result_file_problems": (
        "{count} tệp không tải được hoặc sai mã băm và đã bị loại; xem sync.log.",
        "{count} files could not be fetched or had a wrong hash and were dropped; see sync.log.",
    ),
    "sync.result_conflicts": (
        "Có {count} thay đổi bị máy chủ từ chối cần xem lại: eoffice-client outbox.",
        "{count} changes were refused by the server and need review: eoffice-client outbox.",
    ),
    "sync.bad_sha256": ("Mã băm SHA-256 của tệp không hợp lệ: «{value}».",
                        "Invalid SHA-256 of a file: «{value}»."),
    "sync.bad_size": ("Kích thước tệp không hợp lệ: «{value}».", "Invalid file size: «{value}»."),
    "sync.secret_file": (
        "Văn bản mật: tệp đính kèm không được tải về hay lưu trên máy này.",
        "A secret document: its files are never fetched or stored on this computer.",
    ),
    "sync.file_mismatch": (
        "Tệp «{name}» nhận được không khớp mã băm {sha256}; đã loại bỏ.",
        "The file «{name}» received does not match its hash {sha256}; dropped.",
    ),
    "sync.file_failed": ("Không tải được tệp {id}; xem sync.log.",
                         "Could not fetch the file {id}; see sync.log."),
    "sync.unknown_attachment": ("Không có tệp đính kèm mã «{id}» trong bộ nhớ đệm.",
                                "No attachment with id «{id}» in the cache."),
    "sync.unknown_outbox_id": ("Không có thay đổi mã «{id}» trong hộp thư đi.",
                               "No change with id «{id}» in the outbox."),
    "sync.not_a_conflict": ("Thay đổi «{id}» không phải là xung đột.",
                            "The change «{id}» is not a conflict."),
    "sync.cannot_cancel": (
        "Không hủy được thay đổi «{id}» (trạng thái {state}): nó có thể đã đến máy chủ.",
        "Cannot cancel the change «{id}» (state {state}): it may have reached the server.",
    ),
    "sync.upload_file_missing": (
        "Tệp cần gửi của thay đổi {id} không còn trong bộ nhớ đệm.",
        "The file to upload for change {id} is no longer in the cache.",
    ),
    "sync.invalid_cursor": (
        "Máy chủ không nhận ra vị trí đồng bộ đã lưu (dữ liệu hỏng hoặc lỗi chương trình); "
        "không tự sửa. Hãy báo bộ phận CNTT.",
        "The server does not recognise the saved sync position (corrupt data or a program "
        "error); it is not repaired silently. Please tell IT staff.",
    ),
    "sync.other_identity": (
        "Hồ sơ này còn thay đổi chưa gửi của {user} trên {server}; hãy đồng bộ hoặc dùng "
        "hồ sơ khác.",
        "This profile still has unsent changes of {user} on {server}; sync them or use "
        "another profile.",
    ),
    "sync.params_not_object": ("Tham số phải là một đối tượng JSON {{...}}.",
                               "Params must be a JSON object {{...}}."),
    "sync.unknown_action": ("Không có thao tác «{action}»; chọn một trong: {choices}.",
                            "Unknown action «{action}»; choose one of: {choices}."),
    "sync.unknown_type": ("Không có loại văn bản mã «{code}».",
                          "Unknown document type «{code}»."),
    "sync.bad_value": ("Giá trị {field} không hợp lệ: «{value}».",
                       "Invalid value of {field}: «{value}»."),
    "sync.unknown_fields": ("Trường không được phép khi tạo văn bản: {fields}.",
                            "Fields not allowed in a create: {fields}."),
    "sync.incoming_needs_clerk": ("Chỉ văn thư được vào văn bản đến.",
                                  "Only clerks may register incoming documents."),
    "sync.incoming_needs_issuer": (
        "Văn bản đến cần cơ quan ban hành: --params '{{\"issuer\": {{\"org_id\": ..., "
        "\"org_name\": ...}}}}'.",
        "An incoming document needs its issuer: --params '{{\"issuer\": {{\"org_id\": ..., "
        "\"org_name\": ...}}}}'.",
    ),
    "sync.no_such_file": ("Không đọc được tệp {path}.", "Cannot read the file {path}."),
    "sync.file_too_large": ("Tệp {path} lớn hơn 100 MB.", "The file {path} is over 100 MB."),
    "sync.not_allowed": (
        "Không được thực hiện «{action}» với văn bản ở trạng thái {status}: {detail}",
        "«{action}» is not allowed on this document in status {status}: {detail}",
    ),
    "sync.invalid_params": ("Tham số của «{action}» không hợp lệ: {detail}",
                            "Invalid params of «{action}»: {detail}"),
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
    # --- documents / signing ----------------------------------------------------------------
    # --- window (CLI side) ------------------------------------------------------------------
    "gui.training_mode": (
        "Chế độ tập huấn: máy chủ thử nghiệm {server} với dữ liệu mẫu, đăng nhập là «{user}» "
        "(mọi tài khoản mẫu có mật khẩu «demo»). Dữ liệu sẽ xóa khi đóng cửa sổ. Để dùng máy "
        "chủ thật: eoffice-client login --server <địa chỉ> --username <tên>.",
        "Training mode: sandbox server {server} with sample data, signed in as «{user}» "
        "(every sample account's password is «demo»). The data goes when the window closes. "
        "To use a real server: eoffice-client login --server <address> --username <name>.",
    ),
    # --- sandbox ----------------------------------------------------------------------------
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
