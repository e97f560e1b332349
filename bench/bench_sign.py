"""Signing and verifying against bare pyHanko on the same files with the same key.

Targets (ratios measured in the same run; exit 1 when one is missed):
- one 3-page PDF signed with a PKCS#12 key: at most 1.3x a bare ``sign_pdf``;
- a batch of 20: under 1.5x twenty bare calls;
- verifying a PDF with two signatures: at most 1.3x bare pyHanko validation.
Both sides read the input file and write the output file; each figure is the median
of several rounds. Usage: ``python -m bench.bench_sign [--rounds N]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from eoffice_client.core.documents.signing import SignRequest, sign_batch, sign_document
from eoffice_client.core.documents.signing_keys import Pkcs12Key
from eoffice_client.core.documents.signing_session import open_signing_session
from eoffice_client.core.documents.verify import verify_pdf
from eoffice_client.core.documents.verify_policy import load_trust_anchors
from tests.signing_docs import make_document
from tests.signing_pki import P12_PASSWORD, TestPki

TARGETS = {"sign one": 1.3, "sign batch of 20": 1.5, "verify two signatures": 1.3}
BATCH = 20


def _median(rounds: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare_sign(source: Path, out: Path, signer: signers.SimpleSigner, name: str = "Sig") -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()))
    meta = signers.PdfSignatureMetadata(field_name=name, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES)
    buffer = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=signer, output=buffer)
    out.write_bytes(buffer.getvalue())


def _load_signer(p12: Path) -> signers.SimpleSigner:
    signer = signers.SimpleSigner.load_pkcs12_data(p12.read_bytes(), other_certs=(),
                                                   passphrase=P12_PASSWORD.encode())
    assert signer is not None
    return signer


def measure(folder: Path, rounds: int) -> dict[str, tuple[float, float]]:
    pki = TestPki(folder / "pki")
    holder = pki.issue("bench", "Nguyễn Văn Đo", "Sở Thử Nghiệm", title="Giám đốc")
    other = pki.issue("bench2", "Sở Thử Nghiệm", "Sở Thử Nghiệm")
    source = make_document(folder / "three-pages.pdf", 3)
    key = Pkcs12Key(holder.p12)
    out = folder / "out.pdf"

    def ours_one() -> None:
        with open_signing_session(key, P12_PASSWORD) as session:
            sign_document(session, SignRequest(source, out))

    def bare_one() -> None:
        _bare_sign(source, out, _load_signer(holder.p12))

    outs = [folder / f"batch-{n:02d}.pdf" for n in range(BATCH)]

    def ours_batch() -> None:
        with open_signing_session(key, P12_PASSWORD) as session:
            sign_batch(session, [SignRequest(source, target) for target in outs])

    def bare_batch() -> None:
        signer = _load_signer(holder.p12)
        for target in outs:
            _bare_sign(source, target, signer)

    two = folder / "two.pdf"
    _bare_sign(source, folder / "one.pdf", _load_signer(holder.p12), "First")
    _bare_sign(folder / "one.pdf", two, _load_signer(other.p12), "Second")
    anchors = load_trust_anchors([pki.root_pem_path])

    def ours_verify() -> None:
        assert verify_pdf(two, trust_files=[pki.root_pem_path]).ok

    def bare_verify() -> None:
        with two.open("rb") as handle:
            reader = PdfFileReader(handle)
            for sig in reader.embedded_signatures:
                context = ValidationContext(trust_roots=anchors)
                assert validate_pdf_signature(sig, context).bottom_line

    for warm_up in (ours_one, bare_one, ours_verify, bare_verify):  # imports and caches
        warm_up()
    return {
        "sign one": (_median(rounds, ours_one), _median(rounds, bare_one)),
        "sign batch of 20": (_median(max(1, rounds // 3), ours_batch),
                             _median(max(1, rounds // 3), bare_batch)),
        "verify two signatures": (_median(rounds, ours_verify), _median(rounds, bare_verify)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(Path(tmp), args.rounds)
    missed = []
    for name, (ours, bare) in figures.items():
        ratio = ours / bare
        target = TARGETS[name]
        verdict = "ok" if ratio <= target else "MISSED"
        print(f"{name:24} ours {ours * 1000:8.1f} ms  bare {bare * 1000:8.1f} ms  "
              f"ratio {ratio:5.2f} (target <= {target})  {verdict}")
        if ratio > target:
            missed.append(name)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
