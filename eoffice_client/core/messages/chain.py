"""Texts of the drafting -> signing -> numbering -> issuing chain (core/app/chain*.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "chain.no_number_place": (
        "Văn bản {id}: tệp chính không có chỗ cho số và ngày ban hành ({detail}); hãy tạo "
        "tệp PDF trình ký từ chương trình, hoặc một tệp có dòng \"Số: …/…\" và dòng địa "
        "danh, ngày tháng năm.",
        "Document {id}: its main file has no place for the number and the issue date "
        "({detail}); make the PDF for approval in the app, or use a file with a \"Số: …/…\" "
        "line and a place-and-date line.",
    ),
    "chain.secret_document": (
        "Văn bản {id} là văn bản mật: tệp của văn bản mật không có trên máy này, văn bản "
        "mật được ký trên giấy.",
        "Document {id} is secret: a secret document's files are never on this computer; "
        "secret documents are signed on paper.",
    ),
    "chain.document_in_conflict": (
        "Văn bản {id} có thay đổi đang xung đột với máy chủ; hãy giải quyết trong hộp thư "
        "đi trước khi ký.",
        "Document {id} has a change in conflict with the server; resolve it in the outbox "
        "before signing.",
    ),
    "chain.file_not_here": (
        "Văn bản {id}: tệp \"{name}\" chưa có trên máy và chưa tải được ({detail}); hãy "
        "đồng bộ khi có mạng rồi thử lại.",
        "Document {id}: the file \"{name}\" is not on this computer and could not be "
        "downloaded ({detail}); sync when online and try again.",
    ),
    "chain.attachment_count": (
        "Văn bản {id} có {count} tệp vai trò \"{role}\"; cần đúng một tệp.",
        "Document {id} has {count} attachment(s) of role \"{role}\"; exactly one is needed.",
    ),
    "chain.not_numbered_yet": (
        "Văn bản {id} chưa nhận được số và ngày ban hành từ máy chủ; hãy đồng bộ sau khi "
        "cấp số rồi thử lại.",
        "Document {id} has not received its number and issue date from the server yet; "
        "sync after numbering and try again.",
    ),
    "chain.stopped_before": (
        "Chưa ký văn bản này: khóa ký không còn dùng được (thiết bị ký bị rút hoặc phiên "
        "đã đóng) trước khi đến lượt.",
        "Not signed: the signing key stopped working (the token was removed or its "
        "session closed) before this document's turn.",
    ),
    "chain.cancelled_before": (
        "Chưa ký văn bản này: đợt ký đã bị hủy trước khi đến lượt.",
        "Not signed: the batch was cancelled before this document's turn.",
    ),
}
