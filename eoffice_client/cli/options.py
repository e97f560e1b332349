"""Option values shared by several commands: dates, whole numbers, JSON params, a secret
read from standard input, a period. Each bad value is exit 9 (nothing changed) with a
message naming the option."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TextIO

from eoffice_client.cli.usage import UsageError
from eoffice_client.core.errors import InvalidInputError


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError("cli.invalid_date", value=value) from None


def parse_int(option: str, value: str | None, low: int, high: int | None) -> int | None:
    """A whole number from ``low`` up to ``high`` (no upper bound when None)."""
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or number < low or (high is not None and number > high):
        if high is None:
            raise InvalidInputError("list.invalid_minimum", option=option, value=value, low=low)
        raise InvalidInputError("list.invalid_number", option=option, value=value, low=low,
                                high=high)
    return number


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


def read_secret(stream: TextIO, empty_key: str) -> str:
    """A password or PIN: the whole of ``stream`` without its final line break (never an
    argument: it would show in the process list); empty is an input error (``empty_key``)."""
    text = stream.read()
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    if not text:
        raise InvalidInputError(empty_key)
    return text


def add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    parser.add_argument("--to", dest="date_to", required=True, metavar="DATE")


def period(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """``--from`` and ``--to`` (both required by :func:`add_period`)."""
    from eoffice_client.core.messages import tr

    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    if date_from is None or date_to is None:
        raise UsageError(tr("cli_documents.dates_needed"))
    return date_from, date_to
