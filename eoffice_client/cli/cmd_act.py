"""``eoffice-client act DOC_ID ACTION [--params JSON]``: queue an action (works offline).

Refused at once with exit 7 when contract section 6 forbids it given the cached status,
``pending_with``, assignments, ``created_by`` and the user's roles; 9 for bad params.
Prints the outbox id of the queued change.
"""

from __future__ import annotations

import argparse
import json

from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import InvalidInputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("act", help="queue an action on a document")
    parser.add_argument("document_id", metavar="DOC_ID")
    parser.add_argument("action", metavar="ACTION")
    parser.add_argument("--params", help="the action's params, a JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    params = parse_params(args.params)
    with ctx.app() as app:
        print(app.changes.act(args.document_id, args.action, params))
    return 0


def parse_params(text: str | None, option: str = "--params") -> dict[str, object]:
    """``--params`` as a JSON object; anything else is exit 9 (nothing changed)."""
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise InvalidInputError("cli.invalid_json", option=option, detail=str(exc)) from None
    if not isinstance(value, dict):
        raise InvalidInputError("cli.invalid_json", option=option,
                                detail="a JSON object {...} is expected")
    return value
