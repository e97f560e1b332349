"""The MSI of the real frozen folder, installed, upgraded and removed by Wine's msiexec.

An independent Windows Installer implementation reads the package: the files land under
Program Files, the install properties become machine defaults in HKLM, the shortcuts and
the Add/Remove Programs entry exist; a newer version replaces the older one (one entry,
values kept), an older one is refused, the uninstall removes the program and keeps the
user's profile; a per-user install writes to the user's folders and HKCU.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.frozen_folder import frozen_dir
from tests.e2e.msi_support import UPGRADE_CODE, Wine, build, frozen_files, have, squashed_guid

pytestmark = pytest.mark.frozen
UNINSTALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
DEFAULTS = r"Software\eOffice\Client"
SERVER = "https://eoffice.langson.gov.vn"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = frozen_dir()
    if not have("wine", "wixl", "msiinfo"):
        pytest.fail("wine, wixl and msiinfo are needed (apt-get install wine wine64 wixl)")
    root = tmp_path_factory.mktemp("wine-msi")
    return {version: build(folder, root / f"eoffice-client-{version}.msi", version)
            for version in ("1.0.0", "1.0.1")}


@pytest.fixture(scope="module")
def wine(packages: dict[str, Path],
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    """A booted Wine prefix, made after the packages (which skip without a frozen app)."""
    prefix = Wine(tmp_path_factory.mktemp("wineprefix") / "prefix")
    prefix.boot()
    yield prefix
    prefix.stop()


def product_entries(wine: Wine) -> dict[str, dict[str, tuple[str, str]]]:
    entries = {}
    for key in wine.subkeys(UNINSTALL):
        values = wine.reg_values(f"{UNINSTALL}\\{key}") or {}
        if values.get("DisplayName", ("", ""))[1] == "eOffice":
            entries[key] = values
    return entries


def value(values: dict[str, tuple[str, str]] | None, name: str) -> str | None:
    return values[name][1] if values and name in values else None


def shortcut(wine: Wine, name: str) -> Path:
    """The .lnk in the all-users or the user's Start menu (Wine uses the user's)."""
    places = [wine.path(r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs"),
              wine.user_folder("APPDATA") / "Microsoft" / "Windows" / "Start Menu" / "Programs"]
    found = [place / name for place in places if (place / name).is_file()]
    assert found, f"{name} in none of {places}"
    return found[0]


def test_install_upgrade_refuse_downgrade_uninstall(wine: Wine,
                                                    packages: dict[str, Path]) -> None:
    folder = frozen_dir()
    # 1. a silent per-machine install with the machine defaults
    assert wine.msiexec("/i", str(packages["1.0.0"]), "/qn", f"SERVERURL={SERVER}",
                        "AUTOSYNCMINUTES=15", "LANGUAGE=vi", "DESKTOPSHORTCUT=1") == 0
    program = wine.path(r"C:\Program Files\eOffice")
    for rel in frozen_files(folder):
        installed = program / rel
        assert installed.is_file(), rel
        assert installed.stat().st_size == (folder / rel).stat().st_size, rel
    defaults = wine.reg_values(f"HKLM\\{DEFAULTS}")
    assert defaults is not None
    assert {k: defaults[k] for k in ("Server", "AutoSyncMinutes", "Language")} == {
        "Server": ("REG_SZ", SERVER), "AutoSyncMinutes": ("REG_SZ", "15"),
        "Language": ("REG_SZ", "vi")}
    assert wine.reg_values(r"HKLM\Software\Policies\eOffice\Client") is None  # no lock
    link = shortcut(wine, "eOffice.lnk").read_bytes()
    assert b"eoffice-client" in link and b"Program Files\\eOffice" in link
    assert (wine.user_folder("USERPROFILE") / "Desktop" / "eOffice.lnk").is_file()
    entries = product_entries(wine)
    assert len(entries) == 1
    (code, entry), = entries.items()
    assert value(entry, "Publisher") == "eOffice" and value(entry, "DisplayVersion") == "1.0.0"
    assert value(entry, "InstallLocation") == "C:\\Program Files\\eOffice\\"
    product = wine.reg_values(f"HKLM\\Software\\Classes\\Installer\\Products\\"
                              f"{squashed_guid(code)}")
    assert value(product, "ProductIcon"), product  # the Add/Remove Programs icon
    upgrades = r"HKLM\Software\Classes\Installer\UpgradeCodes"
    assert wine.reg_values(f"{upgrades}\\{squashed_guid(UPGRADE_CODE)}") is not None

    # 2. the newer version, silently, without the properties: one entry, values kept
    assert wine.msiexec("/i", str(packages["1.0.1"]), "/qn") == 0
    entries = product_entries(wine)
    assert [value(e, "DisplayVersion") for e in entries.values()] == ["1.0.1"]
    assert code not in entries
    after = wine.reg_values(f"HKLM\\{DEFAULTS}") or {}
    assert (value(after, "Server"), value(after, "AutoSyncMinutes"), value(after, "Language")) \
        == (SERVER, "15", "vi")
    assert (program / folder_program(folder)).is_file()
    assert (wine.user_folder("USERPROFILE") / "Desktop" / "eOffice.lnk").is_file()  # kept

    # 3. the older version is refused and changes nothing
    assert wine.msiexec("/i", str(packages["1.0.0"]), "/qn") != 0
    assert [value(e, "DisplayVersion") for e in product_entries(wine).values()] == ["1.0.1"]

    # 4. a silent uninstall: the program goes, the user's profile stays
    profile = wine.user_folder("LOCALAPPDATA") / "eOffice" / "eOfficeClient" / "default"
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text('{"server": "https://x"}', encoding="utf-8")
    (profile / "cache.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert wine.msiexec("/x", str(packages["1.0.1"]), "/qn") == 0
    assert not program.exists()
    assert product_entries(wine) == {}
    assert not wine.reg_values(f"HKLM\\{DEFAULTS}")  # Wine may leave the empty key
    assert not (wine.user_folder("USERPROFILE") / "Desktop" / "eOffice.lnk").exists()
    assert (profile / "settings.json").read_text(encoding="utf-8") == '{"server": "https://x"}'
    assert (profile / "cache.sqlite3").stat().st_size == 116


def folder_program(folder: Path) -> str:
    return "eOffice.exe" if (folder / "eOffice.exe").is_file() else folder_console(folder)


def folder_console(folder: Path) -> str:
    return "eoffice-client.exe" if (folder / "eoffice-client.exe").is_file() else "eoffice-client"


def test_per_user_install(wine: Wine, packages: dict[str, Path]) -> None:
    assert wine.msiexec("/i", str(packages["1.0.0"]), "/qn", 'ALLUSERS=""',
                        "SERVERURL=https://user.example.gov.vn") == 0
    program = wine.user_folder("LOCALAPPDATA") / "Programs" / "eOffice"
    assert (program / folder_console(frozen_dir())).is_file()
    assert not wine.path(r"C:\Program Files\eOffice").exists()
    assert value(wine.reg_values(f"HKCU\\{DEFAULTS}"), "Server") == "https://user.example.gov.vn"
    assert not wine.reg_values(f"HKLM\\{DEFAULTS}")
    assert wine.msiexec("/x", str(packages["1.0.0"]), "/qn") == 0
    assert not program.exists()
    assert value(wine.reg_values(f"HKCU\\{DEFAULTS}"), "Server") is None
