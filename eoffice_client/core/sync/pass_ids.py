"""The side file of a full pass: the ids it mentioned, so a pass cut by a crash resumes.

A pass from no cursor ends by removing every cached document it did not mention. The ids
are kept in ``sync-pass.ids`` in the profile, fsynced BEFORE each page commits.
"""

from __future__ import annotations

import os
from pathlib import Path


def append_ids(path: Path, ids: list[str]) -> None:
    if not ids:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("".join(f"{i}\n" for i in ids if "\n" not in i))
        handle.flush()
        os.fsync(handle.fileno())


def read_ids(path: Path) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return {line.rstrip("\n") for line in handle if line.strip()}
    except FileNotFoundError:
        return set()


def reset_ids(path: Path, remove: bool = False) -> None:
    if remove:
        path.unlink(missing_ok=True)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.flush()
        os.fsync(handle.fileno())
