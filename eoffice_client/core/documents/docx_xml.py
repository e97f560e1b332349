"""The WordprocessingML details python-docx has no API for: fonts for every script,
table and paragraph borders, cell widths and margins, the PAGE field."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from eoffice_client.core.documents.layout import (
    CELL_PADDING_MM,
    FONT_NAME,
    RULE_PARAGRAPH_SIZE,
    RULE_SPACE_PT,
    RULE_WEIGHT_EIGHTHS,
)

TWIPS_PER_MM = 1440 / 25.4
#: Characters XML 1.0 cannot hold (python-docx refuses them): control characters but tab.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_fonts(r_pr: object) -> None:
    """Times New Roman for the ASCII, high-ANSI, East Asian and complex-script slots:
    with only ``w:ascii`` set, Word may show Vietnamese letters in a fallback font."""
    fonts = r_pr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)  # type: ignore[attr-defined]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)


def styled_run(paragraph: Paragraph, text: str, size: float, bold: bool = False,
               italic: bool = False, color: tuple[int, int, int] | None = None) -> Run:
    run = paragraph.add_run(_NOT_XML.sub("", text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.name = FONT_NAME
    set_fonts(run.element.get_or_add_rPr())
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    return run


def mark_size(paragraph: Paragraph, size: float) -> None:
    """The size of the paragraph mark: the height of an empty paragraph."""
    p_pr = paragraph_element(paragraph).get_or_add_pPr()
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        r_pr.append(element)


def _paragraph_border(paragraph: Paragraph, sides: tuple[str, ...], space_pt: int,
                      color: str = "auto") -> None:
    p_pr = paragraph_element(paragraph).get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(RULE_WEIGHT_EIGHTHS))
        line.set(qn("w:space"), str(space_pt))
        line.set(qn("w:color"), color)
        borders.append(line)
    # w:pBdr comes before w:shd, w:tabs, w:spacing, w:ind and w:jc in CT_PPr.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = p_pr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        p_pr.append(borders)


def add_rule(container: _Cell | DocxDocument, length_mm: float, width_mm: float) -> Paragraph:
    """A centred horizontal rule ``length_mm`` long: an empty paragraph whose bottom
    border is shortened by equal indents within a column ``width_mm`` wide."""
    paragraph = container.add_paragraph()
    side = max(0.0, (width_mm - length_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(RULE_PARAGRAPH_SIZE)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark_size(paragraph, RULE_PARAGRAPH_SIZE)
    _paragraph_border(paragraph, ("bottom",), RULE_SPACE_PT)
    return paragraph


def box_paragraph(paragraph: Paragraph, width_mm: float, column_mm: float,
                  color: tuple[int, int, int]) -> None:
    """A single-line box around the paragraph, ``width_mm`` wide, centred in its column,
    in the ink of its text (the độ khẩn and độ mật marks)."""
    side = max(0.0, (column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    _paragraph_border(paragraph, ("top", "left", "bottom", "right"), 1,
                      "{:02X}{:02X}{:02X}".format(*color))


def borderless(table: Table) -> None:
    """No borders at all (w:val="nil" on every side), fixed layout, padding as Word's."""
    tbl_pr = table_element(table).tblPr
    borders = OxmlElement("w:tblBorders")
    for side in BORDER_SIDES:
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(CELL_PADDING_MM * TWIPS_PER_MM)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def column_widths(table: Table, widths_mm: tuple[float, ...]) -> None:
    """The grid and every cell get their width (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def add_page_field(paragraph: Paragraph, size: float) -> None:
    """The PAGE field: the page's number, as Word and LibreOffice update it."""
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"),
                       ("end", None)):
        run = styled_run(paragraph, "", size)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.element.append(char)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run.element.append(instr)
        else:
            run.text = text or ""


def paragraph_element(paragraph: Paragraph) -> Any:
    """The paragraph's ``w:p`` element, through python-docx's public ``paragraph_format``."""
    return paragraph.paragraph_format.element


def row_element(table: Table, index: int) -> Any:
    """The ``w:tr`` element of row ``index``, from a cell's paragraph (public API only)."""
    cell_paragraph = table.rows[index].cells[0].paragraphs[0]
    return paragraph_element(cell_paragraph).getparent().getparent()


def table_element(table: Table) -> Any:
    """The table's ``w:tbl`` element, from its first row."""
    return row_element(table, 0).getparent()
