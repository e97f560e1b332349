"""Every layout value of Phụ lục I read back from the produced .docx, for each type.

The expected values are written here by hand from Decree 30/2020/NĐ-CP Phụ lục I (ranges
as the decree gives them), not taken from the renderer's constants.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from fontTools.ttLib import TTFont

from eoffice_client.core.documents.docx_render import render_docx, render_docx_bytes
from eoffice_client.core.documents.docx_xml import paragraph_element, table_element
from tests.unit.documents_samples import SUBJECTS, TYPES, content

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TYPE_NAMES = {"QD": "QUYẾT ĐỊNH", "TTR": "TỜ TRÌNH", "BC": "BÁO CÁO", "KH": "KẾ HOẠCH",
              "TB": "THÔNG BÁO", "GM": "GIẤY MỜI"}
# Phụ lục I, by hand: (lowest, highest) in points.
QUOC_HIEU_PT = (12, 13)
TIEU_NGU_PT = (13, 14)
ISSUER_PT = (12, 13)
SO_PT = (13, 13)
PLACE_DATE_PT = (13, 14)
TYPE_NAME_PT = (13, 14)
SUBJECT_PT = (13, 14)
CV_SUBJECT_PT = (12, 13)
BODY_PT = (13, 14)
SIGNER_PT = (13, 14)
NOI_NHAN_PT = (12, 12)
NOI_NHAN_ENTRY_PT = (11, 11)


def load(type_code: str, **kwargs: object) -> DocxDocument:
    """The rendered document read back (cached: the tests only read it)."""
    return _load(type_code, tuple(sorted(kwargs.items())))


@lru_cache(maxsize=64)
def _load(type_code: str, kwargs: tuple[tuple[str, object], ...]) -> DocxDocument:
    rendered = render_docx_bytes(content(type_code, **dict(kwargs)))  # type: ignore[arg-type]
    return Document(io.BytesIO(rendered))


def all_paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def paragraph_with(doc: DocxDocument, text: str) -> Paragraph:
    found = [p for p in all_paragraphs(doc) if text in p.text]
    assert found, f"no paragraph holds {text!r}"
    return found[0]


def run_with(doc: DocxDocument, text: str) -> Run:
    for paragraph in all_paragraphs(doc):
        for run in paragraph.runs:
            if text in run.text:
                return run
    raise AssertionError(f"no run holds {text!r}")


def size(run: Run) -> float:
    assert run.font.size is not None
    return run.font.size.pt


def in_range(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] - 1e-6 <= value <= bounds[1] + 1e-6


@lru_cache(maxsize=4)
def ttfont(face: str) -> TTFont:
    return TTFont(FONTS / f"LiberationSerif-{face}.ttf")


def width_mm(text: str, pt: float, face: str) -> float:
    """Independent of the code: the advance width from fontTools."""
    font = ttfont(face)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    units = sum(hmtx[cmap[ord(ch)]][0] for ch in text)
    return units / font["head"].unitsPerEm * pt * 25.4 / 72


def rule_length_mm(paragraph: Paragraph, column_mm: float) -> float:
    fmt = paragraph.paragraph_format
    assert fmt.left_indent is not None and fmt.right_indent is not None
    return column_mm - fmt.left_indent.mm - fmt.right_indent.mm


def next_paragraph(cell_paragraphs: list[Paragraph], text: str) -> Paragraph:
    index = next(i for i, p in enumerate(cell_paragraphs) if text in p.text)
    return cell_paragraphs[index + 1]


def bottom_border(paragraph: Paragraph) -> str | None:
    p_pr = paragraph_element(paragraph).pPr
    border = p_pr.find(qn("w:pBdr")) if p_pr is not None else None
    bottom = border.find(qn("w:bottom")) if border is not None else None
    return bottom.get(qn("w:val")) if bottom is not None else None


def header_table(doc: DocxDocument) -> Table:
    return doc.tables[0]


@pytest.mark.parametrize("type_code", TYPES)
def test_page_is_a4_with_decree_margins(type_code: str) -> None:
    section = load(type_code).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.top_margin is not None and in_range(round(section.top_margin.mm, 1), (20, 25))
    assert section.bottom_margin is not None
    assert in_range(round(section.bottom_margin.mm, 1), (20, 25))
    assert section.left_margin is not None
    assert in_range(round(section.left_margin.mm, 1), (30, 35))
    assert section.right_margin is not None
    assert in_range(round(section.right_margin.mm, 1), (15, 20))


@pytest.mark.parametrize("type_code", TYPES)
def test_every_run_is_times_new_roman_for_every_script(type_code: str) -> None:
    doc = load(type_code)
    runs = [run for p in all_paragraphs(doc) for run in p.runs if run.text.strip()]
    assert len(runs) > 15
    for run in runs:
        fonts = run.element.rPr.find(qn("w:rFonts"))
        assert fonts is not None, run.text
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == "Times New Roman", (run.text, slot)


@pytest.mark.parametrize("type_code", TYPES)
def test_header_is_a_borderless_two_column_table(type_code: str) -> None:
    doc = load(type_code)
    table = header_table(doc)
    assert len(table.columns) == 2
    borders = table_element(table).tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
    assert set(sides) >= {"top", "left", "bottom", "right", "insideH", "insideV"}
    assert all(value in ("nil", "none") for value in sides.values())
    assert table_element(table).find(".//" + qn("w:tcBorders")) is None
    left, right = table.cell(0, 0).text, table.cell(0, 1).text
    assert "ỦY BAN NHÂN DÂN" in left and QUOC_HIEU in right
    assert "Số:" in table.cell(1, 0).text and "ngày" in table.cell(1, 1).text


@pytest.mark.parametrize("type_code", TYPES)
def test_national_name_motto_and_their_rule(type_code: str) -> None:
    doc = load(type_code)
    national, motto = run_with(doc, QUOC_HIEU), run_with(doc, TIEU_NGU)
    assert national.text == national.text.upper() and national.bold
    assert in_range(size(national), QUOC_HIEU_PT)
    assert motto.bold and in_range(size(motto), TIEU_NGU_PT)
    # Footnote 1 of Part I §V: the sizes rise together (13/14/14 or 12/13/13).
    date = run_with(doc, "Lạng Sơn, ngày")
    assert (size(national), size(motto), size(date)) in ((13, 14, 14), (12, 13, 13))
    cell = header_table(doc).cell(0, 1)
    column = cell.width.mm - 2 * 1.9 if cell.width is not None else 0
    rule = next_paragraph(cell.paragraphs, TIEU_NGU)
    assert bottom_border(rule) == "single"
    expected = width_mm(TIEU_NGU, size(motto), "Bold")
    assert abs(rule_length_mm(rule, column) - expected) < 0.05 * expected
    for paragraph in cell.paragraphs:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("type_code", TYPES)
def test_issuer_name_bold_caps_with_a_short_rule(type_code: str) -> None:
    doc = load(type_code)
    cell = header_table(doc).cell(0, 0)
    issuer = next(run for p in cell.paragraphs for run in p.runs if run.text.strip())
    assert issuer.text == issuer.text.upper() and issuer.bold
    assert in_range(size(issuer), ISSUER_PT)
    lines = [r.text.strip() for p in cell.paragraphs for r in p.runs if r.text.strip()]
    assert lines == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]  # broken before the place
    rule = next_paragraph(cell.paragraphs, "TỈNH LẠNG SƠN")
    assert bottom_border(rule) == "single"
    assert cell.width is not None
    length = rule_length_mm(rule, cell.width.mm - 2 * 1.9)
    text_mm = max(width_mm(line, size(issuer), "Bold") for line in lines)
    assert text_mm / 3 - 0.1 <= length <= text_mm / 2 + 0.1


@pytest.mark.parametrize("type_code", TYPES)
def test_number_line(type_code: str) -> None:
    numbered = load(type_code, number=5)
    run = run_with(numbered, "Số:")
    notation = "UBND-KT" if type_code == "CV" else {
        "QD": "QĐ", "TTR": "TTr"}.get(type_code, type_code) + "-UBND"
    assert run.text == f"Số: 05/{notation}"
    assert in_range(size(run), SO_PT) and not run.bold and not run.italic
    assert paragraph_with(numbered, "Số:").alignment == WD_ALIGN_PARAGRAPH.CENTER
    draft = run_with(load(type_code, number=None, issued=None), "Số:")
    number_part = draft.text.split(":", 1)[1].split("/", 1)[0]
    assert number_part.strip() == "" and len(number_part) >= 5
    assert run_with(load(type_code, number=123), "Số:").text == f"Số: 123/{notation}"


@pytest.mark.parametrize("type_code", TYPES)
def test_place_and_date_line(type_code: str) -> None:
    doc = load(type_code, number=5, issued="2026-02-05")
    run = run_with(doc, "Lạng Sơn, ngày")
    assert run.text == "Lạng Sơn, ngày 05 tháng 02 năm 2026"
    assert run.italic and not run.bold and in_range(size(run), PLACE_DATE_PT)
    assert paragraph_with(doc, "Lạng Sơn, ngày").alignment == WD_ALIGN_PARAGRAPH.CENTER
    march = run_with(load(type_code, number=12, issued="2026-03-15"), "Lạng Sơn, ngày").text
    assert march == "Lạng Sơn, ngày 15 tháng 3 năm 2026"
    december = run_with(load(type_code, number=12, issued="2025-12-09"), "Lạng Sơn, ngày").text
    assert december == "Lạng Sơn, ngày 09 tháng 12 năm 2025"
    draft = run_with(load(type_code, number=None, issued=None), "Lạng Sơn, ngày").text
    day = draft.split("ngày", 1)[1].split("tháng", 1)[0]
    month = draft.split("tháng", 1)[1].split("năm", 1)[0]
    assert day.strip() == "" and month.strip() == "" and draft.endswith("năm 2026")


@pytest.mark.parametrize("type_code", [t for t in TYPES if t != "CV"])
def test_type_name_and_subject(type_code: str) -> None:
    doc = load(type_code)
    name = run_with(doc, TYPE_NAMES[type_code])
    assert name.text == TYPE_NAMES[type_code] and name.bold
    assert in_range(size(name), TYPE_NAME_PT)
    subject = run_with(doc, SUBJECTS[type_code])
    assert subject.bold and not subject.italic and in_range(size(subject), SUBJECT_PT)
    for text in (TYPE_NAMES[type_code], SUBJECTS[type_code]):
        assert paragraph_with(doc, text).alignment == WD_ALIGN_PARAGRAPH.CENTER
    paragraphs = list(doc.paragraphs)
    rule = next_paragraph(paragraphs, SUBJECTS[type_code])
    assert bottom_border(rule) == "single"
    length = rule_length_mm(rule, 210 - 30 - 15)
    text_mm = min(width_mm(SUBJECTS[type_code], size(subject), "Bold"), 165)
    assert text_mm / 3 - 0.1 <= length <= text_mm / 2 + 0.1


def test_cong_van_subject_under_the_number() -> None:
    doc = load("CV")
    cell = header_table(doc).cell(1, 0)
    subject = next_paragraph(cell.paragraphs, "Số:")
    assert subject.text == SUBJECTS["CV"]
    run = subject.runs[0]
    assert not run.bold and not run.italic and in_range(size(run), CV_SUBJECT_PT)
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert subject.paragraph_format.space_before is not None
    assert subject.paragraph_format.space_before.pt == 6
    assert not any(p.text.strip() == "CÔNG VĂN" for p in doc.paragraphs)


@pytest.mark.parametrize("type_code", TYPES)
def test_body_paragraphs(type_code: str) -> None:
    doc = load(type_code)
    starts = ("Điều 1.",) if type_code == "QD" else ("Thực hiện Kế hoạch", "Đề nghị các")
    for start in starts:
        paragraph = paragraph_with(doc, start)
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.first_line_indent is not None
        assert round(fmt.first_line_indent.cm, 2) in (1.0, 1.27)
        assert fmt.space_after is not None and fmt.space_after.pt >= 6
        assert isinstance(fmt.line_spacing, float) and 1.0 <= fmt.line_spacing <= 1.5
        for run in paragraph.runs:
            assert in_range(size(run), BODY_PT) and not run.italic
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    assert last.text.endswith("./.")


def test_decision_grounds_and_articles() -> None:
    doc = load("QD")
    # Signed TM. (for the collective): the collective decides; otherwise its head.
    texts = [p.text for p in doc.paragraphs]
    authority = doc.paragraphs[texts.index("QUYẾT ĐỊNH") + 3]  # title, subject, its rule
    assert authority.text == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert authority.runs[0].bold and authority.alignment == WD_ALIGN_PARAGRAPH.CENTER
    grounds = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Theo đề nghị"))]
    assert len(grounds) == 3
    assert [g.text[-1] for g in grounds] == [";", ";", "."]
    for ground in grounds:
        assert all(run.italic for run in ground.runs)
        assert all(in_range(size(run), BODY_PT) for run in ground.runs)
    decides = paragraph_with(doc, "QUYẾT ĐỊNH:")
    assert decides.text == "QUYẾT ĐỊNH:" and decides.runs[0].bold
    for number in (1, 2, 3):
        article = paragraph_with(doc, f"Điều {number}.")
        assert article.runs[0].text == f"Điều {number}." and article.runs[0].bold
        assert not article.runs[1].bold


@pytest.mark.parametrize("type_code", TYPES)
def test_signature_block(type_code: str) -> None:
    doc = load(type_code)
    closing = doc.tables[-1].cell(0, 1)
    lines = [r.text.strip() for p in closing.paragraphs for r in p.runs if r.text.strip()]
    expected = {"QD": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Nghiệm"],
                "TB": ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lương Thị Thu Hà"]}.get(
        type_code, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Định"])
    assert lines == expected
    for paragraph in closing.paragraphs:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            if run.text.strip():
                assert run.bold and in_range(size(run), SIGNER_PT)
    blank = [p for p in closing.paragraphs if not p.text.strip()]
    assert len(blank) >= 3  # room for the signature image and the seal
    assert table_element(doc.tables[-1]).tblPr.find(qn("w:tblBorders")) is not None


@pytest.mark.parametrize("type_code", TYPES)
def test_recipients_block(type_code: str) -> None:
    doc = load(type_code)
    cell = doc.tables[-1].cell(0, 0)
    label = cell.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert label.runs[0].bold and label.runs[0].italic
    assert in_range(size(label.runs[0]), NOI_NHAN_PT)
    entries = [p.text for p in cell.paragraphs[1:]]
    addressed = type_code in ("CV", "TTR", "BC")
    if addressed:
        assert entries == ["- Như trên;", "- Lưu: VT, KT."]
    else:
        assert entries == ["- Sở Tài chính;", "- Sở Kế hoạch và Đầu tư;", "- Lưu: VT, KT."]
    for paragraph in cell.paragraphs[1:]:
        run = paragraph.runs[0]
        assert in_range(size(run), NOI_NHAN_ENTRY_PT) and not run.bold and not run.italic


@pytest.mark.parametrize("type_code", ["CV", "TTR", "BC"])
def test_kinh_gui_lists_the_addressees(type_code: str) -> None:
    doc = load(type_code)
    texts = [p.text for p in doc.paragraphs]
    at = texts.index("Kính gửi:")
    assert texts[at + 1:at + 3] == ["- Sở Tài chính;", "- Sở Kế hoạch và Đầu tư."]
    for paragraph in doc.paragraphs[at:at + 3]:
        assert in_range(size(paragraph.runs[0]), (13, 14)) and not paragraph.runs[0].bold


def test_urgency_and_secrecy_marks() -> None:
    doc = load("CV", urgency=2, secrecy=1)
    cell = header_table(doc).cell(1, 0)
    texts = [p.text for p in cell.paragraphs]
    assert "MẬT" in texts and "THƯỢNG KHẨN" in texts
    assert texts.index("MẬT") < texts.index("THƯỢNG KHẨN")  # ô 10a above ô 10b
    for text in ("MẬT", "THƯỢNG KHẨN"):
        paragraph = cell.paragraphs[texts.index(text)]
        run = paragraph.runs[0]
        assert run.bold and in_range(size(run), (13, 14))
        border = paragraph_element(paragraph).pPr.find(qn("w:pBdr"))
        assert {child.tag.split("}")[1] for child in border} == {"top", "left", "bottom",
                                                                  "right"}
    between = cell.paragraphs[texts.index("MẬT") + 1]
    # two boxes: the paragraph between them has no border
    assert between.text == "" and paragraph_element(between).pPr.find(qn("w:pBdr")) is None
    urgent = run_with(doc, "THƯỢNG KHẨN")
    assert urgent.font.color.rgb is not None and urgent.font.color.rgb[0] > 0xC0
    plain = [p.text for p in header_table(load("CV")).cell(1, 0).paragraphs]
    assert not {"MẬT", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"} & set(plain)


def test_page_number_in_the_top_margin_not_on_page_one() -> None:
    section = load("QD").sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert " PAGE " in [el.text for el in paragraph_element(header).iter(qn("w:instrText"))]
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()


def test_render_writes_the_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "Công văn số 05.docx"
    render_docx(content("CV"), out)
    assert Document(str(out)).tables[0].cell(0, 1).paragraphs[0].text == QUOC_HIEU
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_odd_text_and_an_unwritable_place(tmp_path: Path) -> None:
    from dataclasses import replace

    from eoffice_client.core.documents.errors import DocumentFileError

    odd = replace(content("CV"), subject="V/v \x00bảng\x0b tính\x1f", body=("a\x07b",),
                  issuer_name="", recipients=("",))
    doc = Document(io.BytesIO(render_docx_bytes(odd)))
    assert "V/v bảng tính" in header_table(doc).cell(1, 0).text
    with pytest.raises(DocumentFileError) as caught:
        render_docx(content("CV"), tmp_path / "không có thư mục" / "a.docx")
    assert caught.value.key == "documents.cannot_write" and caught.value.exit_code == 9
