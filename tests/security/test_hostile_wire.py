"""Hostile answers against the wire models: random JSON and mutated contract objects.

Whatever the server sends, ``decode_body`` and the ``parse_*`` functions either return
checked data or raise :class:`BadResponse` (a ClientError naming the field); and what
they return can be written to the cache without any other error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eoffice_client.core.api import wire
from eoffice_client.core.api.errors import BadResponse
from eoffice_client.core.store.directory import upsert_users
from eoffice_client.core.store.documents import upsert_documents
from eoffice_client.core.store.engine import open_store
from eoffice_client.sandbox.sample_data import generate

from .conftest import tried
from .hostile_json import json_values, mutated

SAMPLE = generate(4, seed=21)
DOCUMENT = next(iter(SAMPLE.iter_documents()))
USER = SAMPLE.users[0]
PARSERS = [wire.parse_changes, wire.parse_document, wire.parse_user, wire.parse_attachment,
           wire.parse_info, wire.parse_login, wire.parse_change]
EXAMPLES = 150


def body_of(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8")


def parse_or_refuse(parser, value):
    try:
        return parser(wire.decode_body(body_of(value)))
    except BadResponse as exc:
        assert exc.field, "a refusal names the field"
        assert int(exc.exit_code) == 3
        return None


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator:
    with open_store(tmp_path_factory.mktemp("hostile") / "cache.sqlite3") as opened:
        yield opened


class Rollback(Exception):
    pass


def storable(store, docs=(), users=()) -> None:
    """Writes into the cache and rolls back: nothing but success is allowed."""
    with pytest.raises(Rollback), store.write() as conn:
        if users:
            upsert_users(conn, list(users))
        if docs:
            upsert_documents(conn, list(docs))
        raise Rollback


@given(value=json_values, parser=st.sampled_from(PARSERS))
@settings(max_examples=EXAMPLES * 2, deadline=None)
def test_random_json_is_parsed_or_refused(value, parser):
    tried("wire.random_json")
    parse_or_refuse(parser, value)
    problem = wire.parse_problem(value)  # never raises, even for junk
    assert problem is None or isinstance(problem, dict)


@given(value=mutated(DOCUMENT))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_mutated_documents_are_refused_or_storable(store, value):
    parsed = parse_or_refuse(wire.parse_document, value)
    tried(f"wire.mutated_document.{'refused' if parsed is None else 'stored'}")
    if parsed is not None:
        storable(store, docs=[parsed])


@given(value=mutated({"changes": [
    {"seq": 1, "kind": "document", "op": "upsert", "id": DOCUMENT["id"], "data": DOCUMENT},
    {"seq": 2, "kind": "user", "op": "upsert", "id": USER["id"], "data": USER},
    {"seq": 3, "kind": "unit", "op": "delete", "id": "u-x", "data": None}],
    "cursor": "c2", "has_more": False}))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_mutated_pages_are_refused_or_storable(store, value):
    page = parse_or_refuse(wire.parse_changes, value)
    tried(f"wire.mutated_page.{'refused' if page is None else 'stored'}")
    if page is not None:
        docs = [c.data for c in page.changes if c.kind == "document" and c.data]
        users = [c.data for c in page.changes if c.kind == "user" and c.data]
        storable(store, docs=docs, users=users)


HAND_MADE = [  # (what, body bytes, refused by decode_body)
    ("not JSON", b"{not json", True),
    ("HTML from a proxy", b"<html><body>502 Bad Gateway</body></html>", True),
    ("empty", b"", True),
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, True),
    ("nested objects", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, True),
    ("lone surrogate", b'{"changes": [], "cursor": "\\ud800", "has_more": false}', True),
    ("reversed surrogates", b'{"api_version": "\\udc00\\ud800"}', True),
    ("invalid UTF-8", b'{"cursor": "\xff\xfe", "changes": [], "has_more": false}', True),
    ("5,000 digits", b'{"seq": 1' + b"0" * 5000 + b"}", True),
    ("UTF-16 body", '{"changes": [], "cursor": "c", "has_more": false}'.encode("utf-16"), False),
    ("NaN", b'{"access_token": "a", "refresh_token": "r", "expires_in": NaN}', False),
    ("BOM", b'\xef\xbb\xbf{"changes": [], "cursor": "c", "has_more": false}', False),
]


@pytest.mark.parametrize(("what", "body", "refused"), HAND_MADE, ids=[h[0] for h in HAND_MADE])
def test_hand_made_bodies_are_parsed_or_refused(what, body, refused):
    tried("wire.hand_made_body")
    try:
        value = wire.decode_body(body)
    except BadResponse as exc:
        assert refused and exc.field == "(body)"
        return
    assert not refused
    for parser in PARSERS:
        try:
            parser(value)
        except BadResponse as exc:
            assert exc.field


def test_a_valid_emoji_pair_is_kept():
    value = wire.decode_body(b'{"x": "\\ud83d\\udca5"}')
    assert value == {"x": "💥"}


def test_big_numbers_are_refused_before_the_store():
    for field in ("version", "code_number", "arrival_number", "page_count", "copies"):
        with pytest.raises(BadResponse) as caught:
            wire.parse_document({**DOCUMENT, field: 2**63})
        assert caught.value.field == field
    tried("wire.hand_made_body", 5)


def test_the_client_turns_bodies_into_typed_errors(tmp_path: Path):
    """ApiClient._json over a real requests.Response: the decode errors are BadResponse."""
    import requests

    from eoffice_client.core.api.client import ApiClient

    for _, body, refused in HAND_MADE:
        response = requests.Response()
        response.status_code = 200
        response._content = body
        if refused:
            with pytest.raises(BadResponse) as caught:
                ApiClient._json(response)
            assert caught.value.status == 200
        else:
            ApiClient._json(response)
