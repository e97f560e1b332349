"""A keyring backend for tests that run the CLI as separate processes.

Each `eoffice-client` command is its own process, so the in-memory keyring of the other
tests cannot carry a sign-in from `login` to `sync`. This backend keeps the secrets in
the JSON file named by ``EOFFICE_TEST_KEYRING_FILE`` (a test's temporary folder), chosen
with ``PYTHON_KEYRING_BACKEND=tests.e2e.file_keyring.FileKeyring``. Tests only: the app
itself keeps secrets in the OS keyring alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def _path(self) -> Path:
        return Path(os.environ["EOFFICE_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _save(self, secrets: dict[str, str]) -> None:
        # whole or absent, as the OS keyrings are, for tests that kill processes mid-write
        temp = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(secrets), encoding="utf-8")
        os.replace(temp, self._path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self._save(secrets)

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(secrets)
