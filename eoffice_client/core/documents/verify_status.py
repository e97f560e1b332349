"""Turning pyHanko's validation status into our plain :class:`SignatureReport`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from eoffice_client.core.documents.signing_keys import name_summary, nfc
from eoffice_client.core.documents.verify_policy import WEAK_HASHES

if TYPE_CHECKING:
    from eoffice_client.core.documents.verify import SignatureReport

_COVERAGE = {"ENTIRE_FILE": "entire_file", "ENTIRE_REVISION": "entire_revision"}


def _organisation(cert) -> str | None:  # type: ignore[no-untyped-def]
    value = cert.subject.native.get("organization_name")
    if isinstance(value, list):
        value = ", ".join(value)
    return nfc(value) if value else None


def _time(status, is_timestamp: bool) -> tuple[dt.datetime | None, str]:  # type: ignore[no-untyped-def]
    if is_timestamp:
        return status.timestamp, "timestamp"
    tst = status.timestamp_validity
    if tst is not None and tst.timestamp is not None:
        return tst.timestamp, "timestamp"
    if status.signer_reported_dt is not None:
        return status.signer_reported_dt, "claimed"
    return None, "none"


def revocation_state(status, context, online: bool) -> str:  # type: ignore[no-untyped-def]
    """"revoked" as pyHanko found it; "good" when online, trusted and revocation data
    for the chain was obtained; else "unknown" (offline is never an error)."""
    if status.revoked:
        return "revoked"
    if online and status.trusted and (context.ocsps or context.crls):
        return "good"
    return "unknown"


def summarise(sig, status, context, online: bool,  # type: ignore[no-untyped-def]
              objects_freed: bool) -> SignatureReport:
    from eoffice_client.core.documents.verify import SignatureReport

    is_timestamp = sig.sig_object_type == "/DocTimeStamp"
    coverage = _COVERAGE.get(status.coverage.name if status.coverage else "", "partial")
    changed = coverage != "entire_file"
    level = status.modification_level
    docmdp = sig.docmdp_level if not is_timestamp else None
    moment, source = _time(status, is_timestamp)
    md = str(status.md_algorithm)
    return SignatureReport(
        field_name=nfc(str(sig.field_name)),
        kind="document_timestamp" if is_timestamp else "signature",
        signer=name_summary(status.signing_cert.subject),
        organisation=_organisation(status.signing_cert),
        time=moment, time_source=source,
        signature_valid=bool(status.intact and status.valid),
        changed_after=changed,
        changes_allowed=(status.docmdp_ok if changed else None),
        modification_level=level.name.lower() if level is not None else None,
        certification_level=int(docmdp.value) if docmdp is not None else None,
        trusted=bool(status.trusted),
        revocation="unknown" if is_timestamp else revocation_state(status, context, online),
        coverage=coverage,
        hash_algorithm=md,
        weak_hash=md.lower() in WEAK_HASHES,
        subfilter=str(sig.sig_object.get("/SubFilter", "")).lstrip("/"),
        objects_freed=objects_freed,
    )
