"""Shared pieces of the tests of ui/admin/: a profile with a cache and an App on it, the
window's Vietnamese translations applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtWidgets import QApplication

from eoffice_client.config import Profile, Settings
from eoffice_client.core.app.application import App


@pytest.fixture(name="vi_ui")
def vi_ui_fixture(qapp: QApplication) -> Iterator[QApplication]:
    """The window's Vietnamese (our catalogue, Qt's dialogs', the core's messages)."""
    from eoffice_client.ui.app import configure_application, translations_for

    configure_application(cast(QApplication, qapp))
    translations = translations_for(qapp)
    translations.apply("vi")
    yield cast(QApplication, qapp)


@pytest.fixture(name="sample_app")
def sample_app_fixture(tmp_path: Path) -> Iterator[App]:
    """An App on a profile whose cache holds a few sample documents (as vanthu)."""
    from eoffice_client.ui.selftest import fill_profile

    profile = Profile.at(tmp_path / "admin")
    fill_profile(profile, 12, "vanthu")
    app = App(profile, Settings())
    app.open()
    yield app
    app.close()
