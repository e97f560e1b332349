"""Signing a PDF: PAdES B-B offline, B-T with a reachable RFC 3161 timestamp server,
always as an incremental update (earlier signatures stay valid).

One :class:`SignRequest` per document, signed with an open
:class:`~eoffice_client.core.documents.signing_session.SigningSession` (one PIN entry
for a whole batch: :func:`sign_batch`). The output is written only when signing
succeeded (a temporary file renamed over it), so a failure changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.pdf_places import NumberDatePlaces
from eoffice_client.core.documents.signing_appearance import (
    SignatureRole,
    caption_lines,
    image_style,
    iso_vietnam,
    text_style,
)
from eoffice_client.core.documents.signing_errors import (
    BrokenPdfError,
    KeyAccessError,
    SigningError,
)
from eoffice_client.core.documents.signing_fields import (
    NumberAndDate,
    add_number_date_fields,
    check_fits_page,
    fill_number_and_date,
)
from eoffice_client.core.documents.signing_keys import SIGNING_KEY_USAGES
from eoffice_client.core.documents.signing_layout import FIELD_BASE, choose_box, field_name_for
from eoffice_client.core.documents.signing_place import seal_box
from eoffice_client.core.documents.signing_session import SigningSession


@dataclass(frozen=True)
class TimestampServer:
    """An RFC 3161 timestamp server (TSA) from settings or policy."""

    url: str
    timeout_s: float = 5.0


@dataclass(frozen=True)
class SignRequest:
    """One document to sign. ``box`` (explicit) wins over the default place of the role;
    ``page`` is 0-based (-1 the last page). ``number_date_places``: add the empty number
    and date fields there (in the leader's revision) unless the PDF has them already.
    ``fill``: write the server's number and date into those fields. ``signer_name`` and
    ``signer_title`` find the signer block when they are not the certificate's."""

    input_path: Path
    output_path: Path
    role: SignatureRole = SignatureRole.PLAIN
    image: Path | None = None
    box: PdfBox | None = None
    page: int | None = None
    reason: str | None = None
    location: str | None = None
    certify: bool = False
    number_date_places: NumberDatePlaces | None = None
    fill: NumberAndDate | None = None
    main_document_number: str | None = None
    show_caption: bool = False
    signer_name: str | None = None
    signer_title: str | None = None


@dataclass(frozen=True)
class SigningNote:
    """A remark for the person (catalogue key + values), e.g. "no timestamp: offline"."""

    key: str
    values: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        return tr(self.key, lang, **self.values)


@dataclass(frozen=True)
class SignResult:
    output_path: Path
    field_name: str
    pades_level: str  # "B-B" or "B-T"
    signing_time: dt.datetime
    box: PdfBox | None
    certified: bool
    notes: tuple[SigningNote, ...] = ()

    @property
    def needs_timestamp_later(self) -> bool:
        """Signed B-B although a TSA was configured: queue :func:`extend_signatures`."""
        return any(note.key == "signing.timestamp_unreachable" for note in self.notes)


def open_incremental_writer(data: bytes, source: Path):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise BrokenPdfError("signing.broken_pdf", path=str(source),
                             detail=str(exc)[:120] or type(exc).__name__) from None
    if writer.prev.encrypted:
        raise BrokenPdfError("signing.encrypted_pdf", path=str(source))
    try:
        writer.root["/Pages"]  # a PDF without a page tree is broken
        len(writer.prev.root["/Pages"]["/Kids"])
    except (KeyError, TypeError, PdfError) as exc:
        raise BrokenPdfError("signing.broken_pdf", path=str(source),
                             detail=type(exc).__name__) from None
    return writer


def read_pdf_input(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise BrokenPdfError("signing.broken_pdf", path=str(path),
                             detail=exc.strerror or type(exc).__name__) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it; on failure the
    old file (if any) is untouched and no partial file is left."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".signing-", suffix=".pdf",
                                   dir=target.parent if str(target.parent) else ".")
    except OSError as exc:
        raise SigningError("signing.output_unwritable", path=str(target),
                           detail=exc.strerror or type(exc).__name__) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SigningError("signing.output_unwritable", path=str(target),
                           detail=exc.strerror or type(exc).__name__) from None


def _style(request: SignRequest, holder: str, moment: dt.datetime,  # type: ignore[no-untyped-def]
           box: PdfBox | None):
    if request.role is SignatureRole.ATTACHMENT:
        lines = [request.main_document_number or "", iso_vietnam(moment)]
        return text_style([line for line in lines if line])
    if request.image is not None and box is not None:
        caption = caption_lines(holder, moment) if request.show_caption else None
        width, height = (box.as_ints()[2] - box.as_ints()[0], box.as_ints()[3] - box.as_ints()[1])
        return image_style(request.image, width, height, caption)
    return None


def _metadata(request: SignRequest, name: str, certify: bool):  # type: ignore[no-untyped-def]
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata

    return PdfSignatureMetadata(
        field_name=name, md_algorithm="sha256", reason=request.reason,
        location=request.location, certify=certify, docmdp_permissions=MDPPerm.FILL_FORMS,
        subfilter=SigSeedSubFilter.PADES, signer_key_usage=set(SIGNING_KEY_USAGES))


def _run_signer(session: SigningSession, request: SignRequest, writer,  # type: ignore[no-untyped-def]
                timestamper, box: PdfBox | None, name: str, moment: dt.datetime) -> bytes:
    from pyhanko.sign.fields import SigFieldSpec
    from pyhanko.sign.signers import PdfSigner

    style = _style(request, session.certificate.holder_name, moment, box)
    spec = SigFieldSpec(sig_field_name=name, on_page=box.page if box else 0,
                        box=box.as_ints() if box else None)
    signer = PdfSigner(_metadata(request, name, request.certify), session.pyhanko_signer,
                       timestamper=timestamper, stamp_style=style, new_field_spec=spec)
    out = io.BytesIO()
    signer.sign_pdf(writer, output=out)
    return out.getvalue()


def _sign_bytes(session: SigningSession, request: SignRequest, data: bytes,
                timestamper: object | None) -> tuple[bytes, str, PdfBox | None, dt.datetime]:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError as HankoSigningError

    writer = open_incremental_writer(data, request.input_path)
    if request.number_date_places is not None:
        add_number_date_fields(writer, request.number_date_places)
    if request.fill is not None:
        _check_printed(request)
        fill_number_and_date(writer, request.fill, str(request.input_path))
    box = choose_box(writer.prev, data, request, session.certificate)
    name = field_name_for(writer.prev, request.role)
    if request.certify and request.role is SignatureRole.LEADER and box is not None:
        prepare_seal_field(writer, box)
    moment = dt.datetime.now(dt.UTC)
    try:
        signed = _run_signer(session, request, writer, timestamper, box, name, moment)
    except HankoSigningError as exc:
        raise SigningError("signing.failed", detail=str(exc)[:200]) from None
    except PdfError as exc:
        raise BrokenPdfError("signing.broken_pdf", path=str(request.input_path),
                             detail=str(exc)[:120]) from None
    return signed, name, box, moment


def _check_printed(request: SignRequest) -> None:
    """Where the page prints "Số: …/notation" and "năm YYYY", they must be the fill's."""
    from eoffice_client.core.documents.errors import DocumentFileError
    from eoffice_client.core.documents.pdf_places import find_number_and_date_places

    assert request.fill is not None
    try:
        places = find_number_and_date_places(Path(request.input_path))
    except DocumentFileError:
        return  # a page without them (fields placed by hand): nothing to compare
    check_fits_page(places, request.fill, str(request.input_path))


def prepare_seal_field(writer, leader_box: PdfBox) -> None:  # type: ignore[no-untyped-def]
    """An empty signature field for the organisation's seal, created with the leader's
    certification: DocMDP 2 allows signing existing fields, not adding visible ones."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    seal = seal_box(leader_box)
    append_signature_field(writer, SigFieldSpec(
        sig_field_name=FIELD_BASE[SignatureRole.ORGANISATION], on_page=seal.page,
        box=seal.as_ints()))


def _is_timestamp_failure(exc: BaseException) -> bool:
    import asyncio

    import aiohttp
    from pyhanko.sign.timestamps import TimestampRequestError

    return isinstance(exc, TimestampRequestError | aiohttp.ClientError | asyncio.TimeoutError
                      | OSError)


def make_timestamper(server: TimestampServer | None):  # type: ignore[no-untyped-def]
    if server is None:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(server.url, timeout=server.timeout_s)


class TimestampState:
    """Remembers within a batch that the TSA is down, so it is not asked 20 times."""

    def __init__(self, server: TimestampServer | None) -> None:
        self.server = server
        self.reachable = server is not None


def _sign_one(session: SigningSession, request: SignRequest, tsa: TimestampState
              ) -> SignResult:
    if Path(request.output_path).resolve() == Path(request.input_path).resolve():
        raise SigningError("signing.output_is_input", path=str(request.output_path))
    data = read_pdf_input(request.input_path)
    notes: list[SigningNote] = []
    timestamper = make_timestamper(tsa.server) if tsa.reachable else None
    try:
        signed, name, box, moment = _sign_bytes(session, request, data, timestamper)
    except SigningError:
        raise
    except Exception as exc:
        if timestamper is None or not _is_timestamp_failure(exc):
            raise _unexpected(session, exc) from None
        tsa.reachable = False
        signed, name, box, moment = _sign_bytes(session, request, data, None)
    if tsa.server is not None and not tsa.reachable:
        notes.append(SigningNote("signing.timestamp_unreachable", {"url": tsa.server.url}))
    write_atomically(request.output_path, signed)
    session.signatures_made += 1
    return SignResult(output_path=Path(request.output_path), field_name=name,
                      pades_level="B-T" if tsa.reachable and tsa.server else "B-B",
                      signing_time=moment, box=box, certified=request.certify,
                      notes=tuple(notes))


def _unexpected(session: SigningSession, exc: BaseException) -> SigningError:
    """Token trouble mid-batch (unplugged, session closed) or anything else unforeseen;
    the message names the kind of failure, never data that could hold a secret."""
    kind = type(exc).__name__
    if type(exc).__module__.startswith("pkcs11"):
        label = getattr(session.key, "token_label", None) or ""
        return KeyAccessError("signing.token_error", token=label, detail=kind)
    return SigningError("signing.failed", detail=kind)


def sign_document(session: SigningSession, request: SignRequest,
                  timestamp_server: TimestampServer | None = None, *,
                  timestamps: TimestampState | None = None) -> SignResult:
    """Sign one PDF; B-T when ``timestamp_server`` answers, else B-B with a note.
    ``timestamps`` shares what a batch learnt of the server (it wins when given)."""
    return _sign_one(session, request, timestamps or TimestampState(timestamp_server))


def sign_batch(session: SigningSession, requests: Iterable[SignRequest],
               timestamp_server: TimestampServer | None = None, *,
               on_progress: Callable[[int, SignResult], None] | None = None,
               should_stop: Callable[[], bool] | None = None,
               ) -> list[SignResult | SigningError]:
    """Sign many PDFs with one open session (one PIN entry). A document that fails gets
    its error in the list and the batch goes on; ``should_stop`` cancels between
    documents (the ones done stay signed)."""
    tsa = TimestampState(timestamp_server)
    results: list[SignResult | SigningError] = []
    for index, request in enumerate(requests):
        if should_stop is not None and should_stop():
            break
        try:
            result = _sign_one(session, request, tsa)
        except KeyAccessError:
            raise  # the token is gone: no point trying the rest
        except SigningError as exc:
            results.append(exc)
            continue
        results.append(result)
        if on_progress is not None:
            on_progress(index, result)
    return results
