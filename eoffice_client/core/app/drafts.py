"""The compose window's part of the application API (``app.drafts``): a draft saved as a
queued create or a merge patch of what changed (offline too), its body text kept on this
machine, a PDF made elsewhere attached as the main file, and the quyết định's body split
into its căn cứ lines and articles by the renderer's own parser.

The body is not a field of the contract's Document (eoffice-api-v1.md section 4): the
server never sees it, only the PDF made from it. It is kept in the cache's ``meta``
table under ``draft_body/<document id>``, so it is encrypted at rest with the cache, and
it goes when the document is discarded here or the cache is wiped.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eoffice_client.core.app.audit import audited_queue
from eoffice_client.core.app.changes import ChangesApi, queue_upload
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.app.creation import CREATE_FIELDS, may_edit
from eoffice_client.core.app.records import Person
from eoffice_client.core.app.types import JsonObject
from eoffice_client.core.domain.enums import Direction
from eoffice_client.core.errors import InvalidInputError, NotAllowedError, UnknownIdError
from eoffice_client.core.store import documents, meta
from eoffice_client.core.sync import outbox

BODY_KEY = "draft_body/"
#: Longest body kept (characters): far above any administrative document.
MAX_BODY = 200_000
DRAFT_DIRECTIONS = (Direction.OUTGOING.value, Direction.INTERNAL.value)
_ARTICLE_START = re.compile(r"^Điều\s+\d+\s*[.:]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class DraftInput:
    """What the compose form holds: the create's fields (contract section 6) and the body."""

    direction: str
    type_code: str
    subject: str
    fields: JsonObject = field(default_factory=dict)
    body: str = ""


@dataclass(frozen=True)
class SavedDraft:
    document_id: str
    created: bool  # a create was queued; else a patch (or nothing, when nothing changed)
    patched: tuple[str, ...] = ()  # the fields the queued patch changes


@dataclass(frozen=True)
class DecisionParts:
    """A quyết định's body: its căn cứ lines and its articles (each its lines)."""

    grounds: tuple[str, ...]
    articles: tuple[tuple[str, ...], ...]


class DraftsApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._changes = ChangesApi(context)

    def save(self, doc_id: str | None, draft: DraftInput) -> SavedDraft:
        """Creates the draft (``doc_id`` None) or queues a merge patch of the fields that
        differ from the cached document; the body is kept locally in the same step. 7 when
        the user may not change it now, 9 for a bad value (nothing is saved then)."""
        if draft.direction not in DRAFT_DIRECTIONS:
            raise InvalidInputError("sync.bad_value", field="direction", value=draft.direction)
        if len(draft.body) > MAX_BODY:
            raise InvalidInputError("drafts.body_too_long", limit=MAX_BODY)
        if doc_id is None:
            return self._create(draft)
        return self._update(doc_id, draft)

    def _create(self, draft: DraftInput) -> SavedDraft:
        new_id = str(uuid.uuid4())
        self._keep_body(new_id, draft.body)
        try:
            self._changes.new_document(draft.direction, draft.type_code, draft.subject,
                                       {**draft.fields, "id": new_id})
        except Exception:
            self._forget_body(new_id)
            raise
        return SavedDraft(new_id, created=True)

    def _update(self, doc_id: str, draft: DraftInput) -> SavedDraft:
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
        if doc is None:
            raise UnknownIdError("cli.unknown_document", id=doc_id)
        if not may_edit(doc, self._changes.me()):
            raise NotAllowedError("drafts.not_editable", status=str(doc.get("status")))
        if doc.get("direction") != draft.direction:
            raise InvalidInputError("drafts.direction_fixed")
        patch = changed_fields(doc, draft)
        if patch:
            self._changes.patch_document(doc_id, patch)
        self._keep_body(doc_id, draft.body)
        return SavedDraft(doc_id, created=False, patched=tuple(sorted(patch)))

    def body(self, doc_id: str) -> str:
        """The body kept for this draft ("" when none was kept here)."""
        with self._context.store.read() as conn:
            value = meta.get_meta(conn, BODY_KEY + doc_id)
        return value if isinstance(value, str) else ""

    def _keep_body(self, doc_id: str, text: str) -> None:
        with self._context.store.durable() as conn:
            meta.set_meta(conn, BODY_KEY + doc_id, text)

    def _forget_body(self, doc_id: str) -> None:
        with self._context.store.durable() as conn:
            meta.delete_meta(conn, BODY_KEY + doc_id)

    def editable(self, doc_id: str) -> bool:
        """Whether the signed-in user may change this draft now (the creator, while it is
        a draft or returned): else the compose window shows it read-only."""
        me = self._context.me()
        with self._context.store.read() as conn:
            doc = documents.get_document(conn, doc_id)
        return doc is not None and me is not None and may_edit(doc, me)

    def converter(self) -> str | None:
        """The program that makes the PDF for approval ("LibreOffice", "Microsoft Word"),
        None when neither is installed (the drafter attaches a PDF made elsewhere)."""
        from eoffice_client.core.documents.convert import find_converter

        found = find_converter()
        return found.label if found is not None else None

    def attach_main(self, doc_id: str, pdf: Path) -> str:
        """A PDF made elsewhere as the draft's ``main`` file, replacing an earlier one
        (``approve`` needs exactly one); 9 naming the problem when it is no readable PDF."""
        from eoffice_client.core.app.chain_prepare import replace_earlier_mains
        from eoffice_client.core.documents.pdf_read import page_count

        page_count(Path(pdf))  # a clear error for a broken, encrypted or empty file
        upload = self._changes.prepare_upload(Path(pdf), "main")
        me = self._changes.me()
        with audited_queue(self._context, removed="cancelled") as conn:
            replace_earlier_mains(conn, doc_id)
            queue_upload(conn, doc_id, upload, me)
        return str(upload.params["attachment_id"])

    def attach_appendix(self, doc_id: str, path: Path) -> str:
        """A phụ lục file, queued for upload (``changes.attach`` with role appendix)."""
        return self._changes.attach(doc_id, Path(path), "appendix")

    def discard(self, doc_id: str) -> str:
        """Queues ``discard`` (the rules' checks first) and forgets the kept body."""
        row_id = self._changes.act(doc_id, "discard", {})
        self._forget_body(doc_id)
        return row_id

    def pending_files(self, doc_id: str) -> int:
        """Uploads of this draft not sent yet (the window says they go at the next sync)."""
        with self._context.store.read() as conn:
            return sum(1 for row in outbox.list_rows(conn, doc_id) if row.kind == "upload")


def changed_fields(doc: Mapping[str, object], draft: DraftInput) -> JsonObject:
    """The merge patch from the cached ``doc`` to the form: only what differs; a field
    the form empties is sent as null (RFC 7396)."""
    wanted: JsonObject = {"type_code": draft.type_code, "subject": draft.subject.strip(),
                          **{k: v for k, v in draft.fields.items() if k in CREATE_FIELDS}}
    return {name: value for name, value in wanted.items() if _differs(doc.get(name), value)}


def _differs(cached: object, wanted: object) -> bool:
    empty: tuple[object, ...] = (None, "", [], {})
    if cached in empty and wanted in empty:
        return False
    return cached != wanted


def decision_parts(text: str) -> DecisionParts:
    """A quyết định's body as the renderer reads it: the lines before the first
    "Điều N." are its căn cứ, each "Điều N." starts an article ("Điều N." removed)."""
    from eoffice_client.core.documents.from_document import parse_body

    parsed = parse_body(text, "QD")
    if parsed.decision is None:
        return DecisionParts(parsed.paragraphs, ())
    return DecisionParts(parsed.decision.grounds, tuple(
        (article.text, *article.paragraphs) for article in parsed.decision.articles))


def decision_text(grounds: Sequence[str], articles: Sequence[Sequence[str]]) -> str:
    """The body text of a quyết định from its căn cứ lines and articles: the form the
    renderer's parser reads back (:func:`decision_parts`)."""
    lines = [" ".join(g.split()) for g in grounds if g.strip()]
    number = 0
    for article in articles:
        kept = [" ".join(line.split()) for line in article if line.strip()]
        if not kept:
            continue
        number += 1
        lines.append(f"Điều {number}. {_ARTICLE_START.sub('', kept[0])}")
        lines.extend(kept[1:])
    return "\n".join(lines)


def leaders(people: Sequence[Person]) -> list[Person]:
    """Active leaders of the directory, by name: the signers the form offers."""
    found = [p for p in people if p.active and p.has_role("leader")]
    return sorted(found, key=lambda p: p.name)
