"""Helpers of the MSI tests: a small fake frozen folder, msiinfo tables, a Wine prefix."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers" / "wix"))
sys.path.insert(0, str(ROOT / "installers"))

from build_msi import ICON_IN_FOLDER, build_msi  # noqa: E402
from make_icon import ico_bytes  # noqa: E402

#: The package's UpgradeCode: fixed for ever (copied by hand from installers/wix/eoffice.wxs).
UPGRADE_CODE = "{429C7D40-A609-4C4E-9689-FDAC5F98370C}"


def tiny_png() -> bytes:
    """A 1x1 opaque PNG, enough for an .ico the installer only carries."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x2f\x5d\x8a\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(
        b"IEND", b"")


def fake_frozen(root: Path, windows: bool = True) -> Path:
    """A frozen-folder look-alike: the executables, a nested library, the icon, a link."""
    folder = root / "eoffice-client"
    names = ["eoffice-client.exe", "eOffice.exe"] if windows else ["eoffice-client"]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"MZ" + name.encode() * 64)
    for rel in ("_internal/python312.dll", "_internal/PySide6/Qt6Core.dll",
                "_internal/eoffice_client/resources/style.qss",
                "_internal/eoffice_client/translations/eoffice_vi.qm"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(rel.encode("utf-8") * 10)
    icon = folder / ICON_IN_FOLDER
    icon.parent.mkdir(parents=True, exist_ok=True)
    icon.write_bytes(ico_bytes({16: tiny_png()}))
    if hasattr(os, "symlink"):
        os.symlink("PySide6/Qt6Core.dll", folder / "_internal" / "Qt6Core-link.dll")
    return folder


@dataclass
class Table:
    columns: list[str]
    rows: list[dict[str, str]]

    def where(self, **match: str) -> list[dict[str, str]]:
        return [row for row in self.rows if all(row[k] == v for k, v in match.items())]

    def one(self, **match: str) -> dict[str, str]:
        found = self.where(**match)
        assert len(found) == 1, (match, found)
        return found[0]


def msi_table(msi: Path, name: str) -> Table:
    """``msiinfo export``: column names, types, the key line, then one row per line.

    Binary columns (the Icon table's) are written as files into a folder named after the
    table in the working folder: the MSI's own folder here, never the checkout.
    """
    text = subprocess.run(["msiinfo", "export", str(msi.resolve()), name], capture_output=True,
                          text=True, check=True, cwd=msi.parent).stdout
    lines = text.split("\r\n") if "\r\n" in text else text.splitlines()
    columns = lines[0].split("\t")
    rows = [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]
    return Table(columns, rows)


def build(frozen: Path, out: Path, version: str) -> Path:
    return build_msi(frozen, out, version, work=out.parent / f"work-{version}")


def squashed_guid(guid: str) -> str:
    """Windows Installer's packed GUID (Installer\\Products\\<this>)."""
    parts = guid.strip("{}").split("-")
    rev = [p[::-1] for p in parts[:3]]
    rest = "".join(parts[3:])
    return "".join(rev) + "".join(rest[i:i + 2][::-1] for i in range(0, len(rest), 2))


class Wine:
    """A throw-away WINEPREFIX: msiexec, reg query, the C: drive as a folder."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
                    "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
                    "DISPLAY": ""}

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout, check=False)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout, check=False)
        return done

    def boot(self) -> None:
        subprocess.run(["wineboot", "-i"], env=self.env, capture_output=True, timeout=300,
                       check=False)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)
        assert (self.prefix / "drive_c" / "windows").is_dir(), "wineboot made no prefix"

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60, check=False)

    def msiexec(self, *args: str) -> int:
        return self.run("msiexec", *args).returncode

    def reg_values(self, key: str) -> dict[str, tuple[str, str]] | None:
        """name -> (type, data) of a key, or None when the key is missing."""
        done = self.run("reg", "query", key)
        if done.returncode != 0:
            return None
        values: dict[str, tuple[str, str]] = {}
        for line in done.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                values[parts[0]] = (parts[1], parts[2] if len(parts) == 3 else "")
        return values

    def subkeys(self, key: str) -> list[str]:
        done = self.run("reg", "query", key)
        prefix = key.replace("HKLM", "HKEY_LOCAL_MACHINE").replace("HKCU", "HKEY_CURRENT_USER")
        return [line.strip()[len(prefix) + 1:] for line in done.stdout.splitlines()
                if line.strip().lower().startswith(prefix.lower() + "\\")]

    def path(self, windows_path: str) -> Path:
        """C:\\a\\b -> the file in the prefix."""
        drive, _, rest = windows_path.partition(":\\")
        assert drive.upper() == "C", windows_path
        return self.prefix / "drive_c" / Path(*rest.replace("\\", "/").split("/"))

    def user_folder(self, variable: str) -> Path:
        done = self.run("cmd", "/c", f"echo %{variable}%")
        return self.path(done.stdout.strip())


def frozen_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path.relative_to(folder)


def have(*tools: str) -> bool:
    return all(shutil.which(tool) for tool in tools)
