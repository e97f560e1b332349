"""The walk of a sample incoming document: received, registered, assigned, handled."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.enums import Direction, Status
from eoffice_client.core.domain.numbering import format_code, notation_for
from eoffice_client.sandbox import sample_text as txt
from eoffice_client.sandbox.sample_people import SamplePerson, person_name

if TYPE_CHECKING:
    from eoffice_client.sandbox.sample_documents import DocBuilder


class IncomingWalk:
    """received -> registered -> awaiting_assignment -> assigned -> in_progress -> completed."""

    def __init__(self, b: DocBuilder) -> None:
        self.b = b
        w = b.w
        self.clerk = b.pick(w.clerks, "vanthu") if b.rng.random() < 0.8 else b.rng.choice(w.clerks)
        self.leader = b.pick(w.top_leaders, "lanhdao")

    def run(self, target: str) -> None:
        b = self.b
        self.create()
        if target == Status.RECEIVED:
            if b.rng.random() < 0.2:
                b.log(self.clerk, "patch")
            return
        if target == Status.DISCARDED:
            b.log(self.clerk, "reject", b.rng.choice(txt.REJECT_REASONS))
            b.set_status(Status.DISCARDED)
            return
        self.register()
        if target == Status.REGISTERED:
            return
        self.submit()
        if target == Status.AWAITING_ASSIGNMENT:
            self.maybe_opinion()
            return
        if target == Status.RETURNED and b.rng.random() < 0.5:
            self.give_back(self.leader)
            return
        self.assign()
        if target == Status.ASSIGNED:
            b.maybe_extend(self.leader)
            return
        worker = self.worker()
        if target == Status.RETURNED:
            self.give_back(worker)
            return
        b.log(worker, "start")
        b.set_status(Status.IN_PROGRESS)
        for assignment in b.doc["assignments"]:
            if assignment["role"] == "lead" and workflow.is_lead(
                {"assignments": [assignment]}, worker.user
            ):
                assignment["status"] = "in_progress"
        if target == Status.IN_PROGRESS:
            if b.rng.random() < 0.3:
                b.comment(worker, "note", b.rng.choice(txt.NOTES))
            b.maybe_extend(self.leader)
            return
        b.log(worker, "complete", b.rng.choice(txt.COMPLETE_NOTES))
        b.set_status(Status.COMPLETED, [])
        for assignment in b.doc["assignments"]:
            assignment["status"] = "done"

    def create(self) -> None:
        b, rng = self.b, self.b.rng
        type_code = b.type_code()
        code, org, place, signers = rng.choice(b.w.outside)
        doc = b.doc = b.base(type_code, self.clerk)
        issued = dt.date.fromisoformat(
            b.w.working_days_after(b.today() - dt.timedelta(days=10), rng.randint(1, 6)))
        competence, position = rng.choice(signers)
        notation = notation_for(type_code, code, rng.choice(txt.OUTSIDE_UNIT_CODES))
        doc.update({
            "status": Status.RECEIVED.value, "issuer": org, "place": place,
            "code_number": rng.randint(1, 3000), "code_notation": notation,
            "issued_date": min(issued, b.today()).isoformat(),
            "arrival_date": b.today().isoformat(), "recipients": [dict(b.w.own_org)],
            "signer": {"competence": competence, "position": position,
                       "full_name": person_name(rng, 0.6), "user_id": None},
        })
        if rng.random() < 0.4 or doc["urgency"] >= 2:
            doc["due_date"] = b.working_days_later(1, 3) if doc["urgency"] >= 2 else (
                b.working_days_later(5, 20))
        stem = f"{doc['code_number']:02d}-{notation}"
        b.w.recent_incoming.append((org, {
            "org_id": org["org_id"], "code": format_code(doc["code_number"], notation),
            "issued_date": doc["issued_date"],
        }))
        b.attach("main", f"{stem}.pdf", self.clerk)
        if rng.random() < 0.3:
            b.attach("appendix", "Phụ lục kèm theo.pdf", self.clerk)

    def register(self) -> None:
        b = self.b
        clerk = self.clerk if b.rng.random() < 0.9 else b.rng.choice(b.w.clerks)
        register = b.register(Direction.INCOMING.value)
        b.log(clerk, "register", register)
        b.doc.update({"register_id": register, "registered_by": clerk.id,
                      "arrival_number": b.w.next_number(register)})
        b.set_status(Status.REGISTERED, [clerk.id])
        self.clerk = clerk

    def submit(self) -> None:
        b = self.b
        first = self.leader
        if b.rng.random() < 0.3:
            first = b.rng.choice([p for p in b.w.top_leaders if p.unit == "VP"])
        b.log(self.clerk, "submit", first.id)
        b.set_status(Status.AWAITING_ASSIGNMENT, [first.id])
        if first is not self.leader:
            b.log(first, "forward", b.rng.choice(txt.FORWARD_NOTES))
            b.set_status(Status.AWAITING_ASSIGNMENT, [self.leader.id])

    def maybe_opinion(self) -> None:
        b = self.b
        if b.rng.random() < 0.3:
            b.comment(self.leader, "directive", b.fill(b.rng.choice(txt.DIRECTIVES)))

    def give_back(self, actor: SamplePerson) -> None:
        b = self.b
        b.log(actor, "return", b.rng.choice(txt.RETURN_REASONS))
        b.doc["assignments"] = []
        b.set_status(Status.RETURNED, [b.doc["registered_by"]])

    def assign(self) -> None:
        b, rng, w = self.b, self.b.rng, self.b.w
        lead_unit = "KT" if b.focus else rng.choice(txt.DRAFTING_UNITS[1:])
        due = b.working_days_later(1, 3) if b.doc["urgency"] >= 2 else b.working_days_later(5, 15)
        if rng.random() < 0.5:
            lead = ("user", b.pick(w.officers_by_unit[lead_unit], "chuyenvien").id)
        else:
            lead = ("unit", w.unit_ids[lead_unit])
        others = [u for u in txt.DRAFTING_UNITS[1:] if u != lead_unit]
        items: list[tuple[tuple[str, str], str, str | None]] = [(lead, "lead", due)]
        for code in rng.sample(others, rng.randint(0, 2)):
            items.append((("unit", w.unit_ids[code]), "support", due))
        if rng.random() < 0.3:
            items.append((("unit", w.unit_ids["VP"]), "info", None))
        directive = b.fill(rng.choice(txt.DIRECTIVES), lead_unit)
        b.log(self.leader, "assign", directive)
        doc = b.doc
        doc["assignments"] = [
            {"id": b.uid(), "assignee_type": kind, "assignee_id": target, "role": role,
             "status": "pending", "due_date": item_due, "assigned_by": self.leader.id,
             "note": directive}
            for (kind, target), role, item_due in items
        ]
        doc["due_date"] = due
        doc["comments"].append({
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{doc['id']}/{doc['updated_at']}/directive")),
            "author_id": self.leader.id, "kind": "directive", "text": directive,
            "created_at": doc["updated_at"],
        })
        b.set_status(Status.ASSIGNED, workflow.lead_users(doc, w.directory))

    def worker(self) -> SamplePerson:
        b = self.b
        pending = b.doc["pending_with"]
        mine = b.w.by_username["chuyenvien"].id
        chosen = mine if b.focus and mine in pending else b.rng.choice(pending)
        return b.w.by_id[chosen]

