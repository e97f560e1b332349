"""Registers from a hand-made sample, read back cell by cell (openpyxl, python-docx)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from eoffice_client.core.errors import ClientError
from eoffice_client.core.reports.exports import export_register, write_layout
from eoffice_client.core.reports.layout import Layout
from eoffice_client.core.reports.model import OutputFormat, Period, RegisterKind
from eoffice_client.core.reports.registers import Replies, build_register
from eoffice_client.core.store.directory import replace_catalog, upsert_units, upsert_users
from eoffice_client.core.store.documents import set_me, upsert_documents
from eoffice_client.core.store.engine import Store, open_store
from eoffice_client.core.store.meta import set_meta
from tests.unit.reports_sample import (
    CATALOG,
    LEADER,
    OFFICER,
    OFFICER2,
    ORG_NAME,
    REG_IN,
    REG_IN_SECRET,
    REG_OUT,
    TODAY,
    U_KT,
    U_VP,
    UNITS,
    USERS,
    directory,
    incoming,
    lead,
    outgoing,
)

MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def sample() -> list[dict[str, Any]]:
    in1 = incoming("in1", urgency=1, status="assigned", due_date="2026-03-10",
                   assignments=[lead("unit", U_KT, due="2026-03-10"),
                                lead("user", OFFICER2, role="support")])
    in2 = incoming("in2", arrival_number=2, arrival_date="2026-03-05", type_code="GM",
                   code_number=7, code_notation="GM-BTC", issued_date="2026-03-01",
                   issuer={"org_id": "org-btc", "org_name": "Bộ Tài chính"},
                   subject="Dự hội nghị tổng kết", status="completed", due_date="2026-03-11",
                   pending_with=[], assignments=[lead("user", OFFICER, "done", "2026-03-11")],
                   history=[{"at": "2026-03-05T08:00:00+07:00", "action": "create"},
                            {"at": "2026-03-06T08:00:00+07:00", "action": "assign"},
                            {"at": "2026-03-12T16:30:00+07:00", "action": "complete"}])
    in3 = incoming("in3", arrival_number=None, arrival_date=None, status="received")
    in4 = incoming("in4", register_id=REG_IN_SECRET, arrival_date="2026-03-04",
                   code_number=15, issued_date="2026-03-03", subject="V/v tài liệu mật",
                   secrecy=1, pending_with=[LEADER])
    in5 = incoming("in5", arrival_number=3, arrival_date="2026-02-27")
    reply = {"org_id": "org-stc", "code": "12/STC-NS", "issued_date": "2026-03-02"}
    out1 = outgoing("out1", in_reply_to=reply)
    out2 = outgoing("out2", direction="internal", type_code="CV", code_number=6,
                    code_notation="UBND-VP", issued_date="2026-03-12", status="numbered",
                    subject="V/v họp giao ban", unit_id=U_VP, copies=2,
                    recipients=[{"org_id": "org-self",
                                 "org_name": "Ủy ban nhân dân tỉnh Lạng Sơn"}],
                    history=[{"at": "2026-03-12T09:00:00+07:00", "action": "number"}])
    out3 = outgoing("out3", code_number=None, code_notation="", issued_date=None,
                    status="draft")
    out4 = outgoing("out4", code_number=4, issued_date="2026-03-09", status="recalled",
                    subject="Về việc cũ", copies=1, in_reply_to=reply,
                    recipients=[{"org_id": "org-stc", "org_name": "Sở Tài chính"}],
                    history=[{"at": "2026-03-09T10:00:00+07:00", "action": "issue"},
                             {"at": "2026-03-15T10:00:00+07:00", "action": "recall"}])
    return [in1, in2, in3, in4, in5, out1, out2, out3, out4]


# What each register must say, written by hand from the sample above (Phụ lục IV columns).
INCOMING_HEADERS = ("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
                    "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ký nhận",
                    "Ghi chú")
INCOMING_ROWS = [
    ("03/03/2026", 1, "Sở Tài chính", "12/STC-NS", "02/03/2026",
     "Công văn: V/v dự toán năm 2026", "Phòng Kinh tế; Dương Diệu Mai", "", "Khẩn"),
    ("05/03/2026", 2, "Bộ Tài chính", "07/GM-BTC", "01/03/2026",
     "Giấy mời: Dự hội nghị tổng kết", "Nguyễn Văn Đức", "", ""),
    ("04/03/2026", 1, "Sở Tài chính", "15/STC-NS", "03/03/2026",
     "Công văn: V/v tài liệu mật", "Nông Đình Đông", "", "Mật"),
]
OUTGOING_HEADERS = ("Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung", "Người ký",
                    "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
                    "Ngày chuyển", "Ký nhận", "Ghi chú")
OUTGOING_ROWS = [
    ("04/QĐ-UBND", "09/03/2026", "Quyết định: Về việc cũ", "Nông Đình Đông", "Sở Tài chính",
     "Phòng Kinh tế", 1, "09/03/2026", "", "Đã thu hồi; Trả lời văn bản 12/STC-NS ngày 02/03/2026"),
    ("05/QĐ-UBND", "10/03/2026", "Quyết định: Về việc giao chỉ tiêu", "Nông Đình Đông",
     "Sở Tài chính; Bộ Tài chính", "Phòng Kinh tế", 4, "11/03/2026", "",
     "Trả lời văn bản 12/STC-NS ngày 02/03/2026"),
    ("06/UBND-VP", "12/03/2026", "Công văn: V/v họp giao ban", "Nông Đình Đông",
     "Ủy ban nhân dân tỉnh Lạng Sơn", "Văn phòng", 2, "", "", ""),
]
TRACKING_HEADERS = ("Số đến", "Văn bản", "Đơn vị hoặc người nhận", "Thời hạn giải quyết",
                    "Tiến độ giải quyết", "Văn bản trả lời", "Ghi chú")
TRACKING_ROWS = [
    (1, "12/STC-NS ngày 02/03/2026 của Sở Tài chính: V/v dự toán năm 2026",
     "Phòng Kinh tế (chủ trì); Dương Diệu Mai (phối hợp)", "10/03/2026",
     "Đã phân công (quá hạn 10 ngày)", "05/QĐ-UBND ngày 10/03/2026", "Khẩn"),
    (2, "07/GM-BTC ngày 01/03/2026 của Bộ Tài chính: Dự hội nghị tổng kết",
     "Nguyễn Văn Đức (chủ trì)", "11/03/2026", "Hoàn thành ngày 12/03/2026 (quá hạn 1 ngày)",
     "", ""),
    (1, "15/STC-NS ngày 03/03/2026 của Sở Tài chính: V/v tài liệu mật", "", "", "Đã vào sổ",
     "", "Mật"),
]
EXPECTED = {
    RegisterKind.INCOMING: (INCOMING_HEADERS, INCOMING_ROWS, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"),
    RegisterKind.OUTGOING: (OUTGOING_HEADERS, OUTGOING_ROWS, "SỔ ĐĂNG KÝ VĂN BẢN ĐI"),
    RegisterKind.TRACKING: (TRACKING_HEADERS, TRACKING_ROWS,
                            "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"),
}


def register(kind: RegisterKind, register_id: str | None = None) -> Layout:
    docs = sample()
    return build_register(kind, docs, directory(), MARCH, register_id=register_id,
                          replies=Replies.from_documents(docs), today=TODAY)


def xlsx_table(path: Path, first_header: str) -> tuple[Any, tuple, list[tuple]]:
    """(sheet, headers, data rows) of a register sheet; empty cells read as ""."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [tuple("" if v is None else v for v in row) for row in sheet.iter_rows(
        values_only=True)]
    start = next(i for i, row in enumerate(rows) if row[0] == first_header)
    width = len([v for v in rows[start] if v != ""])
    numbered = rows[start + 1][:width]
    assert numbered == tuple(f"({n})" for n in range(1, width + 1))
    data = [row[:width] for row in rows[start + 2:] if any(v != "" for v in row[1:width])]
    return sheet, rows[start][:width], data


@pytest.mark.parametrize("kind", list(RegisterKind))
def test_xlsx_register_reads_back_cell_by_cell(tmp_path: Path, kind: RegisterKind) -> None:
    headers, rows, title = EXPECTED[kind]
    out = tmp_path / f"{kind.value}.xlsx"
    write_layout(register(kind), out, OutputFormat.XLSX)
    sheet, found_headers, found_rows = xlsx_table(out, headers[0])
    assert found_headers == headers
    assert found_rows == rows
    texts = [c for row in sheet.iter_rows(max_row=5, values_only=True) for c in row if c]
    assert title in texts and "Từ ngày 01/03/2026 đến ngày 31/03/2026" in texts
    assert "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in texts


def test_xlsx_page_setup_frozen_header_and_print_titles(tmp_path: Path) -> None:
    out = tmp_path / "in.xlsx"
    write_layout(register(RegisterKind.INCOMING), out, OutputFormat.XLSX)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header_row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Ngày đến")
    assert sheet.freeze_panes == f"A{header_row + 2}"
    assert sheet.print_title_rows == f"${header_row}:${header_row + 1}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["B"].width
    cell = sheet.cell(row=header_row + 2, column=6)
    assert cell.alignment.wrap_text and cell.font.name == "Times New Roman"
    assert cell.border.left.style == "thin"
    # a row whose text wraps carries a height that holds it
    assert sheet.row_dimensions[header_row].height and sheet.row_dimensions[header_row].height > 15


@pytest.mark.parametrize("kind", list(RegisterKind))
def test_docx_register_reads_back_cell_by_cell(tmp_path: Path, kind: RegisterKind) -> None:
    headers, rows, title = EXPECTED[kind]
    out = tmp_path / f"{kind.value}.docx"
    write_layout(register(kind), out, OutputFormat.DOCX)
    document = docx.Document(str(out))
    table = document.tables[0]
    texts = [tuple(c.text for c in row.cells) for row in table.rows]
    assert texts[0] == headers
    assert texts[2:] == [tuple(str(v) for v in row) for row in rows]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert abs(section.page_width.mm - 297) < 1 and abs(section.page_height.mm - 210) < 1
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert title in [p.text for p in document.paragraphs]
    with zipfile.ZipFile(out) as package:  # both header rows repeat on every page
        assert package.read("word/document.xml").count(b"<w:tblHeader/>") == 2


def test_register_filter_keeps_one_register() -> None:
    layout = register(RegisterKind.INCOMING, REG_IN)
    rows = layout.sections[0].table.rows
    assert [r[1] for r in rows] == [1, 2]
    assert "Sổ: Sổ đăng ký văn bản đến năm 2026" in layout.sections[0].lines
    assert [r[0] for r in register(RegisterKind.OUTGOING, REG_OUT).sections[0].table.rows] == [
        "04/QĐ-UBND", "05/QĐ-UBND", "06/UBND-VP"]


def test_english_headers_come_from_the_catalogue() -> None:
    docs = sample()
    layout = build_register(RegisterKind.INCOMING, docs, directory(), MARCH, today=TODAY,
                            lang="en")
    assert layout.sections[0].table.columns[1].header == "Arrival no."


def test_bad_period_and_unwritable_output_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ClientError) as error:
        Period(dt.date(2026, 3, 2), dt.date(2026, 3, 1))
    assert error.value.exit_code == 9 and "01/03" not in error.value.message("vi")
    target = tmp_path / "missing-folder" / "so.xlsx"
    with pytest.raises(ClientError) as error:
        write_layout(register(RegisterKind.INCOMING), target, OutputFormat.XLSX)
    assert error.value.exit_code == 9 and str(target) in error.value.message("vi")
    assert not list(tmp_path.rglob("*.part"))


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    docs = [incoming("x", subject="=HYPERLINK(\"http://example.invalid\")\x07")]
    layout = build_register(RegisterKind.INCOMING, docs, directory(), MARCH, today=TODAY)
    out = tmp_path / "x.xlsx"
    write_layout(layout, out, OutputFormat.XLSX)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    values = [c.value for row in sheet.iter_rows() for c in row]
    cell = next(v for v in values if isinstance(v, str) and "HYPERLINK" in v)
    assert cell == 'Công văn: =HYPERLINK("http://example.invalid")'


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    """The hand-made sample in a real cache (as the sync would have stored it)."""
    with open_store(tmp_path / "cache.sqlite3") as store:
        with store.write() as conn:
            upsert_users(conn, USERS)
            upsert_units(conn, UNITS)
            replace_catalog(conn, CATALOG)
            set_meta(conn, "organization", {"org_id": "org-self", "org_name": ORG_NAME,
                                            "code": "UBND"})
            set_me(conn, USERS[0])
            upsert_documents(conn, sample())
        yield store


@pytest.mark.parametrize("fmt", list(OutputFormat))
@pytest.mark.parametrize("kind", list(RegisterKind))
def test_registers_from_the_cache_read_back_cell_by_cell(
        sample_store: Store, tmp_path: Path, kind: RegisterKind, fmt: OutputFormat) -> None:
    headers, rows, _ = EXPECTED[kind]
    out = tmp_path / f"{kind.value}.{fmt.value}"
    with sample_store.read() as conn:
        result = export_register(conn, kind=kind, period=MARCH, out=out, fmt=fmt, today=TODAY)
    assert result.rows == len(rows)
    if fmt == OutputFormat.XLSX:
        _, found_headers, found_rows = xlsx_table(out, headers[0])
        assert (found_headers, found_rows) == (headers, rows)
    else:
        texts = [tuple(c.text for c in row.cells) for row in docx.Document(str(out)).tables[0].rows]
        assert texts[2:] == [tuple(str(v) for v in row) for row in rows]
