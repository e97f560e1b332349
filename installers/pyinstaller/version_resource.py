"""The Windows version resource of the executables, from the package's single version."""

from __future__ import annotations

import re
from typing import Any

PRODUCT = "eOffice"
COMPANY = "eOffice"
DESCRIPTION = "eOffice — văn phòng điện tử (desktop client)"


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``0.2.1.dev3`` -> (0, 2, 1, 0), ``1.0rc1`` -> (1, 0, 0, 0): the release numbers."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version.strip())
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    major, minor, micro = (int(part or 0) for part in match.groups())
    return major, minor, micro, 0


def version_resource(version: str) -> Any:
    """A VSVersionInfo (PyInstaller builds it only on Windows: it needs pefile)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = numeric_version(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = StringTable("040904B0", [
        StringStruct("CompanyName", COMPANY),
        StringStruct("FileDescription", DESCRIPTION),
        StringStruct("FileVersion", dotted),
        StringStruct("InternalName", "eoffice-client"),
        StringStruct("OriginalFilename", "eoffice-client.exe"),
        StringStruct("ProductName", PRODUCT),
        StringStruct("ProductVersion", version),
    ])
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[StringFileInfo([strings]), VarFileInfo([VarStruct("Translation", [1033, 1200])])],
    )
