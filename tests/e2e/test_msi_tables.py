"""The MSI's tables, read back with msiinfo from a package of a small fake frozen folder.

The installer definition cannot rot unnoticed: what IT staff rely on (properties, machine
defaults in the registry, shortcuts, upgrades) is checked here in every test run, with
the values written by hand from the brief.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.msi_support import UPGRADE_CODE, build, fake_frozen, frozen_files, msi_table

VERSION = "1.2.3"
# wixl, msibuild and msiinfo are Debian's (msitools, wixl); the Windows workflow builds the
# same source with WiX and installs it with msiexec instead
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Debian msitools")


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("msi")
    frozen = fake_frozen(root)
    return frozen, build(frozen, root / "eoffice.msi", VERSION)


def test_identity_and_scope(package: tuple[Path, Path]) -> None:
    _frozen, msi = package
    props = {row["Property"]: row["Value"] for row in msi_table(msi, "Property").rows}
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ProductVersion"] == VERSION
    assert props["ProductName"] == "eOffice" and props["Manufacturer"] == "eOffice"
    assert props["ALLUSERS"] == "1"  # per-machine unless ALLUSERS="" is given
    assert props["ARPPRODUCTICON"] == "eoffice.ico"
    secure = set(props["SecureCustomProperties"].split(";"))
    assert {"SERVERURL", "AUTOSYNCMINUTES", "LANGUAGE", "DESKTOPSHORTCUT"} <= secure
    assert msi_table(msi, "Icon").one(Name="eoffice.ico")


# (value name, formatted value, the component's condition): the install properties
MACHINE_DEFAULTS = [("Server", "[SERVERURL]", "SERVERURL"),
                    ("AutoSyncMinutes", "[AUTOSYNCMINUTES]", "AUTOSYNCMINUTES"),
                    ("Language", "[LANGUAGE]", "LANGUAGE")]


@pytest.mark.parametrize(("name", "value", "condition"), MACHINE_DEFAULTS)
def test_install_properties_become_machine_defaults(package: tuple[Path, Path], name: str,
                                                    value: str, condition: str) -> None:
    _frozen, msi = package
    row = msi_table(msi, "Registry").one(Key=r"Software\eOffice\Client", Name=name)
    assert row["Root"] == "-1"  # HKMU: HKLM per-machine, HKCU per-user
    assert row["Value"] == value
    component = msi_table(msi, "Component").one(Component=row["Component_"])
    assert component["Condition"] == condition  # nothing written when not given


def test_no_policy_is_written_by_the_installer(package: tuple[Path, Path]) -> None:
    _frozen, msi = package
    keys = {row["Key"] for row in msi_table(msi, "Registry").rows}
    assert not any("Policies" in key for key in keys)
    assert {row["Root"] for row in msi_table(msi, "Registry").rows} == {"-1"}


def test_upgrade_keeps_the_machine_defaults(package: tuple[Path, Path]) -> None:
    _frozen, msi = package
    searches = {row["Property"]: row["Signature_"] for row in msi_table(msi, "AppSearch").rows}
    locators = msi_table(msi, "RegLocator")
    for name, _value, prop in MACHINE_DEFAULTS:
        for suffix, root in (("_M", "2"), ("_U", "1")):  # HKLM, HKCU
            row = locators.one(Signature_=searches[f"SAVED_{prop}{suffix}"])
            assert (row["Root"], row["Key"], row["Name"]) == (root, r"Software\eOffice\Client",
                                                              name)
            assert row["Type"] == "18"  # raw value, 64-bit view
    actions = msi_table(msi, "CustomAction")
    sequence = msi_table(msi, "InstallExecuteSequence")
    restore = actions.one(Action="KeepServerMachine")
    assert (restore["Source"], restore["Target"]) == ("SERVERURL", "[SAVED_SERVERURL_M]")
    step = sequence.one(Action="KeepServerMachine")
    assert "NOT SERVERURL" in step["Condition"]  # a value given on the command line wins
    assert int(sequence.one(Action="AppSearch")["Sequence"]) < int(step["Sequence"])


def test_major_upgrade(package: tuple[Path, Path]) -> None:
    _frozen, msi = package
    upgrade = msi_table(msi, "Upgrade")
    older = upgrade.one(ActionProperty="WIX_UPGRADE_DETECTED")
    assert (older["UpgradeCode"], older["VersionMin"], older["VersionMax"]) == (
        UPGRADE_CODE, "", VERSION)
    newer = upgrade.one(ActionProperty="WIX_DOWNGRADE_DETECTED")
    assert newer["VersionMin"] == VERSION and int(newer["Attributes"]) & 2  # only detect
    launch = msi_table(msi, "LaunchCondition").one(Condition="NOT WIX_DOWNGRADE_DETECTED")
    assert "newer version" in launch["Description"]
    order = {row["Action"]: int(row["Sequence"])
             for row in msi_table(msi, "InstallExecuteSequence").rows}
    assert order["InstallValidate"] < order["RemoveExistingProducts"] < order["InstallInitialize"]


def test_shortcuts(package: tuple[Path, Path]) -> None:
    _frozen, msi = package
    shortcuts = msi_table(msi, "Shortcut")
    start = shortcuts.one(Directory_="ProgramMenuFolder")
    desktop = shortcuts.one(Directory_="DesktopFolder")
    for row in (start, desktop):
        assert (row["Name"], row["Target"], row["Icon_"], row["WkDir"]) == (
            "eOffice", "[#GuiExecutable]", "eoffice.ico", "INSTALLDIR")
    components = msi_table(msi, "Component")
    assert components.one(Component=start["Component_"])["Condition"] == ""
    assert components.one(Component=desktop["Component_"])["Condition"] == "DESKTOPSHORTCUT=1"


def test_every_file_of_the_folder_is_installed(package: tuple[Path, Path]) -> None:
    frozen, msi = package
    files = msi_table(msi, "File")
    names = sorted(row["FileName"].split("|")[-1] for row in files.rows)
    expected = sorted(path.name for path in frozen_files(frozen))
    assert names == expected  # the link of a Linux build is left out
    gui = files.one(File="GuiExecutable")
    console = files.one(File="ConsoleExecutable")
    assert gui["FileName"].endswith("eOffice.exe")
    assert console["FileName"].endswith("eoffice-client.exe")
    assert msi_table(msi, "Directory").where(Directory="INSTALLDIR")[0]["DefaultDir"].endswith(
        "eOffice")


def test_harvest_refuses_what_cannot_be_packaged(tmp_path: Path) -> None:
    from harvest import HarvestError, harvest

    with pytest.raises(HarvestError, match="not a folder"):
        harvest(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(HarvestError, match="no eoffice-client executable"):
        harvest(tmp_path / "empty")
    frozen = fake_frozen(tmp_path / "odd")
    (frozen / "_internal" / "Mẫu công văn.docx").write_bytes(b"x")
    with pytest.raises(HarvestError, match=r"Mẫu công văn\.docx.*ASCII"):
        harvest(frozen)


def test_harvest_ids_are_stable_and_linux_builds_use_the_console_program(
        tmp_path: Path) -> None:
    from harvest import harvest

    first = harvest(fake_frozen(tmp_path / "a", windows=False))
    second = harvest(fake_frozen(tmp_path / "b", windows=False))
    assert first == second  # ids come from the relative paths only
    assert 'Id="GuiExecutable" Name="eoffice-client"' in first


# (package version, MSI version) written by hand from the MSI rules (255.255.65535)
VERSIONS = [("0.1.0", "0.1.0"), ("0.2.1.dev3", "0.2.1"), ("1.0rc1", "1.0.0"), ("2", "2.0.0")]


@pytest.mark.parametrize(("version", "expected"), VERSIONS)
def test_msi_versions(version: str, expected: str) -> None:
    from build_msi import msi_version

    assert msi_version(version) == expected


@pytest.mark.parametrize("version", ["256.0.0", "1.256.0", "1.0.65536", "beta"])
def test_msi_versions_refused(version: str) -> None:
    from build_msi import MsiBuildError, msi_version

    with pytest.raises(MsiBuildError):
        msi_version(version)
