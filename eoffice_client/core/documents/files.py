"""Writing produced files without leaving half a file behind."""

from __future__ import annotations

from pathlib import Path

from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.durable import replace_durably


def write_atomically(out: Path, data: bytes) -> None:
    """Writes ``data`` to ``out`` through a temporary file beside it; a full disk or a
    folder that cannot be written is a clear error and ``out`` is left as it was."""
    try:
        replace_durably(out, data)
    except OSError as exc:
        raise DocumentFileError("documents.cannot_write", path=str(out),
                                detail=exc.strerror or str(exc)) from None
