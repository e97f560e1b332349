"""Messages: registers (sổ đăng ký), the processing report and the dashboard (core/reports)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors ---------------------------------------------------------------------------
    "reports.bad_period": (
        "Khoảng thời gian không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}.",
        "Invalid period: the start date {start} is after the end date {end}.",
    ),
    "reports.unknown_register": (
        "Không có sổ văn bản mã «{id}» trong danh mục.",
        "No register with id «{id}» in the catalogue.",
    ),
    "reports.register_direction": (
        "Sổ «{name}» là sổ văn bản {direction}, không dùng được cho {kind}.",
        "Register «{name}» is a register of {direction} documents; it cannot be used for "
        "{kind}.",
    ),
    "reports.unknown_unit": (
        "Không có đơn vị mã «{id}» trong danh bạ.",
        "No unit with id «{id}» in the directory.",
    ),
    "reports.bad_format": (
        "Định dạng «{value}» không hỗ trợ; chọn xlsx hoặc docx.",
        "Format «{value}» is not supported; choose xlsx or docx.",
    ),
    "reports.cannot_write": (
        "Không ghi được tệp {path}: {detail}",
        "Cannot write the file {path}: {detail}",
    ),
    # --- registers ------------------------------------------------------------------------
    "reports.title.incoming": ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "REGISTER OF INCOMING DOCUMENTS"),
    "reports.title.outgoing": ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", "REGISTER OF OUTGOING DOCUMENTS"),
    "reports.title.tracking": (
        "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", "REGISTER FOR TRACKING INCOMING DOCUMENTS",
    ),
    "reports.sheet.incoming": ("Văn bản đến", "Incoming"),
    "reports.sheet.outgoing": ("Văn bản đi", "Outgoing"),
    "reports.sheet.tracking": ("Theo dõi giải quyết", "Tracking"),
    "reports.period": ("Từ ngày {start} đến ngày {end}", "From {start} to {end}"),
    "reports.register_name": ("Sổ: {name}", "Register: {name}"),
    "reports.row_count": ("Tổng số: {count} văn bản.", "Total: {count} documents."),
    "reports.col.arrival_date": ("Ngày đến", "Arrival date"),
    "reports.col.arrival_number": ("Số đến", "Arrival no."),
    "reports.col.author": ("Tác giả", "Author"),
    "reports.col.code": ("Số, ký hiệu", "Number, notation"),
    "reports.col.issued_date": ("Ngày tháng", "Date"),
    "reports.col.type_subject": ("Tên loại và trích yếu nội dung", "Type and summary"),
    "reports.col.receiver": ("Đơn vị hoặc người nhận", "Receiving unit or person"),
    "reports.col.signature": ("Ký nhận", "Signature"),
    "reports.col.note": ("Ghi chú", "Notes"),
    "reports.col.signer": ("Người ký", "Signed by"),
    "reports.col.recipients": ("Nơi nhận văn bản", "Recipients"),
    "reports.col.kept_by": ("Đơn vị, người nhận bản lưu", "Unit or person keeping the copy"),
    "reports.col.copies": ("Số lượng bản", "Copies"),
    "reports.col.sent_date": ("Ngày chuyển", "Date sent"),
    "reports.col.document": ("Văn bản", "Document"),
    "reports.col.handler": ("Đơn vị hoặc người nhận", "Receiving unit or person"),
    "reports.col.due_date": ("Thời hạn giải quyết", "Deadline"),
    "reports.col.progress": ("Tiến độ giải quyết", "Progress"),
    "reports.col.replies": ("Văn bản trả lời", "Replies"),
    "reports.type_subject": ("{type}: {subject}", "{type}: {subject}"),
    "reports.tracking_document": (
        "{code} ngày {date} của {issuer}: {subject}", "{code} of {date} from {issuer}: {subject}",
    ),
    "reports.reply_ref": ("{code} ngày {date}", "{code} of {date}"),
    "reports.replies_to": ("Trả lời văn bản {code} ngày {date}", "Replies to {code} of {date}"),
    "reports.progress.done": ("Hoàn thành ngày {date}", "Completed on {date}"),
    "reports.progress.on_time": ("(đúng hạn)", "(on time)"),
    "reports.progress.late": ("(quá hạn {days} ngày)", "({days} days late)"),
    "reports.progress.overdue": ("(quá hạn {days} ngày)", "({days} days overdue)"),
}
MESSAGES.update({
    # --- the processing report --------------------------------------------------------------
    "reports.title.processing": (
        "BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN", "REPORT ON THE HANDLING OF INCOMING DOCUMENTS",
    ),
    "reports.sheet.summary": ("Tổng hợp", "Summary"),
    "reports.sheet.by_unit": ("Theo đơn vị", "By unit"),
    "reports.sheet.by_person": ("Theo cá nhân", "By person"),
    "reports.scope_all": ("Phạm vi: toàn cơ quan", "Scope: the whole organisation"),
    "reports.scope_unit": ("Phạm vi: {unit}", "Scope: {unit}"),
    "reports.covers": (
        "Theo dữ liệu trên máy của {user}, {count} văn bản",
        "From the data on {user}'s computer, {count} documents",
    ),
    "reports.as_of": ("Số liệu tính đến ngày {date}", "Figures as of {date}"),
    "reports.col.no": ("STT", "No."),
    "reports.col.figure": ("Chỉ tiêu", "Figure"),
    "reports.col.value": ("Số lượng", "Value"),
    "reports.col.unit": ("Đơn vị", "Unit"),
    "reports.col.person": ("Người xử lý", "Person"),
    "reports.col.lead_assigned": ("Được giao chủ trì", "Lead assignments"),
    "reports.col.done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "reports.col.done_late": ("Hoàn thành quá hạn", "Done late"),
    "reports.col.still_open": ("Đang xử lý", "Still open"),
    "reports.col.overdue_now": ("Đang quá hạn", "Overdue now"),
    "reports.col.median_days": (
        "Số ngày đến khi hoàn thành (trung vị)", "Days to completion (median)",
    ),
    "reports.figure.received": ("Văn bản đến đã nhận", "Incoming documents received"),
    "reports.figure.registered": ("Đã vào sổ", "Registered"),
    "reports.figure.assigned": ("Đã phân công xử lý", "Assigned"),
    "reports.figure.completed_on_time": ("Hoàn thành đúng hạn", "Completed on time"),
    "reports.figure.completed_late": ("Hoàn thành quá hạn", "Completed late"),
    "reports.figure.open": ("Đang xử lý (chưa hoàn thành)", "Still open"),
    "reports.figure.overdue_now": ("Trong đó đang quá hạn", "Of which overdue now"),
    "reports.figure.discarded": ("Từ chối tiếp nhận", "Rejected"),
    "reports.figure.median_to_assignment": (
        "Số ngày từ khi đến đến khi phân công (trung vị)",
        "Days from arrival to assignment (median)",
    ),
    "reports.figure.median_to_completion": (
        "Số ngày từ khi đến đến khi hoàn thành (trung vị)",
        "Days from arrival to completion (median)",
    ),
})
MESSAGES.update({
    # --- the dashboard -------------------------------------------------------------------
    "reports.card.unread_incoming": ("Văn bản đến chưa đọc", "Unread incoming"),
    "reports.card.to_sign": ("Chờ ký", "To sign"),
    "reports.card.to_process": ("Cần xử lý", "To process"),
    "reports.card.overdue": ("Quá hạn", "Overdue"),
    "reports.card.due_soon": ("Sắp đến hạn", "Due soon"),
    "reports.chart.overdue_by_unit": ("Văn bản quá hạn theo đơn vị", "Overdue by unit"),
    "reports.chart.waiting_on_leaders": (
        "Văn bản chờ lãnh đạo xử lý, theo số ngày chờ", "Waiting on a leader, by days waited",
    ),
    "reports.chart.weekly_intake": ("Văn bản đến theo tuần", "Incoming documents per week"),
    "reports.not_assigned": ("Chưa phân công", "Not assigned"),
    "reports.age.0-1": ("Đến 1 ngày", "Up to 1 day"),
    "reports.age.2-3": ("2–3 ngày", "2–3 days"),
    "reports.age.4-7": ("4–7 ngày", "4–7 days"),
    "reports.age.8+": ("Trên 7 ngày", "Over 7 days"),
    "reports.week_of": ("Tuần từ {date}", "Week of {date}"),
})
