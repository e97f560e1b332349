"""The .docx converted to PDF by LibreOffice for real: Vietnamese text intact, fonts
embedded (also with no font installed on the machine), the number and date found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eoffice_client.core.documents import convert
from eoffice_client.core.documents.convert import Converter, convert_to_pdf
from eoffice_client.core.documents.docx_render import render_docx
from eoffice_client.core.documents.errors import (
    ConversionError,
    ConverterMissingError,
    DocumentFileError,
)
from eoffice_client.core.documents.pdf_places import find_number_and_date_places
from eoffice_client.core.errors import ExitCode
from tests.unit.documents_samples import SUBJECTS, content

A4_HEIGHT = 841.89


def pdftotext(pdf: Path, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """pdftotext -bbox's words as (text, x1, y1, x2, y2) in PDF user space."""
    import re

    html = pdftotext(pdf, "-bbox")
    boxes = []
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                         r"([^<]*)</word>", html):
        x1, top, x2, bottom = (float(v) for v in m.groups()[:4])
        boxes.append((m.group(5), x1, A4_HEIGHT - bottom, x2, A4_HEIGHT - top))
    return boxes


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("converted")
    pdfs = {}
    for name, draft in (("cv_draft", content("CV", number=None, issued=None)),
                        ("qd_numbered", content("QD", number=5, issued="2026-02-05"))):
        docx = render_docx(draft, folder / f"{name}.docx")
        pdfs[name] = convert_to_pdf(docx, folder / f"{name}.pdf").pdf
    return pdfs


def test_pdf_text_keeps_the_vietnamese(converted: dict[str, Path]) -> None:
    text = " ".join(pdftotext(converted["qd_numbered"]).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert SUBJECTS["QD"] in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Hoàng Văn Nghiệm" in text
    assert "Số: 05/QĐ-UBND" in text and "Lạng Sơn, ngày 05 tháng 02 năm 2026" in text
    draft = " ".join(pdftotext(converted["cv_draft"]).split())
    assert "V/v đẩy mạnh chuyển đổi số trong cơ quan nhà nước" in draft
    assert "Nguyễn Văn Định" in draft and "KT. CHỦ TỊCH" in draft


def test_pdf_embeds_its_fonts(converted: dict[str, Path]) -> None:
    listing = subprocess.run(["pdffonts", str(converted["qd_numbered"])], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    assert len(listing) >= 3  # regular, bold, italic at least
    for line in listing:
        columns = line.split()
        name, embedded = columns[0], columns[-5]
        assert embedded == "yes", line
        assert "TimesNewRoman" in name or "LiberationSerif" in name, line


def test_fonts_come_from_the_app_on_a_machine_without_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "nofonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    docx = render_docx(content("GM"), tmp_path / "gm.docx")
    pdf = convert_to_pdf(docx, tmp_path / "gm.pdf").pdf
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "LiberationSerif-Bold" in fonts
    assert "GIẤY MỜI" in pdftotext(pdf)


def _inside(box: object, word: tuple[str, float, float, float, float], slack: float) -> bool:
    _, x1, y1, x2, y2 = word
    return (box.x1 - slack <= x1 and x2 <= box.x2 + slack  # type: ignore[attr-defined]
            and box.y1 - slack <= y1 and y2 <= box.y2 + slack)  # type: ignore[attr-defined]


def test_number_and_date_places_of_a_draft(converted: dict[str, Path]) -> None:
    pdf = converted["cv_draft"]
    places = find_number_and_date_places(pdf)
    words = word_boxes(pdf)
    so = next(w for w in words if w[0] == "Số:")
    slash = next(w for w in words if w[0].startswith("/UBND"))
    assert places.number.page == 0
    assert abs(places.number.x1 - so[3]) < 1.5 and abs(places.number.x2 - slash[1]) < 1.5
    assert places.number.x2 - places.number.x1 > 10  # room for a number
    assert places.number.y1 < so[2] + 3 and places.number.y2 > so[4] - 3  # its line
    ngay = next(w for w in words if w[0] == "ngày")
    thang = next(w for w in words if w[0] == "tháng")
    nam = next(w for w in words if w[0] == "năm")
    year = next(w for w in words if w[0] == "2026" and abs(w[2] - ngay[2]) < 2)
    assert abs(places.date.x1 - ngay[1]) < 1.5 and abs(places.date.x2 - year[3]) < 1.5
    assert abs(places.day.x1 - ngay[3]) < 1.5 and abs(places.day.x2 - thang[1]) < 1.5
    assert abs(places.month.x1 - thang[3]) < 1.5 and abs(places.month.x2 - nam[1]) < 1.5
    for word in (ngay, thang, nam, year):
        assert _inside(places.date, word, 3.0)
    assert places.date.x1 > places.number.x2  # the date is in the right column


def test_number_place_when_numbered(converted: dict[str, Path]) -> None:
    places = find_number_and_date_places(converted["qd_numbered"])
    words = word_boxes(converted["qd_numbered"])
    number = next(w for w in words if w[0].startswith("05/QĐ"))
    assert places.number.x1 <= number[1] + 1.5 < places.number.x2


def test_places_missing_is_a_clear_error(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    blank = tmp_path / "blank.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(blank, "wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentFileError) as caught:
        find_number_and_date_places(blank)
    assert "Số:" in caught.value.message("vi") and caught.value.exit_code == ExitCode(9)


def test_no_converter_is_exit_9_saying_attach_a_pdf(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_converter", lambda: None)
    docx = render_docx(content("TB"), tmp_path / "tb.docx")
    with pytest.raises(ConverterMissingError) as caught:
        convert_to_pdf(docx, tmp_path / "tb.pdf")
    assert caught.value.exit_code == ExitCode.INVALID_INPUT
    assert "LibreOffice" in caught.value.message("vi") and "Word" in caught.value.message("vi")
    assert "attach" in caught.value.message("en")
    assert not (tmp_path / "tb.pdf").exists()


def test_no_converter_found_when_none_is_installed(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(convert, "LIBREOFFICE_FOLDERS", (str(tmp_path),))
    assert convert.find_converter() is None


def test_a_hanging_converter_is_stopped(tmp_path: Path) -> None:
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n")
    script.chmod(0o755)
    docx = render_docx(content("KH"), tmp_path / "kh.docx")
    with pytest.raises(ConversionError) as caught:
        convert_to_pdf(docx, tmp_path / "kh.pdf", timeout_s=1,
                       converter=Converter("libreoffice", script))
    assert "1" in caught.value.message("en") and caught.value.exit_code == ExitCode(9)


def test_a_failing_converter_is_a_clear_error(tmp_path: Path) -> None:
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.stderr.write('Error: source file "
                      "could not be loaded\\n')\nsys.exit(1)\n")
    script.chmod(0o755)
    docx = render_docx(content("KH"), tmp_path / "kh.docx")
    with pytest.raises(ConversionError) as caught:
        convert_to_pdf(docx, tmp_path / "kh.pdf", converter=Converter("libreoffice", script))
    assert "could not be loaded" in caught.value.message("en")


def test_page_numbers_from_page_two_in_the_top_margin(tmp_path: Path) -> None:
    from dataclasses import replace

    long = content("CV")
    long = replace(long, body=long.body * 12)
    pdf = convert_to_pdf(render_docx(long, tmp_path / "long.docx"), tmp_path / "long.pdf").pdf
    first = pdftotext(pdf, "-f", "1", "-l", "1").split()
    second = pdftotext(pdf, "-f", "2", "-l", "2").split()
    assert first[0] != "1" and second[0] == "2"
    top = [w for w in word_boxes(pdf) if w[0] == "2" and w[2] > A4_HEIGHT - 20 * 72 / 25.4]
    assert len(top) == 1 and abs((top[0][1] + top[0][3]) / 2 - (30 + 165 / 2) * 72 / 25.4) < 6


def test_the_date_is_the_one_beside_the_number(tmp_path: Path) -> None:
    from eoffice_client.sandbox.sample_pdf import render_pdf

    pdf = tmp_path / "dates.pdf"
    pdf.write_bytes(render_pdf(["Báo cáo trước ngày 20 tháng 02 năm 2026.", "",
                                "Số: /UBND-VP", "Lạng Sơn, ngày 05 tháng 02 năm 2026", "", "",
                                "Hạn ngày 01 tháng 3 năm 2026."]))
    places = find_number_and_date_places(pdf)
    words = word_boxes(pdf)
    place_line = next(w for w in words if w[0] == "Lạng")
    assert places.date.y1 < place_line[2] + 3 and places.date.y2 > place_line[4] - 3
    assert places.number.y1 > places.date.y2 - 3  # the number's row is just above
