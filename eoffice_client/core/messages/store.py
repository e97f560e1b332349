"""Messages: The local cache (core/store)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.set_aside_corrupt": (
        "Tệp dữ liệu đệm bị hỏng nên đã được cất sang {path} (không xóa); đã tạo bộ nhớ đệm "
        "mới, lần đồng bộ tới sẽ tải lại văn bản.",
        "The cache file was damaged and has been moved to {path} (not deleted); a fresh cache "
        "was started, and the next sync refills it.",
    ),
    "store.set_aside_foreign": (
        "Tệp dữ liệu đệm không phải của ứng dụng này (hoặc của phiên bản mới hơn) nên đã được "
        "cất sang {path} (không xóa); đã tạo bộ nhớ đệm mới, lần đồng bộ tới sẽ tải lại văn bản.",
        "The cache file does not belong to this application (or to a newer version) and has "
        "been moved to {path} (not deleted); a fresh cache was started, and the next sync "
        "refills it.",
    ),
    "store.damaged": (
        "Tệp dữ liệu đệm {path} bị hỏng ({detail}); lần khởi động tới ứng dụng sẽ kiểm tra, "
        "cất tệp hỏng sang bên (không xóa) và tạo bộ nhớ đệm mới.",
        "The cache file {path} is damaged ({detail}); at the next start the application "
        "checks it, moves the damaged file aside (not deleted) and starts a fresh cache.",
    ),
    "store.migration_failed": (
        "Nâng cấp cấu trúc dữ liệu đệm thất bại ({detail}); đã khôi phục bản sao trước khi nâng "
        "cấp từ {backup}.",
        "Upgrading the cache's schema failed ({detail}); the copy taken before the upgrade was "
        "restored from {backup}.",
    ),
}
