"""The core's message catalogue: every text a person reads from core or the CLI.

Vietnamese first (full diacritics), English second. The Qt window uses ``tr()`` and
.ts files instead; core and the CLI use :func:`tr` here. Keys are grouped by the part
of the program that uses them; add a key to the group of your module.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("vi", "en")
_current = "vi"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- general / CLI ----------------------------------------------------------------------
    "cli.unexpected": (
        "Lỗi không mong muốn: {error}. Báo cáo lỗi đã lưu tại {report}.",
        "Unexpected error: {error}. A report was saved at {report}.",
    ),
    "cli.usage": ("Sai cú pháp lệnh: {detail}", "Wrong command-line usage: {detail}"),
    "cli.interrupted": ("Đã dừng theo yêu cầu.", "Stopped on request."),
    "cli.invalid_json": (
        "Giá trị {option} không phải JSON hợp lệ: {detail}",
        "{option} is not valid JSON: {detail}",
    ),
    "cli.invalid_date": (
        "Ngày «{value}» không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-02-05.",
        "Invalid date «{value}»; use YYYY-MM-DD, e.g. 2026-02-05.",
    ),
    "cli.invalid_box": (
        "Hộp văn bản «{value}» không có; chọn một trong: {choices}.",
        "Unknown box «{value}»; choose one of: {choices}.",
    ),
    "cli.unknown_document": (
        "Không có văn bản mã «{id}» trong bộ nhớ đệm.",
        "No document with id «{id}» in the cache.",
    ),
    "profile.unwritable": (
        "Không ghi được vào thư mục hồ sơ {path}: {detail}",
        "Cannot write to the profile folder {path}: {detail}",
    ),
    # --- store ------------------------------------------------------------------------------
    # --- api --------------------------------------------------------------------------------
    # --- sync -------------------------------------------------------------------------------
    # --- documents / signing ----------------------------------------------------------------
    # --- sandbox ----------------------------------------------------------------------------
}


def set_language(lang: str) -> None:
    """Choose the language of :func:`tr` for this process (CLI --lang, settings, policy)."""
    global _current
    _current = lang if lang in LANGUAGES else "vi"


def current_language() -> str:
    return _current


def tr(key: str, lang: str | None = None, **values: Any) -> str:
    """The message ``key`` in ``lang`` (default: the process's language), filled with values."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key + (" " + repr(values) if values else "")
    text = pair[1] if (lang or _current) == "en" else pair[0]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
