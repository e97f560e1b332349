"""The plaintext of cached files, for the viewer, "open with" and "save as".

With encryption at rest on, the files cache holds sealed files (``sync/files_at_rest.py``):
their paths are of no use to a viewer. These functions hand out the checked plaintext:
``read`` (bytes in memory, for a viewer that loads from memory), ``viewable`` (a path a
viewer reads: the cached file itself in a plain cache, a temporary plain copy in a sealed
one), ``temporary_copy`` (for an external program: always a copy, so the program cannot
change the cached file) and ``save_copy`` (a place the person chose). Temporary copies are
in ``<profile>/plain-copies/<this run>/``, named by :func:`safe_file_name`, and removed
when the application closes (and, left by a crash, at a start a day later).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client.core.app.records import AttachmentInfo
from eoffice_client.core.errors import ClientError, ExitCode

if TYPE_CHECKING:
    from eoffice_client.core.app.context import AppContext

COPIES_DIR = "plain-copies"
#: copies left by a run that crashed are removed at a start this much later
STALE_S = 24 * 3600


class FileNotCached(ClientError):
    """The attachment's verified bytes are not on this machine (fetch it first)."""

    exit_code = ExitCode.UNKNOWN_ID


class FilesApi:
    """``app.files``."""

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._folder: Path | None = None
        self._viewable: dict[str, Path] = {}  # sha256 -> this run's copy for the viewer

    def read(self, attachment: AttachmentInfo) -> bytes:
        """The whole checked plaintext (:class:`FileNotCached` when it is not here)."""
        return self._context.files.read_bytes(self._cached(attachment))

    def viewable(self, attachment: AttachmentInfo) -> Path | None:
        """A path the built-in viewer can read, None when the file is not cached."""
        files = self._context.files
        if not attachment.sha256 or not files.has(attachment.sha256):
            return None
        if not files.sealed:
            return files.path_for(attachment.sha256)
        known = self._viewable.get(attachment.sha256)
        if known is None or not known.is_file():
            known = self._viewable[attachment.sha256] = self._copy(attachment)
        return known

    def plain_path(self, sha256: str, file_name: str = "") -> Path:
        """A path of the file's plaintext for the core's own readers (signing, extending a
        signature): the cached file in a plain cache, this run's copy in a sealed one
        (:class:`FileNotCached` when it is not here)."""
        files = self._context.files
        if not sha256 or not files.has(sha256):
            raise FileNotCached("security.file_not_cached", id=sha256[:12] or "-")
        if not files.sealed:
            return files.path_for(sha256)
        info = AttachmentInfo(id=sha256[:12], file_name=file_name or "tep.pdf",
                              content_type="", size=0, sha256=sha256, role="",
                              uploaded_by=None, uploaded_at=None)
        found = self.viewable(info)
        assert found is not None  # it is cached: checked above
        return found

    def temporary_copy(self, attachment: AttachmentInfo) -> Path:
        """A plain copy for another program ("open with"), removed when the app closes."""
        path = self._copy(attachment)
        self._context.audit.record("exported", document_id=None, detail={
            "what": "open_with", "attachment": attachment.id})
        return path

    def save_copy(self, attachment: AttachmentInfo, destination: Path) -> Path:
        """The plaintext written whole at ``destination`` ("save as")."""
        sha = self._cached(attachment)
        done = self._context.files.copy_to(sha, Path(destination))
        self._context.audit.record("exported", detail={"what": "file",
                                                        "attachment": attachment.id})
        return done

    def close(self) -> None:
        """Removes this run's temporary copies."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._viewable.clear()

    def _cached(self, attachment: AttachmentInfo) -> str:
        sha = attachment.sha256
        if not sha or not self._context.files.has(sha):
            raise FileNotCached("security.file_not_cached", id=attachment.id)
        return sha

    def _copy(self, attachment: AttachmentInfo) -> Path:
        from eoffice_client.core.security.filenames import safe_file_name

        sha = self._cached(attachment)
        place = self._run_folder() / uuid.uuid4().hex[:8]
        place.mkdir(mode=0o700)
        return self._context.files.copy_to(sha, place / safe_file_name(attachment.file_name))

    def _run_folder(self) -> Path:
        if self._folder is None:
            parent = self._context.profile.root / COPIES_DIR
            parent.mkdir(mode=0o700, exist_ok=True)
            remove_stale_copies(parent)
            self._folder = parent / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            self._folder.mkdir(mode=0o700)
        return self._folder


def remove_stale_copies(parent: Path, now: float | None = None) -> None:
    """Removes run folders older than :data:`STALE_S` (a crashed run's copies)."""
    limit = (now or time.time()) - STALE_S
    for folder in parent.iterdir():
        try:
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
