"""The errors of drafting and reading documents, each a message key and an exit code."""

from __future__ import annotations

from eoffice_client.core.errors import ClientError, ExitCode


class DocumentFileError(ClientError):
    """A file that cannot be used as asked (broken, encrypted, empty, not a PDF or an
    image, unwritable): exit 9, the message names the file and the problem."""

    exit_code = ExitCode.INVALID_INPUT


class ConverterMissingError(ClientError):
    """Neither LibreOffice nor Microsoft Word is installed (exit 9)."""

    exit_code = ExitCode.INVALID_INPUT


class ConversionError(ClientError):
    """The converter ran but gave no PDF (it failed or timed out) (exit 9)."""

    exit_code = ExitCode.INVALID_INPUT
