"""Messages: the CLI's commands for drafting, signing, verifying, registers, the report and
edXML (render, sign, verify, export-register, report, edxml)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- render ----------------------------------------------------------------------------
    "cli_documents.rendered_docx": (
        "Đã ghi văn bản vào «{path}».", "Wrote the document to «{path}».",
    ),
    "cli_documents.rendered_pdf": (
        "Đã chuyển sang PDF «{path}» (bằng {converter}).",
        "Converted it to the PDF «{path}» (with {converter}).",
    ),
    # --- sign ------------------------------------------------------------------------------
    "cli_documents.signed": (
        "Đã ký số, ghi vào «{path}» (PAdES {level}).",
        "Signed; written to «{path}» (PAdES {level}).",
    ),
    "cli_documents.no_key": (
        "Chưa chọn khóa ký: dùng --pkcs12 TỆP hoặc --pkcs11 THƯ-VIỆN.",
        "No signing key chosen: use --pkcs12 FILE or --pkcs11 LIBRARY.",
    ),
    "cli_documents.pkcs12_needs_password": (
        "--pkcs12 cần --password-stdin (mật khẩu đọc từ đầu vào chuẩn, không ghi trên dòng "
        "lệnh).",
        "--pkcs12 needs --password-stdin (the password is read from standard input, never "
        "given on the command line).",
    ),
    "cli_documents.pkcs11_needs_pin": (
        "--pkcs11 cần --pin-stdin (mã PIN đọc từ đầu vào chuẩn, không ghi trên dòng lệnh).",
        "--pkcs11 needs --pin-stdin (the PIN is read from standard input, never given on the "
        "command line).",
    ),
    "cli_documents.token_options_need_pkcs11": (
        "--pin-stdin, --token-label và --key-label chỉ dùng với --pkcs11.",
        "--pin-stdin, --token-label and --key-label go with --pkcs11 only.",
    ),
    "cli_documents.password_needs_pkcs12": (
        "--password-stdin chỉ dùng với --pkcs12; thiết bị ký (--pkcs11) dùng --pin-stdin.",
        "--password-stdin goes with --pkcs12 only; a token (--pkcs11) uses --pin-stdin.",
    ),
    "cli_documents.no_secret": (
        "Không nhận được mật khẩu hoặc mã PIN từ đầu vào chuẩn.",
        "No password or PIN came on standard input.",
    ),
    "cli_documents.seal_needs_image": (
        "--seal cần ảnh con dấu của cơ quan: --image TỆP.png.",
        "--seal needs the organisation's seal image: --image FILE.png.",
    ),
    "cli_documents.fill_needs_both": (
        "--fill-number và --fill-date phải dùng cùng nhau.",
        "--fill-number and --fill-date go together.",
    ),
    # --- verify ----------------------------------------------------------------------------
    "cli_documents.verify_none": (
        "Tệp «{path}» không có chữ ký số nào.",
        "«{path}» carries no digital signature.",
    ),
    "cli_documents.verify_signer": ("{number}. Người ký: {signer}{organisation}",
                                    "{number}. Signer: {signer}{organisation}"),
    "cli_documents.verify_time": ("Thời điểm ký: {time} ({source})",
                                  "Signing time: {time} ({source})"),
    "cli_documents.time_timestamp": ("theo dấu thời gian", "from the timestamp"),
    "cli_documents.time_claimed": ("do người ký khai", "as the signer claims"),
    "cli_documents.time_none": ("không rõ", "unknown"),
    "cli_documents.intact_yes": (
        "Toàn vẹn: có (nội dung đã ký không bị thay đổi)",
        "Intact: yes (the signed content is unchanged)",
    ),
    "cli_documents.intact_no": (
        "Toàn vẹn: KHÔNG (chữ ký sai hoặc nội dung đã bị thay đổi sau khi ký)",
        "Intact: NO (the signature is wrong or the content was changed after signing)",
    ),
    "cli_documents.trusted_yes": ("Tin cậy: có (chứng thư gốc tin cậy xác nhận người ký)",
                                  "Trusted: yes (a trust anchor vouches for the signer)"),
    "cli_documents.trusted_no": ("Tin cậy: không (không chứng thư gốc tin cậy nào xác nhận)",
                                 "Trusted: no (no trust anchor vouches for the signer)"),
    "cli_documents.trusted_unchecked": (
        "Tin cậy: chưa kiểm tra (không có chứng thư gốc tin cậy; dùng --trust)",
        "Trusted: not checked (no trust anchor; use --trust)",
    ),
    "cli_documents.coverage_entire_file": ("Phạm vi: toàn bộ tệp", "Coverage: the entire file"),
    "cli_documents.coverage_entire_revision": (
        "Phạm vi: toàn bộ phiên bản lúc ký (có cập nhật sau đó)",
        "Coverage: the entire revision it signed (updated after)",
    ),
    "cli_documents.coverage_partial": ("Phạm vi: một phần tệp", "Coverage: part of the file"),
    "cli_documents.verify_problem": ("Không kiểm tra được: {detail}",
                                     "Could not be checked: {detail}"),
    "cli_documents.verify_passed": (
        "Kết quả: {count} chữ ký, tất cả hợp lệ.",
        "Result: {count} signature(s), all valid.",
    ),
    "cli_documents.verify_failed": (
        "Kết quả: {count} chữ ký, có chữ ký không hợp lệ hoặc không tin cậy.",
        "Result: {count} signature(s), not all of them valid or trusted.",
    ),
    # --- export-register, report --------------------------------------------------------------
    "cli_documents.dates_needed": ("Cần cả --from và --to.", "Both --from and --to are needed."),
    "cli_documents.bad_register_kind": (
        "Loại sổ «{value}» không có; chọn một trong: {choices}.",
        "Unknown register kind «{value}»; choose one of: {choices}.",
    ),
    "cli_documents.register_incoming": ("sổ đăng ký văn bản đến", "the incoming register"),
    "cli_documents.register_outgoing": ("sổ đăng ký văn bản đi", "the outgoing register"),
    "cli_documents.register_tracking": ("sổ theo dõi giải quyết văn bản đến",
                                        "the tracking register of incoming documents"),
    "cli_documents.register_written": (
        "Đã ghi {kind} ({rows} văn bản) vào «{path}».",
        "Wrote {kind} ({rows} documents) to «{path}».",
    ),
    "cli_documents.report_written": (
        "Đã ghi báo cáo tình hình xử lý văn bản vào «{path}»: {received} văn bản đến, hoàn "
        "thành đúng hạn {on_time}, quá hạn {late}, đang xử lý {open} (quá hạn {overdue}).",
        "Wrote the processing report to «{path}»: {received} incoming documents, completed "
        "on time {on_time}, late {late}, open {open} ({overdue} overdue).",
    ),
    # --- edxml -----------------------------------------------------------------------------
    "cli_documents.edxml_imported": (
        "Đã tạo văn bản đến mới kèm {files} tệp và tệp edXML gốc, chờ văn thư vào sổ (gửi "
        "lên máy chủ ở lần đồng bộ tới).",
        "Created a new incoming document with {files} file(s) and the original edXML file, "
        "waiting for the clerk to register it (sent to the server at the next sync).",
    ),
    "cli_documents.edxml_business_revocation": (
        "Lưu ý: tệp là thông báo THU HỒI văn bản đã gửi trước; văn thư cần xử lý văn bản cũ.",
        "Note: the file RECALLS a document sent before; the clerk should deal with the "
        "earlier one.",
    ),
    "cli_documents.edxml_business_update": (
        "Lưu ý: tệp CẬP NHẬT một văn bản đã gửi trước.",
        "Note: the file UPDATES a document sent before.",
    ),
    "cli_documents.edxml_business_replacement": (
        "Lưu ý: tệp THAY THẾ một văn bản đã gửi trước.",
        "Note: the file REPLACES a document sent before.",
    ),
    "cli_documents.edxml_status_recorded": (
        "Tệp là thông điệp trạng thái {code}, không phải văn bản: «{summary}»; đã ghi nhận "
        "vào văn bản đi {id} (ý kiến, gửi lên máy chủ ở lần đồng bộ tới).",
        "The file is status message {code}, not a document: «{summary}»; recorded as a note "
        "on the outgoing document {id} (sent to the server at the next sync).",
    ),
    "cli_documents.status_unmatched": (
        "Tệp là thông điệp trạng thái {status} của {sender} về văn bản {code}, nhưng văn bản "
        "đó không có trong bộ nhớ đệm; không ghi nhận được gì.",
        "The file is status message {status} from {sender} about the document {code}, which "
        "is not in the cache; nothing was recorded.",
    ),
    "cli_documents.edxml_notes": (
        "{count} mục trong tệp không đưa được vào văn bản, cần xem lại:",
        "{count} item(s) of the file did not fit the document; review them:",
    ),
    "cli_documents.edxml_exported": (
        "Đã ghi văn bản dạng edXML vào «{path}» (kèm {files} tệp).",
        "Wrote the document as edXML to «{path}» ({files} file(s)).",
    ),
    "cli_documents.edxml_status_written": (
        "Đã ghi thông điệp trạng thái edXML vào «{path}».",
        "Wrote the edXML status message to «{path}».",
    ),
}
