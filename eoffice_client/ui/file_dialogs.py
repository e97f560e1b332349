"""Open and save dialogs that start in the person's Documents folder, never the program's.

Qt starts a file dialog without a folder in the process's working directory, which for a
program started from the Start menu is its install folder (``C:\\Program Files\\eOffice``).
These helpers give every dialog a start: the folder last used in this session for that
purpose, else Documents (``QStandardPaths.DocumentsLocation``), else the home folder. The
platform's own dialog is used where there is one (Windows, a desktop portal), which speaks
the system's language; Qt's own dialog is translated by ``translations/qtbase_vi.ts``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: the folder last used, by purpose ("attach", "export", ...), for this session
_last_folders: dict[str, Path] = {}


def documents_folder() -> Path:
    """The person's Documents folder (made when it does not exist yet), else home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found:
        folder = Path(found)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path.home()
        return folder
    return Path.home()


def start_folder(purpose: str = "") -> Path:
    """Where a dialog for ``purpose`` opens: the last folder used for it, else Documents."""
    last = _last_folders.get(purpose)
    if last is not None and last.is_dir():
        return last
    return documents_folder()


def remember_folder(purpose: str, chosen: str | Path) -> None:
    path = Path(chosen)
    _last_folders[purpose] = path if path.is_dir() else path.parent


def open_file(parent: QWidget | None, title: str, filters: str = "", *,
              purpose: str = "open") -> Path | None:
    """One existing file, or None when the person cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(purpose)), filters)
    if not name:
        return None
    remember_folder(purpose, name)
    return Path(name)


def open_files(parent: QWidget | None, title: str, filters: str = "", *,
               purpose: str = "open") -> list[Path]:
    """Existing files (several may be chosen); empty when the person cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(purpose)),
                                            filters)
    if names:
        remember_folder(purpose, names[0])
    return [Path(n) for n in names]


def save_file(parent: QWidget | None, title: str, suggested_name: str, filters: str = "", *,
              purpose: str = "save") -> Path | None:
    """Where to write ``suggested_name`` (the dialog asks before replacing a file)."""
    start = start_folder(purpose) / Path(suggested_name).name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    if not name:
        return None
    remember_folder(purpose, name)
    return Path(name)


def choose_folder(parent: QWidget | None, title: str, *, purpose: str = "folder",
                  start: Path | None = None) -> Path | None:
    """An existing folder, or None when the person cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start or start_folder(purpose)))
    if not name:
        return None
    remember_folder(purpose, Path(name) / "_")
    return Path(name)
