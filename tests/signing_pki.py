"""A throw-away PKI for the signing tests, made with ``cryptography``.

One root CA issues: the leader's and the organisation's signing certificates, an
expired one, a not-yet-valid one, one without a signing key usage, one that gets
revoked, and a timestamping (TSA) certificate. Keys are RSA 2048 (what Vietnamese CAs
issue). The revocation URLs (CRL distribution point, OCSP in AIA) point at a loopback
server chosen by the caller, so the same PKI serves the offline and the online tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

P12_PASSWORD = "mật-khẩu-thử"
UTC = dt.UTC


@dataclass
class Holder:
    name: str
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    p12: Path

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str, org: str, title: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
    if title:
        parts.append(x509.NameAttribute(NameOID.TITLE, title))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(parts)


class TestPki:
    """Root CA plus named holders; ``issue`` makes more."""

    __test__ = False  # not a pytest class

    def __init__(self, folder: Path, revocation_base_url: str | None = None) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.base_url = revocation_base_url
        self.now = dt.datetime.now(UTC)
        self.root_key = _key()
        root_name = _name("Test Root CA (eOffice)", "Test PKI")
        self.root = (
            x509.CertificateBuilder()
            .subject_name(root_name).issuer_name(root_name)
            .public_key(self.root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(self.now - dt.timedelta(days=3650))
            .not_valid_after(self.now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .sign(self.root_key, hashes.SHA256())
        )
        self.root_pem_path = folder / "root.pem"
        self.root_pem_path.write_bytes(self.root.public_bytes(serialization.Encoding.PEM))
        self.revoked_serials: set[int] = set()
        self.issued: list[x509.Certificate] = []

    def issue(self, label: str, cn: str, org: str, *, title: str | None = None,
              signing_usage: bool = True, days_valid: tuple[int, int] = (-30, 365),
              tsa: bool = False) -> Holder:
        key = _key()
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(cn, org, title)).issuer_name(self.root.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(self.now + dt.timedelta(days=days_valid[0]))
            .not_valid_after(self.now + dt.timedelta(days=days_valid[1]))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        )
        if tsa:
            builder = builder.add_extension(
                x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                critical=True,
            ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                            critical=True)
        elif signing_usage:
            builder = builder.add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True)
        else:
            builder = builder.add_extension(
                x509.KeyUsage(False, False, True, False, False, False, False, False, False),
                critical=True)
        if self.base_url:
            builder = builder.add_extension(x509.CRLDistributionPoints([
                x509.DistributionPoint([x509.UniformResourceIdentifier(
                    f"{self.base_url}/crl")], None, None, None)]), critical=False)
            builder = builder.add_extension(x509.AuthorityInformationAccess([
                x509.AccessDescription(x509.oid.AuthorityInformationAccessOID.OCSP,
                                       x509.UniformResourceIdentifier(
                                           f"{self.base_url}/ocsp"))]), critical=False)
        cert = builder.sign(self.root_key, hashes.SHA256())
        self.issued.append(cert)
        p12 = self.folder / f"{label}.p12"
        p12.write_bytes(pkcs12.serialize_key_and_certificates(
            label.encode(), key, cert, [self.root],
            serialization.BestAvailableEncryption(P12_PASSWORD.encode())))
        return Holder(cn, cert, key, p12)

    # -- revocation, served by tests/integration's loopback server
    def crl_der(self) -> bytes:
        builder = (x509.CertificateRevocationListBuilder()
                   .issuer_name(self.root.subject)
                   .last_update(self.now - dt.timedelta(hours=1))
                   .next_update(self.now + dt.timedelta(days=7)))
        for serial in sorted(self.revoked_serials):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial)
                .revocation_date(self.now - dt.timedelta(minutes=30)).build())
        return builder.sign(self.root_key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER)


def standard_holders(pki: TestPki) -> dict[str, Holder]:
    """The holders every signing test uses (names with full Vietnamese diacritics)."""
    org = "Ủy ban nhân dân tỉnh Thử Nghiệm"
    return {
        "leader": pki.issue("leader", "Nguyễn Văn Lãnh", org, title="Chủ tịch"),
        "org": pki.issue("org", "Ủy ban nhân dân tỉnh Thử Nghiệm", org),
        "expired": pki.issue("expired", "Trần Thị Hết Hạn", org, days_valid=(-400, -1)),
        "future": pki.issue("future", "Lê Văn Chưa Tới", org, days_valid=(10, 400)),
        "no_usage": pki.issue("no_usage", "Phạm Mã Hóa", org, signing_usage=False),
        "tsa": pki.issue("tsa", "Máy chủ dấu thời gian thử", "Test PKI", tsa=True),
    }
