"""Signing keys: where they are (a PKCS#12 file or a PKCS#11 token) and what their
certificates say, for the chooser dialog and for the checks before signing.

No secret lives in these dataclasses: the PIN or password is handed to
:func:`eoffice_client.core.documents.signing_session.open_signing_session` only.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509

from eoffice_client.core.documents.signing_errors import CertificateNotUsableError

#: Key usages that allow a certificate to sign documents (either one suffices).
SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class Pkcs12Key:
    """A key in a PKCS#12 file (.p12/.pfx); its password is asked when a session opens."""

    path: Path


@dataclass(frozen=True)
class Pkcs11Key:
    """A key on a PKCS#11 token. Without labels, the token's only signing key is used."""

    library: Path
    token_label: str | None = None
    key_label: str | None = None
    slot: int | None = None


KeySource = Pkcs12Key | Pkcs11Key


@dataclass(frozen=True)
class CertificateInfo:
    """What a person needs to choose a certificate: holder, issuer, validity, usage."""

    holder_name: str
    organisation: str | None
    title: str | None
    issuer: str
    valid_from: dt.datetime
    valid_to: dt.datetime
    key_usage_ok: bool
    serial_hex: str
    sha256_hex: str
    label: str | None = None
    key_id_hex: str | None = None

    def is_valid_at(self, moment: dt.datetime) -> bool:
        return self.valid_from <= moment <= self.valid_to

    def usable_at(self, moment: dt.datetime) -> bool:
        return self.key_usage_ok and self.is_valid_at(moment)


def nfc(text: str) -> str:
    """Composed Unicode: names from older Vietnamese tools arrive decomposed."""
    return unicodedata.normalize("NFC", text)


def _name_part(name: asn1_x509.Name, key: str) -> str | None:
    value = name.native.get(key)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return nfc(str(value)) if value else None


def name_summary(name: asn1_x509.Name) -> str:
    """The common name, else the whole name, composed (NFC)."""
    return _name_part(name, "common_name") or nfc(name.human_friendly)


def key_usage_allows_signing(cert: asn1_x509.Certificate) -> bool:
    usage = cert.key_usage_value
    if usage is None:  # RFC 5280: no extension means no restriction
        return True
    return bool(set(usage.native) & SIGNING_KEY_USAGES)


def certificate_info(cert: asn1_x509.Certificate, *, label: str | None = None,
                     key_id: bytes | None = None) -> CertificateInfo:
    subject = cert.subject
    validity = cert["tbs_certificate"]["validity"]
    return CertificateInfo(
        holder_name=name_summary(subject),
        organisation=_name_part(subject, "organization_name"),
        title=_name_part(subject, "title"),
        issuer=name_summary(cert.issuer),
        valid_from=validity["not_before"].native,
        valid_to=validity["not_after"].native,
        key_usage_ok=key_usage_allows_signing(cert),
        serial_hex=format(cert.serial_number, "x"),
        sha256_hex=cert.sha256.hex(),
        label=label,
        key_id_hex=key_id.hex() if key_id else None,
    )


def check_signing_certificate(info: CertificateInfo, now: dt.datetime | None = None) -> None:
    """Raise :class:`CertificateNotUsableError` unless ``info`` may sign at ``now``."""
    moment = now or dt.datetime.now(dt.UTC)
    if moment > info.valid_to:
        raise CertificateNotUsableError("signing.cert_expired", holder=info.holder_name,
                                        date=info.valid_to.date().isoformat())
    if moment < info.valid_from:
        raise CertificateNotUsableError("signing.cert_not_yet_valid", holder=info.holder_name,
                                        date=info.valid_from.date().isoformat())
    if not info.key_usage_ok:
        raise CertificateNotUsableError("signing.cert_no_signing_usage",
                                        holder=info.holder_name)
