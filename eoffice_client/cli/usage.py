"""Wrong command-line usage (exit 64), said whole in the chosen language.

argparse writes its errors in English. :class:`Parser` raises :class:`UsageError` instead
of exiting, and :func:`usage_message` says argparse's error again from the catalogue
(``cli.usage.*``): each known argparse sentence is matched by a pattern of its English
text and its parts (option names, values) are carried over. A sentence no pattern knows
is still shown, inside the catalogue's general usage message.
"""

from __future__ import annotations

import argparse
import re


class UsageError(Exception):
    """Wrong command-line usage: exit 64 (argparse's own 2 means 'sign-in refused' here)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


#: argparse's error sentences (Python 3.11-3.13) and the catalogue key that says each.
_ARGPARSE_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key) for pattern, key in (
        (r"^the following arguments are required: (?P<names>.+)$", "cli.usage.required"),
        (r"^unrecognized arguments: (?P<names>.+)$", "cli.usage.unrecognized"),
        (r"^one of the arguments (?P<names>.+) is required$", "cli.usage.one_required"),
        (r"^ambiguous option: (?P<name>\S+) could match (?P<names>.+)$", "cli.usage.ambiguous"),
        (r"^argument (?P<name>.+?): invalid choice: (?P<value>.+?) \(choose from "
         r"(?P<names>.*)\)$", "cli.usage.invalid_choice"),
        (r"^argument (?P<name>.+?): invalid (?P<kind>\w+) value: (?P<value>.+)$",
         "cli.usage.invalid_value"),
        (r"^argument (?P<name>.+?): expected one argument$", "cli.usage.expected_one"),
        (r"^argument (?P<name>.+?): expected at most one argument$",
         "cli.usage.expected_at_most_one"),
        (r"^argument (?P<name>.+?): expected at least one argument$",
         "cli.usage.expected_at_least_one"),
        (r"^argument (?P<name>.+?): expected (?P<count>\d+) arguments?$",
         "cli.usage.expected_count"),
        (r"^argument (?P<name>.+?): not allowed with argument (?P<other>.+)$",
         "cli.usage.not_allowed_with"),
        (r"^argument (?P<name>.+?): ignored explicit argument (?P<value>.+)$",
         "cli.usage.ignored_value"),
    ))


def usage_message(error: UsageError) -> str:
    """The whole line a person reads for wrong usage, in the process's language."""
    from eoffice_client.core.messages import tr  # the catalogue: only when there is an error

    text = str(error)
    for pattern, key in _ARGPARSE_SENTENCES:
        found = pattern.match(text)
        if found:
            return tr("cli.usage", detail=tr(key, **found.groupdict()))
    return tr("cli.usage", detail=text)
