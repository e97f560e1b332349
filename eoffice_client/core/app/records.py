"""Typed views of what the cache holds: people, units, the catalogue and whole documents.

Built from the contract's JSON (eoffice-api-v1.md section 4) as cached; reading is
tolerant (a missing or odd field takes its empty value), because the data was already
checked when it arrived and a view must never fail on an old cache.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from eoffice_client.core.app.types import JsonObject, json_mapping
from eoffice_client.core.domain.numbering import code_text


def _s(data: Mapping[str, object], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _opt(data: Mapping[str, object], name: str) -> str | None:
    value = data.get(name)
    return value if isinstance(value, str) and value else None


def _int(data: Mapping[str, object], name: str) -> int | None:
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _strings(value: object) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _objects(value: object) -> list[Mapping[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Person:
    id: str
    username: str = ""
    full_name: str = ""
    title: str = ""
    unit_id: str | None = None
    roles: tuple[str, ...] = ()
    active: bool = True

    @property
    def name(self) -> str:
        return self.full_name or self.username or self.id

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Person:
        return cls(id=_s(data, "id"), username=_s(data, "username"),
                   full_name=_s(data, "full_name"), title=_s(data, "title"),
                   unit_id=_opt(data, "unit_id"), roles=_strings(data.get("roles")),
                   active=data.get("active") is not False)

    def as_json(self) -> JsonObject:
        return {"id": self.id, "username": self.username, "full_name": self.full_name,
                "title": self.title, "unit_id": self.unit_id, "roles": list(self.roles),
                "active": self.active}


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str = ""
    code: str = ""
    parent_id: str | None = None
    active: bool = True

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> UnitInfo:
        return cls(id=_s(data, "id"), name=_s(data, "name"), code=_s(data, "code"),
                   parent_id=_opt(data, "parent_id"), active=data.get("active") is not False)


@dataclass(frozen=True)
class RegisterInfo:
    id: str
    name: str = ""
    direction: str = ""
    year: int | None = None
    secret: bool = False

    def as_json(self) -> JsonObject:
        """The catalogue's shape, which the workflow's ``register_fits`` reads."""
        return {"id": self.id, "name": self.name, "direction": self.direction,
                "year": self.year, "secret": self.secret}


@dataclass(frozen=True)
class DocumentTypeInfo:
    code: str
    name: str = ""
    abbreviation: str = ""


@dataclass(frozen=True)
class OrganizationInfo:
    id: str
    name: str = ""
    edxml_code: str = ""


@dataclass(frozen=True)
class Directory:
    """The people, units and catalogue of the cache, with names for display."""

    people: Mapping[str, Person] = field(default_factory=dict)
    units: Mapping[str, UnitInfo] = field(default_factory=dict)
    registers: Mapping[str, RegisterInfo] = field(default_factory=dict)
    types: Mapping[str, DocumentTypeInfo] = field(default_factory=dict)
    organizations: Mapping[str, OrganizationInfo] = field(default_factory=dict)

    def user_name(self, user_id: str | None) -> str:
        if not user_id:
            return ""
        person = self.people.get(user_id)
        return person.name if person else user_id

    def unit_name(self, unit_id: str | None) -> str:
        if not unit_id:
            return ""
        unit = self.units.get(unit_id)
        return unit.name or unit_id if unit else unit_id

    def type_name(self, code: str | None) -> str:
        found = self.types.get(code or "")
        return found.name or found.code if found else (code or "")

    def register_name(self, register_id: str | None) -> str:
        if not register_id:
            return ""
        found = self.registers.get(register_id)
        return found.name or register_id if found else register_id

    @classmethod
    def from_json(cls, users: Sequence[Mapping[str, object]],
                  units: Sequence[Mapping[str, object]],
                  catalog: Mapping[str, object]) -> Directory:
        people = {p.id: p for p in map(Person.from_json, users) if p.id}
        unit_infos = {u.id: u for u in map(UnitInfo.from_json, units) if u.id}
        registers = {_s(r, "id"): RegisterInfo(
            id=_s(r, "id"), name=_s(r, "name"), direction=_s(r, "direction"),
            year=_int(r, "year"), secret=r.get("secret") is True)
            for r in _objects(catalog.get("registers")) if isinstance(r.get("id"), str)}
        types = {_s(t, "code"): DocumentTypeInfo(
            code=_s(t, "code"), name=_s(t, "name"), abbreviation=_s(t, "abbreviation"))
            for t in _objects(catalog.get("document_types")) if isinstance(t.get("code"), str)}
        organizations = {_s(o, "id"): OrganizationInfo(
            id=_s(o, "id"), name=_s(o, "name"), edxml_code=_s(o, "edxml_code"))
            for o in _objects(catalog.get("organizations")) if isinstance(o.get("id"), str)}
        return cls(people, unit_infos, registers, types, organizations)


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    file_name: str
    content_type: str
    size: int
    sha256: str
    role: str
    uploaded_by: str | None
    uploaded_at: str | None
    cached: bool = False  # its verified bytes are on this machine


@dataclass(frozen=True)
class AssignmentInfo:
    id: str
    assignee_type: str  # user | unit
    assignee_id: str
    role: str  # lead | support | info
    status: str  # pending | in_progress | done
    due_date: str | None
    assigned_by: str | None
    note: str


@dataclass(frozen=True)
class CommentInfo:
    id: str
    author_id: str | None
    kind: str  # directive | opinion | note
    text: str
    created_at: str | None


@dataclass(frozen=True)
class HistoryItem:
    at: str | None
    actor_id: str | None
    action: str
    detail: str


@dataclass(frozen=True)
class SignerInfo:
    competence: str
    position: str
    full_name: str
    user_id: str | None

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.competence, self.position, self.full_name)
                        if part)


@dataclass(frozen=True)
class DocumentDetail:
    """One cached document, whole, typed; ``pending_changes`` and ``files_cached`` are the
    client's own (cli-v1.md ``show --json``)."""

    id: str
    direction: str
    type_code: str
    code_number: int | None
    code_notation: str
    issuer_id: str
    issuer_name: str
    issued_date: str | None
    place: str
    subject: str
    urgency: int
    secrecy: int
    signer: SignerInfo | None
    arrival_number: int | None
    arrival_date: str | None
    register_id: str | None
    due_date: str | None
    unit_id: str | None
    page_count: int | None
    copies: int | None
    recipients: tuple[str, ...]  # organisation names
    status: str
    pending_with: tuple[str, ...]
    version: int
    created_by: str | None
    registered_by: str | None
    created_at: str | None
    updated_at: str | None
    read: bool
    readers: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...]
    assignments: tuple[AssignmentInfo, ...]
    comments: tuple[CommentInfo, ...]
    history: tuple[HistoryItem, ...]
    pending_changes: int = 0
    files_cached: bool = False

    @property
    def code(self) -> str:
        """Số, ký hiệu: ``05/QĐ-UBND`` once numbered, else the bare notation."""
        return code_text(self.code_number, self.code_notation)

    @property
    def secret(self) -> bool:
        """Mật or higher: metadata only, its files are never on this machine."""
        return self.secrecy >= 1

    @classmethod
    def from_json(cls, doc: Mapping[str, object], *, pending_changes: int = 0,
                  cached_hashes: frozenset[str] = frozenset()) -> DocumentDetail:
        issuer = json_mapping(doc.get("issuer"))
        signer = json_mapping(doc.get("signer")) if doc.get("signer") else None
        attachments = tuple(_attachment(a, cached_hashes)
                            for a in _objects(doc.get("attachments")))
        secret = (_int(doc, "secrecy") or 0) >= 1
        return cls(
            id=_s(doc, "id"), direction=_s(doc, "direction"), type_code=_s(doc, "type_code"),
            code_number=_int(doc, "code_number"), code_notation=_s(doc, "code_notation"),
            issuer_id=_s(issuer, "org_id"), issuer_name=_s(issuer, "org_name"),
            issued_date=_opt(doc, "issued_date"), place=_s(doc, "place"),
            subject=_s(doc, "subject"), urgency=_int(doc, "urgency") or 0,
            secrecy=_int(doc, "secrecy") or 0,
            signer=None if signer is None else SignerInfo(
                _s(signer, "competence"), _s(signer, "position"), _s(signer, "full_name"),
                _opt(signer, "user_id")),
            arrival_number=_int(doc, "arrival_number"), arrival_date=_opt(doc, "arrival_date"),
            register_id=_opt(doc, "register_id"), due_date=_opt(doc, "due_date"),
            unit_id=_opt(doc, "unit_id"), page_count=_int(doc, "page_count"),
            copies=_int(doc, "copies"),
            recipients=tuple(_s(r, "org_name") or _s(r, "org_id")
                             for r in _objects(doc.get("recipients"))),
            status=_s(doc, "status"), pending_with=_strings(doc.get("pending_with")),
            version=_int(doc, "version") or 0, created_by=_opt(doc, "created_by"),
            registered_by=_opt(doc, "registered_by"), created_at=_opt(doc, "created_at"),
            updated_at=_opt(doc, "updated_at"), read=doc.get("read") is True,
            readers=_strings(doc.get("readers")),
            attachments=attachments,
            assignments=tuple(_assignment(a) for a in _objects(doc.get("assignments"))),
            comments=tuple(CommentInfo(_s(c, "id"), _opt(c, "author_id"), _s(c, "kind"),
                                       _s(c, "text"), _opt(c, "created_at"))
                           for c in _objects(doc.get("comments"))),
            history=tuple(HistoryItem(_opt(h, "at"), _opt(h, "actor_id"), _s(h, "action"),
                                      _detail(h.get("detail")))
                          for h in _objects(doc.get("history"))),
            pending_changes=pending_changes,
            files_cached=not (secret and attachments) and all(a.cached for a in attachments))


def _attachment(a: Mapping[str, object], cached: frozenset[str]) -> AttachmentInfo:
    sha = _s(a, "sha256")
    return AttachmentInfo(id=_s(a, "id"), file_name=_s(a, "file_name"),
                          content_type=_s(a, "content_type"), size=_int(a, "size") or 0,
                          sha256=sha, role=_s(a, "role"), uploaded_by=_opt(a, "uploaded_by"),
                          uploaded_at=_opt(a, "uploaded_at"), cached=bool(sha) and sha in cached)


def _assignment(a: Mapping[str, object]) -> AssignmentInfo:
    return AssignmentInfo(id=_s(a, "id"), assignee_type=_s(a, "assignee_type"),
                          assignee_id=_s(a, "assignee_id"), role=_s(a, "role"),
                          status=_s(a, "status") or "pending", due_date=_opt(a, "due_date"),
                          assigned_by=_opt(a, "assigned_by"), note=_s(a, "note"))


def _detail(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
