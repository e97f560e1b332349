"""What the dashboard, report-export and edXML-import tests share: a profile signed in to
the REAL sandbox server and synced, opened as the application API the window uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.ui.tasks import TaskRunner


def signed_in_app(server: Any, folder: Path, username: str) -> App:
    """A new profile pointed at ``server``; ``username`` signed in and synced."""
    profile = Profile.at(folder / username)
    app = App(profile)
    app.open()
    app.session.sign_in(username, "demo", server=server.url)
    app.sync.run()
    return app


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[Callable[[Any, str], App]]:
    opened: list[App] = []

    def make(server: Any, username: str) -> App:
        app = signed_in_app(server, tmp_path, username)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


@pytest.fixture
def runner(qtbot: Any) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.cancel_all()
    tasks.wait(30000)


def vietnamese() -> None:
    """The window's Vietnamese catalogue, as the window installs it."""
    from PySide6.QtWidgets import QApplication

    from eoffice_client.ui.app import Translations

    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("vi")
