"""The chain of an outgoing document through the client: the drafter prepares the PDF for
approval, the leader signs a batch, the clerk fills the number and date and seals.

Contract chain (eoffice-api-v1 section 6): ``approve`` -> ``sign`` (the leader's
``signed`` PDF, uploaded first) -> ``number`` (the server gives số and date) -> ``issue``
(the ``final`` PDF, with the number and the organisation's signature, uploaded first).
Every file is written into the files cache and its upload queued together with its
action in ONE durable transaction, so a batch works offline and loses nothing. A batch
asks the PIN or password once (one signing session); a document that fails gets its
error and the batch goes on, unless the key itself went away.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from eoffice_client.core.app.audit import audited_queue
from eoffice_client.core.app.chain_extend import queue_extension, timestamp_server
from eoffice_client.core.app.chain_types import (
    ChainItem,
    ChainOutcome,
    ChainProgress,
    ChainProgressCallback,
    ChainStep,
    KeySource,
)
from eoffice_client.core.app.changes import ChangesApi, check_action, queue_action, queue_upload
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import CancelToken, JsonObject
from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.signing import SignRequest, TimestampState, sign_document
from eoffice_client.core.documents.signing_appearance import SignatureRole
from eoffice_client.core.documents.signing_errors import KeyAccessError, SigningError
from eoffice_client.core.documents.signing_fields import NumberAndDate
from eoffice_client.core.documents.signing_session import SigningSession, open_signing_session
from eoffice_client.core.errors import ClientError, ExitCode, NotAllowedError, UnknownIdError
from eoffice_client.core.security.filenames import safe_file_name
from eoffice_client.core.store import documents
from eoffice_client.core.sync import outbox

log = logging.getLogger("eoffice.app.signing")

#: Stands for the file a batch is about to upload while the rules are asked beforehand.
_PLANNED = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class _Plan:
    """One document checked and ready to sign: the PDF to sign and what the step needs."""

    document_id: str
    source: Path
    file_stem: str
    request: Callable[[Path], SignRequest]


class NotYetNumbered(ClientError):
    """``number`` is queued or sent but its answer (số, date) has not come back (7)."""

    exit_code = ExitCode.NOT_ALLOWED


class BatchStopped(ClientError):
    """A document of a batch was not tried: the key went away before it (8)."""

    exit_code = ExitCode.SIGNING_FAILED


class BatchCancelled(ClientError):
    """A document of a batch was not tried: the batch was cancelled before it (1)."""


class SigningChain:
    def __init__(self, context: AppContext, trust_folders: Sequence[Path]) -> None:
        self._context = context
        self._changes = ChangesApi(context)
        self._trust_folders = tuple(trust_folders)

    # --- the leader ----------------------------------------------------------------------
    def sign_for_leader(self, doc_ids: Sequence[str], key: KeySource,
                        secret: Callable[[], str], image: Path, *,
                        progress: ChainProgressCallback | None = None,
                        cancel: CancelToken | None = None,
                        places: Mapping[str, PdfBox] | None = None) -> ChainOutcome:
        me = self._changes.me()
        boxes = dict(places or {})

        def plan(doc_id: str) -> _Plan:
            return self._leader_plan(doc_id, me, Path(image), boxes.get(doc_id))

        return self._batch(ChainStep.SIGN, doc_ids, plan, key, secret, progress, cancel,
                           role="signed", action="sign", me=me)

    def _leader_plan(self, doc_id: str, me: Person, image: Path, box: PdfBox | None = None
                     ) -> _Plan:
        from eoffice_client.core.documents.pdf_places import find_number_and_date_places
        from eoffice_client.core.documents.signing_prepare import has_fields

        doc = self._checked(doc_id, "sign", "signed", me)
        main = _one_attachment(doc, "main")
        source = self._file_of(doc_id, main)
        places = None
        if not has_fields(source):  # a PDF made elsewhere: the fields come with the signature
            try:
                places = find_number_and_date_places(source)
            except DocumentFileError as exc:
                raise NotAllowedError("chain.no_number_place", id=doc_id,
                                      detail=exc.message()) from None
        signer = doc.get("signer") if isinstance(doc.get("signer"), Mapping) else {}
        assert isinstance(signer, Mapping)
        name = str(signer.get("full_name") or "") or None
        title = str(signer.get("position") or "") or None

        def request(out: Path) -> SignRequest:
            return SignRequest(source, out, role=SignatureRole.LEADER, image=image,
                               box=box, certify=True, number_date_places=places, signer_name=name,
                               signer_title=title)

        return _Plan(doc_id, source, _stem(main) + "-da-ky", request)

    # --- the clerk -----------------------------------------------------------------------
    def issue_numbered(self, doc_ids: Sequence[str], key: KeySource,
                       secret: Callable[[], str], seal_image: Path, *,
                       progress: ChainProgressCallback | None = None,
                       cancel: CancelToken | None = None) -> ChainOutcome:
        me = self._changes.me()

        def plan(doc_id: str) -> _Plan:
            return self._clerk_plan(doc_id, me, Path(seal_image))

        return self._batch(ChainStep.ISSUE, doc_ids, plan, key, secret, progress, cancel,
                           role="final", action="issue", me=me)

    def _clerk_plan(self, doc_id: str, me: Person, seal: Path) -> _Plan:
        doc = self._checked(doc_id, "issue", "final", me)
        values = _number_and_date(doc)
        signed = _one_attachment(doc, "signed", latest=True)
        source = self._file_of(doc_id, signed)

        def request(out: Path) -> SignRequest:
            return SignRequest(source, out, role=SignatureRole.ORGANISATION, image=seal,
                               fill=values)

        return _Plan(doc_id, source, _code_stem(values), request)

    # --- the batch -----------------------------------------------------------------------
    def _batch(self, step: str, doc_ids: Sequence[str], plan: Callable[[str], _Plan],
               key: KeySource, secret: Callable[[], str],
               progress: ChainProgressCallback | None, cancel: CancelToken | None, *,
               role: str, action: str, me: Person) -> ChainOutcome:
        """Check every document first (no PIN asked for nothing), then open the key once
        and sign, queue, report, one document after the other."""
        items: dict[str, ChainItem] = {}
        ready: list[_Plan] = []
        order = list(dict.fromkeys(doc_ids))  # each document once, in the order given

        def report(item: ChainItem) -> None:
            items[item.document_id] = item
            if progress is not None:
                progress(ChainProgress(step, order.index(item.document_id), len(order), item))

        for doc_id in order:
            try:
                ready.append(plan(doc_id))
            except ClientError as exc:
                report(ChainItem(doc_id, error=exc))
        cancelled, stopped = False, None
        if ready:
            with open_signing_session(key, secret) as session:
                timestamps = TimestampState(timestamp_server(self._context))
                for planned in ready:
                    if cancel is not None and cancel.cancelled:
                        cancelled = True
                        break
                    try:
                        item = self._one(session, timestamps, planned, role, action, me)
                    except KeyAccessError as exc:
                        stopped = exc
                        break
                    except ClientError as exc:
                        item = ChainItem(planned.document_id, error=exc)
                    report(item)
        untried: ClientError = (BatchStopped("chain.stopped_before") if stopped
                                else BatchCancelled("chain.cancelled_before"))
        return ChainOutcome(step, tuple(items.get(d) or ChainItem(d, error=untried)
                                        for d in order), cancelled, stopped)

    def _one(self, session: SigningSession, timestamps: TimestampState, planned: _Plan,
             role: str, action: str, me: Person) -> ChainItem:
        """Sign one document into the files cache and queue its upload and action."""
        context = self._context
        with tempfile.TemporaryDirectory(prefix="signing-", dir=context.profile.root) as tmp:
            out = Path(tmp) / safe_file_name(planned.file_stem + ".pdf", fallback="van-ban.pdf")
            result = sign_document(session, planned.request(out), timestamps=timestamps)
            level = result.pades_level
            if role == "final" and timestamps.reachable and timestamps.server is not None:
                level = self._extend_now(out, timestamps) or level
            upload = self._changes.prepare_upload(out, role)
        attachment_id = str(upload.params["attachment_id"])
        later = level == "B-B"
        context.audit.record("signed", document_id=planned.document_id, detail={
            "role": role, "level": level, "attachment": attachment_id})
        with audited_queue(context) as conn:
            queue_upload(conn, planned.document_id, upload, me)
            row = queue_action(conn, planned.document_id, action,
                               {"attachment_id": attachment_id}, me)
            if later:
                queue_extension(conn, planned.document_id, attachment_id, role)
        log.info("%s of %s queued (%s, attachment %s)", action, planned.document_id, level,
                 attachment_id)
        return ChainItem(planned.document_id, attachment_id, row, level, later)

    def _extend_now(self, pdf: Path, timestamps: TimestampState) -> str | None:
        """B-LTA for the final PDF while the timestamp server answers (None: it did not;
        the step is queued instead)."""
        from eoffice_client.core.documents.signing_extend import extend_signatures

        assert timestamps.server is not None
        extended = pdf.with_name(pdf.stem + ".lta.pdf")
        try:
            extend_signatures(pdf, extended, timestamps.server,
                              trust_folders=self._trust_folders)
        except SigningError as exc:
            log.warning("B-LTA of %s not done now, queued: %s", pdf.name, exc.message("en"))
            return None
        extended.replace(pdf)
        return "B-LTA"

    # --- what each step reads ------------------------------------------------------------
    def _checked(self, doc_id: str, action: str, role: str, me: Person) -> JsonObject:
        """The cached document, refused at once when the rules would refuse ``action``
        with a file of ``role`` (checked with a stand-in for the file to come)."""
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
            if doc is None:
                raise UnknownIdError("cli.unknown_document", id=doc_id)
            if int(doc.get("secrecy") or 0) >= 1:
                raise NotAllowedError("chain.secret_document", id=doc_id)
            planned = copy.deepcopy(doc)
            planned["attachments"] = [*(doc.get("attachments") or []),
                                      {"id": _PLANNED, "role": role}]
            check_action(conn, planned, action, {"attachment_id": _PLANNED}, me)
            if _has_conflict(conn, doc_id):
                raise NotAllowedError("chain.document_in_conflict", id=doc_id)
        return doc

    def _file_of(self, doc_id: str, attachment: Mapping[str, object]) -> Path:
        """The attachment's verified local copy, downloaded now when it is not here."""
        files = self._context.files
        sha = str(attachment.get("sha256") or "")
        name = str(attachment.get("file_name") or "")
        if sha and files.has(sha):
            return self._context.plain_files.plain_path(sha, name)
        from eoffice_client.core.app.sync import SyncApi

        try:
            SyncApi(self._context).fetch_file(str(attachment.get("id")))
            return self._context.plain_files.plain_path(sha, name)
        except ClientError as exc:
            raise ClientError("chain.file_not_here", exc.exit_code, id=doc_id,
                              name=str(attachment.get("file_name") or ""),
                              detail=exc.message()) from None


def _has_conflict(conn: Connection, doc_id: str) -> bool:
    return any(row.state == outbox.CONFLICT for row in outbox.list_rows(conn, doc_id))


def _one_attachment(doc: Mapping[str, object], role: str, *, latest: bool = False
                    ) -> Mapping[str, object]:
    """The document's attachment of ``role``: exactly one (``main``), or the newest
    (``signed``); a clear error naming the document otherwise."""
    found = [a for a in doc.get("attachments") or []  # type: ignore[attr-defined]
             if isinstance(a, Mapping) and a.get("role") == role]
    if not found or (len(found) > 1 and not latest):
        raise NotAllowedError("chain.attachment_count", id=str(doc.get("id")), role=role,
                              count=len(found))
    return max(found, key=lambda a: str(a.get("uploaded_at") or ""))


def _number_and_date(doc: Mapping[str, object]) -> NumberAndDate:
    """What ``number`` gave (code_number, code_notation, issued_date), once the server's
    answer has come back (the queued ``number`` alone does not know them)."""
    number, issued = doc.get("code_number"), doc.get("issued_date")
    if not isinstance(number, int) or number < 1 or not isinstance(issued, str):
        raise NotYetNumbered("chain.not_numbered_yet", id=str(doc.get("id")))
    try:
        day = dt.date.fromisoformat(issued[:10])
    except ValueError:
        raise NotYetNumbered("chain.not_numbered_yet", id=str(doc.get("id"))) from None
    return NumberAndDate(number, str(doc.get("code_notation") or ""), day)


def _stem(attachment: Mapping[str, object]) -> str:
    name = str(attachment.get("file_name") or "van-ban.pdf")
    return name[:-4] if name.lower().endswith(".pdf") else name


def _code_stem(values: NumberAndDate) -> str:
    """``05-QĐ-UBND``: the final PDF named by its number and notation."""
    return re.sub(r"[^\w.-]+", "-", values.code_text().replace("/", "-")).strip("-.")
