"""Sample data of the sandbox server: a Lạng Sơn provincial People's Committee and its documents.

``generate(documents, seed, today)`` gives the organisation, its units and people, the
catalog and a STREAM of documents in the contract's Document shape (eoffice-api-v1.md
section 4). Documents are built one at a time in creation order, each from its own
random generator seeded by ``(seed, index)``; only the numbering counters (số đến, số
văn bản per register) run across documents. Each document walks the workflow of
contract section 6 from its creation to a target status, so its ``pending_with``,
assignments, numbers, attachments, comments, ``version`` and history are those the
server would have produced. Users, units and the catalog do not depend on the seed;
their ids are stable (UUID v5), register ids too.

Every sample account's password is :data:`SAMPLE_PASSWORD`.

The parts: sample_people.py (people, units, catalog), sample_world.py (what documents
share, the choice of each one's direction and status), sample_documents.py (one document's
walk), sample_incoming.py and sample_outgoing.py (the walks per direction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from eoffice_client.core.domain.deadlines import today_vietnam
from eoffice_client.core.domain.doctypes import catalog_document_types
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_documents import Doc
from eoffice_client.sandbox.sample_pdf import attachment_pdf, sha256_hex
from eoffice_client.sandbox.sample_people import (
    SamplePerson,
    build_staff,
    calendar,
    sample_organizations,
    sample_registers,
    sample_units,
    stable_id,
)
from eoffice_client.sandbox.sample_world import ALL_PAIRS, World

__all__ = ["ALL_PAIRS", "SAMPLE_PASSWORD", "SampleData", "generate"]

SAMPLE_PASSWORD = "demo"


@dataclass
class SampleData:
    """The generated organisation; documents are produced on demand by :meth:`iter_documents`."""

    organization: dict[str, Any]
    users: list[dict[str, Any]]
    units: list[dict[str, Any]]
    catalog: dict[str, Any]
    documents: int
    seed: int
    today: dt.date
    people: list[SamplePerson] = field(repr=False, default_factory=list)

    def iter_documents(self) -> Iterator[Doc]:
        """Every document, oldest first, the same for the same (documents, seed, today)."""
        world = World(self)
        for index in range(self.documents):
            yield world.document(index)

    def user(self, username: str) -> dict[str, Any]:
        """The sample account ``username`` (KeyError if none)."""
        for user in self.users:
            if user["username"] == username:
                return user
        raise KeyError(username)

    @staticmethod
    def attachment_bytes(attachment: dict[str, Any]) -> bytes:
        """The bytes of a sample attachment; ValueError if the metadata is not this generator's."""
        data = attachment_pdf(attachment["id"], attachment["file_name"], attachment["role"])
        if sha256_hex(data) != attachment.get("sha256"):
            raise ValueError(f"attachment {attachment['id']} is not a sample attachment")
        return data


def generate(documents: int, seed: int, today: dt.date | None = None) -> SampleData:
    """The sample organisation with ``documents`` documents (deterministic by ``seed``).

    ``today`` (default: today in Vietnam) anchors the dates: documents are created over
    the 400 days before it (never before 1 January of the previous year, the oldest
    register), everything they record has happened by 17:30 the day before, and due
    dates fall both before and after it.
    """
    if documents < 0:
        raise ValueError("documents must be >= 0")
    today = today or today_vietnam()
    units = sample_units()
    people = build_staff({u["code"]: u["id"] for u in units})
    organization = {"org_id": stable_id("org", txt.ORG_EDXML), "org_name": txt.ORG_NAME,
                    "code": txt.ORG_CODE}
    catalog = {
        "document_types": catalog_document_types(),
        "registers": sample_registers(today),
        "organizations": sample_organizations(),
        "calendar": calendar(),
    }
    return SampleData(organization, [p.user for p in people], units, catalog, documents, seed,
                      today, people)

