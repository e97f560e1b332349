"""RFC 7396 merge patch, shared by the sandbox's PATCH and the client's optimistic copy."""

from __future__ import annotations

from eoffice_client.core.domain.merge_patch import merge_patch


def test_rfc_7396_examples() -> None:
    target = {"a": "b", "c": {"d": "e", "f": "g"}}
    assert merge_patch(target, {"a": "z", "c": {"f": None}}) == {"a": "z", "c": {"d": "e"}}
    assert merge_patch({"a": ["b"]}, {"a": "c"}) == {"a": "c"}
    assert merge_patch({"a": "foo"}, "bar") == "bar"
    assert merge_patch({}, {"a": {"bb": {"ccc": None}}}) == {"a": {"bb": {}}}
    assert target == {"a": "b", "c": {"d": "e", "f": "g"}}  # unchanged


def test_lists_are_replaced_not_shared() -> None:
    patch = {"recipients": [{"org_id": "x"}]}
    merged = merge_patch({"recipients": []}, patch)
    merged["recipients"].append({"org_id": "y"})
    assert patch == {"recipients": [{"org_id": "x"}]}
