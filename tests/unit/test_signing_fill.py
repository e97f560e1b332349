"""The number and date filled into a drafted page after the leader signed it: a real
draft (python-docx, LibreOffice) prepared with the three empty fields, certified by the
leader, then filled and sealed; the page must read "Số: 05/UBND-KT" and "Lạng Sơn, ngày
05 tháng 02 năm 2026" once (pdftotext), with both signatures valid (pyHanko, pdfsig)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from eoffice_client.core.documents.convert import convert_to_pdf
from eoffice_client.core.documents.docx_render import render_docx
from eoffice_client.core.documents.signing import SignRequest, sign_document
from eoffice_client.core.documents.signing_appearance import SignatureRole
from eoffice_client.core.documents.signing_errors import SigningError
from eoffice_client.core.documents.signing_fields import NumberAndDate
from eoffice_client.core.documents.signing_keys import Pkcs12Key
from eoffice_client.core.documents.signing_prepare import add_fields_to_pdf, has_fields
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from tests.signing_fixtures import SigningKit, pdfsig, signing_kit  # noqa: F401  (fixture)
from tests.signing_pki import P12_PASSWORD
from tests.unit.documents_samples import content

A4_HEIGHT = 841.89


@pytest.fixture(scope="module")
def leader_signed(kit: SigningKit, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A công văn drafted on 2026 (number, day and month blank), prepared, then certified."""
    folder = tmp_path_factory.mktemp("fill")
    docx = render_docx(content("CV", number=None, issued=None), folder / "cv.docx")
    draft = convert_to_pdf(docx, folder / "cv.pdf").pdf
    prepared = folder / "prepared.pdf"
    places = add_fields_to_pdf(draft, prepared)
    assert (places.notation, places.year) == ("UBND-KT", 2026)
    assert has_fields(prepared) and not has_fields(draft)
    out = folder / "leader.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["leader"].p12), P12_PASSWORD) as session:
        sign_document(session, SignRequest(prepared, out, role=SignatureRole.LEADER,
                                           image=kit.signature_png, certify=True,
                                           signer_name="Nguyễn Văn Định",
                                           signer_title="PHÓ CHỦ TỊCH"))
    return out


def _issue(kit: SigningKit, source: Path, out: Path, values: NumberAndDate) -> Path:
    with open_signing_session(Pkcs12Key(kit.holders["org"].p12), P12_PASSWORD) as session:
        sign_document(session, SignRequest(source, out, role=SignatureRole.ORGANISATION,
                                           image=kit.seal_png, fill=values))
    return out


def _text(pdf: Path, *mode: str) -> str:
    raw = subprocess.run(["pdftotext", *mode, "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(raw.split())


def _words(pdf: Path) -> list[tuple[str, float, float]]:
    html = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(m.group(3), float(m.group(1)), float(m.group(2))) for m in re.finditer(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


@pytest.mark.parametrize(("values", "number_line", "date_line"), [
    (NumberAndDate(5, "UBND-KT", dt.date(2026, 2, 5)), "Số: 05/UBND-KT",
     "Lạng Sơn, ngày 05 tháng 02 năm 2026"),
    (NumberAndDate(123, "UBND-KT", dt.date(2026, 3, 9)), "Số: 123/UBND-KT",
     "Lạng Sơn, ngày 09 tháng 3 năm 2026"),
    (NumberAndDate(1234, "UBND-KT", dt.date(2026, 12, 31)), "Số: 1234/UBND-KT",
     "Lạng Sơn, ngày 31 tháng 12 năm 2026"),
])
def test_filled_page_reads_the_number_and_date_once(
        kit: SigningKit, leader_signed: Path, tmp_path: Path, values: NumberAndDate,
        number_line: str, date_line: str) -> None:
    final = _issue(kit, leader_signed, tmp_path / "final.pdf", values)
    for mode in ((), ("-layout",)):
        text = _text(final, *mode)
        assert text.count(number_line) == 1, (mode, text[:300])
        assert text.count(date_line) == 1, (mode, text[:300])
        assert text.count("/UBND-KT") == 1 and text.count("Lạng Sơn, ngày") == 1
    words = _words(final)
    so = next(w for w in words if w[0] == "Số:")
    digits = next(w for w in words if w[0] == number_line.split()[1].split("/")[0])
    assert digits[1] - so[2] >= 3.0  # at least a space after "Số:"


def test_number_touches_its_notation_and_day_is_centred(
        kit: SigningKit, leader_signed: Path, tmp_path: Path) -> None:
    final = _issue(kit, leader_signed, tmp_path / "final.pdf",
                   NumberAndDate(5, "UBND-KT", dt.date(2026, 2, 5)))
    words = _words(final)
    number = next(w for w in words if w[0] == "05")
    notation = next(w for w in words if w[0] == "/UBND-KT")
    assert 0.0 <= notation[1] - number[2] < 0.3  # the digits end where the "/" begins
    ngay, thang, nam = (next(w for w in words if w[0] == t) for t in ("ngày", "tháng", "năm"))
    day, month = (w for w in words if w[0] in ("05", "02") and ngay[1] < w[1] < nam[1])
    for before, digits, after in ((ngay, day, thang), (thang, month, nam)):
        left, right = digits[1] - before[2], after[1] - digits[2]
        assert abs(left - right) < 0.6 and 2.5 < left < 5.0  # a space on either side


def test_both_signatures_valid_and_the_fill_an_allowed_change(
        kit: SigningKit, leader_signed: Path, tmp_path: Path) -> None:
    final = _issue(kit, leader_signed, tmp_path / "final.pdf",
                   NumberAndDate(5, "UBND-KT", dt.date(2026, 2, 5)))
    report = verify_pdf(final, trust_files=[kit.pki.root_pem_path])
    leader, org = report.signatures
    assert report.ok and leader.certification_level == 2
    assert leader.changed_after and leader.changes_allowed
    assert leader.modification_level == "form_filling"
    assert org.coverage == "entire_file"
    assert [p.valid for p in pdfsig(final)] == [True, True]


@pytest.mark.parametrize(("values", "given", "printed"), [
    (NumberAndDate(5, "QĐ-UBND", dt.date(2026, 2, 5)), "QĐ-UBND", "UBND-KT"),
    (NumberAndDate(5, "UBND-KT", dt.date(2027, 1, 4)), "2027-01-04", "2026"),
])
def test_a_notation_or_year_other_than_the_signed_one_is_refused(
        kit: SigningKit, leader_signed: Path, tmp_path: Path, values: NumberAndDate,
        given: str, printed: str) -> None:
    out = tmp_path / "final.pdf"
    with pytest.raises(SigningError) as caught:
        _issue(kit, leader_signed, out, values)
    for lang in ("vi", "en"):
        assert given in caught.value.message(lang) and printed in caught.value.message(lang)
    assert not out.exists()


def test_filled_twice_is_refused(kit: SigningKit, leader_signed: Path, tmp_path: Path) -> None:
    values = NumberAndDate(5, "UBND-KT", dt.date(2026, 2, 5))
    final = _issue(kit, leader_signed, tmp_path / "final.pdf", values)
    with pytest.raises(SigningError) as caught:
        _issue(kit, final, tmp_path / "again.pdf", values)
    assert "so_van_ban" in caught.value.message("vi")


def test_a_pdf_without_the_places_is_refused_by_name(kit: SigningKit, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    from eoffice_client.core.documents.errors import DocumentFileError

    blank = tmp_path / "trống.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(blank, "wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentFileError) as caught:
        add_fields_to_pdf(blank, tmp_path / "out.pdf")
    assert "trống.pdf" in caught.value.message("vi") and not (tmp_path / "out.pdf").exists()
