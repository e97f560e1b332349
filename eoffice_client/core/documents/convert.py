""".docx -> PDF for approval: LibreOffice headless, or Microsoft Word where installed.

LibreOffice runs with its own throw-away profile (``-env:UserInstallation``), so it works
while the user has LibreOffice open, and that profile's ``user/fonts`` folder holds the
shipped Liberation Serif faces, which LibreOffice loads from there: the PDF embeds fonts
with Vietnamese glyphs even on a machine where no such font is installed (Times New
Roman, where installed, is used first). Word is driven through PowerShell and its COM
object, so no Windows-only Python package is needed (this path is not tested on Linux).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eoffice_client.core.documents.errors import (
    ConversionError,
    ConverterMissingError,
    DocumentFileError,
)
from eoffice_client.core.documents.files import write_atomically
from eoffice_client.core.documents.font_metrics import FACES, fonts_dir

DEFAULT_TIMEOUT_S = 180.0
ConverterKind = Literal["libreoffice", "word"]

#: Where LibreOffice is when it is not on PATH.
LIBREOFFICE_FOLDERS = (
    r"%ProgramFiles%\LibreOffice\program",
    r"%ProgramFiles(x86)%\LibreOffice\program",
    r"%LOCALAPPDATA%\Programs\LibreOffice\program",
    "/Applications/LibreOffice.app/Contents/MacOS",
    "/opt/libreoffice/program",
    "/usr/lib/libreoffice/program",
)
_WORD_SCRIPT = """
$ErrorActionPreference = 'Stop'
$word = New-Object -ComObject Word.Application
$word.Visible = $false
$word.DisplayAlerts = 0
try {
    $doc = $word.Documents.Open($env:EOFFICE_DOCX, $false, $true)
    $doc.ExportAsFixedFormat($env:EOFFICE_PDF, 17)
    $doc.Close(0)
} finally {
    $word.Quit()
}
"""


@dataclass(frozen=True)
class Converter:
    kind: ConverterKind
    program: Path  # soffice, or powershell.exe for Word

    @property
    def label(self) -> str:
        return "LibreOffice" if self.kind == "libreoffice" else "Microsoft Word"


@dataclass(frozen=True)
class ConversionResult:
    pdf: Path
    converter: ConverterKind
    seconds: float


def find_libreoffice() -> Path | None:
    """soffice on PATH, else in LibreOffice's usual folders (Windows, macOS, /opt)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for folder in LIBREOFFICE_FOLDERS:
        base = Path(os.path.expandvars(folder))
        for name in ("soffice.com", "soffice.exe", "soffice"):
            if "%" not in str(base) and (base / name).is_file():
                return base / name
    return None


def find_word() -> Path | None:
    """powershell.exe when Word's COM class is registered (Windows only)."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            pass
    except OSError:
        return None
    found = shutil.which("powershell") or shutil.which("pwsh")
    return Path(found) if found else None


def find_converter() -> Converter | None:
    """LibreOffice first (it is what CI and most offices without Word have), then Word."""
    soffice = find_libreoffice()
    if soffice is not None:
        return Converter("libreoffice", soffice)
    powershell = find_word()
    return Converter("word", powershell) if powershell is not None else None


def convert_to_pdf(docx: Path, pdf: Path, timeout_s: float = DEFAULT_TIMEOUT_S,
                   converter: Converter | None = None) -> ConversionResult:
    """Converts ``docx`` to ``pdf``; ConverterMissingError (exit 9) when neither program
    is installed, ConversionError when the program fails or runs past ``timeout_s``."""
    if not docx.is_file():
        raise DocumentFileError("documents.file_missing", path=str(docx))
    chosen = converter or find_converter()
    if chosen is None:
        raise ConverterMissingError("documents.no_converter")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="eoffice-pdf-") as work_name:
        work = Path(work_name)
        source = work / "in" / "document.docx"
        source.parent.mkdir()
        shutil.copyfile(docx, source)
        if chosen.kind == "libreoffice":
            produced = _run_libreoffice(chosen, source, work, timeout_s, docx)
        else:
            produced = _run_word(chosen, source, work, timeout_s, docx)
        data = produced.read_bytes() if produced.is_file() else b""
        if not data.startswith(b"%PDF-"):
            raise ConversionError("documents.conversion_failed", path=str(docx),
                                  converter=chosen.label, detail="no PDF was produced")
        write_atomically(pdf, data)
    return ConversionResult(pdf, chosen.kind, time.monotonic() - started)


def libreoffice_profile(work: Path) -> Path:
    """A fresh LibreOffice profile whose user font folder holds the shipped fonts."""
    profile = work / "profile"
    font_folder = profile / "user" / "fonts"
    font_folder.mkdir(parents=True)
    for name in FACES.values():
        shutil.copyfile(fonts_dir() / name, font_folder / name)
    return profile


def _run_libreoffice(converter: Converter, source: Path, work: Path, timeout_s: float,
                     shown: Path) -> Path:
    profile = libreoffice_profile(work)
    out_dir = work / "out"
    command = [str(converter.program), f"-env:UserInstallation={profile.as_uri()}",
               "--headless", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), str(source)]
    _run(command, timeout_s, shown, converter, dict(os.environ))
    return out_dir / "document.pdf"


def _run_word(converter: Converter, source: Path, work: Path, timeout_s: float,
              shown: Path) -> Path:
    target = work / "out" / "document.pdf"
    target.parent.mkdir()
    env = {**os.environ, "EOFFICE_DOCX": str(source), "EOFFICE_PDF": str(target)}
    command = [str(converter.program), "-NoProfile", "-NonInteractive", "-ExecutionPolicy",
               "Bypass", "-Command", _WORD_SCRIPT]
    _run(command, timeout_s, shown, converter, env)
    return target


def _run(command: list[str], timeout_s: float, shown: Path, converter: Converter,
         env: dict[str, str]) -> None:
    """Runs the converter in its own process group, so a timeout ends all it started."""
    windows = sys.platform == "win32"
    flags = subprocess.CREATE_NEW_PROCESS_GROUP if windows else 0  # type: ignore[attr-defined]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, creationflags=flags,
                                   start_new_session=not windows)
    except OSError as exc:
        raise ConversionError("documents.conversion_failed", path=str(shown),
                              converter=converter.label, detail=exc.strerror or str(exc)) from None
    try:
        _, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill(process, windows)
        raise ConversionError("documents.conversion_timeout", path=str(shown),
                              converter=converter.label, seconds=round(timeout_s)) from None
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionError("documents.conversion_failed", path=str(shown),
                              converter=converter.label,
                              detail=(detail[-1] if detail else f"exit {process.returncode}"))


def _kill(process: subprocess.Popen[bytes], windows: bool) -> None:
    if windows:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                       capture_output=True, check=False)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
