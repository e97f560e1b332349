"""``app.updates``: the server's ``min_client_version`` and the manifest IT publishes, and
``status --json`` reporting the manifest's answer so IT sees which computers lag."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client import __version__
from eoffice_client.cli import main
from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.sandbox.testing import SandboxServer
from tests.unit.test_update import SHA, ManifestServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=5, seed=5) as running:
        yield running


@pytest.fixture
def manifest() -> Iterator[ManifestServer]:
    with ManifestServer() as served:
        yield served


def test_required_version_only_when_above_ours(server: SandboxServer, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with App(Profile.at(tmp_path / "p"), Settings(server=server.url)) as app:
        assert app.updates.required_version() is None  # the sandbox asks for our version
        monkeypatch.setattr("eoffice_client.core.app.updates.__version__", "0.0.1")
        assert app.updates.required_version() == __version__
        app.session.sign_in("vanthu", "demo")
        assert app.updates.required_version(ask=False) == __version__


def test_unknown_server_answers_none(tmp_path: Path) -> None:
    with App(Profile.at(tmp_path / "p"), Settings()) as app:
        assert app.updates.required_version() is None


def test_status_json_reports_the_published_version(tmp_path: Path, manifest: ManifestServer,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    manifest.serve({"version": "99.0", "msi_url": "https://it.example/e.msi", "sha256": SHA})
    profile = Profile.at(tmp_path / "p")
    profile.settings_path.write_text(json.dumps({"update_manifest_url": manifest.url}),
                                     encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--profile", str(profile.root), "--lang", "en", "status", "--json"]) == 0
    update: dict[str, Any] = json.loads(capsys.readouterr().out)["update"]
    assert (update["latest_version"], update["current_version"],
            update["update_available"]) == ("99.0", __version__, True)
    assert main(["--profile", str(profile.root), "--lang", "en", "status"]) == 0
    assert "99.0" in capsys.readouterr().out
    assert manifest.hits == 1  # the second status used the day's answer
