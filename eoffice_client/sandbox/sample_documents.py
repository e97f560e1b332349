"""One sample document walked from its creation through the section 6 actions to a status.

Each document has its own random generator seeded by ``(seed, index)``; the incoming and
outgoing walks are in sample_incoming.py and sample_outgoing.py.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from eoffice_client.core.domain.dates import day_text
from eoffice_client.core.domain.enums import Direction, Status
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_incoming import IncomingWalk
from eoffice_client.sandbox.sample_outgoing import OutgoingWalk
from eoffice_client.sandbox.sample_pdf import attachment_digest
from eoffice_client.sandbox.sample_people import SamplePerson, register_id

if TYPE_CHECKING:
    from eoffice_client.sandbox.sample_world import World

DAY = 1440  # minutes
CLOCK = tuple(f"{m // 60:02d}:{m % 60:02d}:00+07:00" for m in range(DAY))

Doc = dict[str, Any]

_URGENCY_CUMULATIVE = (75, 87, 94, 99, 100)
_SECRECY_CUMULATIVE = (93, 97, 99, 100)


class SampleRandom(random.Random):
    """``random.Random`` with a cheaper ``choice`` and ``randint`` (still deterministic)."""

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def weighted(self, seq: Any, cumulative: tuple[int, ...]) -> Any:
        """One of ``seq`` by cumulative integer weights (``random.choices`` without the lists)."""
        return seq[bisect.bisect(cumulative, self.random() * cumulative[-1])]

class DocBuilder:
    """One document walked from its creation through the section 6 actions to a status."""

    def __init__(self, world: World, rng: SampleRandom, created: int, direction: str) -> None:
        self.w = world
        self.rng = rng
        self.now = created
        self.direction = direction
        self.focus = rng.random() < 0.6  # the fixed accounts take part
        self.doc: Doc = {}

    # -- small helpers
    def uid(self) -> str:
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def advance(self, longest: int = 2 * DAY) -> str:
        """Moves the clock on by up to ``longest`` minutes, in office hours, before the end."""
        end = self.w.end
        step = 10 + int(self.rng.random() * longest)
        room = (end - self.now) >> 2
        now = self.now + (step if step < room else room if room > 0 else 0)
        rest = now % DAY
        if rest < 450 or rest > 1050:  # outside 07:30..17:30: the next morning
            now += (450 - rest if rest < 450 else DAY - rest + 450) + int(self.rng.random() * 90)
        if now > end:
            now = self.now if self.now > end - 1 else end - 1
        self.now = now
        return self.w.stamp(now)

    def today(self) -> dt.date:
        return self.w.date_of(self.now)

    def working_days_later(self, low: int, high: int) -> str:
        return self.w.working_days_after(self.today(), self.rng.randint(low, high))

    def pick(self, people: list[SamplePerson], preferred: str | None = None) -> SamplePerson:
        if preferred and self.focus:
            return self.w.by_username[preferred]
        return self.rng.choice(people)

    def log(self, actor: SamplePerson, action: str, detail: str = "",
            versioned: bool = True) -> None:
        """One history entry (``detail`` as the workflow table writes it from the params)."""
        stamp = self.advance()
        self.doc["history"].append(
            {"at": stamp, "actor_id": actor.id, "action": action, "detail": detail}
        )
        if versioned:
            self.doc["version"] += 1
        self.doc["updated_at"] = stamp

    def attach(self, role: str, file_name: str, uploader: SamplePerson) -> dict[str, Any]:
        attachment_id = self.uid()
        size, sha256 = attachment_digest(attachment_id, file_name, role)
        attachment = {
            "id": attachment_id, "file_name": file_name, "content_type": "application/pdf",
            "size": size, "sha256": sha256, "role": role,
            "uploaded_by": uploader.id, "uploaded_at": self.w.stamp(self.now),
        }
        self.doc["attachments"].append(attachment)
        self.doc["updated_at"] = attachment["uploaded_at"]
        return attachment

    def comment(self, author: SamplePerson, kind: str, text: str) -> None:
        self.log(author, "comment", text, versioned=False)
        self.doc["comments"].append({
            "id": self.uid(), "author_id": author.id, "kind": kind, "text": text,
            "created_at": self.doc["updated_at"],
        })

    def fill(self, template: str, unit: str | None = None) -> str:
        unit = unit or self.rng.choice(txt.DRAFTING_UNITS[1:])
        return template.format(
            year=self.today().year, date=day_text(self.working_days_later(3, 10)),
            unit=self.w.unit_names[unit],
        )

    def subject(self, type_code: str) -> str:
        templates = txt.SUBJECTS.get(type_code, txt.SUBJECTS["*"])
        day = self.today()
        topic = self.rng.choice(txt.TOPICS).format(year=day.year)
        return self.rng.choice(templates).format(
            topic=topic, year=day.year, quarter=(day.month - 1) // 3 + 1, month=day.month,
        )

    def type_code(self) -> str:
        if self.rng.random() < 0.1:
            return self.rng.choice(self.w.types)
        return self.rng.weighted(self.w.common_types, self.w.common_weights)

    # -- the document
    def base(self, type_code: str, creator: SamplePerson) -> Doc:
        rng = self.rng
        stamp = self.w.stamp(self.now)
        secrecy = rng.weighted(range(4), _SECRECY_CUMULATIVE)
        return {
            "id": self.uid(), "direction": self.direction, "type_code": type_code,
            "code_number": None, "code_notation": "", "issuer": dict(self.w.own_org),
            "issued_date": None, "place": txt.PLACE, "subject": self.subject(type_code),
            "urgency": rng.weighted(range(5), _URGENCY_CUMULATIVE),
            "secrecy": secrecy,
            "signer": None, "arrival_number": None, "arrival_date": None, "register_id": None,
            "due_date": None, "unit_id": None, "page_count": rng.randint(1, 12),
            "copies": rng.randint(1, 5), "in_reply_to": None, "recipients": [],
            "status": "", "pending_with": [creator.id], "version": 1,
            "created_by": creator.id, "registered_by": None, "created_at": stamp,
            "updated_at": stamp, "read": False, "readers": [], "attachments": [],
            "assignments": [], "comments": [],
            "history": [{"at": stamp, "actor_id": creator.id, "action": "create", "detail": ""}],
        }

    def build(self, target: str) -> Doc:
        if self.direction == Direction.INCOMING:
            IncomingWalk(self).run(target)
        else:
            OutgoingWalk(self).run(target)
        return self.doc

    def set_status(self, status: str, pending: list[str] | None = None) -> None:
        self.doc["status"] = str(status)
        if pending is not None:
            self.doc["pending_with"] = pending

    def secret(self) -> bool:
        return int(self.doc["secrecy"]) >= 1

    def register(self, direction: str) -> str:
        return register_id(direction, self.secret(), self.today().year)

    def maybe_extend(self, leader: SamplePerson, chance: float = 0.15) -> None:
        if self.rng.random() < chance and self.doc["status"] not in (
            Status.COMPLETED, Status.ISSUED, Status.RECALLED, Status.DISCARDED
        ):
            due_date = self.working_days_later(5, 25)
            self.log(leader, "extend", self.rng.choice(txt.EXTEND_REASONS))
            self.doc["due_date"] = due_date
