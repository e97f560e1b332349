"""Messages: edXML (QCVN 102:2016) import and export (core/interop)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- files refused (exit 9, nothing changed) ------------------------------------------
    "interop.cannot_read": ("Không đọc được tệp {file}: {detail}", "Cannot read {file}: {detail}"),
    "interop.empty": ("Tệp {file} rỗng.", "The file {file} is empty."),
    "interop.too_large": (
        "Tệp {file} quá lớn ({size} MB; tối đa {limit} MB); không nhập.",
        "The file {file} is too large ({size} MB; at most {limit} MB); not imported.",
    ),
    "interop.header_too_large": (
        "Phần thông tin văn bản trong tệp {file} dài bất thường; không nhập.",
        "The document information in {file} is abnormally long; not imported.",
    ),
    "interop.not_well_formed": (
        "Tệp {file} không phải XML hợp lệ (dòng {line}, cột {column}: {detail}); không nhập.",
        "The file {file} is not well-formed XML (line {line}, column {column}: {detail}); "
        "not imported.",
    ),
    "interop.forbidden_xml": (
        "Tệp {file} chứa khai báo DTD hoặc thực thể XML ({detail}), có thể là tệp độc hại; "
        "không nhập.",
        "The file {file} contains a DTD or XML entity declaration ({detail}), possibly a "
        "hostile file; not imported.",
    ),
    "interop.not_edxml": (
        "Tệp {file} không phải gói tin edXML (QCVN 102:2016).",
        "The file {file} is not an edXML (QCVN 102:2016) message.",
    ),
    "interop.no_header": (
        "Tệp {file} thiếu phần MessageHeader của edXML.",
        "The file {file} has no edXML MessageHeader.",
    ),
    "interop.no_sender": (
        "Tệp {file} không ghi cơ quan gửi (From).",
        "The file {file} does not name the sending organisation (From).",
    ),
    "interop.no_subject": (
        "Tệp {file} không có trích yếu văn bản (Subject).",
        "The file {file} has no document summary (Subject).",
    ),
    "interop.too_many_attachments": (
        "Tệp {file} có quá nhiều tệp đính kèm (tối đa {limit}); không nhập.",
        "The file {file} has too many attachments (at most {limit}); not imported.",
    ),
    "interop.attachment_too_large": (
        "Tệp đính kèm «{attachment}» trong {file} quá lớn (tối đa {limit} MB); không nhập.",
        "The attachment «{attachment}» in {file} is too large (at most {limit} MB); "
        "not imported.",
    ),
    "interop.bad_base64": (
        "Tệp đính kèm «{attachment}» trong {file} bị hỏng (mã base64 không hợp lệ); không nhập.",
        "The attachment «{attachment}» in {file} is damaged (invalid base64); not imported.",
    ),
    "interop.bad_zip": (
        "Tệp nén «{attachment}» trong {file} bị hỏng; không nhập.",
        "The zipped attachment «{attachment}» in {file} is damaged; not imported.",
    ),
    "interop.zip_too_large": (
        "Tệp nén «{attachment}» trong {file} giải nén ra quá lớn (tối đa {limit} MB); "
        "không nhập.",
        "The zipped attachment «{attachment}» in {file} unpacks too large (at most {limit} "
        "MB); not imported.",
    ),
    "interop.bad_status_code": (
        "Gói tin trạng thái {file} có mã trạng thái «{code}» không hợp lệ.",
        "The status message {file} has an invalid status code «{code}».",
    ),
    "interop.no_response_for": (
        "Gói tin trạng thái {file} không ghi văn bản được báo trạng thái (ResponseFor).",
        "The status message {file} does not name the document it is about (ResponseFor).",
    ),
    # --- export -----------------------------------------------------------------------------
    "interop.not_issued": (
        "Chỉ xuất edXML được văn bản đi đã ban hành; văn bản này đang ở trạng thái «{status}».",
        "Only an issued outgoing document can be exported as edXML; this one is «{status}».",
    ),
    "interop.no_final_pdf": (
        "Văn bản chưa có tệp PDF bản phát hành (đã ký số của cơ quan) trên máy; hãy đồng bộ "
        "để tải tệp về rồi thử lại.",
        "The document's final PDF (with the organisation's signature) is not on this "
        "computer; sync to fetch it and try again.",
    ),
    "interop.not_incoming": (
        "Thông báo trạng thái edXML chỉ gửi cho văn bản đến; văn bản này là văn bản {direction}.",
        "edXML status messages are for incoming documents; this one is {direction}.",
    ),
    "interop.bad_code": (
        "Mã trạng thái «{code}» không hợp lệ; chọn một trong: {choices}.",
        "Invalid status code «{code}»; choose one of: {choices}.",
    ),
    "interop.status_not_fitting": (
        "Không gửi được trạng thái {code} ({label}) cho văn bản đang ở trạng thái «{status}».",
        "Status {code} ({label}) cannot be sent for a document that is «{status}».",
    ),
    "interop.cannot_write": (
        "Không ghi được tệp {path}: {detail}", "Cannot write the file {path}: {detail}",
    ),
    "interop.no_org_code": (
        "Cơ quan «{name}» chưa có mã định danh edXML trong danh mục; đã ghi mã nội bộ {id}.",
        "The organisation «{name}» has no edXML code in the catalogue; its internal id {id} "
        "was written instead.",
    ),
    # --- status codes (QCVN 102:2016) --------------------------------------------------------
    "interop.status.01": ("Đã đến", "Arrived"),
    "interop.status.02": ("Từ chối tiếp nhận", "Refused"),
    "interop.status.03": ("Đã tiếp nhận", "Accepted"),
    "interop.status.04": ("Phân công xử lý", "Assigned"),
    "interop.status.05": ("Đang xử lý", "Being handled"),
    "interop.status.06": ("Hoàn thành", "Completed"),
    "interop.status.13": ("Thu hồi văn bản", "Recalled by the sender"),
    "interop.status.15": ("Đồng ý thu hồi/cập nhật", "Recall or update accepted"),
    "interop.status.16": ("Từ chối thu hồi/cập nhật", "Recall or update refused"),
    "interop.status_summary": (
        "{sender} báo: {code} – {label}{description} ({time})",
        "{sender} reports: {code} – {label}{description} ({time})",
    ),
    # --- what could not be mapped -------------------------------------------------------------
    "interop.unmapped_line": ("{path}: «{value}» – {reason}", "{path}: «{value}» – {reason}"),
    "interop.reason.unknown_element": (
        "phần tử không có trong QCVN 102, bỏ qua", "element not in QCVN 102, ignored",
    ),
    "interop.reason.no_field": (
        "văn bản không có trường tương ứng, chỉ giữ trong tệp gốc",
        "no matching document field, kept only in the original file",
    ),
    "interop.reason.bad_value": ("giá trị không đọc được, bỏ qua", "unreadable value, ignored"),
    "interop.reason.too_long": ("quá dài, đã cắt bớt", "too long, shortened"),
    "interop.reason.not_in_catalogue": (
        "cơ quan chưa có trong danh mục, giữ nguyên mã", "organisation not in the catalogue, "
        "its code kept",
    ),
    "interop.reason.type_from_notation": (
        "tên loại không khớp danh mục, lấy theo ký hiệu", "type name not in the catalogue, "
        "taken from the notation",
    ),
    "interop.reason.type_default": (
        "tên loại không khớp danh mục, tạm ghi là Công văn", "type name not in the catalogue, "
        "recorded as Công văn for now",
    ),
    "interop.reason.namespace": (
        "không gian tên khác QCVN 102", "namespace other than QCVN 102's",
    ),
    "interop.reason.no_bytes": (
        "tệp đính kèm không có nội dung", "attachment without content",
    ),
    "interop.reason.missing_file": (
        "danh mục tệp nêu tệp này nhưng không có nội dung", "listed in the manifest but "
        "without content",
    ),
    "interop.reason.zip_kept": (
        "tệp nén nhiều tệp, giữ nguyên dạng .zip", "a zip of several files, kept as .zip",
    ),
    "interop.reason.renamed": (
        "đã giải nén; phần mở rộng theo tệp bên trong", "unzipped; extension taken from the "
        "file inside",
    ),
    "interop.reason.type_corrected": (
        "kiểu tệp khai báo không đúng nội dung, đã sửa", "declared type did not match the "
        "bytes, corrected",
    ),
}
