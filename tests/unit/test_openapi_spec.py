"""docs/api/openapi.yaml: a valid OpenAPI 3.1 document that states the whole contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from eoffice_client.core.domain import workflow
from eoffice_client.core.domain.enums import AttachmentRole, Direction, Role, Status
from eoffice_client.sandbox.sample_data import generate

SPEC_PATH = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"

#: (method, path) of every operation of eoffice-api-v1.md.
CONTRACT_OPERATIONS = {
    ("get", "/info"),
    ("post", "/auth/login"),
    ("post", "/auth/refresh"),
    ("post", "/auth/logout"),
    ("get", "/sync/changes"),
    ("post", "/documents"),
    ("patch", "/documents/{id}"),
    ("post", "/documents/{id}/actions"),
    ("get", "/attachments/{id}/content"),
    ("put", "/attachments/{id}/content"),
    ("delete", "/attachments/{id}"),
}
#: Every problem code the contract names, with the status it comes with.
CONTRACT_CODES = {
    "invalid_credentials": "401", "account_locked": "423", "invalid_grant": "401",
    "token_expired": "401", "invalid_token": "401", "idempotency_key_required": "400",
    "idempotency_key_reused": "422", "request_in_progress": "409", "already_exists": "409",
    "invalid_cursor": "400", "cursor_expired": "410", "validation_failed": "422",
    "not_found": "404", "forbidden": "403", "secret_content": "403",
    "invalid_transition": "409", "version_conflict": "412", "precondition_required": "428",
    "attachment_exists": "409", "checksum_mismatch": "422", "file_too_large": "413",
    "rate_limited": "429", "unavailable": "503",
}
CONTRACT_HEADERS = {
    "Idempotency-Key", "If-Match", "ETag", "Range", "If-Range", "Retry-After",
    "Idempotent-Replayed", "X-File-Name", "X-Content-SHA256", "Date", "Content-Range",
}
CHANGING = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                found[(method, path)] = operation
    return found


def _walk(node: Any) -> Any:
    """Every dict and list inside ``node``."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _codes_of(spec: dict[str, Any], response: Any) -> set[str]:
    """The problem codes a response's schema allows (its const/enum on ``code``)."""
    response = _resolve(spec, response)
    codes: set[str] = set()
    for media in (response.get("content") or {}).values():
        for node in _walk(_resolve(spec, media.get("schema"))):
            node = _resolve(spec, node)
            if isinstance(node, dict):
                for part in node.get("allOf", []):
                    code = _resolve(spec, part).get("properties", {}).get("code", {})
                    codes |= {code["const"]} if "const" in code else set(code.get("enum", []))
    return codes


def _schema_validator(spec: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_the_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)
    assert spec["servers"][0]["url"].endswith("/api/v1")


def test_every_contract_operation_and_no_other(spec: dict[str, Any]) -> None:
    assert set(_operations(spec)) == CONTRACT_OPERATIONS


def test_every_problem_code_with_its_status(spec: dict[str, Any]) -> None:
    enum = set(spec["components"]["schemas"]["ProblemCode"]["enum"])
    assert enum == set(CONTRACT_CODES)
    seen: dict[str, set[str]] = {}
    for operation in _operations(spec).values():
        for status, response in operation["responses"].items():
            for code in _codes_of(spec, response):
                seen.setdefault(code, set()).add(status)
    for code, status in CONTRACT_CODES.items():
        if code == "unavailable":  # 5xx answers may carry any code
            continue
        assert status in seen.get(code, set()), code
    assert set(seen) <= enum


def test_headers_of_the_contract(spec: dict[str, Any]) -> None:
    named: set[str] = set()
    for operation in _operations(spec).values():
        for parameter in operation.get("parameters", []):
            parameter = _resolve(spec, parameter)
            if parameter["in"] == "header":
                named.add(parameter["name"])
        for response in operation["responses"].values():
            named |= set(_resolve(spec, response).get("headers", {}))
    for item in spec["paths"].values():
        for parameter in item.get("parameters", []):
            named.add(_resolve(spec, parameter)["name"])
    assert named >= CONTRACT_HEADERS
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_changes_carry_an_idempotency_key_and_auth_takes_none(spec: dict[str, Any]) -> None:
    for (method, path), operation in _operations(spec).items():
        names = {_resolve(spec, p)["name"]: _resolve(spec, p)
                 for p in operation.get("parameters", [])}
        if method in CHANGING and not path.startswith("/auth/"):
            assert names["Idempotency-Key"]["required"] is True, path
            assert "400" in operation["responses"], path
        else:
            assert "Idempotency-Key" not in names, path
    patch = _operations(spec)[("patch", "/documents/{id}")]
    assert any(_resolve(spec, p)["name"] == "If-Match" and _resolve(spec, p)["required"]
               for p in patch["parameters"])
    for key in (("patch", "/documents/{id}"), ("post", "/documents/{id}/actions")):
        assert {"412", "428"} <= set(_operations(spec)[key]["responses"])
    for operation in _operations(spec).values():
        for status in ("429", "503"):
            headers = _resolve(spec, operation["responses"][status]).get("headers", {})
            assert "Retry-After" in headers


def test_vocabularies_match_the_domain(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert set(schemas["Status"]["enum"]) == {s.value for s in Status}
    assert set(schemas["Direction"]["enum"]) == {d.value for d in Direction}
    assert set(schemas["Role"]["enum"]) == {r.value for r in Role}
    assert set(schemas["AttachmentRole"]["enum"]) == {r.value for r in AttachmentRole}
    assert set(schemas["ActionName"]["enum"]) == set(workflow.ACTIONS)
    actions = {_resolve(spec, s)["properties"]["action"]["const"]
               for s in schemas["ActionRequest"]["oneOf"]}
    assert actions == set(workflow.ACTIONS)


def test_an_action_body_is_checked_per_action(spec: dict[str, Any]) -> None:
    validator = _schema_validator(spec, "ActionRequest")
    assert validator.is_valid({"action": "register", "params": {"register_id": "r1"}})
    assert validator.is_valid({"action": "mark_read", "params": {}})
    assert not validator.is_valid({"action": "register", "params": {}})
    assert not validator.is_valid({"action": "return", "params": {"reason": "short"}})
    assert not validator.is_valid({"action": "fly", "params": {}})
    lead = {"assignee_type": "unit", "assignee_id": "u1", "role": "lead"}
    support = {**lead, "role": "support"}
    assert validator.is_valid({"action": "assign", "params": {"assignments": [lead]}})
    assert not validator.is_valid({"action": "assign", "params": {"assignments": [support]}})


def test_sample_objects_fit_the_schemas(spec: dict[str, Any]) -> None:
    sample = generate(150, seed=2, today=dt.date(2026, 11, 27))
    document = _schema_validator(spec, "Document")
    for doc in sample.iter_documents():
        errors = sorted(document.iter_errors(doc), key=str)
        assert not errors, (doc["id"], errors[0].message if errors else "")
    user, unit = _schema_validator(spec, "User"), _schema_validator(spec, "Unit")
    assert all(user.is_valid(u) for u in sample.users)
    assert all(unit.is_valid(u) for u in sample.units)
    assert _schema_validator(spec, "Catalog").is_valid(sample.catalog)
    assert _schema_validator(spec, "Organization").is_valid(sample.organization)
    change = _schema_validator(spec, "Change")
    assert change.is_valid({"seq": 1, "kind": "user", "op": "upsert", "id": "x",
                            "data": sample.users[0]})
    assert not change.is_valid({"seq": 1, "kind": "user", "op": "upsert", "id": "x",
                                "data": {"id": "x"}})
    assert change.is_valid({"seq": 2, "kind": "future_kind", "op": "upsert", "id": "x",
                            "data": {"any": 1}})
    assert not change.is_valid({"seq": 2, "kind": "document", "op": "delete", "id": "x",
                                "data": {}})


def test_document_schema_names_every_contract_field(spec: dict[str, Any]) -> None:
    document = spec["components"]["schemas"]["Document"]
    assert set(document["required"]) == set(document["properties"])
    assert len(document["required"]) == 34
    create = _resolve(spec, spec["components"]["schemas"]["DocumentCreate"]["allOf"][1])
    assert set(create["required"]) == {"id", "direction", "type_code", "subject"}
    patch = _schema_validator(spec, "DocumentPatch")
    assert patch.is_valid({"subject": "Về việc đổi tên", "due_date": None})
    assert not patch.is_valid({"direction": "incoming"})
