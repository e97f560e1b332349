"""Redaction of secrets and document text from anything written for people or IT staff.

:func:`redact` is a pure function used on log records (:class:`RedactingFilter`), crash
reports and the diagnostics bundle. It removes, by their SHAPE:

- the ``user:password@`` part of addresses (``<removed>@`` is left);
- ``Authorization``/``Proxy-Authorization``/``Cookie``/``Set-Cookie``/``X-Api-Key`` header
  values, and ``Bearer``/``Basic`` credentials anywhere;
- values of secret-named fields (``password``, ``pin``, ``token``, ``access_token``,
  ``refresh_token``, ``secret``, ``api_key``, ``passphrase``, ``mật khẩu``...) written as
  ``name=value``, ``name: value``, ``"name": "value"`` or ``'name': 'value'`` (a dict's repr);
- JSON Web Tokens and PEM private keys;

and, by their VALUE, the strings it is given: ``secrets`` (keyring values, the tokens and
the password in memory) and ``contents`` (document subjects and body text), matched
case-insensitively. Short strings (under :data:`MIN_EXACT` characters) are not matched by
value, so a PIN of 4 digits is removed only where its name says what it is.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable

REMOVED = "<removed>"
REMOVED_TEXT = "<document text removed>"
MIN_EXACT = 6
#: lines of a body text at least this long are removed on their own too
MIN_LINE = 16

_SECRET_NAMES = (
    r"pass(?:word|wd|phrase)?|pwd|pin|otp|secret|client_secret|api[_-]?key|apikey"
    r"|(?:access|refresh|id|auth|session|bearer|csrf)?[_-]?token|authorization|cookie"
    r"|mật[ _]khẩu|mat[ _]khau|mã[ _]pin|ma[ _]pin"
)
_NAME = rf"[\w-]*?(?:{_SECRET_NAMES})(?![a-z])"
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
_HEADER_LINE = re.compile(
    r"(?im)^(\s*(?:proxy-)?(?:authorization|cookie|set-cookie|x-api-key)\s*:\s*).+$")
_SCHEMES = ("bearer", "basic", "digest", "negotiate")
_SCHEME_CREDENTIAL = re.compile(
    rf"""(?i)\b({'|'.join(_SCHEMES)})\s+(?!{REMOVED})[^\s'",}}\]]{{4,}}""")
#: "Authorization: Bearer <removed>" as the scheme rule left it: not a value to remove again
_SCHEME_DONE = rf"(?!(?:{'|'.join(_SCHEMES)})\s+{REMOVED})"
_QUOTED_PAIR = re.compile(
    rf"""(?ix)(?P<head>(?P<q>["'])(?P<name>{_NAME})(?P=q)\s*:\s*){_SCHEME_DONE}
         (?P<value>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,\s}}\]]+)""")
_BARE_PAIR = re.compile(
    rf"""(?ix)(?P<head>(?<![\w])(?P<name>{_NAME})\s*[=:]\s*){_SCHEME_DONE}
         (?P<value>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&,;'"}}\]]+)""")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_PEM_KEY = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|\Z)", re.S)


def redact(text: str, *, secrets: Iterable[str] = (), contents: Iterable[str] = ()) -> str:
    """``text`` without secrets and without the given document texts."""
    text = _remove_values(text, contents, REMOVED_TEXT, lines=True)
    text = _remove_values(text, secrets, REMOVED, lines=False)
    text = _PEM_KEY.sub("-----BEGIN PRIVATE KEY----- " + REMOVED, text)
    text = _USERINFO.sub(REMOVED + "@", text)
    text = _HEADER_LINE.sub(lambda m: m.group(1) + REMOVED, text)
    text = _SCHEME_CREDENTIAL.sub(lambda m: f"{m.group(1)} {REMOVED}", text)
    text = _QUOTED_PAIR.sub(_keep_quotes, text)
    text = _BARE_PAIR.sub(_keep_quotes, text)
    return _JWT.sub(REMOVED, text)


def _keep_quotes(match: re.Match[str]) -> str:
    value = match.group("value")
    if value.strip("\"'") == REMOVED:
        return match.group(0)  # already removed
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{match.group('head')}{quote}{REMOVED}{quote}"


def _remove_values(text: str, values: Iterable[str], marker: str, *, lines: bool) -> str:
    """Replaces each value (and, for body texts, each long line of it), longest first."""
    found: set[str] = set()
    for value in values:
        whole = value.strip() if value else ""
        if len(whole) >= MIN_EXACT:
            found.add(whole)
        if lines and "\n" in whole:
            found.update(line.strip() for line in whole.splitlines()
                         if len(line.strip()) >= MIN_LINE)
    if not found:
        return text
    pattern = re.compile("|".join(re.escape(v) for v in sorted(found, key=len, reverse=True)),
                         re.IGNORECASE)
    return pattern.sub(marker, text)


# --- secrets known to this process ------------------------------------------------------------
class KnownSecrets:
    """Values to remove by value from every log record: tokens and passwords while in memory.

    Whoever receives a secret adds it and discards it when it is dropped (sign-out, token
    rotation). Counted: two holders of the same token (two API clients restoring one
    sign-in) each add it, and it stays known until both discarded it. Thread-safe.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, int] = {}

    def add(self, value: str | None) -> None:
        if value and len(value) >= MIN_EXACT:
            with self._lock:
                self._values[value] = self._values.get(value, 0) + 1

    def discard(self, value: str | None) -> None:
        if value:
            with self._lock:
                left = self._values.get(value, 0) - 1
                if left > 0:
                    self._values[value] = left
                else:
                    self._values.pop(value, None)

    def values(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(self._values)

    def __repr__(self) -> str:  # never the values
        return f"KnownSecrets({len(self._values)} values)"


KNOWN_SECRETS = KnownSecrets()


class RedactingFilter(logging.Filter):
    """Redacts each record's message and traceback before any handler formats it.

    Add it to HANDLERS (``handler.addFilter``): a filter on a logger only sees the records
    logged on that very logger, not those of its children. The record's ``msg`` becomes the
    redacted text and its ``args`` are cleared, so later handlers see the same safe text.
    """

    def __init__(self, secrets: Callable[[], Iterable[str]] = KNOWN_SECRETS.values,
                 contents: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self._secrets = secrets
        self._contents = contents

    def filter(self, record: logging.LogRecord) -> bool:
        secrets, contents = tuple(self._secrets()), tuple(self._contents())
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad %-format: keep the template, drop the args
            message = str(record.msg)
        record.msg = redact(message, secrets=secrets, contents=contents)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets=secrets, contents=contents)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets=secrets, contents=contents)
        return True


def install(handler: logging.Handler, filter_: RedactingFilter | None = None) -> RedactingFilter:
    """Adds a :class:`RedactingFilter` to ``handler`` (once) and returns it."""
    for existing in handler.filters:
        if isinstance(existing, RedactingFilter):
            return existing
    added = filter_ or RedactingFilter()
    handler.addFilter(added)
    return added
