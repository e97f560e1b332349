"""PKCS#11 tokens: where their libraries usually are, which tokens and certificates a
library sees (for the chooser dialog), and opening a logged-in signer on one.

The candidate paths are the usual install places of the token drivers; vendors move
them between versions, so the list only pre-fills the choice (settings or policy give
the real path) and :func:`find_token_libraries` reports which of them exist here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client.core.documents.signing_errors import (
    KeyAccessError,
    TokenLockedError,
    WrongSecretError,
)
from eoffice_client.core.documents.signing_keys import (
    CertificateInfo,
    Pkcs11Key,
    certificate_info,
)

if TYPE_CHECKING:  # pyHanko is imported when a token is opened, not with the core
    from pyhanko.sign.signers.pdf_cms import Signer

_WINDOWS_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("VNPT-CA", r"C:\Windows\System32\vnpt-ca_p11.dll"),
    ("VNPT-CA", r"C:\vnpt-ca\cryptoki.dll"),
    ("Viettel-CA", r"C:\Windows\System32\viettel-ca_v6.dll"),
    ("Viettel-CA", r"C:\Viettel-CA\pkcs11.dll"),
    ("FPT-CA", r"C:\Windows\System32\fpt-ca.dll"),
    ("BkavCA", r"C:\Windows\System32\BkavCA.dll"),
    ("Ban Cơ yếu Chính phủ (VGCA)", r"C:\Windows\System32\vgca_p11.dll"),
    ("SafeNet eToken", r"C:\Windows\System32\eTPKCS11.dll"),
    ("Feitian ePass2003", r"C:\Windows\System32\eps2003csp11.dll"),
    ("OpenSC", r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll"),
    ("SoftHSM2", r"C:\SoftHSM2\lib\softhsm2-x64.dll"),
)
_LINUX_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("VNPT-CA", "/usr/lib/vnpt-ca/libcryptoki.so"),
    ("Viettel-CA", "/usr/lib/viettel-ca/libpkcs11.so"),
    ("SafeNet eToken", "/usr/lib/libeTPkcs11.so"),
    ("Feitian ePass2003", "/usr/lib/libcastle.so.1.0.0"),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
    ("OpenSC", "/usr/lib/opensc-pkcs11.so"),
    ("SoftHSM2", "/usr/lib/softhsm/libsofthsm2.so"),
    ("SoftHSM2", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
)


@dataclass(frozen=True)
class TokenLibrary:
    vendor: str
    path: Path
    exists: bool


@dataclass(frozen=True)
class TokenInfo:
    slot: int
    label: str
    manufacturer: str
    model: str
    serial: str
    locked: bool
    pin_count_low: bool
    pin_final_try: bool


def candidate_token_libraries(platform: str | None = None) -> list[TokenLibrary]:
    """Every usual library path for ``platform`` (default: this one), existing or not."""
    name = platform or sys.platform
    table = _WINDOWS_CANDIDATES if name.startswith("win") else _LINUX_CANDIDATES
    return [TokenLibrary(vendor, Path(path), Path(path).is_file()) for vendor, path in table]


def find_token_libraries(platform: str | None = None) -> list[TokenLibrary]:
    """The usual libraries that are installed on this machine."""
    return [lib for lib in candidate_token_libraries(platform) if lib.exists]


def _load(library: Path):  # type: ignore[no-untyped-def]  # python-pkcs11 is untyped
    import pkcs11

    try:
        return pkcs11.lib(str(library))
    except (OSError, RuntimeError, pkcs11.exceptions.PKCS11Error) as exc:
        raise KeyAccessError("signing.token_library_missing", path=str(library),
                             detail=type(exc).__name__) from None


def _token_info(slot) -> TokenInfo:  # type: ignore[no-untyped-def]
    from pkcs11 import TokenFlag

    token = slot.get_token()
    flags = token.flags
    return TokenInfo(
        slot=int(slot.slot_id), label=str(token.label).strip(),
        manufacturer=str(token.manufacturer_id).strip(), model=str(token.model).strip(),
        serial=(token.serial.decode("ascii", "replace") if isinstance(token.serial, bytes)
                else str(token.serial)).strip(),
        locked=bool(flags & TokenFlag.USER_PIN_LOCKED),
        pin_count_low=bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
        pin_final_try=bool(flags & TokenFlag.USER_PIN_FINAL_TRY),
    )


def list_tokens(library: Path) -> list[TokenInfo]:
    """The tokens plugged in that ``library`` can reach (no PIN needed)."""
    lib = _load(library)
    return [_token_info(slot) for slot in lib.get_slots(token_present=True)]


def _pick_token(key: Pkcs11Key):  # type: ignore[no-untyped-def]
    lib = _load(key.library)
    for slot in lib.get_slots(token_present=True):
        token = slot.get_token()
        if key.slot is not None and int(slot.slot_id) != key.slot:
            continue
        if key.token_label is not None and str(token.label).strip() != key.token_label:
            continue
        return slot, token
    raise KeyAccessError("signing.token_not_found", label=key.token_label or "")


def list_token_certificates(key: Pkcs11Key) -> list[CertificateInfo]:
    """The certificates on the chosen token, read without logging in."""
    from asn1crypto import x509 as asn1_x509
    from pkcs11 import Attribute, ObjectClass

    _slot, token = _pick_token(key)
    with token.open() as session:
        found = []
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            cert = asn1_x509.Certificate.load(bytes(obj[Attribute.VALUE]))
            label = obj[Attribute.LABEL]
            found.append(certificate_info(cert, label=label, key_id=bytes(obj[Attribute.ID])))
        return found


@dataclass
class OpenedToken:
    """A logged-in session and the pyHanko signer over it; close() logs out."""

    session: object
    signer: Signer
    token_label: str

    def close(self) -> None:
        close = getattr(self.session, "close", None)
        if close is not None:
            close()


def _single_key_label(session) -> str | None:  # type: ignore[no-untyped-def]
    from pkcs11 import Attribute, ObjectClass

    labels = [obj[Attribute.LABEL] for obj in
              session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})]
    return labels[0] if len(labels) == 1 else None


def open_token(key: Pkcs11Key, pin: str) -> OpenedToken:
    """Log in once with ``pin`` and build a signer; the PIN is not kept by us."""
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    _slot, token = _pick_token(key)
    info = _token_info(_slot)
    if info.locked:
        raise TokenLockedError("signing.token_locked", token=info.label)
    try:
        session = token.open(user_pin=pin)
    except pkcs11.exceptions.PinLocked:
        raise TokenLockedError("signing.token_locked", token=info.label) from None
    except (pkcs11.exceptions.PinIncorrect, pkcs11.exceptions.PinInvalid,
            pkcs11.exceptions.PinLenRange):
        raise WrongSecretError("signing.wrong_pin", token=info.label) from None
    except pkcs11.exceptions.PKCS11Error as exc:
        raise KeyAccessError("signing.token_error", token=info.label,
                             detail=type(exc).__name__) from None
    label = key.key_label or _single_key_label(session)
    try:
        signer = PKCS11Signer(session, cert_label=label, key_label=label,
                              other_certs_to_pull=None)
        signer.signing_cert  # noqa: B018  # fetches the certificate now: fail early
    except Exception:
        session.close()
        raise KeyAccessError("signing.token_key_not_found", token=info.label,
                             label=key.key_label or "") from None
    return OpenedToken(session=session, signer=signer, token_label=info.label)
