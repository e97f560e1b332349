"""Messages: the compose window's drafts (saving, the body kept on this machine)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "drafts.not_editable": (
        "Chỉ người soạn mới sửa được dự thảo, và chỉ khi văn bản còn là dự thảo hoặc bị "
        "trả lại (trạng thái hiện tại: {status}).",
        "Only the drafter may change a draft, and only while it is a draft or returned "
        "(status now: {status}).",
    ),
    "drafts.direction_fixed": (
        "Không đổi được văn bản đi thành nội bộ (hoặc ngược lại) sau khi đã lưu; hãy soạn "
        "văn bản mới.",
        "A saved draft cannot change between outgoing and internal; compose a new one.",
    ),
    "drafts.body_too_long": (
        "Nội dung văn bản dài quá {limit} ký tự.",
        "The body is longer than {limit} characters.",
    ),
}
