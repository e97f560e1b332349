"""Hypothesis strategies for hostile JSON: any value json.loads can give, and mutations of
valid contract objects (one field replaced, removed, or a key added)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

ODD_TEXT = ["", "\x00", "a\x00b", "\u202e", "\ud800", "\udfff", "\ufeff", "💥" * 3, "..",
            "../../etc/passwd", "C:\\Windows", "CON", " " * 5, "é" * 600, "\n\r\t",
            "<script>", "%s%s%n", "{0}{1}", "1" * 40, "2026-02-30", "2026-13-01",
            "0000-01-01", "9999-12-31T23:59:59", "not a date", "NaN", "null"]
ODD_NUMBERS = [0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30,
               1e308, -1e308, 0.5, -0.0, float("inf"), float("-inf"), float("nan"), True,
               False]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(ODD_TEXT), st.sampled_from(ODD_NUMBERS))

json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(
            ["id", "seq", "kind", "op", "data", "changes", "cursor", "has_more", "sha256",
             "secrecy", "version", "attachments"])), children, max_size=5)),
    max_leaves=20)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a field or item inside ``value``."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found.extend(paths(item, (*prefix, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn, valid: Any) -> Any:
    """``valid`` with 1-3 mutations: a field replaced by a hostile value, removed, a key added."""
    value = copy.deepcopy(valid)
    for _ in range(draw(st.integers(1, 3))):
        where = paths(value)
        if not where:
            break
        path = draw(st.sampled_from(where))
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if how == "replace":
            parent[path[-1]] = draw(json_values)
        elif how == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
    return value
