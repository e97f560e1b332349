"""``app.session.unlock(password)``: the idle lock's check, offline by the kept verifier and
by the server where none fits; the password itself is never kept."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.config import Profile, Settings
from eoffice_client.core.api.errors import Unreachable
from eoffice_client.core.app.application import App
from eoffice_client.core.security import unlock
from eoffice_client.sandbox.testing import SandboxServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=5, seed=3) as running:
        yield running


def signed_in_app(server: SandboxServer, root: Path) -> App:
    app = App(Profile.at(root), Settings(server=server.url))
    app.session.sign_in("vanthu", "demo")
    return app


def test_unlock_by_the_kept_verifier_then_offline(server: SandboxServer, tmp_path: Path,
                                                   memory_keyring: Any,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with signed_in_app(server, tmp_path / "p") as app:
        assert "demo" not in memory_keyring.secrets.values()
        assert any(account.endswith("|" + unlock.VERIFIER)
                   for _service, account in memory_keyring.secrets)
        assert app.session.unlock("demo")
        assert not app.session.unlock("wrong")
        assert not app.session.unlock("")
    for path in (tmp_path / "p").rglob("*"):
        if path.is_file():
            assert b'"demo"' not in path.read_bytes()
    assert "wrong" not in caplog.text and '"demo"' not in caplog.text


def test_without_a_verifier_the_server_answers_and_the_sign_in_is_left_alone(
        server: SandboxServer, tmp_path: Path, memory_keyring: Any) -> None:
    with signed_in_app(server, tmp_path / "p") as app:
        profile_id = app.profile.profile_id
        unlock.forget_verifier(profile_id)
        tokens_before = dict(memory_keyring.secrets)
        assert not app.session.unlock("wrong")
        assert app.session.unlock("demo")
        assert unlock.load_verifier(profile_id) is not None  # kept for the next time
        after = {k: v for k, v in memory_keyring.secrets.items()
                 if not k[1].endswith(unlock.VERIFIER)}
        assert after == tokens_before  # the real sign-in's token is untouched
        assert app.session.restore()


def test_unreachable_server_without_a_verifier_is_said(server: SandboxServer, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with signed_in_app(server, tmp_path / "p") as app:
        unlock.forget_verifier(app.profile.profile_id)

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise Unreachable()

        monkeypatch.setattr("eoffice_client.core.api.client.ApiClient.login", refuse)
        with pytest.raises(Unreachable):
            app.session.unlock("demo")


def test_sign_out_forgets_the_verifier(server: SandboxServer, tmp_path: Path) -> None:
    with signed_in_app(server, tmp_path / "p") as app:
        app.session.logout()
        assert unlock.load_verifier(app.profile.profile_id) is None
        assert not app.session.unlock("demo")
