"""Messages: The sync engine, the outbox and local changes (core/sync, core/app)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "sync.lock_held": (
        "Một lần đồng bộ khác của hồ sơ này đang chạy; hãy thử lại sau.",
        "Another sync of this profile is running; try again later.",
    ),
    "sync.cancelled": ("Đã dừng đồng bộ; những gì đã nhận được giữ nguyên.",
                       "Sync stopped; what was received so far is kept."),
    "sync.phase.push": ("Gửi thay đổi", "Sending changes"),
    "sync.phase.pull": ("Nhận thay đổi", "Receiving changes"),
    "sync.phase.files": ("Tải tệp", "Fetching files"),
    "sync.phase.content": ("Đọc nội dung tệp", "Reading the files' text"),
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
    "sync.result_already_done": (
        "{count} thay đổi đã được thực hiện trước đó (trên máy khác hoặc trên web) nên không "
        "gửi lại; không có xung đột.",
        "{count} changes had already been made (on another computer or on the web), so they "
        "were not sent again; no conflict.",
    ),
}
