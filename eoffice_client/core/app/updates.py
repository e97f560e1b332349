"""``app.updates``: is this client too old for its server, and is a newer one published?

Two sources, both for the window's notice bar and ``status``:

- the server's ``GET /info`` ``min_client_version``: above ours, syncing is refused (exit
  12) until IT upgrades; :meth:`UpdatesApi.required_version` names the version needed;
- the update manifest a policy names (``UpdateManifestUrl``, core/update.py), read at most
  once a day: :meth:`UpdatesApi.notice`.
"""

from __future__ import annotations

import logging

from eoffice_client import __version__
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.errors import ClientError
from eoffice_client.core.update import (
    UpdateNotice,
    check_for_update,
    client_too_old_message,
    read_update_notice,
)

__all__ = ["UpdateNotice", "UpdatesApi", "client_too_old_message"]

log = logging.getLogger("eoffice.app.updates")


class UpdatesApi:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    @property
    def current_version(self) -> str:
        return __version__

    def notice(self, *, check: bool = True) -> UpdateNotice | None:
        """The manifest's answer (None when no policy names one). ``check``: read the
        manifest when the last reading is a day old (network); else the kept answer only."""
        context = self._context
        if check:
            return check_for_update(context.profile, context.settings)
        return read_update_notice(context.profile, context.settings)

    def required_version(self, *, ask: bool = True) -> str | None:
        """The server's ``min_client_version`` when it is above ours, else None. ``ask``:
        ``GET /info`` now (network; an unreachable server answers None: not known)."""
        from eoffice_client.core.api.client import ApiClient
        from eoffice_client.core.api.servers import version_tuple

        context = self._context
        try:
            client = context.api()
            own = False
        except ClientError:
            server = context.settings.server
            if not server or not ask:
                return None
            try:
                client = ApiClient(server, profile=context.profile, settings=context.settings)
            except ClientError:
                return None
            own = True
        try:
            info = client.info(check=False) if ask else client.server_info
        except ClientError as exc:
            log.info("the server's version requirement is not known: %s", type(exc).__name__)
            info = client.server_info
        finally:
            if own:
                client.close()
        minimum = (info.min_client_version if info is not None else "") or ""
        return minimum if version_tuple(minimum or "0") > version_tuple(__version__) else None
