"""Messages: drafting documents (.docx, PDF for approval) and reading PDF files."""

MESSAGES: dict[str, tuple[str, str]] = {
    "documents.cannot_write": (
        "Không ghi được tệp «{path}»: {detail}.",
        "Cannot write the file «{path}»: {detail}.",
    ),
    "documents.no_converter": (
        "Máy này chưa cài LibreOffice hoặc Microsoft Word nên không chuyển được văn bản "
        "sang PDF. Hãy cài một trong hai chương trình, hoặc tạo tệp PDF trên máy khác rồi "
        "đính kèm tệp đó.",
        "Neither LibreOffice nor Microsoft Word is installed, so the document cannot be "
        "converted to PDF. Install one of them, or make the PDF elsewhere and attach it.",
    ),
    "documents.conversion_failed": (
        "Không chuyển được «{path}» sang PDF ({converter}): {detail}.",
        "Could not convert «{path}» to PDF ({converter}): {detail}.",
    ),
    "documents.conversion_timeout": (
        "Chuyển «{path}» sang PDF ({converter}) quá {seconds} giây nên đã dừng.",
        "Converting «{path}» to PDF ({converter}) took over {seconds} seconds and was "
        "stopped.",
    ),
    "documents.file_missing": (
        "Không tìm thấy tệp «{path}».",
        "The file «{path}» does not exist.",
    ),
    "documents.file_unreadable": (
        "Không đọc được tệp «{path}»: {detail}.",
        "Cannot read the file «{path}»: {detail}.",
    ),
    "documents.pdf_empty": (
        "Tệp «{path}» trống (0 byte), không phải tệp PDF.",
        "The file «{path}» is empty (0 bytes), not a PDF.",
    ),
    "documents.pdf_not_pdf": (
        "Tệp «{path}» không phải tệp PDF (không bắt đầu bằng %PDF-).",
        "The file «{path}» is not a PDF (it does not start with %PDF-).",
    ),
    "documents.pdf_broken": (
        "Tệp PDF «{path}» bị hỏng, không đọc được: {detail}.",
        "The PDF «{path}» is broken and cannot be read: {detail}.",
    ),
    "documents.pdf_encrypted": (
        "Tệp PDF «{path}» được đặt mật khẩu (mã hóa); hãy dùng bản không mã hóa.",
        "The PDF «{path}» is password-protected (encrypted); use an unencrypted copy.",
    ),
    "documents.pdf_no_pages": (
        "Tệp PDF «{path}» không có trang nào.",
        "The PDF «{path}» has no pages.",
    ),
    "documents.image_unreadable": (
        "Tệp «{path}» không phải ảnh JPEG/PNG đọc được: {detail}.",
        "The file «{path}» is not a readable JPEG/PNG image: {detail}.",
    ),
    "documents.image_too_large": (
        "Ảnh «{path}» quá lớn ({size} điểm ảnh; tối đa {limit} triệu): hãy quét lại với độ "
        "phân giải thấp hơn (300 dpi là đủ).",
        "The image «{path}» is too large ({size} pixels; at most {limit} million): scan it "
        "again at a lower resolution (300 dpi is enough).",
    ),
    "documents.scan_unsupported": (
        "Tệp «{path}» không ghép được: chỉ nhận PDF, JPEG hoặc PNG.",
        "The file «{path}» cannot be joined: only PDF, JPEG and PNG are accepted.",
    ),
    "documents.nothing_to_join": (
        "Chưa chọn tệp nào để ghép.",
        "No file was chosen to join.",
    ),
    "documents.places_not_found": (
        "Không tìm thấy vị trí «{what}» trong tệp PDF «{path}».",
        "Could not find where «{what}» is in the PDF «{path}».",
    ),
}
