"""Exit codes of cli-v1.md and the base of every error a person should read.

Core code raises a :class:`ClientError` subclass with a message key from
:mod:`eoffice_client.core.messages`; the CLI prints it as one line and exits with its
code, the GUI shows it in a dialog. Nothing here may carry a secret.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    UNEXPECTED = 1
    SIGN_IN_REFUSED = 2
    UNREACHABLE = 3
    CONFLICTS = 4
    SIGNED_OUT = 5
    UNKNOWN_ID = 6
    NOT_ALLOWED = 7
    SIGNING_FAILED = 8
    INVALID_INPUT = 9
    SYNC_RUNNING = 10
    REFUSED_FOR_SAFETY = 11
    CLIENT_TOO_OLD = 12
    USAGE = 64


class ClientError(Exception):
    """An error with a catalogue message and the CLI exit code that goes with it."""

    exit_code: ExitCode = ExitCode.UNEXPECTED

    def __init__(self, key: str, exit_code: ExitCode | None = None, **values: object) -> None:
        self.key = key
        self.values = values
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        return tr(self.key, lang, **self.values)


class UnknownIdError(ClientError):
    exit_code = ExitCode.UNKNOWN_ID


class InvalidInputError(ClientError):
    exit_code = ExitCode.INVALID_INPUT


class NotAllowedError(ClientError):
    exit_code = ExitCode.NOT_ALLOWED
