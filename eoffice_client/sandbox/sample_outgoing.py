"""The walk of a sample outgoing or internal document: drafted, reviewed, signed, issued."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from eoffice_client.core.domain.doctypes import DOCUMENT_TYPES
from eoffice_client.core.domain.enums import Direction, Status
from eoffice_client.core.domain.numbering import notation_for
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_people import SamplePerson

if TYPE_CHECKING:
    from eoffice_client.sandbox.sample_documents import DocBuilder


class OutgoingWalk:
    """draft -> in_review -> approved -> signed -> numbered -> issued (-> recalled)."""

    def __init__(self, b: DocBuilder) -> None:
        self.b = b
        w, rng = b.w, b.rng
        if self.b.direction == Direction.INTERNAL and rng.random() < 0.1:
            self.creator = w.by_username["quantri"]
        else:
            unit = "KT" if b.focus else rng.choice(txt.DRAFTING_UNITS)
            self.creator = b.pick(w.officers_by_unit[unit], "chuyenvien")
        self.unit = self.creator.unit
        heads = w.leaders_by_unit[self.unit]
        lanhdao = w.by_username["lanhdao"]
        if b.direction == Direction.OUTGOING:
            self.signer = lanhdao if b.focus else rng.choice(
                [p for p in w.top_leaders if p.unit == "LĐ"])
            direct = b.focus and rng.random() < 0.5
            self.reviewer = self.signer if direct else rng.choice(heads)
        else:
            self.signer = rng.choice(heads)
            self.reviewer = self.signer
        self.clerk = b.pick(w.clerks, "vanthu")

    def run(self, target: str) -> None:
        b = self.b
        self.create()
        if target == Status.DRAFT:
            return
        if target == Status.DISCARDED:
            if b.rng.random() < 0.5:
                self.submit()
                self.give_back(self.reviewer)
            b.log(self.creator, "discard")
            b.set_status(Status.DISCARDED)
            return
        self.submit()
        if target == Status.IN_REVIEW:
            if b.rng.random() < 0.3 and self.reviewer.id != self.creator.id:
                b.comment(self.reviewer, "opinion", b.fill(b.rng.choice(txt.OPINIONS)))
            return
        if target == Status.RETURNED and b.rng.random() < 0.6:
            self.give_back(self.reviewer)
            return
        self.approve()
        if target == Status.RETURNED:
            self.give_back(self.signer)
            return
        if target == Status.APPROVED:
            self.maybe_check()
            return
        self.sign()
        if target == Status.SIGNED:
            return
        self.number()
        if target == Status.NUMBERED:
            return
        self.issue()
        if target == Status.RECALLED:
            self.recall()

    def create(self) -> None:
        b, rng = self.b, self.b.rng
        type_code = b.type_code()
        doc = b.doc = b.base(type_code, self.creator)
        doc.update({
            "status": Status.DRAFT.value, "unit_id": b.w.unit_ids[self.unit],
            "signer": self.signer.signer(),
        })
        if b.direction == Direction.OUTGOING:
            picks = rng.sample(b.w.outside, rng.randint(1, 4))
            doc["recipients"] = [org for _code, org, _place, _signers in picks]
            if rng.random() < 0.2 and b.w.recent_incoming:
                # a reply (edXML ResponseFor) to an incoming document seen a little earlier
                sender, reply_to = rng.choice(b.w.recent_incoming)
                doc["in_reply_to"] = dict(reply_to)
                if sender not in doc["recipients"]:
                    doc["recipients"].insert(0, dict(sender))
        else:
            doc["recipients"] = [dict(b.w.own_org)]
        if rng.random() < 0.3:
            doc["due_date"] = b.working_days_later(3, 20)
        name = type_name(type_code)
        subject = doc["subject"]
        b.attach("main", file_name(f"{name} {subject[:1].lower()}{subject[1:]}"), self.creator)
        if rng.random() < 0.3:
            b.attach("appendix", "Phụ lục số liệu.pdf", self.creator)
        if rng.random() < 0.2:
            b.attach("draft", "Dự thảo lần 1.pdf", self.creator)
        if rng.random() < 0.25:
            b.log(self.creator, "patch")

    def submit(self) -> None:
        b = self.b
        b.log(self.creator, "submit", self.reviewer.id)
        b.set_status(Status.IN_REVIEW, [self.reviewer.id])

    def give_back(self, actor: SamplePerson) -> None:
        b = self.b
        b.log(actor, "return", b.rng.choice(txt.RETURN_REASONS))
        b.doc["assignments"] = []
        b.set_status(Status.RETURNED, [b.doc["created_by"]])
        if b.rng.random() < 0.3:
            b.log(self.creator, "patch")

    def approve(self) -> None:
        b = self.b
        b.log(self.reviewer, "approve", b.rng.choice(txt.APPROVE_NOTES))
        b.set_status(Status.APPROVED, [self.reviewer.id])
        if self.reviewer.id != self.signer.id:
            b.log(self.reviewer, "forward", txt.FORWARD_NOTES[0])
            b.set_status(Status.APPROVED, [self.signer.id])

    def maybe_check(self) -> None:
        """Now and then the signer asks someone to check the form or the file first."""
        b = self.b
        if b.rng.random() < 0.4:
            checker = b.w.next_checker()
            b.log(self.signer, "forward", b.rng.choice(txt.CHECK_NOTES))
            b.set_status(Status.APPROVED, [checker.id])

    def sign(self) -> None:
        b = self.b
        if not b.secret():
            main = b.doc["attachments"][0]["file_name"][:-4]
            b.advance(6 * 60)
            b.attach("signed", f"{main} (đã ký).pdf", self.signer)
        b.log(self.signer, "sign")
        b.set_status(Status.SIGNED, [])

    def number(self) -> None:
        b = self.b
        register = b.register(Direction.OUTGOING.value)
        b.log(self.clerk, "number", register)
        doc = b.doc
        doc.update({
            "register_id": register, "code_number": b.w.next_number(register),
            "issued_date": b.today().isoformat(), "issuer": dict(b.w.own_org),
            "code_notation": notation_for(doc["type_code"], b.w.organization["code"], self.unit),
        })
        b.set_status(Status.NUMBERED, [self.clerk.id])

    def issue(self) -> None:
        b = self.b
        if not b.secret():
            b.advance(4 * 60)
            doc = b.doc
            name = f"{doc['code_number']:02d}-{doc['code_notation']}.pdf"
            b.attach("final", name, self.clerk)
        b.log(self.clerk, "issue")
        b.set_status(Status.ISSUED, [])

    def recall(self) -> None:
        b = self.b
        actors = list(b.w.leaders_by_unit[self.unit])
        if self.unit == "VP":
            actors += b.w.clerks
        b.log(b.rng.choice(actors), "recall", b.rng.choice(txt.RECALL_REASONS))
        b.set_status(Status.RECALLED)


def type_name(type_code: str) -> str:
    return next(t.name for t in DOCUMENT_TYPES if t.code == type_code)


@lru_cache(maxsize=8192)
def file_name(title: str, limit: int = 80) -> str:
    """A file name from a title: no characters Windows refuses, at most ``limit`` characters."""
    clean = "".join(" " if ch in '<>:"/\\|?*' else ch for ch in title)
    clean = " ".join(clean.split())[:limit].rstrip(" .,")
    return f"{clean}.pdf"
