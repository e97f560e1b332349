"""The queued step once online: validation data (certificates, OCSP/CRL) for every
signature in the PDF's DSS (B-LT), then a document timestamp over all of it (B-LTA).

Each step is an incremental update; the signatures already in the file stay valid.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from eoffice_client.core.documents.signing import (
    TimestampServer,
    make_timestamper,
    read_pdf_input,
    write_atomically,
)
from eoffice_client.core.documents.signing_errors import SigningError
from eoffice_client.core.documents.verify_policy import load_trust_anchors, validation_context


@dataclass(frozen=True)
class ExtendResult:
    output_path: Path
    signatures_extended: int
    document_timestamp_added: bool


def _fail(path: Path, exc: BaseException) -> SigningError:
    return SigningError("signing.extend_failed", path=str(path),
                        detail=str(exc)[:160] or type(exc).__name__)


def _add_validation_data(data: bytes, context) -> tuple[bytes, int]:  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import add_validation_info

    count = 0
    current = data
    while True:
        reader = PdfFileReader(io.BytesIO(current), strict=False)
        signatures = [s for s in reader.embedded_signatures if s.sig_object_type == "/Sig"]
        if count >= len(signatures):
            return current, count
        out = io.BytesIO()
        add_validation_info(signatures[count], context, output=out)
        current = out.getvalue()
        count += 1


def _add_document_timestamp(data: bytes, server: TimestampServer,  # type: ignore[no-untyped-def]
                            context) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers import PdfTimeStamper

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    out = io.BytesIO()
    PdfTimeStamper(make_timestamper(server)).timestamp_pdf(
        writer, "sha256", validation_context=context, output=out)
    return out.getvalue()


def extend_signatures(input_path: Path, output_path: Path, server: TimestampServer, *,
                      trust_files: tuple[Path, ...] = (),
                      trust_folders: tuple[Path, ...] = ()) -> ExtendResult:
    """B-LT + B-LTA for a PDF signed offline; raises :class:`SigningError` (exit 8)
    and leaves ``output_path`` unwritten when the services cannot be reached."""
    data = read_pdf_input(input_path)
    anchors = load_trust_anchors(trust_files, trust_folders)
    context = validation_context(anchors, online=True)
    try:
        with_dss, count = _add_validation_data(data, context)
        final = _add_document_timestamp(with_dss, server, context)
    except SigningError:
        raise
    except Exception as exc:
        raise _fail(input_path, exc) from None
    write_atomically(output_path, final)
    return ExtendResult(Path(output_path), count, True)
