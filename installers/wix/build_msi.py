"""The MSI from a frozen folder: harvest, then wixl (+ msibuild fixes) or WiX v3.

    python installers/wix/build_msi.py FROZEN_DIR OUT.msi [--version 0.1.0]

On Linux wixl builds it (see wixl_compat.py for what msibuild then puts back); on Windows
WiX v3's candle and light (on PATH, or under WIX). The product version is the package's
``__version__`` made numeric (MSI versions are major.minor.build, at most 255.255.65535).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from harvest import harvest  # noqa: E402
from wixl_compat import fix_queries, prepare  # noqa: E402

SOURCE = HERE / "eoffice.wxs"
ICON_IN_FOLDER = Path("_internal", "eoffice_client", "resources", "icons", "app.ico")
#: ICE checks that do not fit a package installing per-machine or per-user (HKMU key paths
#: of shortcut components, per-user folders of a dual-purpose package).
SUPPRESSED_ICES = ("ICE38", "ICE43", "ICE57", "ICE64", "ICE91")


class MsiBuildError(Exception):
    """A step of the MSI build failed; the message says which and why."""


def msi_version(version: str) -> str:
    """``0.2.1.dev3`` -> ``0.2.1``; refuses what Windows Installer cannot compare."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version.strip())
    if match is None:
        raise MsiBuildError(f"version {version!r} has no leading number")
    major, minor, build = (int(part or 0) for part in match.groups())
    if major > 255 or minor > 255 or build > 65535:
        raise MsiBuildError(f"version {version!r}: an MSI allows at most 255.255.65535")
    return f"{major}.{minor}.{build}"


def package_version() -> str:
    sys.path.insert(0, str(ROOT))
    from eoffice_client import __version__

    return str(__version__)


def _run(command: list[str], what: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    except OSError as exc:
        raise MsiBuildError(f"{what}: {command[0]} could not be started ({exc})") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-2000:]
        raise MsiBuildError(f"{what} failed (exit {done.returncode}): {detail}")
    return done.stdout


def _variables(frozen: str, version: str, icon: str, toolchain: str) -> dict[str, str]:
    return {"Version": msi_version(version), "SourceDir": frozen, "IconFile": icon,
            "Toolchain": toolchain}


def _secure_properties(msi: Path) -> str:
    table = _run(["msiinfo", "export", str(msi), "Property"], "msiinfo export Property")
    for line in table.splitlines():
        name, _tab, value = line.partition("\t")
        if name == "SecureCustomProperties":
            return value
    return ""


def build_with_wixl(frozen: Path, out: Path, version: str, icon: Path, work: Path) -> Path:
    """wixl finds files only by paths relative to its working folder: it runs in ``frozen``."""
    work, out = work.resolve(), out.resolve()
    work.mkdir(parents=True, exist_ok=True)
    source, fixes = prepare(SOURCE.read_text(encoding="utf-8"))
    (work / "eoffice-wixl.wxs").write_text(source, encoding="utf-8")
    (work / "files.wxs").write_text(harvest(frozen), encoding="utf-8")
    icon_relative = Path(os.path.relpath(icon.resolve(), frozen.resolve())).as_posix()
    defines = [arg for name, value in _variables(".", version, icon_relative, "wixl").items()
               for arg in ("-D", f"{name}={value}")]
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(["wixl", "-a", "x64", *defines, "-o", str(out),
          str(work / "eoffice-wixl.wxs"), str(work / "files.wxs")], "wixl", cwd=frozen)
    for query in fix_queries(fixes, _secure_properties(out)):
        _run(["msibuild", str(out), "-q", query], f"msibuild {query!r}")
    return out


def _wix_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    home = os.environ.get("WIX")
    if home and (Path(home) / "bin" / f"{name}.exe").is_file():
        return str(Path(home) / "bin" / f"{name}.exe")
    raise MsiBuildError(f"{name} (WiX v3) not found: put it on PATH or set WIX")


def build_with_wix(frozen: Path, out: Path, version: str, icon: Path, work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    (work / "files.wxs").write_text(harvest(frozen), encoding="utf-8")
    defines = [f"-d{name}={value}" for name, value
               in _variables(str(frozen.resolve()), version, str(icon.resolve()), "wix").items()]
    _run([_wix_tool("candle"), "-nologo", "-arch", "x64", *defines, "-out", f"{work}{os.sep}",
          str(SOURCE), str(work / "files.wxs")], "candle")
    suppress = [f"-sice:{ice}" for ice in SUPPRESSED_ICES]
    out.parent.mkdir(parents=True, exist_ok=True)
    _run([_wix_tool("light"), "-nologo", *suppress, "-out", str(out),
          str(work / "eoffice.wixobj"), str(work / "files.wixobj")], "light")
    return out


def build_msi(frozen: Path, out: Path, version: str | None = None, icon: Path | None = None,
              work: Path | None = None, toolchain: str | None = None) -> Path:
    """Builds ``out`` from the frozen folder; the toolchain defaults to the platform's."""
    icon = icon or frozen / ICON_IN_FOLDER
    if not icon.is_file():
        raise MsiBuildError(f"{icon}: no icon (build the frozen folder with build.py)")
    work = work or out.parent / "msi-work"
    toolchain = toolchain or ("wix" if sys.platform == "win32" else "wixl")
    build = build_with_wix if toolchain == "wix" else build_with_wixl
    return build(frozen, out, version or package_version(), icon, work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("frozen", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--version", help="product version (default: the package's)")
    parser.add_argument("--toolchain", choices=("wixl", "wix"))
    args = parser.parse_args(argv)
    try:
        build_msi(args.frozen, args.out, args.version, toolchain=args.toolchain)
    except MsiBuildError as exc:
        print(f"MSI: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
