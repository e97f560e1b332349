"""The profile folder readable by its owner alone, and a check for the diagnostics.

POSIX: every folder of the profile is mode 0700 and every file 0600, owned by the user.
Folders are what matter: no other account can reach a file through a folder without
group or other bits, whatever the file's own mode (SQLite creates its files 0644 less the
umask, and nothing here changes the process's umask). The check therefore fails on a
folder that others may enter through open folders from the profile's own, a part owned by
another account, or a symbolic link (which could lead out of the profile); files and
folders with loose modes behind a closed folder are counted and fixed by
:func:`restrict_profile`, not failed.

Windows: the ACL of the profile folder is replaced by one entry for the current user (by
SID, from ``whoami /user``), inherited by everything below, with ``icacls`` (part of
Windows). Not exercised on this project's Linux CI: the commands are built and their output
read by tested functions, but their effect is checked on Windows only.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
Runner = Callable[[Sequence[str]], str]


@dataclass(frozen=True)
class PermissionProblem:
    path: Path
    found: str  # e.g. "mode 0755", "owner uid 1001", "symlink", "ACE BUILTIN\\Users"
    expected: str


@dataclass(frozen=True)
class PermissionCheck:
    ok: bool
    platform: str  # "posix" or "windows"
    checked: int  # folders and files looked at
    problems: tuple[PermissionProblem, ...] = ()
    loose_files: int = 0  # POSIX files with group/other bits inside closed folders
    loose_folders: int = 0  # POSIX folders with group/other bits behind a closed folder


def restrict_profile(root: Path, *, run: Runner | None = None) -> int:
    """Closes the profile to other accounts; returns how many modes or ACLs were changed."""
    if sys.platform == "win32" or run is not None:
        return _restrict_windows(root, run or _run)
    return _restrict_posix(root)


def check_profile(root: Path, *, run: Runner | None = None) -> PermissionCheck:
    if sys.platform == "win32" or run is not None:
        return _check_windows(root, run or _run)
    return _check_posix(root)


# --- POSIX --------------------------------------------------------------------------------------
def _walk(root: Path) -> list[tuple[Path, os.stat_result]]:
    """Every entry of the tree (root first) with its lstat; links are not followed."""
    found = [(root, root.lstat())]
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in (*dirs, *files):
            path = Path(folder) / name
            try:
                found.append((path, path.lstat()))
            except FileNotFoundError:  # removed while walking (a sync's temp file)
                continue
    return found


def _restrict_posix(root: Path) -> int:
    changed = 0
    for path, info in _walk(root):
        if stat.S_ISLNK(info.st_mode):
            continue
        wanted = DIR_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
        if stat.S_IMODE(info.st_mode) != wanted:
            os.chmod(path, wanted)
            changed += 1
    return changed


def _check_posix(root: Path) -> PermissionCheck:
    """A folder others may enter is a problem only when every folder above it in the
    profile lets them in too; behind a closed one it is counted, like a loose file."""
    me = os.geteuid()
    problems: list[PermissionProblem] = []
    loose = loose_folders = 0
    entries = _walk(root)  # every folder comes before what it holds
    reachable: set[Path] = set()
    for path, info in entries:
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode):
            problems.append(PermissionProblem(path, "symlink", "no links in the profile"))
        elif info.st_uid != me:
            problems.append(PermissionProblem(path, f"owner uid {info.st_uid}", f"uid {me}"))
        elif stat.S_ISDIR(info.st_mode) and mode & 0o077:
            if path == root or path.parent in reachable:
                reachable.add(path)
                problems.append(PermissionProblem(path, f"mode {mode:04o}", f"{DIR_MODE:04o}"))
            else:
                loose_folders += 1
        elif not stat.S_ISDIR(info.st_mode) and mode & 0o077:
            loose += 1
    return PermissionCheck(not problems, "posix", len(entries), tuple(problems), loose,
                           loose_folders)


# --- Windows ------------------------------------------------------------------------------------
def _run(args: Sequence[str]) -> str:  # pragma: no cover - Windows only
    done = subprocess.run(list(args), capture_output=True, text=True, check=True,
                          creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    return done.stdout


def current_user_sid(run: Runner) -> tuple[str, str]:
    """(account name, SID) of the current user from ``whoami /user /fo csv /nh``."""
    rows = list(csv.reader(io.StringIO(run(["whoami", "/user", "/fo", "csv", "/nh"]))))
    name, sid = rows[0][0].strip(), rows[0][1].strip()
    if not sid.startswith("S-1-"):
        raise ValueError("whoami gave no SID")
    return name, sid


def icacls_restrict_args(root: Path, sid: str) -> list[str]:
    """Inheritance removed, one entry: full control for the user, inherited below (/T: the
    existing children too)."""
    return ["icacls", str(root), "/inheritance:r", "/grant:r", f"*{sid}:(OI)(CI)F", "/T",
            "/C", "/Q"]


def _restrict_windows(root: Path, run: Runner) -> int:
    _, sid = current_user_sid(run)
    run(icacls_restrict_args(root, sid))
    return 1


def acl_principals(output: str, root: Path) -> list[str]:
    """The principals of ``icacls <root>``'s entries (``DOMAIN\\name:(flags)`` lines)."""
    principals = []
    for raw in output.splitlines():
        line = raw.strip()
        if line.lower().startswith(str(root).lower()):
            line = line[len(str(root)):].strip()
        if not line or ":" not in line or line.startswith(("Successfully", "Đã xử lý")):
            continue
        head, _, rest = line.rpartition(":(")
        if rest:
            principals.append(head.strip())
    return principals


def _check_windows(root: Path, run: Runner) -> PermissionCheck:
    name, sid = current_user_sid(run)
    principals = acl_principals(run(["icacls", str(root)]), root)
    mine = {name.lower(), sid.lower(), f"*{sid}".lower()}
    problems = tuple(PermissionProblem(root, f"ACE {p}", f"only {name}")
                     for p in principals if p.lower() not in mine)
    if not principals:
        problems = (PermissionProblem(root, "no ACL entries read", f"only {name}"),)
    return PermissionCheck(not problems, "windows", 1, problems)
