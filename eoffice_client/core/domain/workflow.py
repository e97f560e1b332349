"""The workflow of contract section 6: one table and the engine that reads it, gathered here.

The client and the sandbox server share it. The parts:

- workflow_rules.py: the table, one :class:`Rule` per action (:data:`RULES`);
- workflow_context.py: what the engine needs from outside (users, catalogue, the server's
  :class:`ServerEffects`) and the :class:`Refusal` it answers with;
- workflow_access.py: who may take which action (:func:`allowed_actions`...);
- workflow_checks.py: :func:`check` answers in the order of contract section 1 (403, then
  409, then 422);
- workflow_effects.py: :func:`apply` computes the new state.

Callers use ``workflow.X``; the names below are the public face.
"""

from __future__ import annotations

from eoffice_client.core.domain.workflow_access import (
    CREATE_ROLES,
    HANDLING_ROLES,
    SUBMIT_NEXT,
    allowed_actions,
    is_lead,
    may_be_assigned,
    may_create,
    may_ever_take,
    may_receive,
    may_take,
    role_actions,
    status_allows,
)
from eoffice_client.core.domain.workflow_checks import (
    CHECKS,
    check,
    param_errors,
    register_fits,
)
from eoffice_client.core.domain.workflow_context import (
    Catalog,
    CheckContext,
    Refusal,
    ServerEffects,
    UserIndex,
)
from eoffice_client.core.domain.workflow_effects import apply, lead_users
from eoffice_client.core.domain.workflow_rules import (
    ACTIONS,
    ALL_DIRECTIONS,
    INCOMING,
    OPEN_STATUSES,
    OUT_INT,
    RULES,
    SUBMIT_FROM,
    SUBMIT_TO,
    VERSIONED_ACTIONS,
    AssignmentsAfter,
    Document,
    Param,
    PendingAfter,
    Rule,
    User,
)

__all__ = [
    "ACTIONS", "ALL_DIRECTIONS", "CHECKS", "CREATE_ROLES", "HANDLING_ROLES", "INCOMING",
    "OPEN_STATUSES", "OUT_INT", "RULES", "SUBMIT_FROM", "SUBMIT_NEXT", "SUBMIT_TO",
    "VERSIONED_ACTIONS", "AssignmentsAfter", "Catalog", "CheckContext", "Document", "Param",
    "PendingAfter", "Refusal", "Rule", "ServerEffects", "User", "UserIndex", "allowed_actions",
    "apply", "check", "is_lead", "lead_users", "may_be_assigned", "may_create",
    "may_ever_take", "may_receive", "may_take", "param_errors", "register_fits",
    "role_actions", "status_allows",
]
