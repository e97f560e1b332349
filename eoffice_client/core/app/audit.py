"""The local audit trail as the application writes and shows it.

:class:`AuditRecorder` is the one place the application's parts write the trail
(``core/security/audit.py``): ``record(kind, document_id=..., outbox_id=..., detail=...)``
after the action is done, and :func:`audited_queue`, the durable transaction of every
change to the outbox, which records each change it queued, and each it removed, once the
transaction committed. Ids and short codes only: never a subject, a text or a secret
(``clean_detail`` refuses the names that would carry one).

:class:`AuditApi` is ``app.audit``: ``verify()`` (``eoffice-client audit verify``, the
diagnostics bundle) and ``entries()`` (the window's viewer).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from eoffice_client.config import Profile
from eoffice_client.core.errors import ClientError

if TYPE_CHECKING:
    from eoffice_client.core.app.context import AppContext
    from eoffice_client.core.security.audit import (
        AuditEntry,
        AuditLocation,
        AuditTrail,
        DetailValue,
    )
    from eoffice_client.core.security.audit_check import AuditCheck

__all__ = ["AuditApi", "AuditRecorder", "audited_queue"]

log = logging.getLogger("eoffice.app.audit")


class AuditRecorder:
    """Appends to one profile's trail. A trail that cannot be written (a full disk, a
    keyring that went away) does not undo or stop the action already done: the failure
    is logged, and verification shows the gap."""

    def __init__(self, profile: Profile) -> None:
        self._profile = profile
        self._trail: AuditTrail | None = None

    @property
    def location(self) -> AuditLocation:
        from eoffice_client.core.security.audit import AuditLocation

        return AuditLocation.for_profile(self._profile)

    def _appender(self) -> AuditTrail:
        if self._trail is None:
            from eoffice_client.core.security.audit import AuditTrail

            self._trail = AuditTrail(self.location)
        return self._trail

    def record(self, kind: str, *, document_id: str | None = None,
               outbox_id: str | None = None,
               detail: Mapping[str, DetailValue] | None = None) -> None:
        """Appends one entry (``kind``: an :class:`AuditKind` value)."""
        from eoffice_client.core.security.audit import AuditKind

        try:
            self._appender().append(AuditKind(kind), document_id=document_id,
                                    outbox_id=outbox_id, detail=detail)
        except (OSError, ClientError) as exc:
            log.warning("audit entry %s not written: %s", kind, type(exc).__name__)

    def forget_files(self) -> None:
        """Removes the trail and its set-aside copies (``logout --wipe``)."""
        location = self.location
        for path in (location.trail, location.lock, *location.set_aside_files()):
            path.unlink(missing_ok=True)
        self._trail = None

    def forget_anchor(self) -> None:
        """Removes the trail's anchor from the keyring (after :meth:`forget_files`)."""
        from eoffice_client.core.security import vault

        vault.delete_secret(self.location.profile_id, vault.AUDIT_ANCHOR)


@contextmanager
def audited_queue(context: AppContext, *, removed: str = "dropped",
                  detail: Mapping[str, DetailValue] | None = None) -> Iterator[Connection]:
    """``store.durable()`` for a change of the outbox: after the commit, every row it added
    is recorded as queued and every row it removed as ``removed`` (cancelled, dropped).
    The write lock is held from the first read, so no other writer's rows are counted."""
    with context.store.durable() as conn:
        before = _outbox_rows(conn)
        yield conn
        after = _outbox_rows(conn)
    extra = dict(detail or {})
    for row_id in sorted(after.keys() - before.keys(), key=lambda r: after[r][2]):
        document_id, label, _ = after[row_id]
        context.audit.record("queued", document_id=document_id, outbox_id=row_id,
                             detail={"action": label, **extra})
    for row_id in sorted(before.keys() - after.keys(), key=lambda r: before[r][2]):
        document_id, label, _ = before[row_id]
        context.audit.record(removed, document_id=document_id, outbox_id=row_id,
                             detail={"action": label, **extra})


def _outbox_rows(conn: Connection) -> dict[str, tuple[str, str, int]]:
    """outbox id -> (document id, the action's name, its position)."""
    rows = conn.execute(text("SELECT id, document_id, kind, action, position FROM outbox"))
    return {str(r[0]): (str(r[1]), str(r[3] if r[2] == "action" and r[3] else r[2]),
                        int(r[4])) for r in rows}


class AuditApi:
    """``app.audit``: the trail's verification and its entries."""

    def __init__(self, context: AppContext) -> None:
        self._context = context

    @property
    def location(self) -> AuditLocation:
        return self._context.audit.location

    def verify(self) -> AuditCheck:
        """The whole chain and its anchor checked (never raises for a damaged trail:
        ``.ok``, ``.first_bad``, ``.message()``; ``raise_if_broken()`` is exit 9)."""
        from eoffice_client.core.security.audit_check import verify_trail

        return verify_trail(self.location)

    def entries(self, *, after_seq: int = 0, limit: int | None = None) -> list[AuditEntry]:
        """The readable entries after ``after_seq``, oldest first (the window's viewer
        pages with ``after_seq`` = the last one it shows)."""
        from eoffice_client.core.security.audit import read_entries

        return read_entries(self.location, after_seq=after_seq, limit=limit)

    def printed(self, document_id: str) -> None:
        """The window printed this document (the print dialog's OK)."""
        self._context.audit.record("printed", document_id=document_id)
