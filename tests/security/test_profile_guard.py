"""The profile folder is closed to other accounts when it is created and at each start."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from eoffice_client.config import Profile
from eoffice_client.core.app.application import App
from eoffice_client.core.app.profile_guard import secure_profile
from eoffice_client.core.security.permissions import check_profile

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_profile_is_closed_at_its_first_start(tmp_path: Path) -> None:
    profile = Profile.at(tmp_path / "new")
    assert mode(profile.root) & 0o077  # as mkdir made it, under the umask
    with App(profile) as app:
        app.open()
        assert mode(profile.root) == 0o700
        assert mode(profile.logs_dir) == 0o700
    assert check_profile(profile.root).ok


def test_a_profile_opened_later_is_closed_again_at_the_next_start(tmp_path: Path) -> None:
    profile = Profile.at(tmp_path / "p")
    with App(profile) as app:
        app.open()
    os.chmod(profile.root, 0o755)
    os.chmod(profile.db_path, 0o644)
    assert not check_profile(profile.root).ok
    with App(profile):
        assert mode(profile.root) == 0o700 and mode(profile.db_path) == 0o600
    assert secure_profile(profile) == 0  # nothing to do: one stat of the folder
