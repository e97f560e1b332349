"""Fixtures for every test: a temporary profile and an in-memory keyring, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from eoffice_client.core import messages
from eoffice_client.core.api.process_keyring import ProcessKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EOFFICE_POLICY_FILE"] = os.devnull  # no machine policy leaks into tests
os.environ["EOFFICE_DEFAULTS_FILE"] = os.devnull  # nor machine defaults





@pytest.fixture(autouse=True)
def message_language() -> Iterator[None]:
    """The core's message language is the process's: each test starts from the default."""
    before = messages.current_language()
    yield
    messages.set_language(before)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[ProcessKeyring]:
    previous = keyring.get_keyring()
    backend = ProcessKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    """An empty profile folder for one test."""
    path = tmp_path / "profile"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """SoftHSM2 tokens, one set for the whole run (see tests/softhsm_tokens.py)."""
    from tests.softhsm_tokens import softhsm_tokens

    yield from softhsm_tokens(tmp_path_factory.mktemp("softhsm"))
