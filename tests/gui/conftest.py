"""GUI tests (pytest-qt, offscreen) against the REAL sandbox server, and on caches filled
with the sample data for what needs no server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest

import eoffice_client.ui  # noqa: F401  (first: protects None/True/False, see ui/__init__.py)

# The sandbox fixtures of the integration tests, re-exported for the window's tests.
from tests.integration.conftest import Caller, call, sandbox, sandbox_factory

__all__ = ["Caller", "call", "sandbox", "sandbox_factory"]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("EOFFICE_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"


@pytest.fixture(autouse=True, scope="session")
def _qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled translations go to a temporary folder, never the user's cache."""
    previous = os.environ.get("EOFFICE_QM_CACHE")
    os.environ["EOFFICE_QM_CACHE"] = str(tmp_path_factory.mktemp("qm"))
    yield
    if previous is None:
        os.environ.pop("EOFFICE_QM_CACHE", None)
    else:
        os.environ["EOFFICE_QM_CACHE"] = previous


def shoot(widget: Any, name: str) -> Path:
    """Saves a screenshot of ``widget`` under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


@pytest.fixture
def filled_profile(tmp_path: Path) -> Callable[..., Any]:
    """A profile whose cache holds ``documents`` sample documents, as ``user`` sees them."""
    from eoffice_client.config import Profile
    from eoffice_client.ui.selftest import fill_profile

    def make(documents: int = 120, user: str = "vanthu", name: str = "filled") -> Profile:
        profile = Profile.at(tmp_path / name)
        fill_profile(profile, documents, user)
        return profile

    return make


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Callable[..., Any]]:
    """Opens the application's window on a profile (no crash dialog: pytest-qt reports)."""
    from PySide6.QtWidgets import QApplication

    from eoffice_client.ui.app import Controller

    controllers: list[Any] = []

    def make(profile: Any, lang: str = "vi", interactive: bool = False,
             wait: bool = True) -> Any:
        app = cast(QApplication, QApplication.instance())
        controller = Controller(app, profile, lang, crash_handler=False)
        window = controller.window
        window.resize(1360, 820)
        window.show()
        window.start(interactive=interactive)
        controllers.append(controller)
        if wait:
            qtbot.waitUntil(lambda: window.core_ready and window.documents.list_loaded
                            and bool(window.boxes.counts), timeout=30000)
        return controller

    yield make
    for controller in controllers:
        controller.close()
        controller.window.deleteLater()


@pytest.fixture
def english_ui(qapp: Any) -> Iterator[None]:
    """The window's English (our catalogue and the core's messages), Vietnamese after."""
    from eoffice_client.ui.app import translations_for

    translations_for(qapp).apply("en")
    yield
    translations_for(qapp).apply("vi")


@pytest.fixture
def vietnamese_ui(qapp: Any) -> Iterator[None]:
    """The window's Vietnamese (after a module's English, when a test asks for it)."""
    from eoffice_client.ui.app import translations_for

    translations_for(qapp).apply("vi")
    yield
