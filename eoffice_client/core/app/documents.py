"""Drafting, signing and verifying documents: the ``render``, ``sign`` and ``verify`` commands
and the window's compose, sign and verify steps.

Rendering reads the cache (the document, the directory, the organisation kept by the
sign-in); signing and verifying touch only the files they are given. A PIN or password
comes through a callable, is used once to open the key and is never kept.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.types import json_mapping
from eoffice_client.core.errors import ClientError, InvalidInputError, UnknownIdError
from eoffice_client.core.store import directory, documents, meta, queries
from eoffice_client.core.sync import state

if TYPE_CHECKING:
    from eoffice_client.core.app.chain_types import (
        ChainOutcome,
        ChainProgressCallback,
        ExtendOutcome,
        PreparedDraft,
    )
    from eoffice_client.core.app.types import CancelToken
    from eoffice_client.core.documents.from_document import DraftingDirectory, Organization
    from eoffice_client.core.documents.pdf_box import PdfBox
    from eoffice_client.core.documents.render import RenderResult
    from eoffice_client.core.documents.signing import SignRequest, SignResult
    from eoffice_client.core.documents.signing_fields import NumberAndDate
    from eoffice_client.core.documents.signing_keys import KeySource
    from eoffice_client.core.documents.verify import (  # noqa: F401  (for the faces)
        SignatureReport,
        VerificationReport,
    )
    from eoffice_client.core.security.audit import DetailValue

#: Where IT staff put the national roots for every user of a machine (POSIX).
POSIX_TRUST_DIR = Path("/etc/eoffice-client/trust")
TRUST_DIR_ENV = "EOFFICE_TRUST_DIR"
#: The province or city in an organisation's name: "... tỉnh Lạng Sơn" -> "Lạng Sơn".
_PLACE_IN_NAME = re.compile(r"\b(?:tỉnh|thành phố)\s+(?P<place>.+)$", re.IGNORECASE)
_FILL_NUMBER = re.compile(r"^\s*(?P<number>\d+)\s*(?:/\s*(?P<notation>\S.*?))?\s*$")


@dataclass(frozen=True)
class SignOptions:
    """What ``sign`` is asked to do (cli-v1.md): one key (a PKCS#12 file or a PKCS#11
    library), where and how the signature is drawn, and the number and date to fill."""

    input_path: Path
    output_path: Path
    pkcs12: Path | None = None
    pkcs11: Path | None = None
    token_label: str | None = None
    key_label: str | None = None
    image: Path | None = None
    page: int | None = None  # 1 = the first page, as people count; None: the last
    box: str | None = None  # "x1,y1,x2,y2" in PDF points, origin lower left
    reason: str | None = None
    seal: bool = False  # the organisation's signature, over the leader's (Decree 30, ô 8a)
    fill_number: str | None = None  # "5" or "05/QĐ-UBND"
    fill_date: dt.date | None = None


class DocumentsApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    # --- drafting ------------------------------------------------------------------------
    def render(self, doc_id: str, out_docx: Path, body_file: Path | None = None,
               out_pdf: Path | None = None, *, body_text: str | None = None) -> RenderResult:
        """The cached document ``doc_id`` as a Decree-30 .docx (and PDF): 6 when it is not
        cached, 9 for an unreadable body file or when no converter is installed for the
        PDF (the .docx is written all the same). The body comes from ``body_file`` or,
        as the compose window has it, ``body_text``."""
        from eoffice_client.core.documents.render import read_body_file, render_document

        body = read_body_file(Path(body_file)) if body_file is not None else body_text
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
            if doc is None:
                raise UnknownIdError("cli.unknown_document", id=doc_id)
            drafting = self._drafting_directory(conn)
            today = queries.today_for(conn)
        result = render_document(doc, drafting, today, Path(out_docx), body,
                                 Path(out_pdf) if out_pdf is not None else None)
        self._context.audit.record("exported", document_id=doc_id, detail={
            "what": "docx", "pdf": out_pdf is not None})
        return result

    def drafting_directory(self) -> DraftingDirectory:
        """The organisation, units, users and catalogue as the drafting step needs them."""
        with self._context.store.read() as conn:
            return self._drafting_directory(conn)

    @staticmethod
    def _drafting_directory(conn: Connection) -> DraftingDirectory:
        from eoffice_client.core.documents.from_document import DraftingDirectory

        return DraftingDirectory(
            organization=organization_of(meta.get_meta(conn, state.ORGANIZATION)),
            units=directory.get_units(conn), users=directory.get_users(conn),
            catalog=directory.get_catalog(conn) or {})

    def check_scan(self, path: Path) -> int:
        """The page count of a scanned PDF, JPEG or PNG (9 naming the file and the
        problem when it cannot be joined)."""
        from eoffice_client.core.documents.pdf_merge import check_scan

        return check_scan(Path(path))

    def prepare_for_approval(self, doc_id: str, body_text: str | None = None,
                             folder: Path | None = None, *,
                             cancel: CancelToken | None = None) -> PreparedDraft:
        """The drafter's step: the draft rendered (.docx, kept in ``folder``, by default
        the profile's ``drafts/<id>``), converted to PDF, given the empty number and date
        fields, and queued for upload as the ``main`` attachment (an earlier main PDF of
        the draft is replaced). 6 not cached, 7 not the creator's draft or returned
        document, 9 no converter or a page without "Số: …/…" and its date line;
        ``cancel`` stops it before anything is queued."""
        from eoffice_client.core.app.chain_prepare import prepare_for_approval

        return prepare_for_approval(self._context, self, doc_id, body_text, folder, cancel)

    def sign_for_leader(self, doc_ids: Sequence[str], key: KeySource,
                        secret: Callable[[], str], image: Path, *,
                        progress: ChainProgressCallback | None = None,
                        cancel: CancelToken | None = None,
                        places: Mapping[str, PdfBox] | None = None) -> ChainOutcome:
        """The leader's batch: each document's ``main`` PDF certified (DocMDP 2: the fill
        and the seal stay allowed), the blue signature ``image`` centred in the signer
        block, the seal's empty field made; the signed PDF written into the files cache,
        its upload (role ``signed``) and ``sign`` queued together, offline too. ``secret``
        is asked ONCE for the batch, and only when some document can be signed; a wrong
        PIN or password raises (8) with nothing done. A document that cannot be signed
        gets its error in the outcome and the others go on; a key that goes away mid-batch
        stops the rest (``outcome.stopped_by``). ``progress`` hears each document;
        ``cancel`` stops between documents (the ones done stay queued). ``places`` gives a
        document's signature box as the person moved it on the preview."""
        from eoffice_client.core.app.chain import SigningChain

        return SigningChain(self._context, self.trust_folders()).sign_for_leader(
            doc_ids, key, secret, Path(image), progress=progress, cancel=cancel,
            places=places)

    def issue_numbered(self, doc_ids: Sequence[str], key: KeySource,
                       secret: Callable[[], str], seal_image: Path, *,
                       progress: ChainProgressCallback | None = None,
                       cancel: CancelToken | None = None) -> ChainOutcome:
        """The clerk's batch once ``number`` has come back from the server: the number and
        date (``code_number``, ``code_notation``, ``issued_date``) filled into the leader's
        signed PDF, the organisation's signature applied (the red ``seal_image`` over the
        left third of the leader's), B-LTA added when a timestamp server answers (else
        queued), the final PDF written into the files cache and its upload (role
        ``final``) queued with ``issue``. One secret entry; per-document results as
        :meth:`sign_for_leader`. A document whose number has not come back yet is refused
        (7) with a message saying to sync first."""
        from eoffice_client.core.app.chain import SigningChain

        return SigningChain(self._context, self.trust_folders()).issue_numbered(
            doc_ids, key, secret, Path(seal_image), progress=progress, cancel=cancel)

    def extend_pending(self) -> ExtendOutcome:
        """The queued B-LT/B-LTA steps of signatures made without a timestamp, run now when
        ``Settings.timestamp_url`` is set and answers (each sync runs it before sending);
        the rest wait for the next time."""
        from eoffice_client.core.app.chain_extend import extend_pending

        return extend_pending(self._context, tuple(self.trust_folders()))

    def pending_extensions(self) -> int:
        """How many signed files, not sent yet, wait for their B-LT/B-LTA step."""
        from eoffice_client.core.app.chain_extend import live_entries

        with self._context.store.read() as conn:
            return len(live_entries(conn))

    # --- signing -------------------------------------------------------------------------
    def sign_file(self, options: SignOptions, secret: Callable[[], str]) -> SignResult:
        """Signs ``options.input_path`` into ``options.output_path`` (an incremental update,
        PAdES). ``secret`` gives the password or PIN, asked once, after the options are
        checked. 8 for every failure of the key or the signing, 9 for a bad value; the
        output is written only when signing succeeded."""
        from eoffice_client.core.documents.signing import sign_document
        from eoffice_client.core.documents.signing_session import open_signing_session

        request = sign_request(options)
        how: dict[str, DetailValue] = {
            "with": "pkcs12" if options.pkcs12 is not None else "pkcs11", "seal": options.seal,
            "visible": options.image is not None or options.box is not None}
        try:
            with open_signing_session(key_source(options), secret) as session:
                result = sign_document(session, request)
        except ClientError as exc:
            self._context.audit.record("sign_failed", detail={**how, "code": exc.key})
            raise
        self._context.audit.record("signed", detail=how)
        return result

    # --- verifying -----------------------------------------------------------------------
    def verify_file(self, path: Path, trust: Sequence[Path] = ()) -> VerificationReport:
        """Every signature of ``path``, trusted against the ``trust`` files, the profile's
        trust folder and the machine-wide one, offline (9 when a named file is not there,
        8 when the PDF or an anchor cannot be read; a bad signature is a result)."""
        from eoffice_client.core.documents.verify import verify_pdf

        for named in (path, *trust):
            require_file(Path(named))
        return verify_pdf(Path(path), trust_files=[Path(t) for t in trust],
                          trust_folders=self.trust_folders())

    def trust_folders(self) -> list[Path]:
        """The profile's ``trust`` folder and the machine-wide one (missing ones skipped
        by the verifier)."""
        return [self._context.profile.root / "trust", machine_trust_dir()]


def verification_passed(report: VerificationReport, trust_given: bool) -> bool:
    """cli-v1's exit-0 rule of ``verify``: at least one signature, each intact, and each
    trusted when trust anchors were named on the command line (``--trust``). Anchors
    found only in the trust folders make ``trusted`` true where they vouch, without
    making an untrusted signature a failure."""
    return report.all_intact and (not trust_given or all(s.trusted for s in report.signatures))


def machine_trust_dir() -> Path:
    """``EOFFICE_TRUST_DIR``, else ``%ProgramData%\\eOffice\\trust`` on Windows and
    ``/etc/eoffice-client/trust`` elsewhere."""
    chosen = os.environ.get(TRUST_DIR_ENV)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "eOffice" / "trust"
    return POSIX_TRUST_DIR


def place_from_name(name: str) -> str:
    """The địa danh of a provincial organisation from its name, "" when it has none."""
    found = _PLACE_IN_NAME.search(name.strip())
    return found.group("place").strip() if found else ""


def organization_of(info: object) -> Organization:
    """The issuing organisation from the ``/info`` object the sign-in keeps."""
    from eoffice_client.core.documents.render import organization_from_info

    values = json_mapping(info)
    return organization_from_info(values, place=place_from_name(str(values.get("org_name")
                                                                    or "")))


def key_source(options: SignOptions) -> KeySource:
    from eoffice_client.core.documents.signing_keys import Pkcs11Key, Pkcs12Key

    if options.pkcs12 is not None:
        return Pkcs12Key(Path(options.pkcs12))
    if options.pkcs11 is None:
        raise InvalidInputError("cli_documents.no_key")
    return Pkcs11Key(Path(options.pkcs11), token_label=options.token_label,
                     key_label=options.key_label)


def sign_request(options: SignOptions) -> SignRequest:
    """The engine's request for ``options``: the page counted from 0, the box parsed,
    ``--seal`` as the organisation's role (9 for a bad page, box, number or image)."""
    from eoffice_client.core.documents.signing import SignRequest
    from eoffice_client.core.documents.signing_appearance import SignatureRole

    if options.seal and options.image is None:
        raise InvalidInputError("cli_documents.seal_needs_image")
    for named in (options.input_path, options.image, options.pkcs12):
        if named is not None:
            require_file(Path(named))
    page = _page_index(options)
    return SignRequest(
        input_path=Path(options.input_path), output_path=Path(options.output_path),
        role=SignatureRole.ORGANISATION if options.seal else SignatureRole.PLAIN,
        image=Path(options.image) if options.image is not None else None,
        box=_box(options.box, -1 if page is None else page), page=page,
        reason=options.reason or None, fill=_fill(options))


def require_file(path: Path) -> None:
    """A file named on the command line that is not there is invalid input (9); a file
    that is there but broken is the signing's or the verifier's own failure (8)."""
    if not path.is_file():
        raise InvalidInputError("documents.file_missing", path=str(path))


def _page_index(options: SignOptions) -> int | None:
    """The 0-based page, checked against the PDF's pages when the PDF can be read (a
    broken PDF is the signing's own error, 8)."""
    if options.page is None:
        return None
    pages = _page_count(Path(options.input_path))
    if options.page < 1 or (pages is not None and options.page > pages):
        raise InvalidInputError("signing.page_out_of_range", path=str(options.input_path),
                                page=options.page, pages=pages if pages is not None else "?")
    return options.page - 1


def _page_count(path: Path) -> int | None:
    from eoffice_client.core.documents.errors import DocumentFileError
    from eoffice_client.core.documents.pdf_read import page_count

    try:
        return page_count(path)
    except DocumentFileError:
        return None


def _box(text: str | None, page: int) -> PdfBox | None:
    from eoffice_client.core.documents.signing_place import parse_box

    if text is None:
        return None
    try:
        return parse_box(text, page)
    except ValueError:
        raise InvalidInputError("signing.bad_box", box=text) from None


def _fill(options: SignOptions) -> NumberAndDate | None:
    from eoffice_client.core.documents.signing_fields import NumberAndDate

    if options.fill_number is None and options.fill_date is None:
        return None
    if options.fill_number is None or options.fill_date is None:
        raise InvalidInputError("cli_documents.fill_needs_both")
    found = _FILL_NUMBER.match(options.fill_number)
    if found is None or int(found.group("number")) < 1:
        raise InvalidInputError("signing.bad_number", number=options.fill_number)
    return NumberAndDate(int(found.group("number")), found.group("notation") or "",
                         options.fill_date)
