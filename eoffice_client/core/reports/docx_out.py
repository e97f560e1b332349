"""Writes a :class:`~eoffice_client.core.reports.layout.Layout` as .docx (python-docx).

A4 landscape, Times New Roman. Each section: the organisation, the title and its lines,
then the table with its header row(s) repeated on every page.

python-docx builds everything but the table bodies; those are streamed into
``word/document.xml`` afterwards as plain WordprocessingML (one paragraph and run per cell,
widths from the table grid with a fixed layout), so a register of many thousand rows is
never held in memory as XML elements.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from lxml import etree

from eoffice_client.core.reports.layout import Cell, Column, Layout, Section

FONT = "Times New Roman"
PAGE_W, PAGE_H = Mm(297), Mm(210)
MARGIN_L, MARGIN_R, MARGIN_TB = Mm(20), Mm(15), Mm(15)
_TWIPS_PER_EMU = 1 / 635
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_W_P, _W_R, _W_T, _W_TC, _W_TR = (qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tc"), qn("w:tr"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


_MARKER = "<!--eoffice-rows-{}-->"
_DOCUMENT_XML = "word/document.xml"


def write_docx(layout: Layout, out: Path) -> None:
    """Writes ``layout`` to ``out`` (through temporary files beside it, then renamed)."""
    document = docx.Document()
    _page_and_fonts(document)
    for index, section in enumerate(layout.sections):
        if index:
            document.add_paragraph()
            document.add_paragraph().add_run(section.sheet_name).bold = True
        else:
            _heading(document, section)
        _table(document, section, index)
        for note in section.notes:
            paragraph = document.add_paragraph()
            paragraph.add_run(note).italic = True
    if layout.document_title:
        document.core_properties.title = layout.document_title
    skeleton = out.with_name(out.name + ".skeleton")
    partial = out.with_name(out.name + ".part")
    try:
        document.save(str(skeleton))
        _fill_tables(skeleton, partial, layout)
        os.replace(partial, out)
    finally:
        skeleton.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)


def _fill_tables(skeleton: Path, out: Path, layout: Layout) -> None:
    """Copies ``skeleton`` to ``out`` with each table's marker replaced by its body rows."""
    with zipfile.ZipFile(skeleton) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != _DOCUMENT_XML:
                with source.open(info) as reader, target.open(info, "w") as writer:
                    shutil.copyfileobj(reader, writer)
                continue
            text = source.read(info).decode("utf-8")
            with target.open(_DOCUMENT_XML, "w") as writer:
                for chunk in _with_rows(text, layout):
                    writer.write(chunk.encode("utf-8"))


def _with_rows(text: str, layout: Layout) -> Iterator[str]:
    for index, section in enumerate(layout.sections):
        marker = _MARKER.format(index)
        head, _, text = text.partition(marker)
        yield head
        centred = [c.centred for c in section.table.columns]
        batch: list[str] = []
        for row in section.table.rows:
            batch.append(_row_xml(row, centred))
            if len(batch) >= 500:
                yield "".join(batch)
                batch.clear()
        yield "".join(batch)
    yield text


def _row_xml(row: Sequence[Cell], centred: list[bool]) -> str:
    cells = []
    for value, centre in zip(row, centred, strict=True):
        paragraph_props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centre else ""
        run = "" if value is None or value == "" else f"<w:r>{_runs_text(str(value))}</w:r>"
        cells.append(f"<w:tc><w:p>{paragraph_props}{run}</w:p></w:tc>")
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def _runs_text(text: str) -> str:
    lines = _CONTROL.sub("", text.replace("\r", "")).split("\n")
    return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)


def _page_and_fonts(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.left_margin, section.right_margin = MARGIN_L, MARGIN_R
    section.top_margin = section.bottom_margin = MARGIN_TB
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


def _heading(document: Any, section: Section) -> None:
    if section.organisation:
        document.add_paragraph().add_run(section.organisation).bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(section.title)
    run.bold, run.font.size = True, Pt(14)
    for line in section.lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).italic = True
    document.add_paragraph()


def _table(document: Any, section: Section, index: int) -> None:
    """The table with its header rows and a marker where :func:`_with_rows` puts the body."""
    table = section.table
    widths = _twips(table.columns)
    tbl = parse_xml(_table_xml(widths))
    _header_row(tbl, [c.header for c in table.columns], bold=True, size=22)
    if table.numbered:
        _header_row(tbl, [f"({n})" for n in range(1, len(widths) + 1)], bold=False, size=20)
    tbl.append(etree.Comment(_MARKER.format(index)[4:-3]))
    body = document.element.body
    body.insert(len(body) - 1, tbl)  # before the final sectPr


def _twips(columns: Sequence[Column]) -> list[int]:
    usable = (PAGE_W - MARGIN_L - MARGIN_R) * _TWIPS_PER_EMU
    total = sum(c.width for c in columns) or 1
    return [int(usable * c.width / total) for c in columns]


def _table_xml(widths: list[int]) -> str:
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblW w:w=\"{sum(widths)}\" w:type=\"dxa\"/>"
            f"<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
            "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
            f"<w:tblGrid>{grid}</w:tblGrid></w:tbl>")


def _header_row(tbl: Any, texts: list[str], *, bold: bool, size: int) -> None:
    tr = etree.SubElement(tbl, _W_TR)
    tr_pr = etree.SubElement(tr, qn("w:trPr"))
    etree.SubElement(tr_pr, qn("w:tblHeader"))
    etree.SubElement(tr_pr, qn("w:cantSplit"))
    for text in texts:
        tc = etree.SubElement(tr, _W_TC)
        tc_pr = etree.SubElement(tc, qn("w:tcPr"))
        etree.SubElement(tc_pr, qn("w:vAlign")).set(qn("w:val"), "center")
        p = etree.SubElement(tc, _W_P)
        etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:jc")).set(qn("w:val"),
                                                                           "center")
        r = etree.SubElement(p, _W_R)
        r_pr = etree.SubElement(r, qn("w:rPr"))
        if bold:
            etree.SubElement(r_pr, qn("w:b"))
        else:
            etree.SubElement(r_pr, qn("w:i"))
        etree.SubElement(r_pr, qn("w:sz")).set(qn("w:val"), str(size))
        _text(r, text)


def _text(run: Any, text: str) -> None:
    """The text of a run; line breaks become ``w:br``."""
    for index, line in enumerate(_CONTROL.sub("", text.replace("\r", "")).split("\n")):
        if index:
            etree.SubElement(run, qn("w:br"))
        t = etree.SubElement(run, _W_T)
        t.text = line
        if line != line.strip():
            t.set(_SPACE, "preserve")
