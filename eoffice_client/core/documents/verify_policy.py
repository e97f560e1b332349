"""The validation settings for PDFs from the Vietnamese administration.

- Trust anchors come only from the caller (the profile's store plus the machine-wide
  folder IT fills with the national roots): never the OS store.
- SHA-1 is accepted for validation (older VGCA tools sign with it) and reported as weak.
- iText 2.1.7, used by Vietnamese signing tools, writes "free" xref entries for object
  numbers it reserved but never wrote when it appends the next signature. pyHanko's
  default difference analysis rejects any freeing; here freeing is allowed, and a freed
  object still counts as a change to explain, so only numbers nothing refers to (dead
  ones) pass, while freeing an object the document uses is still "modified".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eoffice_client.core.documents.signing_errors import VerificationError

WEAK_HASHES = frozenset({"md2", "md5", "sha1"})
#: Hashes too broken to accept at all even for old documents.
REFUSED_HASHES = frozenset({"md2", "md5"})


def algorithm_policy():
    from pyhanko.sign.validation.utils import CMSAlgorithmUsagePolicy
    from pyhanko_certvalidator.policy_decl import DisallowWeakAlgorithmsPolicy

    return CMSAlgorithmUsagePolicy.lift_policy(
        DisallowWeakAlgorithmsPolicy(weak_hash_algos=REFUSED_HASHES))


def tolerant_diff_policy():
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, StandardDiffPolicy

    return StandardDiffPolicy(global_rules=DEFAULT_DIFF_POLICY.global_rules,
                              form_rule=DEFAULT_DIFF_POLICY.form_rule,
                              reject_object_freeing=False)


def signing_key_usage():
    from pyhanko.sign.validation import KeyUsageConstraints

    return KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"},
                               match_all_key_usages=False)


def _load_certificates(path: Path) -> list[object]:
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise VerificationError("verify.unreadable_anchor", path=str(path),
                                detail=exc.strerror or type(exc).__name__) from None
    try:
        if pem.detect(data):
            return [asn1_x509.Certificate.load(der) for _type, _hdr, der in pem.unarmor(
                data, multiple=True)]
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018  # parses now: a broken file fails here, not later
        return [cert]
    except (ValueError, TypeError) as exc:
        raise VerificationError("verify.unreadable_anchor", path=str(path),
                                detail=type(exc).__name__) from None


def load_trust_anchors(files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> list[object]:
    """Certificates from PEM/DER files and from every .pem/.crt/.cer/.der in folders
    (missing folders are skipped: the machine-wide one may not exist)."""
    anchors: list[object] = []
    for file in files:
        anchors.extend(_load_certificates(Path(file)))
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if entry.suffix.lower() in {".pem", ".crt", ".cer", ".der"} and entry.is_file():
                anchors.extend(_load_certificates(entry))
    return anchors


def validation_context(anchors: list[object], online: bool):  # type: ignore[no-untyped-def]
    """Online: OCSP/CRL are fetched (soft-fail: unreachable means "unknown")."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=anchors, allow_fetching=online, revocation_mode="soft-fail",
        algorithm_usage_policy=algorithm_policy())
