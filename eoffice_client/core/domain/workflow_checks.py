"""Whether a workflow action may be taken now, in the order of contract section 1.

:func:`check` answers 403 (who), then 409 (the status), then 422 (the params by their
specs, then the rule's named checks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from eoffice_client.core.domain.enums import (
    AssigneeType,
    AssignmentRole,
    CommentKind,
    Direction,
    Role,
)
from eoffice_client.core.domain.workflow_access import may_take, status_allows
from eoffice_client.core.domain.workflow_context import Catalog, CheckContext, Refusal
from eoffice_client.core.domain.workflow_rules import RULES, Document, Param, Rule, User


def register_fits(doc: Document, register: Mapping[str, Any], today: dt.date) -> bool:
    """Whether ``register`` can take ``doc`` (its direction, this year, its secrecy): the
    ``register_fits`` check that ``register`` and ``number`` apply."""
    context = CheckContext(catalog=Catalog([dict(register)]), today=today)
    return not _check_register_fits(doc, {"register_id": register.get("id")}, context)


# --- params ---------------------------------------------------------------------------------
def param_errors(action: str, params: Mapping[str, Any]) -> list[dict[str, str]]:
    """The errors of ``params`` by the action's own param specs (forms check them first)."""
    rule = RULES.get(action)
    return _param_errors(rule, params) if rule is not None else []


def _param_errors(rule: Rule, params: Mapping[str, Any]) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    for spec in rule.params:
        value = params.get(spec.name)
        where = f"params.{spec.name}"
        if value is None:
            if spec.required and not (spec.nullable and spec.name in params):
                errors.append({"field": where, "message": "required"})
            continue
        message = _type_error(spec, value)
        if message:
            errors.append({"field": where, "message": message})
    return errors


def _type_error(spec: Param, value: Any) -> str | None:
    if spec.kind in ("str", "id", "date") and not isinstance(value, str):
        return "must be a string"
    if spec.kind == "list" and not isinstance(value, list):
        return "must be a list"
    if spec.kind == "id" and not value.strip():
        return "must not be empty"
    if spec.kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "must be a date YYYY-MM-DD"
    if spec.kind == "str":
        length = len(value.strip())
        if length < spec.min_len:
            return f"must have at least {spec.min_len} characters"
        if spec.max_len is not None and len(value) > spec.max_len:
            return f"must have at most {spec.max_len} characters"
        if spec.choices and value not in spec.choices:
            return "must be one of " + ", ".join(spec.choices)
    return None


def _check_register_fits(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    registers = ctx.catalog.registers
    if registers is None:
        return []
    register = next((r for r in registers if r.get("id") == params.get("register_id")), None)
    if register is None:
        return [{"field": "params.register_id", "message": "unknown register"}]
    incoming = doc.get("direction") == Direction.INCOMING
    wanted = Direction.INCOMING if incoming else Direction.OUTGOING
    problems = []
    if register.get("direction") != wanted:
        problems.append(f"must be a register of {wanted} documents")
    if register.get("year") != ctx.today.year:
        problems.append(f"must be a register of {ctx.today.year}")
    if bool(register.get("secret")) != (int(doc.get("secrecy") or 0) >= 1):
        problems.append("must be a secret register exactly when the document is secret")
    return [{"field": "params.register_id", "message": p} for p in problems]


def _check_assignments(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    items = params.get("assignments") or []
    errors = []
    for i, item in enumerate(items):
        where = f"params.assignments[{i}]"
        if not isinstance(item, dict):
            errors.append({"field": where, "message": "must be an object"})
            continue
        if item.get("assignee_type") not in (AssigneeType.USER, AssigneeType.UNIT):
            errors.append({"field": f"{where}.assignee_type", "message": "must be user or unit"})
        if not isinstance(item.get("assignee_id"), str) or not item.get("assignee_id"):
            errors.append({"field": f"{where}.assignee_id", "message": "required"})
        if item.get("role") not in tuple(r.value for r in AssignmentRole):
            errors.append({"field": f"{where}.role", "message": "must be lead, support or info"})
        due = item.get("due_date")
        if due is not None and _type_error(Param("due_date", "date"), due):
            errors.append({"field": f"{where}.due_date", "message": "must be a date YYYY-MM-DD"})
    if not any(isinstance(i, dict) and i.get("role") == AssignmentRole.LEAD for i in items):
        errors.append({"field": "params.assignments", "message": "needs at least one lead"})
    return errors


def _check_one_main_pdf(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    if int(doc.get("secrecy") or 0) >= 1:
        return []
    mains = [a for a in doc.get("attachments") or [] if a.get("role") == "main"]
    if len(mains) != 1:
        return [{"field": "attachments", "message": "needs exactly one main attachment"}]
    if not ctx.is_pdf(mains[0]):
        return [{"field": "attachments", "message": "the main attachment must be a PDF"}]
    return []


def _file_of_role(role: str) -> Callable[[Document, Mapping[str, Any], CheckContext], list]:
    def check(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
        attachment_id = params.get("attachment_id")
        if attachment_id is None:
            if int(doc.get("secrecy") or 0) >= 1:
                return []
            return [{"field": "params.attachment_id", "message": f"needs the {role} PDF"}]
        found = [a for a in doc.get("attachments") or [] if a.get("id") == attachment_id]
        if not found or found[0].get("role") != role:
            return [{"field": "params.attachment_id", "message": f"must be a {role} attachment"}]
        return []

    return check


def _check_to_user(doc: Document, params: Mapping[str, Any], ctx: CheckContext) -> list:
    users = ctx.directory.users
    target = params.get("to_user_id")
    if users and isinstance(target, str) and target not in users:
        return [{"field": "params.to_user_id", "message": "unknown user"}]
    return []


CHECKS: Mapping[str, Callable[[Document, Mapping[str, Any], CheckContext], list]] = {
    "register_fits": _check_register_fits,
    "assignments_valid": _check_assignments,
    "one_main_pdf": _check_one_main_pdf,
    "signed_file": _file_of_role("signed"),
    "final_file": _file_of_role("final"),
    "to_user_known": _check_to_user,
}


def check(
    doc: Document, action: str, params: Any, user: User, ctx: CheckContext | None = None
) -> Refusal | None:
    """None when ``user`` may take ``action`` now, else why not (403, 409, 422 in that order)."""
    ctx = ctx or CheckContext()
    rule = RULES.get(action)
    if rule is None:
        return Refusal(422, "validation_failed", f"unknown action {action!r}",
                       ({"field": "action", "message": "unknown action"},))
    if not may_take(rule, doc, user) or _directive_by_non_leader(rule, params, user):
        return Refusal(403, "forbidden", f"this user may not {action} this document")
    if not status_allows(rule, doc):
        return Refusal(409, "invalid_transition",
                       f"{action} is not allowed on a {doc.get('direction')} document "
                       f"in status {doc.get('status')}")
    if not isinstance(params, dict):
        return Refusal(422, "validation_failed", "params must be an object",
                       ({"field": "params", "message": "must be an object"},))
    errors = _param_errors(rule, params)
    if not errors:
        for name in rule.checks:
            if name in CHECKS:
                errors.extend(CHECKS[name](doc, params, ctx))
    if errors:
        return Refusal(422, "validation_failed", "invalid params", tuple(errors))
    return None


def _directive_by_non_leader(rule: Rule, params: Any, user: User) -> bool:
    return (
        "directive_needs_leader" in rule.checks
        and isinstance(params, dict)
        and params.get("kind") == CommentKind.DIRECTIVE
        and Role.LEADER not in (user.get("roles") or [])
    )
