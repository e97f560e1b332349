"""Messages: search inside attachments (reading the text of cached PDFs)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "content.progress": (
        "Đang đọc nội dung tệp đính kèm để tìm kiếm: {done}/{total}",
        "Reading the attachments' text for search: {done}/{total}",
    ),
    "content.summary": (
        "Đã đọc nội dung {indexed} tệp đính kèm; bỏ qua {skipped} tệp không đọc được.",
        "Read the text of {indexed} attachments; skipped {skipped} that could not be read.",
    ),
    "content.cancelled": (
        "Đã dừng đọc nội dung tệp đính kèm; các tệp đã đọc vẫn được giữ.",
        "Reading the attachments' text was stopped; what was read is kept.",
    ),
    "content.timeout": (
        "Đọc tệp quá lâu nên đã bỏ qua.",
        "Reading the file took too long, so it was skipped.",
    ),
    "content.crashed": (
        "Trình đọc PDF dừng bất thường khi đọc tệp này nên đã bỏ qua.",
        "The PDF reader stopped abnormally on this file, so it was skipped.",
    ),
    "content.too_big": (
        "Tệp quá lớn để đọc nội dung.",
        "The file is too big to read its text.",
    ),
    "content.unreadable": (
        "Không đọc được tệp trong bộ nhớ đệm.",
        "The cached file could not be read.",
    ),
}
