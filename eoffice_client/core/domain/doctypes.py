"""The 29 administrative document types of Decree 30/2020/NĐ-CP (Phụ lục III) and copy forms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentType:
    code: str  # stable ASCII code used on the wire (catalog.document_types.code)
    name: str  # tên loại, full diacritics
    abbreviation: str  # chữ viết tắt; "" for Công văn and Thư công
    name_en: str


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("NQ", "Nghị quyết", "NQ", "Resolution"),
    DocumentType("QD", "Quyết định", "QĐ", "Decision"),
    DocumentType("CT", "Chỉ thị", "CT", "Directive"),
    DocumentType("QC", "Quy chế", "QC", "Regulation"),
    DocumentType("QYD", "Quy định", "QyĐ", "Rules"),
    DocumentType("TC", "Thông cáo", "TC", "Communiqué"),
    DocumentType("TB", "Thông báo", "TB", "Notice"),
    DocumentType("HD", "Hướng dẫn", "HD", "Guidance"),
    DocumentType("CTR", "Chương trình", "CTr", "Programme"),
    DocumentType("KH", "Kế hoạch", "KH", "Plan"),
    DocumentType("PA", "Phương án", "PA", "Scheme"),
    DocumentType("DA", "Đề án", "ĐA", "Project proposal"),
    DocumentType("DAN", "Dự án", "DA", "Project"),
    DocumentType("BC", "Báo cáo", "BC", "Report"),
    DocumentType("BB", "Biên bản", "BB", "Minutes"),
    DocumentType("TTR", "Tờ trình", "TTr", "Submission"),
    DocumentType("HDG", "Hợp đồng", "HĐ", "Contract"),
    DocumentType("CV", "Công văn", "", "Official letter"),
    DocumentType("CD", "Công điện", "CĐ", "Official telegram"),
    DocumentType("BGN", "Bản ghi nhớ", "BGN", "Memorandum"),
    DocumentType("BTT", "Bản thỏa thuận", "BTT", "Agreement"),
    DocumentType("GUQ", "Giấy ủy quyền", "GUQ", "Power of attorney"),
    DocumentType("GM", "Giấy mời", "GM", "Invitation"),
    DocumentType("GGT", "Giấy giới thiệu", "GGT", "Letter of introduction"),
    DocumentType("GNP", "Giấy nghỉ phép", "GNP", "Leave permit"),
    DocumentType("PG", "Phiếu gửi", "PG", "Dispatch slip"),
    DocumentType("PC", "Phiếu chuyển", "PC", "Transfer slip"),
    DocumentType("PB", "Phiếu báo", "PB", "Notification slip"),
    DocumentType("THC", "Thư công", "", "Official letter (thư công)"),
)

#: Hình thức bản sao: sao y, trích sao, sao lục.
COPY_FORMS: dict[str, tuple[str, str]] = {
    "SY": ("Sao y", "True copy"),
    "TRS": ("Trích sao", "Extract copy"),
    "SL": ("Sao lục", "Transcribed copy"),
}
COPY_FORM_ABBREVIATIONS: dict[str, str] = {"SY": "SY", "TRS": "TrS", "SL": "SL"}

CONG_VAN = "CV"

_BY_CODE = {t.code: t for t in DOCUMENT_TYPES}


def document_type(code: str) -> DocumentType | None:
    """The built-in type for ``code``, or None (a server may add its own types)."""
    return _BY_CODE.get(code)


def catalog_document_types() -> list[dict[str, str]]:
    """The types in the wire shape of ``catalog.document_types``."""
    return [
        {"code": t.code, "name": t.name, "abbreviation": t.abbreviation} for t in DOCUMENT_TYPES
    ]
