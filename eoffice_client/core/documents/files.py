"""Writing produced files without leaving half a file behind."""

from __future__ import annotations

import os
from pathlib import Path

from eoffice_client.core.documents.errors import DocumentFileError


def write_atomically(out: Path, data: bytes) -> None:
    """Writes ``data`` to ``out`` through a temporary file beside it; a full disk or a
    folder that cannot be written is a clear error and ``out`` is left as it was."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DocumentFileError("documents.cannot_write", path=str(out),
                                detail=exc.strerror or str(exc)) from None
