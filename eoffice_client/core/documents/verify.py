"""Verifying every signature of any PDF, ours or other software's.

Per signature: signer (name, organisation; NFC), time (the timestamp token's when there
is one, else the claimed signing time), whether the signature itself is sound (what
poppler's ``pdfsig`` calls "Signature is Valid"), whether the document was changed
after it and whether those changes are allowed ones, trust against the given anchors,
revocation where online, coverage, and the hash (SHA-1 is weak but not an error).
:meth:`VerificationReport.to_contract_json` is ``verify --json`` of cli-v1.md.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.signing_errors import VerificationError
from eoffice_client.core.documents.signing_keys import name_summary, nfc
from eoffice_client.core.documents.verify_policy import (
    WEAK_HASHES,
    load_trust_anchors,
    validation_context,
)
from eoffice_client.core.documents.verify_status import summarise

JsonValue = str | bool | int | None


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    kind: str  # "signature" | "document_timestamp"
    signer: str
    organisation: str | None
    time: dt.datetime | None
    time_source: str  # "timestamp" | "claimed" | "none"
    signature_valid: bool  # the bytes signed are unchanged and the signature is sound
    changed_after: bool  # later revisions exist
    changes_allowed: bool | None  # None: nothing changed or not analysable
    modification_level: str | None  # none | lta_updates | form_filling | annotations | other
    certification_level: int | None  # DocMDP 1-3 of a certification signature
    trusted: bool
    revocation: str  # "good" | "revoked" | "unknown"
    coverage: str  # "entire_file" | "entire_revision" | "partial"
    hash_algorithm: str
    weak_hash: bool
    subfilter: str
    objects_freed: bool
    problem: str | None = None  # why it could not be checked at all

    @property
    def intact(self) -> bool:
        """Sound, and nothing changed after it except changes its policy allows."""
        return self.signature_valid and self.changes_allowed is not False

    def warning_keys(self) -> tuple[str, ...]:
        keys = []
        if self.weak_hash:
            keys.append("verify.weak_hash")
        if self.objects_freed:
            keys.append("verify.objects_freed")
        return tuple(keys)

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "signer": self.signer,
            "time": self.time.isoformat() if self.time else None,
            "intact": self.intact,
            "trusted": self.trusted,
            "coverage": self.coverage,
            "field": self.field_name,
            "kind": self.kind,
            "organisation": self.organisation,
            "time_source": self.time_source,
            "signature_valid": self.signature_valid,
            "changed_after": self.changed_after,
            "changes_allowed": self.changes_allowed,
            "modification_level": self.modification_level,
            "certification_level": self.certification_level,
            "revocation": self.revocation,
            "hash_algorithm": self.hash_algorithm,
            "weak_hash": self.weak_hash,
            "subfilter": self.subfilter,
        }


@dataclass(frozen=True)
class VerificationReport:
    path: Path
    signatures: tuple[SignatureReport, ...]
    trust_checked: bool  # at least one anchor was given

    @property
    def all_intact(self) -> bool:
        return bool(self.signatures) and all(s.intact for s in self.signatures)

    @property
    def ok(self) -> bool:
        """The ``verify`` exit-0 rule: each intact, and trusted where anchors are given."""
        return self.all_intact and (not self.trust_checked or
                                    all(s.trusted for s in self.signatures))

    def to_contract_json(self) -> dict[str, list[dict[str, JsonValue]]]:
        return {"signatures": [s.to_json() for s in self.signatures]}


def _reader(data: bytes, path: Path):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise VerificationError("verify.unreadable_pdf", path=str(path),
                                detail=str(exc)[:120] or type(exc).__name__) from None
    return reader, signatures


def _freed_after(reader, revision: int) -> bool:  # type: ignore[no-untyped-def]
    total = reader.xrefs.total_revisions
    return any(reader.xrefs.refs_freed_in_revision(rev) for rev in range(revision + 1, total))


def _unreadable_signature(sig, detail: str) -> SignatureReport:  # type: ignore[no-untyped-def]
    try:
        signer = name_summary(sig.signer_cert.subject)
    except Exception:  # a signature whose CMS cannot even be parsed
        signer = ""
    return SignatureReport(
        field_name=nfc(str(sig.field_name)), kind="signature", signer=signer,
        organisation=None, time=None, time_source="none", signature_valid=False,
        changed_after=False, changes_allowed=None, modification_level=None,
        certification_level=None, trusted=False, revocation="unknown", coverage="partial",
        hash_algorithm="", weak_hash=False, subfilter=str(sig.sig_object.get("/SubFilter", "")),
        objects_freed=False, problem=detail)


def _check_one(reader, sig, context, online: bool) -> SignatureReport:  # type: ignore[no-untyped-def]
    """Validate one signature; the context's algorithm policy (SHA-1 allowed) also
    governs the CMS signature itself."""
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
    from pyhanko.sign.validation.errors import SignatureValidationError

    from eoffice_client.core.documents.verify_policy import (
        signing_key_usage,
        tolerant_diff_policy,
    )

    status: object
    try:
        if sig.sig_object_type == "/DocTimeStamp":
            status = validate_pdf_timestamp(sig, validation_context=context,
                                            diff_policy=tolerant_diff_policy())
        else:
            status = validate_pdf_signature(sig, signer_validation_context=context,
                                            diff_policy=tolerant_diff_policy(),
                                            key_usage_settings=signing_key_usage())
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        return _unreadable_signature(sig, str(exc)[:160] or type(exc).__name__)
    return summarise(sig, status, context, online, _freed_after(reader, sig.signed_revision))


def verify_pdf(path: Path, *, trust_files: Iterable[Path] = (),
               trust_folders: Iterable[Path] = (), online: bool = False) -> VerificationReport:
    """Check every signature and document timestamp of ``path``, oldest first.

    ``trust_files`` (e.g. ``--trust`` options) and ``trust_folders`` (the profile's and
    the machine-wide store) give the anchors; without any, nothing is trusted. Offline,
    revocation is "unknown". Raises :class:`VerificationError` (exit 8) only when the
    PDF or an anchor cannot be read; bad signatures are results.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise VerificationError("verify.unreadable_pdf", path=str(path),
                                detail=exc.strerror or type(exc).__name__) from None
    anchors = load_trust_anchors(trust_files, trust_folders)
    reader, signatures = _reader(data, Path(path))
    reports = []
    for sig in signatures:
        context = validation_context(anchors, online)
        reports.append(_check_one(reader, sig, context, online))
    return VerificationReport(Path(path), tuple(reports), trust_checked=bool(anchors))


__all__ = ["WEAK_HASHES", "SignatureReport", "VerificationReport", "verify_pdf"]
