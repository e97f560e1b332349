"""The notice bar: the server needs a newer client (its /info), or IT published a newer
version in the manifest a policy names; nothing shown when all is current."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QTableWidget

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App
from eoffice_client.sandbox.testing import SandboxServer
from eoffice_client.ui.admin import install_admin, place_notice_bar
from eoffice_client.ui.admin.update_notice import UpdateNoticeBar
from eoffice_client.ui.tasks import TaskRunner
from tests.gui.admin_support import vi_ui_fixture  # noqa: F401
from tests.gui.conftest import shoot
from tests.unit.test_update import SHA, ManifestServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), documents=3, seed=4) as running:
        yield running


@pytest.fixture
def manifest() -> Iterator[ManifestServer]:
    with ManifestServer() as served:
        yield served


def an_app(tmp_path: Path, **settings: Any) -> App:
    return App(Profile.at(tmp_path / "p"), Settings(**settings))


def wait_answer(qtbot: Any, bar: UpdateNoticeBar) -> None:
    bar.state = None
    bar.refresh()
    qtbot.waitUntil(lambda: bar.state is not None, timeout=10000)


def test_an_old_client_is_told_in_vietnamese_what_to_do(
        qtbot: Any, vi_ui: Any, server: SandboxServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = an_app(tmp_path, server=server.url)
    bar = UpdateNoticeBar(lambda: app, TaskRunner())
    qtbot.addWidget(bar)
    bar.resize(900, 60)
    wait_answer(qtbot, bar)
    assert bar.kind == "none" and bar.isHidden()  # the sandbox asks for our own version
    monkeypatch.setattr("eoffice_client.core.app.updates.__version__", "0.0.1")
    wait_answer(qtbot, bar)
    assert bar.kind == "too_old" and not bar.isHidden()
    text = bar.text.text()
    assert f"phiên bản {__version__} trở lên" in text and "liên hệ bộ phận CNTT" in text
    assert not bar.hide_button.isVisibleTo(bar)  # stays until this computer is upgraded
    shoot(bar, "admin_update_too_old")
    app.close()


def test_a_published_newer_version_is_shown_with_its_number(
        qtbot: Any, vi_ui: Any, tmp_path: Path, manifest: ManifestServer) -> None:
    manifest.serve({"version": "99.1.0", "msi_url": "https://it.example/eoffice-99.1.0.msi",
                    "sha256": SHA})
    app = an_app(tmp_path, update_manifest_url=manifest.url)
    window = QMainWindow()
    window.setCentralWidget(QTableWidget(3, 3))
    window.resize(1000, 500)
    qtbot.addWidget(window)
    window.show()
    parts = install_admin(window, lambda: app, Settings(), TaskRunner(window))
    place_notice_bar(window, parts.notice_bar)
    bar = parts.notice_bar
    qtbot.waitUntil(lambda: bar.state is not None, timeout=10000)
    assert bar.kind == "available" and bar.isVisible()
    assert "99.1.0" in bar.text.text() and "Đã có phiên bản mới" in bar.text.text()
    holder = window.centralWidget()  # the bar above what was the central widget
    assert bar.parentWidget() is holder and holder.layout().indexOf(bar) == 0
    assert holder.findChild(QTableWidget) is not None
    shoot(window, "admin_update_available")
    bar.hide_button.click()
    assert bar.kind == "none" and not bar.isVisible()
    assert manifest.hits == 1
    state = json.loads((app.profile.root / "update-check.json").read_text(encoding="utf-8"))
    assert state["latest_version"] == "99.1.0"
    app.close()


def test_a_sync_refused_as_too_old_shows_the_notice_at_once(
        qtbot: Any, vi_ui: Any, tmp_path: Path) -> None:
    from eoffice_client.core.errors import ClientError, ExitCode

    app = an_app(tmp_path)
    window = QMainWindow()
    window.setCentralWidget(QTableWidget(2, 2))
    qtbot.addWidget(window)
    parts = install_admin(window, lambda: app, Settings(), TaskRunner(window))
    refused = ClientError("api.client_too_old", ExitCode.CLIENT_TOO_OLD, version="0.1.0",
                          minimum="7.2.0")
    parts.sync_finished(refused)
    bar = parts.notice_bar
    assert bar.kind == "too_old" and "7.2.0" in bar.text.text()
    parts.runner.wait(5000)
    qtbot.wait(100)  # the answer to the question asked at install arrives: it is older
    assert bar.kind == "too_old" and "7.2.0" in bar.text.text()
    parts.close()
    app.close()
