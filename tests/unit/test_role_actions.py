"""Who may ever take which action, and who may create what (core/domain/workflow.py)."""

from __future__ import annotations

from eoffice_client.core.domain import workflow


def test_roles_decide_which_actions_exist_for_a_user() -> None:
    officer = {"id": "u1", "roles": ["officer"]}
    leader = {"id": "u2", "roles": ["leader"]}
    clerk = {"id": "u3", "roles": ["clerk"]}
    assert not workflow.may_ever_take("register", officer)
    assert not workflow.may_ever_take("approve", officer)  # pending AND leader
    assert workflow.may_ever_take("approve", leader)
    assert workflow.may_ever_take("forward", officer)  # when it is pending with them
    assert workflow.may_ever_take("number", clerk) and not workflow.may_ever_take("sign", clerk)
    assert not workflow.may_ever_take("no_such_action", leader)
    assert set(workflow.role_actions(leader)) >= {"assign", "extend", "approve", "sign"}
    # an action allowed on a document now is always one the roles allow at all
    doc = {"direction": "incoming", "status": "received", "pending_with": ["u3"]}
    assert set(workflow.allowed_actions(doc, clerk)) <= set(workflow.role_actions(clerk))


def test_only_clerks_create_incoming_documents() -> None:
    assert workflow.may_create("incoming", {"roles": ["clerk"]})
    assert not workflow.may_create("incoming", {"roles": ["officer", "leader"]})
    assert workflow.may_create("outgoing", {"roles": ["officer"]})
    assert not workflow.may_create("incoming", {})
