"""The release command: tests, .qm files, frozen app, smoke test, MSI, install check, signature.

    python installers/build.py [--skip-tests] [--python PY312] [--out DIR]
                               [--sign-key KEY.pem --sign-cert CERT.pem]
    python installers/build.py --msi-only --dist FROZEN_DIR --out FILE.msi [--version V]

Each step prints its name and time and the chain stops at the first failure (exit 1).
The frozen app is built with PyInstaller in a virtual environment of Python 3.12 or later
(``build/freeze-venv``). The install check installs, upgrades and removes the MSI with
Wine's msiexec (Linux only; tests/e2e/test_msi_wine.py). Signing uses osslsigncode on
Linux and signtool on Windows; without a key it is skipped with a line saying so.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "wix"))

from build_msi import MsiBuildError, build_msi, msi_version, package_version  # noqa: E402

IS_WINDOWS = sys.platform == "win32"
EXE = ".exe" if IS_WINDOWS else ""
#: The frozen folder's budget (decimal MB of files); EOFFICE_MAX_FROZEN_MB overrides it.
MAX_FROZEN_MB = float(os.environ.get("EOFFICE_MAX_FROZEN_MB") or 150)


class StepFailed(Exception):
    """A step of the chain failed; the message says what to look at."""


@dataclass
class Build:
    out: Path
    python: str | None
    version: str
    sign_key: Path | None = None
    sign_cert: Path | None = None
    frozen: Path = field(init=False)
    msi: Path = field(init=False)
    assets: Path = field(init=False)

    def __post_init__(self) -> None:
        self.assets = self.out / "assets"
        self.frozen = self.out / "dist" / "eoffice-client"
        self.msi = self.out / f"eoffice-client-{msi_version(self.version)}.msi"

    @property
    def venv(self) -> Path:
        return ROOT / "build" / "freeze-venv"

    def venv_tool(self, name: str) -> str:
        folder = self.venv / ("Scripts" if IS_WINDOWS else "bin")
        return str(folder / f"{name}{EXE}")


def run(command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    print("   $", " ".join(command), flush=True)
    done = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, check=False)
    if done.returncode != 0:
        raise StepFailed(f"{Path(command[0]).name} exited with {done.returncode}")


# --- the steps ----------------------------------------------------------------------------
def step_tests(build: Build) -> None:
    """The README's test command (it sets up .venv and runs ruff, mypy and pytest)."""
    if IS_WINDOWS:
        run(["powershell", "-ExecutionPolicy", "Bypass", "-File", str(ROOT / "scripts" /
                                                                      "test.ps1")])
    else:
        run(["bash", str(ROOT / "scripts" / "test.sh")])


def find_python312(given: str | None) -> str:
    """Python 3.12 (else a later one) to freeze with: PySide6 6.12 on 3.11 leaks references."""
    pyenv = os.path.expanduser(os.environ.get("PYENV_ROOT", "~/.pyenv"))
    candidates = [given] if given else [
        sys.executable, shutil.which("python3.12"),
        *sorted(glob.glob(f"{pyenv}/versions/3.12*/bin/python"), reverse=True),
        shutil.which("python3.13"), *sorted(glob.glob(f"{pyenv}/versions/3.1[3-9]*/bin/python"))]
    for candidate in filter(None, candidates):
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info >= (3, 12))"],
                               capture_output=True, text=True, check=False)
        if probe.stdout.strip() == "True":
            return candidate
    raise StepFailed("no Python 3.12 or later found: give one with --python")


def freeze_requirements() -> list[str]:
    """The project's dependencies and its ``freeze`` extra, read from pyproject.toml.

    PyInstaller reads the package from the source tree, so the project itself is not
    installed into the build environment (nor built as a wheel).
    """
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["freeze"]]


def step_environment(build: Build) -> None:
    """build/freeze-venv with the project's dependencies and PyInstaller."""
    python = find_python312(build.python)
    if not Path(build.venv_tool("python")).is_file():
        run([python, "-m", "venv", str(build.venv)])
    run([build.venv_tool("python"), "-c",
         "import sys; print('   freezing with Python', sys.version.split()[0]);"
         "sys.exit(sys.version_info < (3, 12))"])
    run([build.venv_tool("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         *freeze_requirements()])


def step_translations(build: Build) -> None:
    """The .qm files, compiled by pyside6-lrelease: a build without it fails."""
    lrelease = build.venv_tool("pyside6-lrelease")
    if not Path(lrelease).is_file():
        raise StepFailed(f"{lrelease} not found: the build cannot carry translations")
    target = build.assets / "translations"
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted((ROOT / "translations").glob("*.ts")):
        out = target / f"{source.stem}.qm"
        run([lrelease, "-silent", str(source), "-qm", str(out)])
        if not out.is_file() or out.stat().st_size == 0:
            raise StepFailed(f"{out} was not written")
    run([build.venv_tool("python"), str(HERE / "make_icon.py"), str(build.assets)],
        env={"QT_QPA_PLATFORM": "offscreen"})


def step_freeze(build: Build) -> None:
    run([build.venv_tool("pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(build.out / "dist"), "--workpath", str(build.out / "work"),
         str(HERE / "pyinstaller" / "eoffice.spec")],
        env={"EOFFICE_ASSETS_DIR": str(build.assets)})
    total_mb = folder_size(build.frozen) / 1e6
    icu_mb = folder_size(build.frozen, "libicu*") / 1e6
    size_mb = total_mb - icu_mb
    print(f"   frozen folder: {total_mb:.1f} MB ({build.frozen}); without the ICU libraries "
          f"Qt brings only on Linux ({icu_mb:.1f} MB): {size_mb:.1f} MB")
    if size_mb > MAX_FROZEN_MB:
        raise StepFailed(f"the frozen folder is {size_mb:.1f} MB without Qt's Linux ICU, "
                         f"over {MAX_FROZEN_MB} MB")


def folder_size(folder: Path, pattern: str = "*") -> int:
    """Bytes of the files in ``folder`` matching ``pattern`` (links not followed). Qt for
    Linux ships its own ICU (36 MB, mostly data) where Windows uses the system's ICU, so
    the budget, meant for the Windows product, is checked without it."""
    return sum(p.lstat().st_size for p in folder.rglob(pattern)
               if p.is_file() and not p.is_symlink())


def step_smoke(build: Build) -> None:
    """``gui --self-test`` of the frozen app, offscreen."""
    run([str(build.frozen / f"eoffice-client{EXE}"), "gui", "--self-test"],
        env={"QT_QPA_PLATFORM": "offscreen"})


def step_msi(build: Build) -> None:
    sign_frozen_executables(build)
    try:
        build_msi(build.frozen, build.msi, build.version, work=build.out / "msi-work")
    except MsiBuildError as exc:
        raise StepFailed(str(exc)) from None
    print(f"   {build.msi} ({build.msi.stat().st_size / 1e6:.1f} MB)")


def step_install_check(build: Build) -> None:
    """The frozen app's tests, then Wine's msiexec installs, upgrades and removes the MSI."""
    tests = ["tests/e2e/test_frozen_app.py"]
    if IS_WINDOWS:
        print("   Wine check skipped on Windows: the workflow installs with msiexec instead")
    else:
        tests.append("tests/e2e/test_msi_wine.py")
    venv = ROOT / ".venv" / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")
    run([str(venv if venv.is_file() else sys.executable), "-m", "pytest", "-q",
         "-p", "no:cacheprovider", "-m", "frozen", *tests],
        env={"EOFFICE_FROZEN_DIR": str(build.frozen), "EOFFICE_FROZEN_REQUIRED": "1",
             "EOFFICE_MAX_FROZEN_MB": str(MAX_FROZEN_MB)})


def sign_frozen_executables(build: Build) -> None:
    """On Windows the executables are signed before they go into the MSI."""
    if IS_WINDOWS and signing_configured(build):
        for exe in sorted(build.frozen.glob("*.exe")):
            sign_file(build, exe)


def signing_configured(build: Build) -> bool:
    return bool(build.sign_key or os.environ.get("EOFFICE_SIGNTOOL_ARGS"))


def sign_file(build: Build, path: Path) -> None:
    if IS_WINDOWS:
        # signtool takes the certificate from the store or a .pfx given in the workflow
        extra = os.environ.get("EOFFICE_SIGNTOOL_ARGS", "").split()
        run(["signtool", "sign", "/fd", "SHA256", "/tr", "http://timestamp.digicert.com",
             "/td", "SHA256", *extra, str(path)])
        return
    if build.sign_key is None or build.sign_cert is None:
        raise StepFailed("--sign-key needs --sign-cert (PEM)")
    signed = path.with_suffix(path.suffix + ".signed")
    run(["osslsigncode", "sign", "-key", str(build.sign_key), "-certs", str(build.sign_cert),
         "-h", "sha256", "-n", "eOffice", "-in", str(path), "-out", str(signed)])
    os.replace(signed, path)
    run(["osslsigncode", "verify", "-CAfile", str(build.sign_cert), "-in", str(path)])


def step_sign(build: Build) -> None:
    if not signing_configured(build):
        print("   SKIPPED: no signing key given (--sign-key/--sign-cert): the MSI is unsigned")
        return
    sign_file(build, build.msi)


STEPS: list[tuple[str, Callable[[Build], None]]] = [
    ("tests", step_tests),
    ("build environment (Python 3.12+, PyInstaller)", step_environment),
    (".qm files and icon", step_translations),
    ("frozen app", step_freeze),
    ("smoke test (gui --self-test)", step_smoke),
    ("MSI", step_msi),
    ("install check (frozen app tests, Wine msiexec)", step_install_check),
    ("signature", step_sign),
]


def run_steps(build: Build, skip: set[str]) -> int:
    started = time.monotonic()
    for number, (name, action) in enumerate(STEPS, 1):
        if name.split()[0] in skip:
            print(f"== {number}/{len(STEPS)} {name}: skipped (--skip-{name.split()[0]})")
            continue
        print(f"== {number}/{len(STEPS)} {name}", flush=True)
        begin = time.monotonic()
        try:
            action(build)
        except StepFailed as exc:
            print(f"!! {name} FAILED: {exc}", file=sys.stderr)
            return 1
        print(f"== {name} took {time.monotonic() - begin:.0f} s", flush=True)
    print(f"== release built in {time.monotonic() - started:.0f} s: {build.msi}")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--msi-only", action="store_true", help="only the MSI from --dist")
    parser.add_argument("--dist", type=Path, help="with --msi-only: the frozen folder")
    parser.add_argument("--out", type=Path, help="output folder (with --msi-only: the .msi)")
    parser.add_argument("--version", help="product version (default: the package's)")
    parser.add_argument("--python", help="Python 3.12+ to freeze with (default: found)")
    parser.add_argument("--skip-tests", action="store_true", help="tests ran already")
    parser.add_argument("--skip-install", action="store_true", help="no Wine install check")
    parser.add_argument("--sign-key", type=Path, help="PEM private key (osslsigncode)")
    parser.add_argument("--sign-cert", type=Path, help="PEM certificate chain (osslsigncode)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    version = args.version or package_version()
    if args.msi_only:
        if args.dist is None or args.out is None:
            print("--msi-only needs --dist FROZEN_DIR and --out FILE.msi", file=sys.stderr)
            return 64
        try:
            build_msi(args.dist, args.out, version)
        except MsiBuildError as exc:
            print(f"!! MSI FAILED: {exc}", file=sys.stderr)
            return 1
        print(f"== {args.out}")
        return 0
    build = Build(out=(args.out or ROOT / "build" / "release").resolve(), python=args.python,
                  version=version, sign_key=args.sign_key, sign_cert=args.sign_cert)
    skip = {"tests"} if args.skip_tests else set()
    if args.skip_install:
        skip.add("install")
    return run_steps(build, skip)


if __name__ == "__main__":
    sys.exit(main())
