"""Which refused changes the server's state shows done already (a table by hand)."""

from __future__ import annotations

from typing import Any

import pytest

from eoffice_client.core.domain.already_done import already_done

ME = "u-me"


def doc(**fields: Any) -> dict[str, Any]:
    return {"id": "d1", "direction": "incoming", "status": "in_progress", "read": False,
            "readers": [], "comments": [], "pending_with": [], "due_date": None, **fields}


@pytest.mark.parametrize("state,action,params,done", [
    (doc(status="completed"), "complete", {"note": "x"}, True),
    (doc(status="in_progress"), "complete", {}, False),
    (doc(status="assigned"), "start", {}, False),
    (doc(status="in_progress"), "start", {}, True),
    (doc(direction="outgoing", status="approved"), "approve", {}, True),
    (doc(direction="outgoing", status="signed"), "approve", {}, False),  # went further: unsure
    (doc(read=True), "mark_read", {}, True),
    (doc(readers=[ME]), "mark_read", {}, True),
    (doc(), "mark_read", {}, False),
    (doc(comments=[{"id": "c1"}]), "comment", {"id": "c1"}, True),
    (doc(comments=[{"id": "c2"}]), "comment", {"id": "c1"}, False),
    (doc(due_date="2031-01-01"), "extend", {"due_date": "2031-01-01"}, True),
    (doc(due_date="2031-01-02"), "extend", {"due_date": "2031-01-01"}, False),
    (doc(pending_with=["u2"]), "forward", {"to_user_id": "u2"}, True),
    (doc(pending_with=["u2", "u3"]), "forward", {"to_user_id": "u2"}, False),
    (doc(status="awaiting_assignment", pending_with=["u2"]), "submit", {"to_user_id": "u2"},
     True),
    (doc(direction="outgoing", status="in_review", pending_with=["u2"]), "submit",
     {"to_user_id": "u2"}, True),
    (doc(status="registered", pending_with=["u2"]), "submit", {"to_user_id": "u2"}, False),
    (doc(direction="outgoing", status="discarded"), "discard", {}, True),
    (doc(status="registered"), "register", {"register_id": "r"}, True),
    (doc(), "no_such_action", {}, False),
])
def test_already_done(state: dict[str, Any], action: str, params: dict[str, Any],
                      done: bool) -> None:
    assert already_done(state, action, params, ME) is done
