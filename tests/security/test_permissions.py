"""Profile permissions: POSIX modes for real; the Windows commands built and read."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from eoffice_client.core.security.permissions import (
    acl_principals,
    check_profile,
    icacls_restrict_args,
    restrict_profile,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def make_profile(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    (root / "files" / "ab").mkdir(parents=True)
    (root / "logs").mkdir()
    for path in (root / "cache.sqlite3", root / "files" / "ab" / ("ab" + "0" * 62),
                 root / "logs" / "sync.log", root / "session.json"):
        path.write_text("x")
        os.chmod(path, 0o644)
    for folder in (root, root / "files", root / "files" / "ab", root / "logs"):
        os.chmod(folder, 0o755)
    return root


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@posix_only
def test_an_open_profile_fails_and_is_closed(tmp_path):
    root = make_profile(tmp_path)
    check = check_profile(root)
    assert not check.ok and check.platform == "posix" and check.checked == 8
    assert {p.path for p in check.problems} == {root, root / "files", root / "files" / "ab",
                                                root / "logs"}
    assert check.problems[0].found == "mode 0755" and check.loose_files == 4
    assert restrict_profile(root) == 8
    for path in [root, *root.rglob("*")]:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    check = check_profile(root)
    assert check.ok and check.problems == () and check.loose_files == 0
    assert restrict_profile(root) == 0


@posix_only
def test_a_file_made_later_inside_closed_folders_is_not_a_failure(tmp_path):
    root = make_profile(tmp_path)
    restrict_profile(root)
    (root / "cache.sqlite3-wal").write_text("w")
    os.chmod(root / "cache.sqlite3-wal", 0o644)
    check = check_profile(root)
    assert check.ok and check.loose_files == 1


@posix_only
def test_a_folder_made_later_inside_the_closed_profile_is_not_a_failure(tmp_path):
    root = make_profile(tmp_path)
    restrict_profile(root)
    (root / "audit" / "old").mkdir(parents=True)
    for folder in (root / "audit", root / "audit" / "old"):
        os.chmod(folder, 0o755)
    check = check_profile(root)
    assert check.ok and check.loose_folders == 2
    os.chmod(root, 0o711)  # the profile itself opened: what is behind it too
    check = check_profile(root)
    assert {p.path for p in check.problems} == {root, root / "audit", root / "audit" / "old"}


@posix_only
def test_links_and_other_owners_are_named(tmp_path):
    root = make_profile(tmp_path)
    restrict_profile(root)
    (root / "files" / "outside").symlink_to(tmp_path)
    check = check_profile(root)
    assert not check.ok and [p.found for p in check.problems] == ["symlink"]
    if os.geteuid() == 0:  # root may hand a file to another account (CI runs as root)
        (root / "files" / "outside").unlink()
        os.chown(root / "logs" / "sync.log", 12345, -1)
        check = check_profile(root)
        assert [p.found for p in check.problems] == ["owner uid 12345"]


WHOAMI = '"PC01\\\\nguyenvana","S-1-5-21-1004336348-1177238915-682003330-1001"\r\n'
ICACLS_MINE = ("C:\\Users\\a\\AppData\\Local\\eOffice\\eOfficeClient\\default "
               "PC01\\nguyenvana:(OI)(CI)(F)\r\n\r\nSuccessfully processed 1 files; "
               "Failed processing 0 files\r\n")
ICACLS_OPEN = ("C:\\p NT AUTHORITY\\SYSTEM:(I)(OI)(CI)(F)\r\n    BUILTIN\\Users:(I)(OI)(CI)(RX)"
               "\r\n    PC01\\nguyenvana:(I)(OI)(CI)(F)\r\n\r\nSuccessfully processed 1 files; "
               "Failed processing 0 files\r\n")


class FakeWindows:
    def __init__(self, acl: str) -> None:
        self.acl = acl
        self.calls: list[list[str]] = []

    def __call__(self, args):
        self.calls.append(list(args))
        if args[0] == "whoami":
            return WHOAMI.replace("\\\\", "\\")
        return self.acl


def test_windows_restrict_builds_one_entry_for_the_user():
    fake = FakeWindows(ICACLS_MINE)
    restrict_profile(Path("C:\\p"), run=fake)
    sid = "S-1-5-21-1004336348-1177238915-682003330-1001"
    assert fake.calls[-1] == ["icacls", "C:\\p", "/inheritance:r", "/grant:r",
                              f"*{sid}:(OI)(CI)F", "/T", "/C", "/Q"]
    assert icacls_restrict_args(Path("C:\\p"), sid) == fake.calls[-1]


def test_windows_check_reads_the_acl():
    root = Path("C:\\Users\\a\\AppData\\Local\\eOffice\\eOfficeClient\\default")
    assert check_profile(root, run=FakeWindows(ICACLS_MINE)).ok
    check = check_profile(Path("C:\\p"), run=FakeWindows(ICACLS_OPEN))
    assert not check.ok and check.platform == "windows"
    assert [p.found for p in check.problems] == ["ACE NT AUTHORITY\\SYSTEM", "ACE BUILTIN\\Users"]
    assert acl_principals(ICACLS_OPEN, Path("C:\\p"))[-1] == "PC01\\nguyenvana"
