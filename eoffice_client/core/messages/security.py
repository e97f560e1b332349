"""Messages: security core (core/security: keyring, encryption at rest, permissions)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "security.lock_timeout": (
        "Tệp {path} đang bị một tiến trình khác giữ quá lâu; hãy thử lại.",
        "The file {path} has been held by another process for too long; try again.",
    ),
    "security.keyring_unusable": (
        "Không dùng được kho khóa của hệ điều hành ({detail}).",
        "The operating system's keyring cannot be used ({detail}).",
    ),
    "security.key_exists": (
        "Hồ sơ này đã có khóa mã hóa bộ nhớ đệm; không tạo khóa mới để tránh mất dữ liệu.",
        "This profile already has a cache encryption key; no new key is made, so no data is "
        "lost.",
    ),
    "security.key_lost": (
        "Không tìm thấy khóa giải mã bộ nhớ đệm {path} trong kho khóa của hệ điều hành (kho "
        "khóa đã bị đặt lại, hoặc hồ sơ được chép từ máy hay tài khoản khác). Không có gì bị "
        "xóa. Có thể bắt đầu bộ nhớ đệm mới: các tệp cũ và các thao tác đang chờ gửi được cất "
        "sang bên, không bị bỏ.",
        "The key of the encrypted cache {path} is not in the operating system's keyring (the "
        "keyring was reset, or the profile was copied from another PC or account). Nothing was "
        "deleted. A fresh cache can be started: the old files and the queued actions are set "
        "aside, never dropped.",
    ),
    "security.sealed_damaged": (
        "Tệp mã hóa {path} không mở được ({detail}): tệp đã bị sửa, bị cắt, hoặc thuộc khóa "
        "khác.",
        "The encrypted file {path} does not open ({detail}): it was changed, cut short, or "
        "belongs to another key.",
    ),
    "security.cache_undecryptable": (
        "Không mở được bộ nhớ đệm mã hóa {path} bằng khóa của hồ sơ này (khóa khác, hoặc tệp "
        "bị hỏng). Không có gì bị thay đổi.",
        "The encrypted cache {path} does not open with this profile's key (another key, or a "
        "damaged file). Nothing was changed.",
    ),
    "security.cache_still_plain": (
        "Bộ nhớ đệm {path} chưa được mã hóa; cần mã hóa nó trước khi mở ở chế độ mã hóa.",
        "The cache {path} is not encrypted yet; it must be encrypted before it is opened in "
        "encrypted mode.",
    ),
    "security.cache_not_plain": (
        "Bộ nhớ đệm {path} không phải tệp SQLite chưa mã hóa nên không mã hóa lại.",
        "The cache {path} is not a plain SQLite file, so it is not encrypted again.",
    ),
    "security.cache_encryption_check": (
        "Bản mã hóa của bộ nhớ đệm {path} không khớp với bản gốc khi kiểm tra; bản gốc được "
        "giữ nguyên, không có gì bị mất.",
        "The encrypted copy of the cache {path} did not match the original when checked; the "
        "original is kept as it was, nothing is lost.",
    ),
    "security.sqlcipher_missing": (
        "Thiếu thành phần SQLCipher (gói sqlcipher3) nên không dùng được mã hóa dữ liệu đệm; "
        "hãy cài lại ứng dụng.",
        "The SQLCipher component (the sqlcipher3 package) is missing, so the cache cannot be "
        "encrypted; reinstall the application.",
    ),
    "security.set_aside_kept": (
        "Bộ nhớ đệm cũ đã được cất sang {path} (không xóa); {rows} thao tác đang chờ gửi đã "
        "được xuất ra tệp bên cạnh. Đã bắt đầu bộ nhớ đệm mới, lần đồng bộ tới sẽ tải lại văn "
        "bản.",
        "The old cache was moved to {path} (not deleted); {rows} queued actions were exported "
        "to a file beside it. A fresh cache was started, and the next sync refills it.",
    ),
    "security.set_aside_unreadable": (
        "Bộ nhớ đệm cũ đã được cất sang {path} (không xóa) nhưng không đọc được khi thiếu "
        "khóa. Theo nhật ký thao tác, {pending} thao tác chưa được gửi ({ids}); nếu tìm lại "
        "được khóa, các thao tác này vẫn còn trong tệp cũ.",
        "The old cache was moved to {path} (not deleted) but cannot be read without its key. "
        "The audit trail shows {pending} actions never sent ({ids}); if the key is found "
        "again, they are still in the old file.",
    ),
    "security.cache_in_use": (
        "Bộ nhớ đệm {path} đang được một cửa sổ hoặc lệnh khác sử dụng nên chưa mã hóa được; "
        "hãy đóng chúng rồi thử lại. Không có gì bị thay đổi.",
        "The cache {path} is in use by another window or command, so it was not encrypted; "
        "close them and try again. Nothing was changed.",
    ),
    "security.key_lost_in_use": (
        "Không tìm thấy khóa giải mã bộ nhớ đệm {path} trong kho khóa của hệ điều hành, "
        "và một cửa sổ hoặc lệnh khác vẫn đang mở bộ nhớ đệm này. Hãy đóng chúng rồi mở lại: "
        "bộ nhớ đệm cũ sẽ được cất sang bên (không xóa) và một bộ nhớ đệm mới được bắt đầu.",
        "The key of the encrypted cache {path} is not in the operating system's keyring, and "
        "another window or command still has this cache open. Close them and start again: "
        "the old cache will be set aside (not deleted) and a fresh cache started.",
    ),
    "security.key_lost_fresh": (
        "Không tìm thấy khóa giải mã bộ nhớ đệm trong kho khóa của hệ điều hành (kho khóa "
        "đã bị đặt lại, hoặc hồ sơ được chép từ máy hay tài khoản khác), nên đã bắt đầu bộ "
        "nhớ đệm mới.",
        "The cache's key is not in the operating system's keyring (the keyring was reset, or "
        "the profile was copied from another PC or account), so a fresh cache was started.",
    ),
    "security.undecryptable_fresh": (
        "Bộ nhớ đệm mã hóa không mở được bằng khóa của hồ sơ này (khóa khác, hoặc tệp bị "
        "hỏng), nên đã bắt đầu bộ nhớ đệm mới.",
        "The encrypted cache does not open with this profile's key (another key, or a "
        "damaged file), so a fresh cache was started.",
    ),
    "security.encryption_deferred": (
        "Chính sách yêu cầu mã hóa bộ nhớ đệm {path}, nhưng một cửa sổ hoặc lệnh khác đang "
        "mở nó; bộ nhớ đệm sẽ được mã hóa ở lần khởi động sau khi chúng đã đóng.",
        "Encryption of the cache {path} is required, but another window or command has it "
        "open; the cache is encrypted at a later start, once they are closed.",
    ),
    "security.cache_busy": (
        "Bộ nhớ đệm của hồ sơ {path} đang được một tiến trình khác mã hóa quá lâu; hãy thử "
        "lại sau.",
        "The cache of the profile {path} has been held by another process encrypting it for "
        "too long; try again later.",
    ),
    "security.http_in_use": (
        "Cảnh báo: kết nối tới máy chủ dùng http:// không mã hóa (được chính sách cho phép); "
        "mật khẩu và văn bản có thể bị đọc trên đường truyền.",
        "Warning: the server is reached over unencrypted http:// (allowed by policy); "
        "passwords and documents can be read on the network.",
    ),
    "security.wipe_in_use": (
        "Một cửa sổ hoặc lệnh khác đang mở bộ nhớ đệm của hồ sơ này; hãy đóng chúng trước "
        "khi xóa dữ liệu. Không có gì bị xóa.",
        "Another window or command has this profile's cache open; close them before "
        "wiping. Nothing was deleted.",
    ),
    "security.file_not_cached": (
        "Tệp đính kèm {id} chưa được tải về máy này; hãy đồng bộ hoặc mở tệp để tải.",
        "The attachment {id} is not on this computer yet; sync, or open it to fetch it.",
    ),
}
