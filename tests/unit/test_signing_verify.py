"""Verification: real signed PDFs from other software agree with pdfsig signature by
signature; SHA-1 is weak, not a crash; objects freed between revisions are tolerated;
``verify --json`` has the contract's shape; Decree-30 number and date texts."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from eoffice_client.core.documents.signing import SignRequest, sign_document
from eoffice_client.core.documents.signing_errors import VerificationError
from eoffice_client.core.documents.signing_keys import Pkcs12Key
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.core.errors import ExitCode
from tests.signing_fixtures import CORPUS, SigningKit, pdfsig, signing_kit  # noqa: F401
from tests.signing_pki import P12_PASSWORD

CORPUS_PDFS = sorted(CORPUS.glob("*.pdf"))
PDFSIG_HASH = {"SHA1": "sha1", "SHA-256": "sha256", "SHA256": "sha256", "SHA-384": "sha384",
               "SHA-512": "sha512"}


def test_corpus_is_there() -> None:
    assert CORPUS_PDFS, f"no signed PDFs in {CORPUS}"


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: p.name[:24])
def test_real_pdfs_agree_with_pdfsig(pdf: Path) -> None:
    report = verify_pdf(pdf)
    poppler = pdfsig(pdf)
    assert len(report.signatures) == len(poppler) > 0
    for ours, theirs in zip(report.signatures, poppler, strict=True):
        assert ours.field_name == theirs.field
        assert ours.signer == theirs.common_name  # pdfsig's name composed (NFC) by the parser
        assert ours.signature_valid == theirs.valid
        assert (ours.coverage == "entire_file") == theirs.total_document
        assert ours.hash_algorithm == PDFSIG_HASH[theirs.hash_algorithm]
        assert ours.subfilter == theirs.signature_type
        assert not ours.trusted  # no anchor given


def test_vgca_2018_details() -> None:
    """The 2018 VGCA guide: SHA-1 (weak), decomposed names, a timestamp token."""
    (sig,) = verify_pdf(CORPUS / "vgca2018_mic_GUIDE_INSTALL_OPENVPN.SIGNED.pdf").signatures
    assert sig.signer == "Đỗ Tiến Thắng" and sig.organisation == "Bộ Thông tin và Truyền thông"
    assert sig.weak_hash and "verify.weak_hash" in sig.warning_keys()
    assert sig.intact and sig.coverage == "entire_file"
    assert sig.time_source == "timestamp"
    assert sig.time == dt.datetime(2018, 1, 2, 15, 15, 25, tzinfo=dt.UTC)
    assert sig.revocation == "unknown"


def _append_free_entry(data: bytes) -> bytes:
    """An incremental update like iText 2.1.7's: an xref "free" entry (generation 65535)
    for an object number it reserved and never wrote, and nothing else."""
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    xref_at = len(data) + 1
    update = (b"\nxref\n%d 1\n0000000000 65535 f \ntrailer\n<< /Size %d /Root %s /Prev %d >>\n"
              b"startxref\n%d\n%%%%EOF\n" % (size, size + 1, root, startxref, xref_at))
    return data + update


def test_freed_objects_between_revisions_tolerated(kit: SigningKit, tmp_path: Path) -> None:
    first = tmp_path / "first.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["leader"].p12), P12_PASSWORD) as s:
        sign_document(s, SignRequest(kit.document(), first, reason="Phê duyệt"))
    freed = tmp_path / "freed.pdf"
    freed.write_bytes(_append_free_entry(first.read_bytes()))
    final = tmp_path / "final.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["org"].p12), P12_PASSWORD) as s:
        sign_document(s, SignRequest(freed, final))
    report = verify_pdf(final, trust_files=[kit.pki.root_pem_path])
    leader, org = report.signatures
    assert leader.objects_freed and "verify.objects_freed" in leader.warning_keys()
    assert leader.intact and leader.changes_allowed
    assert org.intact and report.ok
    assert [p.valid for p in pdfsig(final)] == [True, True]


def test_contract_json_shape(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["leader"].p12), P12_PASSWORD) as s:
        sign_document(s, SignRequest(kit.document(), out))
    untrusted = verify_pdf(out).to_contract_json()
    (entry,) = untrusted["signatures"]
    assert set(entry) >= {"signer", "time", "intact", "trusted", "coverage"}
    assert entry["coverage"] in {"entire_file", "entire_revision", "partial"}
    assert entry["trusted"] is False and entry["intact"] is True
    assert dt.datetime.fromisoformat(str(entry["time"])).tzinfo is not None
    trusted = verify_pdf(out, trust_files=[kit.pki.root_pem_path])
    assert trusted.to_contract_json()["signatures"][0]["trusted"] is True and trusted.ok


def test_trust_folder_and_unreadable_anchor(kit: SigningKit, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["leader"].p12), P12_PASSWORD) as s:
        sign_document(s, SignRequest(kit.document(), out))
    folder = tmp_path / "machine-trust"
    folder.mkdir()
    (folder / "root.crt").write_bytes(kit.pki.root_pem_path.read_bytes())
    assert verify_pdf(out, trust_folders=[folder, tmp_path / "missing"]).signatures[0].trusted
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    with pytest.raises(VerificationError) as caught:
        verify_pdf(out, trust_files=[bad])
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED and "bad.pem" in str(caught.value)


def test_unsigned_and_broken_pdfs(kit: SigningKit, tmp_path: Path) -> None:
    report = verify_pdf(kit.document("unsigned.pdf", pages=1))
    assert report.signatures == () and not report.ok
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 truncated")
    with pytest.raises(VerificationError) as caught:
        verify_pdf(broken)
    assert caught.value.exit_code is ExitCode.SIGNING_FAILED


def test_tampered_content_after_signing_is_not_allowed(kit: SigningKit, tmp_path: Path) -> None:
    """A later revision that rewrites the page's text: pdfsig still calls the signature
    valid (its bytes are unchanged) but the document was modified: not intact."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    out = tmp_path / "signed.pdf"
    with open_signing_session(Pkcs12Key(kit.holders["leader"].p12), P12_PASSWORD) as s:
        sign_document(s, SignRequest(kit.document(pages=1), out))
    writer = IncrementalPdfFileWriter(io.BytesIO(out.read_bytes()))
    page_ref, _resources = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=b"0 0 m 9 9 l S"))
    writer.update_container(page)
    tampered = tmp_path / "tampered.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    tampered.write_bytes(buffer.getvalue())
    (sig,) = verify_pdf(tampered, trust_files=[kit.pki.root_pem_path]).signatures
    assert sig.signature_valid and sig.changed_after
    assert sig.changes_allowed is False and not sig.intact
    assert sig.modification_level == "other"
    assert [p.valid for p in pdfsig(tampered)] == [True]
