"""Số và ký hiệu (number and notation) of Decree 30/2020/NĐ-CP: ``05/QĐ-UBND``, ``123/UBND-VP``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eoffice_client.core.domain.doctypes import CONG_VAN, document_type


class NotationError(ValueError):
    """A number or notation that does not follow Decree 30; the message says what is wrong."""


@dataclass(frozen=True)
class DocumentCode:
    number: int
    notation: str

    def __str__(self) -> str:
        return format_code(self.number, self.notation)


_NOTATION_PART = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ.]+$")


def format_number(number: int) -> str:
    """Numbers below 10 carry a leading zero: 5 -> ``05``; 123 -> ``123``."""
    if number < 1:
        raise NotationError(f"số văn bản phải từ 1 trở lên, không phải {number}")
    return f"{number:02d}"


def format_code(number: int, notation: str) -> str:
    """``(5, "QĐ-UBND")`` -> ``05/QĐ-UBND``."""
    validate_notation(notation)
    return f"{format_number(number)}/{notation}"


def code_text(number: object, notation: str | None) -> str:
    """What a list shows as số, ký hiệu: ``05/QĐ-UBND`` once numbered, else the bare
    notation (a draft's is ""); never raises on odd cached values."""
    notation = notation or ""
    if isinstance(number, int) and not isinstance(number, bool) and number > 0:
        return f"{format_number(number)}/{notation}" if notation else format_number(number)
    return notation


def validate_notation(notation: str) -> None:
    """A notation is two or more parts joined by '-', each letters, digits or dots."""
    if not notation:
        raise NotationError("ký hiệu văn bản bị trống")
    if notation != notation.strip() or " " in notation:
        raise NotationError(f"ký hiệu «{notation}» không được chứa dấu cách")
    parts = notation.split("-")
    if len(parts) < 2:
        raise NotationError(f"ký hiệu «{notation}» thiếu dấu '-' giữa loại và cơ quan")
    for part in parts:
        if not part:
            raise NotationError(f"ký hiệu «{notation}» có phần trống giữa hai dấu '-'")
        if not _NOTATION_PART.match(part):
            raise NotationError(f"ký hiệu «{notation}» có ký tự không hợp lệ trong «{part}»")


def parse_code(text: str) -> DocumentCode:
    """``"05/QĐ-UBND"`` -> ``DocumentCode(5, "QĐ-UBND")``, with a clear error for a bad one."""
    raw = text.strip()
    if "/" not in raw:
        raise NotationError(f"«{text}» thiếu dấu '/' giữa số và ký hiệu (ví dụ 05/QĐ-UBND)")
    number_text, notation = raw.split("/", 1)
    if not number_text.isdigit():
        raise NotationError(f"số «{number_text}» trong «{text}» phải là chữ số")
    number = int(number_text)
    if number < 1:
        raise NotationError(f"số văn bản trong «{text}» phải từ 1 trở lên")
    if number < 10 and len(number_text) != 2:
        raise NotationError(f"số «{number_text}» dưới 10 phải có số 0 ở trước (ví dụ 05)")
    if number >= 10 and number_text.startswith("0"):
        raise NotationError(f"số «{number_text}» từ 10 trở lên không có số 0 ở trước")
    validate_notation(notation)
    return DocumentCode(number, notation)


def notation_for(type_code: str, organization_code: str, unit_code: str = "") -> str:
    """The ký hiệu the server gives at ``number``: ``QĐ-UBND``; a công văn ``UBND-VP``."""
    doc_type = document_type(type_code)
    if type_code == CONG_VAN or (doc_type is not None and not doc_type.abbreviation):
        return f"{organization_code}-{unit_code}" if unit_code else organization_code
    abbreviation = doc_type.abbreviation if doc_type else type_code
    return f"{abbreviation}-{organization_code}"
