"""Wire models: tolerant where the contract allows, strict where the client depends on it."""

from __future__ import annotations

import copy

import pytest

from eoffice_client.core.api import wire
from eoffice_client.core.api.errors import BadResponse

SHA = "ab" * 32


def document(**changes):
    doc = {
        "id": "d1", "direction": "incoming", "type_code": "CV", "code_number": 5,
        "code_notation": "05/UBND-VP", "issuer": {"org_id": "o1", "org_name": "UBND"},
        "issued_date": "2026-02-05", "place": "Lạng Sơn", "subject": "Về việc họp",
        "urgency": 1, "secrecy": 0, "signer": None, "arrival_number": None,
        "arrival_date": None, "register_id": None, "due_date": None, "unit_id": None,
        "page_count": None, "copies": None, "in_reply_to": None, "recipients": [],
        "status": "received", "pending_with": ["u1"], "version": 1, "created_by": "u1",
        "registered_by": None, "created_at": "2026-02-05T08:00:00+07:00",
        "updated_at": "2026-02-05T08:00:00+07:00", "read": False, "readers": [],
        "attachments": [{"id": "a1", "file_name": "qd.pdf", "content_type": "application/pdf",
                         "size": 10, "sha256": SHA, "role": "main", "uploaded_by": "u1",
                         "uploaded_at": "2026-02-05T08:00:00Z"}],
        "assignments": [], "comments": [], "history": [],
    }
    doc.update(changes)
    return doc


def page(*changes, cursor="c1", has_more=False):
    return {"changes": list(changes), "cursor": cursor, "has_more": has_more}


def test_whole_document_round_trips_unchanged():
    doc = document()
    assert wire.parse_document(copy.deepcopy(doc)) == doc


def test_extra_fields_kept_and_missing_optional_filled():
    doc = document(future_field={"x": 1})
    for name in ("signer", "readers", "history", "place", "due_date"):
        del doc[name]
    doc["code_notation"] = None
    doc["attachments"][0]["thumbnail"] = "t"
    out = wire.parse_document(doc)
    assert out["future_field"] == {"x": 1}
    assert out["attachments"][0]["thumbnail"] == "t"
    assert (out["signer"], out["readers"], out["history"], out["place"]) == (None, [], [], "")
    assert out["code_notation"] == ""


def test_uppercase_sha256_lowered_and_bad_one_named():
    doc = document()
    doc["attachments"][0]["sha256"] = SHA.upper()
    assert wire.parse_document(doc)["attachments"][0]["sha256"] == SHA
    doc["attachments"][0]["sha256"] = "../../etc/passwd"
    with pytest.raises(BadResponse) as caught:
        wire.parse_document(doc)
    assert caught.value.field == "attachments.0.sha256"


@pytest.mark.parametrize(("field", "value"), [
    ("direction", "sideways"), ("status", "lost"), ("secrecy", 4), ("urgency", -1),
    ("version", "x"), ("issued_date", "05/02/2026"), ("created_at", "yesterday"),
])
def test_strict_fields_reject_bad_values(field, value):
    with pytest.raises(BadResponse) as caught:
        wire.parse_document(document(**{field: value}))
    assert caught.value.field == field
    assert field in caught.value.message("en")


def test_secrecy_is_required():
    doc = document()
    del doc["secrecy"]
    with pytest.raises(BadResponse) as caught:
        wire.parse_document(doc)
    assert caught.value.field == "secrecy"


def test_open_vocabularies_keep_unknown_values():
    user = wire.parse_user({"id": "u", "username": "a", "roles": ["clerk", "auditor"]})
    assert user["roles"] == ["clerk", "auditor"] and user["active"] is True
    doc = wire.parse_document(document(comments=[{"id": "c", "kind": "sticker", "text": "hi"}]))
    assert doc["comments"][0]["kind"] == "sticker"


def test_changes_page_validates_each_kind():
    catalog = {"document_types": [{"code": "CV", "name": "Công văn", "abbreviation": ""}],
               "registers": [], "organizations": [], "calendar": {"holidays": ["2026-01-01"]}}
    result = wire.parse_changes(page(
        {"seq": 1, "kind": "document", "op": "upsert", "id": "d1", "data": document()},
        {"seq": 2, "kind": "user", "op": "upsert", "id": "u",
         "data": {"id": "u", "username": "a"}},
        {"seq": 3, "kind": "unit", "op": "upsert", "id": "n", "data": {"id": "n"}},
        {"seq": 4, "kind": "catalog", "op": "upsert", "id": "catalog", "data": catalog},
        {"seq": 5, "kind": "document", "op": "delete", "id": "d2", "data": {"junk": 1}},
        {"seq": 6, "kind": "poll", "op": "vote", "id": "p", "data": {"any": "thing"}},
    ))
    assert [c.seq for c in result.changes] == [1, 2, 3, 4, 5, 6]
    assert result.changes[3].data["calendar"]["working_days"] == []
    assert result.changes[4].data is None
    unknown = result.changes[5]
    assert not unknown.known and unknown.data == {"any": "thing"}
    assert all(c.known for c in result.changes[:5])


@pytest.mark.parametrize(("item", "field"), [
    ({"seq": 1, "kind": "document", "op": "upsert", "id": "d1"}, "changes.0.data"),
    ({"seq": 1, "kind": "document", "op": "merge", "id": "d1", "data": {}}, "changes.0.op"),
    ({"seq": "x", "kind": "user", "op": "upsert", "id": "u"}, "changes.0.seq"),
    ({"seq": 1, "kind": "user", "op": "upsert", "id": "u", "data": {"id": "v", "username": "a"}},
     "changes.0.data.id"),
    ({"seq": 1, "kind": "document", "op": "upsert", "id": "d1",
      "data": document(status="weird")}, "changes.0.data.status"),
    ("not an object", "changes.0"),
])
def test_a_bad_item_fails_the_page_naming_the_field(item, field):
    with pytest.raises(BadResponse) as caught:
        wire.parse_changes(page(item))
    assert caught.value.field == field


def test_envelope_fields_required():
    with pytest.raises(BadResponse) as caught:
        wire.parse_changes({"changes": [], "has_more": False})
    assert caught.value.field == "cursor"
    with pytest.raises(BadResponse) as caught:
        wire.parse_changes([1, 2])
    assert caught.value.field == "(body)"


def test_login_response_never_shows_tokens():
    body = {"access_token": "ACCESS-SECRET", "refresh_token": "REFRESH-SECRET",
            "expires_in": 900, "user": {"id": "u", "username": "vanthu"}, "token_type": "Bearer"}
    tokens = wire.parse_login(body)
    assert tokens.refresh_token == "REFRESH-SECRET" and tokens.expires_in == 900
    assert "SECRET" not in repr(tokens)
    bad = dict(body, user={"id": "u"}, refresh_token="REFRESH-SECRET")
    with pytest.raises(BadResponse) as caught:
        wire.parse_login(bad)
    assert "SECRET" not in str(caught.value) and "SECRET" not in caught.value.message("vi")
    assert caught.value.field == "user.username"


def test_info_and_problem_tolerant():
    info = wire.parse_info({"api_version": "1.0", "server_name": "S", "min_client_version": "0.1",
                            "organization": {"org_id": "o", "org_name": "UBND", "code": "UBND"},
                            "motd": "hi"})
    assert info.organization.code == "UBND"
    assert wire.parse_problem("<html>") is None
    assert wire.parse_problem({"code": "x", "status": "weird"})["code"] == "x"
