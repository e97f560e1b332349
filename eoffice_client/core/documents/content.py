"""What a Decree-30 document says, as the renderer takes it, and the texts made from it.

Names are kept in their natural case (``Ủy ban nhân dân tỉnh Lạng Sơn``); the renderer
turns into capitals what Phụ lục I prints in capitals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eoffice_client.core.documents.layout import DAY_BLANK, NUMBER_BLANK
from eoffice_client.core.domain.dates import decree30_date_text
from eoffice_client.core.domain.numbering import format_number

#: Competences (quyền hạn) a signer may sign with; "" signs in their own right.
COMPETENCES = ("", "TM", "KT", "TL", "TUQ", "Q")


@dataclass(frozen=True)
class Signer:
    """Người ký: ``competence`` TM, KT, TL, TUQ, Q or ""; ``position`` their own chức vụ.

    ``on_behalf_of`` is what follows TM./KT./TL./TUQ.: the collective (TM. ỦY BAN NHÂN
    DÂN) or the head's title (KT. CHỦ TỊCH); unused for "" and Q.
    """

    competence: str
    position: str
    full_name: str
    on_behalf_of: str = ""

    def title_lines(self) -> tuple[str, ...]:
        """The lines above the signature, in capitals (ô 7a)."""
        position = self.position.upper()
        if self.competence == "Q":
            return (f"Q. {position}",)
        if self.competence and self.on_behalf_of:
            return (f"{self.competence}. {self.on_behalf_of.upper()}", position)
        return (position,)


@dataclass(frozen=True)
class Article:
    """Điều N.: its first paragraph (printed after "Điều N.") and the following ones."""

    text: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """The body of a quyết định: who decides, the căn cứ lines and the articles."""

    authority: str  # thẩm quyền ban hành, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"
    grounds: tuple[str, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class DraftContent:
    """Everything printed on a Decree-30 administrative document."""

    type_code: str
    type_name: str  # tên loại, e.g. "Quyết định"; unused for a công văn
    issuer_name: str  # tên cơ quan ban hành
    notation: str  # ký hiệu, e.g. "QĐ-UBND" (a công văn: "UBND-VP")
    place: str
    subject: str  # trích yếu (a công văn: without "V/v")
    year: int  # printed while ``date`` is None
    parent_name: str = ""  # tên cơ quan chủ quản trực tiếp, "" when none
    number: int | None = None  # None until numbered: "Số:" is left blank
    date: dt.date | None = None  # None until numbered: day and month are left blank
    addressees: tuple[str, ...] = ()  # "Kính gửi" (công văn, tờ trình, báo cáo)
    body: tuple[str, ...] = ()  # paragraphs
    decision: Decision | None = None  # a quyết định's căn cứ and articles
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()  # Nơi nhận, without "Như trên" and "Lưu"
    drafting_unit: str = ""  # chữ viết tắt of the drafting unit, for "Lưu: VT, ..."
    urgency: int = 0  # 0..4 (contract): khẩn, thượng khẩn, hỏa tốc, hỏa tốc hẹn giờ
    secrecy: int = 0  # 0..3: mật, tối mật, tuyệt mật

    @property
    def is_cong_van(self) -> bool:
        return self.type_code == "CV"


def number_text(number: int | None, notation: str) -> str:
    """``Số: 05/QĐ-UBND``; before numbering ``Số:`` and a blank before ``/QĐ-UBND`` (the
    number is filled into that blank after the leader signs: signing_fields)."""
    if number is None:
        return f"Số:{NUMBER_BLANK}/{notation}"
    return f"Số: {format_number(number)}/{notation}"


def date_text(date: dt.date | None, year: int) -> str:
    """``ngày 05 tháng 02 năm 2026`` (domain.dates); before numbering the day and the
    month are blank (the year stays), as drafts are printed."""
    if date is None:
        return f"ngày{DAY_BLANK}tháng{DAY_BLANK}năm {year}"
    return decree30_date_text(date)


def place_date_text(place: str, date: dt.date | None, year: int) -> str:
    """``Lạng Sơn, ngày 05 tháng 02 năm 2026``."""
    return f"{place}, {date_text(date, year)}"


def list_lines(entries: tuple[str, ...] | list[str], last: str = ".") -> list[str]:
    """Entries as "- X;" lines, the last ending with ``last``; their own dashes and ends
    are replaced."""
    cleaned = [entry.strip().lstrip("-").strip().rstrip(";.,").strip() for entry in entries]
    cleaned = [entry for entry in cleaned if entry]
    return [f"- {entry}{last if i == len(cleaned) - 1 else ';'}"
            for i, entry in enumerate(cleaned)]


def recipients_lines(content: DraftContent) -> list[str]:
    """Nơi nhận: "- Như trên;" when there is a Kính gửi, the recipients, "- Lưu: VT, X."."""
    entries = ["Như trên"] if content.addressees else []
    entries.extend(content.recipients)
    keep = f"Lưu: VT, {content.drafting_unit}" if content.drafting_unit else "Lưu: VT"
    lines = list_lines([*entries, "x"], last=".")[:-1]
    lines = [line[:-1] + ";" for line in lines]
    return [*lines, f"- {keep}."]


def grounds_lines(grounds: tuple[str, ...]) -> list[str]:
    """Căn cứ lines: each ends with ";", the last with "." (§II.6.a)."""
    cleaned = [g.strip().rstrip(";.,").strip() for g in grounds if g.strip()]
    return [g + ("." if i == len(cleaned) - 1 else ";") for i, g in enumerate(cleaned)]
