"""Messages: central policy (locked settings) and the update notice."""

MESSAGES: dict[str, tuple[str, str]] = {
    "settings.locked_machine_policy": (
        "Do tổ chức của bạn thiết lập (chính sách của máy tính: {location}); "
        "không thay đổi được tại đây.",
        "Set by your organisation (computer policy: {location}); it cannot be changed here.",
    ),
    "settings.locked_user_policy": (
        "Do tổ chức của bạn thiết lập (chính sách của người dùng: {location}); "
        "không thay đổi được tại đây.",
        "Set by your organisation (user policy: {location}); it cannot be changed here.",
    ),
    "update.available": (
        "Đã có phiên bản mới {version} của eOffice (máy này đang dùng {current}). "
        "Bộ phận CNTT sẽ cập nhật, hoặc hãy liên hệ bộ phận CNTT để được cài đặt.",
        "A new version {version} of eOffice is available (this computer runs {current}). "
        "IT will update it, or ask IT to install it.",
    ),
    "update.too_old": (
        "Máy chủ yêu cầu eOffice phiên bản {required} trở lên; máy này đang dùng {current}. "
        "Chưa thể đồng bộ cho đến khi cập nhật: hãy liên hệ bộ phận CNTT.",
        "The server needs eOffice {required} or newer; this computer runs {current}. "
        "Syncing stops until it is updated: ask IT.",
    ),
    "update.manifest_unreadable": (
        "Không đọc được thông tin cập nhật tại {url}: {detail}",
        "The update information at {url} could not be read: {detail}",
    ),
}
