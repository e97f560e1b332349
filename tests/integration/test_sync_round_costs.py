"""What an empty sync round costs (one feed GET, no /info every round), and the small
correctness items of the speed work: the server clock's offset kept for "overdue"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eoffice_client.core.app.application import App
from eoffice_client.core.app.sync import INFO_RECHECK_S
from eoffice_client.core.store.meta import get_meta
from eoffice_client.core.store.queries import SERVER_OFFSET_KEY
from eoffice_client.sandbox.testing import SandboxServer

from .test_sync_support import signed_in


def _count_calls(monkeypatch: pytest.MonkeyPatch, obj: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def test_info_is_asked_after_sign_in_then_only_every_few_minutes(
        sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        client = app.context.api()
        infos = _count_calls(monkeypatch, client, "info")
        feeds = _count_calls(monkeypatch, client, "changes")
        for _ in range(3):
            assert int(app.sync.run(files=False).exit_code) == 0
        assert infos == []  # the sign-in asked it just now
        feeds.clear()
        assert int(app.sync.run(files=False).exit_code) == 0
        assert len(feeds) == 1  # an empty round: one page of the feed
        assert client.info_checked_at is not None
        client.info_checked_at -= INFO_RECHECK_S + 1
        assert int(app.sync.run(files=False).exit_code) == 0
        assert len(infos) == 1
        assert int(app.sync.run(files=False).exit_code) == 0
        assert len(infos) == 1


def test_a_restored_session_asks_info_at_its_first_round(
        sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        app.sync.run(files=False)
    with App(app.profile, app.settings) as again:
        client = again.context.api()  # restored from the keyring: /info not asked yet
        assert client.info_checked_at is None
        infos = _count_calls(monkeypatch, client, "info")
        again.sync.run(files=False)
        again.sync.run(files=False)
        assert len(infos) == 1


def test_a_too_old_client_is_refused_every_round(
        sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eoffice_client.core.api import client as client_module
    from eoffice_client.core.api.errors import ClientTooOld

    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        app.context.api().info_checked_at = None  # as in a new process
        monkeypatch.setattr(client_module, "__version__", "0.0.1")
        for _ in range(2):  # a refusal is never remembered as a passed check
            with pytest.raises(ClientTooOld):
                app.sync.run(files=False)


def test_the_server_clock_offset_is_kept_for_overdue(sandbox: SandboxServer,
                                                     tmp_path: Path) -> None:
    with signed_in(tmp_path / "p", sandbox.url, "lanhdao") as app:
        app.sync.run(files=False)
        with app.context.store.read() as conn:
            offset = get_meta(conn, SERVER_OFFSET_KEY)
        assert isinstance(offset, int | float) and abs(offset) < 5  # same machine's clock
        server_offset = app.context.api().server_offset  # from the last answer's Date
        assert server_offset is not None and offset == round(server_offset, 3)


def test_a_role_change_from_the_feed_stays_in_force(sandbox: SandboxServer,
                                                    tmp_path: Path) -> None:
    """The feed's newer copy of the signed-in user is kept; the sign-in's older copy never
    writes it back on a later round (the boxes follow the user's current roles)."""
    with signed_in(tmp_path / "p", sandbox.url, "chuyenvien") as app:
        assert int(app.sync.run(files=False).exit_code) == 0
        me = app.session.me()
        assert me is not None and "clerk" not in me.roles
        state = sandbox.state
        assert state is not None
        promoted = {**state.users[me.id], "roles": [*me.roles, "clerk"]}
        with state.db.write() as conn:
            state.put_plain(conn, "user", me.id, promoted)
        for _ in range(2):
            assert int(app.sync.run(files=False).exit_code) == 0
            now = app.session.me()
            assert now is not None and "clerk" in now.roles
