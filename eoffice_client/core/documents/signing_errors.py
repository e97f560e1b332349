"""The errors of signing and verifying: all exit 8 (cli-v1.md "signing or verification failed").

Each carries a catalogue key (core/messages/signing.py) and values that name the file,
the certificate holder or the token, never a PIN, password or key.
"""

from __future__ import annotations

from eoffice_client.core.errors import ClientError, ExitCode


class SigningError(ClientError):
    """Signing (or preparing a PDF for signing) failed; nothing was written."""

    exit_code = ExitCode.SIGNING_FAILED


class CertificateNotUsableError(SigningError):
    """Expired, not yet valid, or not issued for signing."""


class KeyAccessError(SigningError):
    """Wrong PIN or password, locked token, missing library or key."""


class TokenLockedError(KeyAccessError):
    pass


class WrongSecretError(KeyAccessError):
    """A wrong PIN (token) or password (PKCS#12 file)."""


class BrokenPdfError(SigningError):
    """The input is not a PDF that can be read (or is encrypted)."""


class VerificationError(ClientError):
    """The PDF or a trust anchor could not be read at all (a bad signature is a result)."""

    exit_code = ExitCode.SIGNING_FAILED
