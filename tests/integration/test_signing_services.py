"""Signing and verifying with network services on loopback: B-T with a timestamp server,
B-B (and a note) when it is down, the queued B-LT/B-LTA step, revocation by OCSP/CRL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eoffice_client.core.documents.signing import (
    SignRequest,
    TimestampServer,
    sign_batch,
    sign_document,
)
from eoffice_client.core.documents.signing_extend import extend_signatures
from eoffice_client.core.documents.signing_keys import Pkcs12Key
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from tests.signing_docs import make_document
from tests.signing_fixtures import pdfsig
from tests.signing_pki import P12_PASSWORD, Holder, TestPki
from tests.signing_services import PkiServices

DOWN = TimestampServer("http://127.0.0.1:9/tsa", timeout_s=2)


@dataclass
class Online:
    services: PkiServices
    pki: TestPki
    good: Holder
    revoked: Holder
    folder: Path


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Online]:
    folder = tmp_path_factory.mktemp("online")
    services = PkiServices()
    pki = TestPki(folder / "pki", revocation_base_url=services.base_url)
    org = "Sở Thử Nghiệm"
    good = pki.issue("good", "Hoàng Văn Tốt", org, title="Giám đốc")
    revoked = pki.issue("revoked", "Đinh Thị Thu Hồi", org)
    pki.revoked_serials.add(revoked.cert.serial_number)
    tsa = pki.issue("tsa", "Máy chủ dấu thời gian thử", "Test PKI", tsa=True)
    services.start(pki, tsa)
    yield Online(services, pki, good, revoked, folder)
    services.stop()


def _sign(holder: Holder, source: Path, out: Path,
          server: TimestampServer | None = None) -> object:
    with open_signing_session(Pkcs12Key(holder.p12), P12_PASSWORD) as session:
        return sign_document(session, SignRequest(source, out), server)


def test_b_t_with_a_reachable_timestamp_server(online: Online, tmp_path: Path) -> None:
    out = tmp_path / "bt.pdf"
    result = _sign(online.good, make_document(tmp_path / "d.pdf", 1), out,
                   TimestampServer(online.services.tsa_url))
    assert result.pades_level == "B-T" and not result.notes  # type: ignore[attr-defined]
    (sig,) = verify_pdf(out, trust_files=[online.pki.root_pem_path]).signatures
    assert sig.time_source == "timestamp" and sig.intact and sig.trusted
    assert [p.valid for p in pdfsig(out)] == [True]


def test_unreachable_timestamp_server_gives_b_b_and_a_note(online: Online,
                                                           tmp_path: Path) -> None:
    source = make_document(tmp_path / "d.pdf", 1)
    with open_signing_session(Pkcs12Key(online.good.p12), P12_PASSWORD) as session:
        results = sign_batch(session, [SignRequest(source, tmp_path / f"{n}.pdf")
                                       for n in range(3)], DOWN)
    for result in results:
        assert result.pades_level == "B-B"  # type: ignore[union-attr]
        assert result.needs_timestamp_later  # type: ignore[union-attr]
        assert "127.0.0.1:9" in result.notes[0].message("vi")  # type: ignore[union-attr]
    assert verify_pdf(tmp_path / "2.pdf", trust_files=[online.pki.root_pem_path]).ok


def test_queued_extension_adds_validation_data_and_document_timestamp(
        online: Online, tmp_path: Path) -> None:
    signed, extended = tmp_path / "bb.pdf", tmp_path / "lta.pdf"
    _sign(online.good, make_document(tmp_path / "d.pdf", 1), signed)
    result = extend_signatures(signed, extended, TimestampServer(online.services.tsa_url),
                               trust_files=(online.pki.root_pem_path,))
    assert result.signatures_extended == 1 and result.document_timestamp_added
    assert b"/DSS" in extended.read_bytes()
    report = verify_pdf(extended, trust_files=[online.pki.root_pem_path])
    assert [s.kind for s in report.signatures] == ["signature", "document_timestamp"]
    assert all(s.intact for s in report.signatures)
    assert report.signatures[0].modification_level == "lta_updates"
    signature, timestamp = pdfsig(extended)
    assert signature.valid  # poppler 22.12 lists, but cannot check, RFC 3161 timestamps
    assert timestamp.common_name == "Máy chủ dấu thời gian thử"


def test_revoked_certificate_reported_revoked(online: Online, tmp_path: Path) -> None:
    out = tmp_path / "revoked.pdf"
    _sign(online.revoked, make_document(tmp_path / "d.pdf", 1), out)
    (sig,) = verify_pdf(out, trust_files=[online.pki.root_pem_path], online=True).signatures
    assert sig.revocation == "revoked" and not sig.trusted
    assert online.services.requests["ocsp"] + online.services.requests["crl"] > 0


def test_good_certificate_online_and_offline(online: Online, tmp_path: Path) -> None:
    out = tmp_path / "good.pdf"
    _sign(online.good, make_document(tmp_path / "d.pdf", 1), out)
    (live,) = verify_pdf(out, trust_files=[online.pki.root_pem_path], online=True).signatures
    assert live.revocation == "good" and live.trusted
    (offline,) = verify_pdf(out, trust_files=[online.pki.root_pem_path]).signatures
    assert offline.revocation == "unknown" and offline.trusted
