"""A signing session: the key opened ONCE (one PIN or password entry) for a batch.

The secret is asked through a callable at :func:`open_signing_session` and used at once
(PKCS#12: to decrypt the key; PKCS#11: to log in); it is not kept in the session, and
neither the session's repr nor any error text shows it. Closing the session (or leaving
its ``with`` block) logs out of the token and drops the key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from pyhanko.sign.signers.pdf_cms import Signer

from eoffice_client.core.documents.signing_errors import (
    KeyAccessError,
    SigningError,
    WrongSecretError,
)
from eoffice_client.core.documents.signing_keys import (
    CertificateInfo,
    KeySource,
    Pkcs11Key,
    Pkcs12Key,
    certificate_info,
    check_signing_certificate,
)

SecretSource = str | Callable[[], str]


class SigningSession:
    """An opened key for N signatures. Use :func:`open_signing_session` to make one."""

    def __init__(self, signer: Signer, certificate: CertificateInfo, key: KeySource,
                 closer: Callable[[], None] | None = None) -> None:
        self._signer: Signer | None = signer
        self._closer = closer
        self.certificate = certificate
        self.key = key
        self.signatures_made = 0

    def __repr__(self) -> str:
        state = "closed" if self._signer is None else "open"
        return (f"SigningSession({type(self.key).__name__}, "
                f"holder={self.certificate.holder_name!r}, {state})")

    @property
    def pyhanko_signer(self) -> Signer:
        """The pyHanko ``Signer`` (for :mod:`signing`); refuses once closed."""
        if self._signer is None:
            raise SigningError("signing.session_closed")
        return self._signer

    @property
    def is_open(self) -> bool:
        return self._signer is not None

    def close(self) -> None:
        self._signer = None
        closer, self._closer = self._closer, None
        if closer is not None:
            closer()

    def __enter__(self) -> SigningSession:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _secret(source: SecretSource) -> str:
    return source() if callable(source) else source


def _open_pkcs12(key: Pkcs12Key, password: str) -> SigningSession:
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = Path(key.path).read_bytes()
    except OSError as exc:
        raise KeyAccessError("signing.key_file_unreadable", path=str(key.path),
                             detail=exc.strerror or type(exc).__name__) from None
    try:
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=(),
                                               passphrase=password.encode("utf-8"))
    except ValueError:
        raise WrongSecretError("signing.wrong_password", path=str(key.path)) from None
    info = certificate_info(signer.signing_cert)
    return SigningSession(signer, info, key)


def _open_pkcs11(key: Pkcs11Key, pin: str) -> SigningSession:
    from eoffice_client.core.documents.signing_pkcs11 import open_token

    opened = open_token(key, pin)
    signer = opened.signer
    info = certificate_info(signer.signing_cert)
    return SigningSession(signer, info, key, closer=opened.close)


def open_signing_session(key: KeySource, secret: SecretSource, *,
                         now: dt.datetime | None = None) -> SigningSession:
    """Open ``key`` with the PIN/password from ``secret`` (called once) and check that
    its certificate may sign now: valid dates and a signing key usage.

    Raises :class:`WrongSecretError`, :class:`TokenLockedError`, :class:`KeyAccessError`
    or :class:`CertificateNotUsableError` (all exit 8); nothing is held open on error.
    """
    value = _secret(secret)
    session = _open_pkcs12(key, value) if isinstance(key, Pkcs12Key) else _open_pkcs11(
        key, value)
    del value
    try:
        check_signing_certificate(session.certificate, now)
    except SigningError:
        session.close()
        raise
    return session
