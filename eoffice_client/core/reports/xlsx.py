"""Writes a :class:`~eoffice_client.core.reports.layout.Layout` as .xlsx (openpyxl write-only).

Each section is a sheet: the organisation, the title and its lines on merged rows, the
table's header (and the "(1) (2) ..." row), then one row per item. The header rows are
frozen and repeat on every printed page; pages are A4 landscape, fitted to the width.
Rows are streamed, so a register of many thousand rows stays small in memory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from eoffice_client.core.reports.layout import Layout, Section
from eoffice_client.core.reports.textfit import row_height

FONT = "Times New Roman"
_DEFAULT_HEIGHT = 15.0
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: characters XML 1.0 cannot carry (a sender's subject may hold them)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


def _styles() -> list[NamedStyle]:
    def style(name: str, size: int, *, bold: bool = False, italic: bool = False,
              horizontal: str = "left", boxed: bool = False) -> NamedStyle:
        named = NamedStyle(name=name)
        named.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        named.alignment = Alignment(horizontal=horizontal, vertical="top" if boxed else
                                    "center", wrap_text=True)
        if boxed:
            named.border = _BOX
        return named

    return [
        style("r_org", 12, bold=True), style("r_title", 14, bold=True, horizontal="center"),
        style("r_line", 12, italic=True, horizontal="center"),
        style("r_head", 11, bold=True, horizontal="center", boxed=True),
        style("r_num", 10, italic=True, horizontal="center", boxed=True),
        style("r_body", 11, boxed=True), style("r_body_c", 11, horizontal="center", boxed=True),
        style("r_note", 11, italic=True),
    ]


def write_xlsx(layout: Layout, out: Path) -> None:
    """Writes ``layout`` to ``out`` (through a temporary file beside it, then renamed).

    The file is opened before any sheet is built, so a folder that cannot be written
    fails before openpyxl has streamed anything.
    """
    partial = out.with_name(out.name + ".part")
    try:
        with partial.open("wb") as stream:
            _workbook(layout).save(stream)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _workbook(layout: Layout) -> Workbook:
    workbook = Workbook(write_only=True)
    arrays = {}
    for named in _styles():
        workbook.add_named_style(named)
        arrays[named.name] = named.as_tuple()  # the style's ids in this workbook
    for section in layout.sections:
        _write_section(workbook, section, arrays)
    if layout.document_title:
        workbook.properties.title = layout.document_title
    return workbook


def _write_section(workbook: Workbook, section: Section, arrays: dict[str, Any]) -> None:
    sheet = workbook.create_sheet(_sheet_name(section.sheet_name))
    cell = _CellMaker(sheet, arrays)
    columns = section.table.columns
    widths = [c.width for c in columns]
    last = get_column_letter(len(columns))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    heading = _heading_rows(section)
    header_row = len(heading) + 1
    first_data_row = header_row + (2 if section.table.numbered else 1)
    _page_setup(sheet, header_row, first_data_row - 1)
    sheet.freeze_panes = f"A{first_data_row}"
    rows = _RowWriter(sheet)
    for style, text, size in heading:
        sheet.merged_cells.add(f"A{rows.next_index}:{last}{rows.next_index}")
        rows.add([cell(text, style)], row_height([(text, sum(widths))], size,
                                                         bold=style != "r_line"))
    headers = [c.header for c in columns]
    rows.add([cell(h, "r_head") for h in headers],
             row_height(list(zip(headers, widths, strict=True)), bold=True))
    if section.table.numbered:
        rows.add([cell(f"({n})", "r_num") for n in range(1, len(columns) + 1)], None)
    styles = ["r_body_c" if c.centred else "r_body" for c in columns]
    for row in section.table.rows:
        texts = [("" if v is None else str(v), w) for v, w in zip(row, widths, strict=True)]
        rows.add([cell(value, style) for value, style in zip(row, styles,
                                                                     strict=True)],
                 row_height(texts))
    for note in section.notes:
        rows.add([cell(note, "r_note")], None)


class _RowWriter:
    """Appends rows, giving each its height first (write-only sheets need it before)."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.next_index = 1

    def add(self, cells: list[Cell], height: float | None) -> None:
        if height is not None and height > _DEFAULT_HEIGHT:
            self.sheet.row_dimensions[self.next_index].height = height
        self.sheet.append(cells)
        self.next_index += 1


def _heading_rows(section: Section) -> list[tuple[str, str, int]]:
    """(style, text, font size) of the rows above the table."""
    rows = []
    if section.organisation:
        rows.append(("r_org", section.organisation, 12))
    rows.append(("r_title", section.title, 14))
    rows += [("r_line", line, 12) for line in section.lines]
    rows.append(("r_line", "", 12))
    return rows


def _page_setup(sheet: Any, first_title_row: int, last_title_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{first_title_row}:{last_title_row}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.5
    margins.top = margins.bottom = 0.6
    sheet.oddFooter.center.text = "&P/&N"


class _CellMaker:
    """Cells of one sheet, each given its named style's ids (one array copy per cell)."""

    def __init__(self, sheet: Any, arrays: dict[str, Any]) -> None:
        self.sheet, self.arrays = sheet, arrays

    def __call__(self, value: object, style: str) -> Cell:
        if isinstance(value, str):
            value = _CONTROL.sub("", value) if _CONTROL.search(value) else value
        made = Cell(self.sheet, row=1, column=1, value=value, style_array=self.arrays[style])
        if isinstance(value, str) and value.startswith("="):
            made.data_type = "s"  # text a sender wrote, never a formula
        return made


def _sheet_name(name: str) -> str:
    cleaned = name.translate(_FORBIDDEN_IN_SHEET_NAMES).strip("' ") or "Sheet"
    return cleaned[:31]
