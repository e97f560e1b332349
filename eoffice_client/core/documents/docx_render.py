"""A Decree-30 administrative document as .docx, laid out as Phụ lục I prescribes.

The document is built in code on python-docx's blank document rather than filled from
template files: every layout value is a named constant of :mod:`layout` that the tests
read back, the seven types share one builder (they differ in a few blocks, not in
layout), and there is no binary template to drift from the code. The parts are those of
the layout grid (Phụ lục I §IV): the header table (ô 1-4, 5b, 10a-10b), the type name and
trích yếu (ô 5a), Kính gửi (ô 9a), the body (ô 6) and the closing table (ô 7, 9b).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from eoffice_client.core.documents import layout as L
from eoffice_client.core.documents.content import (
    DraftContent,
    grounds_lines,
    list_lines,
    number_text,
    place_date_text,
    recipients_lines,
)
from eoffice_client.core.documents.docx_xml import (
    add_page_field,
    add_rule,
    borderless,
    box_paragraph,
    column_widths,
    mark_size,
    row_element,
    set_fonts,
    styled_run,
)
from eoffice_client.core.documents.files import write_atomically
from eoffice_client.core.documents.font_metrics import text_width_mm
from eoffice_client.core.documents.names import cong_van_subject, split_lines

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
END_MARK = "./."


def render_docx(content: DraftContent, out: Path) -> Path:
    """Writes the .docx of ``content`` to ``out`` (atomically) and returns ``out``."""
    write_atomically(out, render_docx_bytes(content))
    return out


def render_docx_bytes(content: DraftContent) -> bytes:
    """The .docx of ``content`` as bytes."""
    doc = Document()
    _page_setup(doc)
    _header(doc, content)
    if not content.is_cong_van:
        _title(doc, content)
    if content.addressees:
        _addressees(doc, content.addressees)
    _body(doc, content)
    _closing(doc, content)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(L.PAGE_WIDTH_MM), Mm(L.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(L.MARGIN_TOP_MM), Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(L.MARGIN_LEFT_MM), Mm(L.MARGIN_RIGHT_MM)
    section.header_distance = Mm(L.HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    page_number = section.header.paragraphs[0]
    page_number.alignment = CENTER
    add_page_field(page_number, L.SIZE_PAGE_NUMBER)
    normal = doc.styles["Normal"]
    normal.font.name = L.FONT_NAME
    normal.font.size = Pt(L.SIZE_BODY)
    set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _para(cell_or_doc: _Cell | DocxDocument, first: bool = False,
          align: WD_ALIGN_PARAGRAPH = CENTER, before: float = 0.0) -> Paragraph:
    if first and isinstance(cell_or_doc, _Cell):
        paragraph = cell_or_doc.paragraphs[0]
    else:
        paragraph = cell_or_doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    return paragraph


def _lines_run(paragraph: Paragraph, lines: list[str], size: float, bold: bool = False,
               italic: bool = False) -> None:
    """Lines of one paragraph separated by line breaks (a name broken where a person
    would break it, not where the column happens to end)."""
    for index, line in enumerate(lines):
        run = styled_run(paragraph, line, size, bold=bold, italic=italic)
        if index < len(lines) - 1:
            run.add_break()


def _header(doc: DocxDocument, content: DraftContent) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borderless(table)
    column_widths(table, (L.HEADER_LEFT_MM, L.HEADER_RIGHT_MM))
    left_inner = L.HEADER_LEFT_MM - 2 * L.CELL_PADDING_MM
    right_inner = L.HEADER_RIGHT_MM - 2 * L.CELL_PADDING_MM
    _issuer_cell(table.cell(0, 0), content, left_inner)
    _national_cell(table.cell(0, 1), right_inner)
    _number_cell(table.cell(1, 0), content, left_inner)
    date_line = _para(table.cell(1, 1), first=True, before=L.NUMBER_LINE_SPACE_BEFORE_PT)
    styled_run(date_line, place_date_text(content.place, content.date, content.year),
               L.SIZE_PLACE_DATE, italic=True)


def _issuer_cell(cell: _Cell, content: DraftContent, inner_mm: float) -> None:
    first = True
    if content.parent_name:
        parent = split_lines(content.parent_name.upper(), inner_mm, L.SIZE_PARENT, bold=False)
        _lines_run(_para(cell, first=True), parent, L.SIZE_PARENT)
        first = False
    issuer = split_lines(content.issuer_name.upper(), inner_mm, L.SIZE_ISSUER, bold=True)
    _lines_run(_para(cell, first=first), issuer, L.SIZE_ISSUER, bold=True)
    widest = max(text_width_mm(line, L.SIZE_ISSUER, bold=True) for line in issuer)
    add_rule(cell, min(widest, inner_mm) * L.ISSUER_RULE_FRACTION, inner_mm)


def _national_cell(cell: _Cell, inner_mm: float) -> None:
    styled_run(_para(cell, first=True), L.NATIONAL_NAME, L.SIZE_NATIONAL, bold=True)
    styled_run(_para(cell), L.MOTTO, L.SIZE_MOTTO, bold=True)
    motto_mm = text_width_mm(L.MOTTO, L.SIZE_MOTTO, bold=True)
    add_rule(cell, motto_mm * L.MOTTO_RULE_FRACTION, inner_mm)


def _number_cell(cell: _Cell, content: DraftContent, inner_mm: float) -> None:
    number = _para(cell, first=True, before=L.NUMBER_LINE_SPACE_BEFORE_PT)
    styled_run(number, number_text(content.number, content.notation), L.SIZE_NUMBER)
    if content.is_cong_van:
        subject = _para(cell, before=L.CV_SUBJECT_SPACE_BEFORE_PT)
        styled_run(subject, cong_van_subject(content.subject), L.SIZE_CV_SUBJECT)
    marks = [L.SECRECY_MARKS.get(content.secrecy), L.URGENCY_MARKS.get(content.urgency)]
    colors = [L.SECRECY_COLOR, L.URGENCY_COLOR]
    boxed = False
    for mark, color in zip(marks, colors, strict=True):
        if mark is None:
            continue
        if boxed:  # an unboxed spacer: Word and LibreOffice join adjacent equal boxes
            mark_size(_para(cell), L.RULE_PARAGRAPH_SIZE)
        boxed = True
        text, width = mark
        paragraph = _para(cell, before=L.NUMBER_LINE_SPACE_BEFORE_PT)
        styled_run(paragraph, text, L.SIZE_MARK, bold=True, color=color)
        box_paragraph(paragraph, width, inner_mm, color)


def _title(doc: DocxDocument, content: DraftContent) -> None:
    name = _para(doc, before=L.TITLE_SPACE_BEFORE_PT)
    styled_run(name, content.type_name.upper(), L.SIZE_TYPE_NAME, bold=True)
    if not content.subject.strip():
        return
    subject = _para(doc)
    styled_run(subject, content.subject.strip(), L.SIZE_SUBJECT, bold=True)
    width = min(text_width_mm(content.subject.strip(), L.SIZE_SUBJECT, bold=True),
                L.TEXT_WIDTH_MM)
    add_rule(doc, width * L.SUBJECT_RULE_FRACTION, L.TEXT_WIDTH_MM)


def _addressees(doc: DocxDocument, addressees: tuple[str, ...]) -> None:
    """Kính gửi (ô 9a): one addressee on the same line; several one per line, their
    dashes under the colon."""
    label = "Kính gửi:"
    if len(addressees) == 1:
        line = _para(doc, before=L.TITLE_SPACE_BEFORE_PT)
        styled_run(line, f"{label} {list_lines(addressees)[0][2:]}", L.SIZE_ADDRESSEE)
        return
    indent = L.ADDRESSEE_INDENT_MM
    head = _para(doc, align=LEFT, before=L.TITLE_SPACE_BEFORE_PT)
    head.paragraph_format.left_indent = Mm(indent)
    styled_run(head, label, L.SIZE_ADDRESSEE)
    colon = indent + text_width_mm("Kính gửi", L.SIZE_ADDRESSEE)
    for entry in list_lines(addressees):
        line = _para(doc, align=LEFT)
        line.paragraph_format.left_indent = Mm(colon)
        styled_run(line, entry, L.SIZE_ADDRESSEE)


def _body_para(doc: DocxDocument, before: float = 0.0) -> Paragraph:
    paragraph = _para(doc, align=JUSTIFY, before=before)
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(L.BODY_FIRST_LINE_INDENT_CM)
    fmt.space_after = Pt(L.BODY_SPACE_AFTER_PT)
    fmt.line_spacing = L.BODY_LINE_SPACING
    return paragraph


def _body(doc: DocxDocument, content: DraftContent) -> None:
    last: Paragraph | None = None
    first_before = L.TITLE_SPACE_BEFORE_PT
    if content.decision is not None:
        last = _decision(doc, content)
    for text in content.body:
        last = _body_para(doc, before=first_before if last is None else 0.0)
        styled_run(last, text.strip(), L.SIZE_BODY)
    if last is not None and not last.text.rstrip().endswith(END_MARK):
        # The body ends with "./." (the models' last line).
        styled_run(last, "/." if last.text.rstrip().endswith(".") else END_MARK, L.SIZE_BODY)


def _decision(doc: DocxDocument, content: DraftContent) -> Paragraph | None:
    decision = content.decision
    assert decision is not None
    authority = _para(doc, before=L.TITLE_SPACE_BEFORE_PT)
    authority.paragraph_format.space_after = Pt(L.BODY_SPACE_AFTER_PT)
    styled_run(authority, decision.authority.upper(), L.SIZE_BODY, bold=True)
    for ground in grounds_lines(decision.grounds):
        styled_run(_body_para(doc), ground, L.SIZE_BODY, italic=True)
    decides = _para(doc, before=L.BODY_SPACE_AFTER_PT)
    decides.paragraph_format.space_after = Pt(L.BODY_SPACE_AFTER_PT)
    styled_run(decides, "QUYẾT ĐỊNH:", L.SIZE_BODY, bold=True)
    last: Paragraph | None = None
    for number, article in enumerate(decision.articles, start=1):
        last = _body_para(doc)
        styled_run(last, f"Điều {number}.", L.SIZE_BODY, bold=True)
        styled_run(last, f" {article.text.strip()}", L.SIZE_BODY)
        for text in article.paragraphs:
            last = _body_para(doc)
            styled_run(last, text.strip(), L.SIZE_BODY)
    return last


def _closing(doc: DocxDocument, content: DraftContent) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borderless(table)
    column_widths(table, (L.CLOSING_LEFT_MM, L.CLOSING_RIGHT_MM))
    row_pr = row_element(table, 0).get_or_add_trPr()
    row_pr.append(OxmlElement("w:cantSplit"))
    left, right = table.cell(0, 0), table.cell(0, 1)
    label = _para(left, first=True, align=LEFT, before=L.CLOSING_SPACE_BEFORE_PT)
    styled_run(label, "Nơi nhận:", L.SIZE_RECIPIENTS_LABEL, bold=True, italic=True)
    for line in recipients_lines(content):
        styled_run(_para(left, align=LEFT), line, L.SIZE_RECIPIENTS)
    signer = content.signer
    title = _para(right, first=True, before=L.CLOSING_SPACE_BEFORE_PT)
    if signer is None:
        return
    _lines_run(title, list(signer.title_lines()), L.SIZE_SIGNER, bold=True)
    for _ in range(L.SIGNATURE_BLANK_LINES):
        mark_size(_para(right), L.SIZE_SIGNER)
    styled_run(_para(right), signer.full_name.strip(), L.SIZE_SIGNER, bold=True)
    # The last body paragraph stays on the page of the signature (no lone signature).
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
