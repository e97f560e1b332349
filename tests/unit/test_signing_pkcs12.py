"""Signing with a PKCS#12 key: checked with pyHanko's validator AND poppler's pdfsig."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoffice_client.core.documents.pdf_places import find_number_and_date_places
from eoffice_client.core.documents.signing import SignRequest, sign_batch, sign_document
from eoffice_client.core.documents.signing_appearance import SignatureRole
from eoffice_client.core.documents.signing_errors import (
    BrokenPdfError,
    CertificateNotUsableError,
    SigningError,
    WrongSecretError,
)
from eoffice_client.core.documents.signing_fields import NumberAndDate
from eoffice_client.core.documents.signing_keys import Pkcs12Key
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.core.errors import ExitCode
from tests.signing_fixtures import SigningKit, pdfsig, signing_kit  # noqa: F401  (fixture)
from tests.signing_pki import P12_PASSWORD


def _session(kit: SigningKit, who: str = "leader"):  # type: ignore[no-untyped-def]
    return open_signing_session(Pkcs12Key(kit.holders[who].p12), P12_PASSWORD)


def _verify(kit: SigningKit, path: Path):  # type: ignore[no-untyped-def]
    return verify_pdf(path, trust_files=[kit.pki.root_pem_path])


def _sign_leader(kit: SigningKit, tmp_path: Path) -> Path:
    out, source = tmp_path / "leader.pdf", kit.document()
    with _session(kit) as session:
        sign_document(session, SignRequest(
            source, out, role=SignatureRole.LEADER, image=kit.signature_png,
            certify=True, number_date_places=find_number_and_date_places(source)))
    return out


def _issue(kit: SigningKit, leader_pdf: Path, tmp_path: Path) -> Path:
    out = tmp_path / "final.pdf"
    with _session(kit, "org") as session:
        sign_document(session, SignRequest(
            leader_pdf, out, role=SignatureRole.ORGANISATION, image=kit.seal_png,
            fill=NumberAndDate(5, "QĐ-UBND", dt.date(2026, 2, 5))))
    return out


def test_signature_valid_for_pyhanko_and_pdfsig(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    with _session(kit) as session:
        result = sign_document(session, SignRequest(kit.document(), out,
                                                    image=kit.signature_png))
    assert result.pades_level == "B-B"
    report = _verify(kit, out)
    assert report.ok
    (sig,) = report.signatures
    assert (sig.signer, sig.coverage, sig.trusted, sig.hash_algorithm) == (
        "Nguyễn Văn Lãnh", "entire_file", True, "sha256")
    assert sig.organisation == "Ủy ban nhân dân tỉnh Thử Nghiệm"
    (poppler,) = pdfsig(out)
    assert poppler.valid and poppler.total_document
    assert poppler.common_name == "Nguyễn Văn Lãnh"
    assert poppler.signature_type == "ETSI.CAdES.detached"


def test_one_changed_byte_breaks_it_for_both(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    with _session(kit) as session:
        sign_document(session, SignRequest(kit.document(), out))
    data = bytearray(out.read_bytes())
    at = data.index(b"Trang 1") if b"Trang 1" in data else 200
    data[at + 60] ^= 0x01  # inside the signed range, in the first revision
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    (sig,) = _verify(kit, broken).signatures
    assert not sig.signature_valid and not sig.intact
    (poppler,) = pdfsig(broken)
    assert not poppler.valid


def test_leader_fill_and_seal_all_valid(kit: SigningKit, tmp_path: Path) -> None:
    final = _issue(kit, _sign_leader(kit, tmp_path), tmp_path)
    report = _verify(kit, final)
    leader, org = report.signatures
    assert report.ok
    assert leader.certification_level == 2
    assert leader.changed_after and leader.changes_allowed
    assert leader.modification_level == "form_filling"
    assert org.coverage == "entire_file" and org.signer == "Ủy ban nhân dân tỉnh Thử Nghiệm"
    assert [p.valid for p in pdfsig(final)] == [True, True]
    assert _field_values(final) == {"so_van_ban": "05", "ngay_ban_hanh_ngay": "05",
                                    "ngay_ban_hanh_thang": "02"}
    text = _page_text(final, 0)
    assert "05" in text.replace("2026", "")


def _field_values(path: Path) -> dict[str, str]:
    from pypdf import PdfReader

    fields = PdfReader(path).get_fields() or {}
    return {name: str(field.get("/V")) for name, field in fields.items()
            if field.get("/FT") == "/Tx"}


def _page_text(path: Path, index: int) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-f", str(index + 1), "-l", str(index + 1),
                           str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_rendered_seal_covers_left_third_of_signature(kit: SigningKit, tmp_path: Path) -> None:
    """Render the issued page and look where the red and blue pixels are."""
    import subprocess

    from PIL import Image

    from eoffice_client.core.documents.signing_layout import leader_widget_box
    from eoffice_client.core.documents.signing_session import SigningSession  # noqa: F401

    final = _issue(kit, _sign_leader(kit, tmp_path), tmp_path)
    from pyhanko.pdf_utils.reader import PdfFileReader

    with final.open("rb") as handle:
        box = leader_widget_box(PdfFileReader(handle, strict=False))
    assert box is not None
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "3", "-l", "3", str(final),
                    str(tmp_path / "page")], check=True)
    img = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    height = img.height

    def count(x1: float, x2: float, colour: str) -> int:
        hits = 0
        for x in range(int(x1), int(x2)):
            for y in range(int(height - box.y2), int(height - box.y1)):
                r, g, b = img.getpixel((x, y))
                hits += (r > 150 and g < 90 and b < 90) if colour == "red" else (
                    b > 120 and r < 90)
        return hits

    third = box.x1 + box.width / 3
    assert count(box.x1, third, "red") > 50  # the seal over the left third
    assert count(third + 2, box.x2, "red") == 0  # not beyond it
    assert count(third + 2, box.x2, "blue") > 50  # the signature visible on the right


def test_attachment_gets_text_only_top_right(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "attachment.pdf"
    with _session(kit, "org") as session:
        result = sign_document(session, SignRequest(
            kit.document(pages=1), out, role=SignatureRole.ATTACHMENT,
            main_document_number="05/QĐ-UBND"))
    assert result.box is not None and result.box.page == 0
    assert result.box.y2 > 780 and result.box.x2 > 540  # upper right of an A4 page
    text = _page_text(out, 0)
    assert "05/QĐ-UBND" in text
    stamp = result.signing_time.astimezone(dt.timezone(dt.timedelta(hours=7)))
    assert stamp.strftime("%Y-%m-%dT%H:%M") in text and "+07:00" in text
    assert _verify(kit, out).ok


@pytest.mark.parametrize(("who", "key"), [
    ("expired", "signing.cert_expired"),
    ("future", "signing.cert_not_yet_valid"),
    ("no_usage", "signing.cert_no_signing_usage"),
])
def test_unusable_certificates_refused(kit: SigningKit, who: str, key: str) -> None:
    with pytest.raises(CertificateNotUsableError) as caught:
        _session(kit, who)
    assert caught.value.key == key and caught.value.exit_code is ExitCode.SIGNING_FAILED
    assert kit.holders[who].name in caught.value.message("vi")


def test_wrong_password_clear_and_secret_free(kit: SigningKit) -> None:
    with pytest.raises(WrongSecretError) as caught:
        open_signing_session(Pkcs12Key(kit.holders["leader"].p12), "sai-mật-khẩu-123")
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED
    assert "sai-mật-khẩu-123" not in str(caught.value)
    assert "leader.p12" in caught.value.message("vi")


def test_session_repr_and_errors_hold_no_secret(kit: SigningKit) -> None:
    with _session(kit) as session:
        assert P12_PASSWORD not in repr(session)
        assert P12_PASSWORD not in repr(vars(session))
    with pytest.raises(SigningError) as caught:
        session.pyhanko_signer  # noqa: B018  # closed sessions refuse to sign
    assert caught.value.key == "signing.session_closed"


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.4\n1 0 obj<<>>\n%%EOF"])
def test_broken_pdf_refused_and_nothing_written(kit: SigningKit, tmp_path: Path,
                                                content: bytes) -> None:
    source = tmp_path / "broken.pdf"
    source.write_bytes(content)
    out = tmp_path / "out.pdf"
    with _session(kit) as session, pytest.raises(BrokenPdfError) as caught:
        sign_document(session, SignRequest(source, out))
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED
    assert "broken.pdf" in caught.value.message("vi")
    assert not out.exists() and source.read_bytes() == content
    assert not list(tmp_path.glob(".signing-*"))


def test_existing_output_left_unchanged_on_failure(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous")
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"garbage")
    with _session(kit) as session, pytest.raises(BrokenPdfError):
        sign_document(session, SignRequest(broken, out))
    assert out.read_bytes() == b"previous"


def test_batch_keeps_going_past_a_broken_file(kit: SigningKit, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"garbage")
    good = kit.document("batch.pdf", pages=1)
    requests = [SignRequest(good, tmp_path / "a.pdf"), SignRequest(broken, tmp_path / "b.pdf"),
                SignRequest(good, tmp_path / "c.pdf")]
    with _session(kit) as session:
        results = sign_batch(session, requests)
        assert session.signatures_made == 2
    assert [type(r).__name__ for r in results] == ["SignResult", "BrokenPdfError",
                                                   "SignResult"]


def test_second_signature_keeps_first_valid(kit: SigningKit, tmp_path: Path) -> None:
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    with _session(kit) as session:
        sign_document(session, SignRequest(kit.document(), first))
    with _session(kit, "org") as session:
        sign_document(session, SignRequest(first, second))
    report = _verify(kit, second)
    assert report.ok
    assert [s.coverage for s in report.signatures] == ["entire_revision", "entire_file"]
    assert [p.valid for p in pdfsig(second)] == [True, True]
