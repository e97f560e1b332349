#!/usr/bin/env python3
"""Refresh translations/eoffice_vi.ts and eoffice_en.ts from the window's sources.

Runs ``pyside6-lupdate`` over ``eoffice_client/ui`` (existing translations are kept,
strings no longer used are marked obsolete and dropped with ``--no-obsolete``). Then
translators fill the new ``unfinished`` entries of eoffice_vi.ts (Qt Linguist, or any
editor); ``--check`` exits 1 while any Vietnamese entry is unfinished, for CI.

    python scripts/update_translations.py            # update both .ts files
    python scripts/update_translations.py --check    # fail on untranslated strings
    python scripts/update_translations.py --release DIR   # also build .qm files into DIR
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "eoffice_client" / "ui"
TRANSLATIONS = ROOT / "translations"
LANGS = {"vi": "vi_VN", "en": "en_US"}


def tool(name: str) -> str:
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def update(no_obsolete: bool) -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    for lang, locale in LANGS.items():
        target = TRANSLATIONS / f"eoffice_{lang}.ts"
        command = [tool("lupdate"), *files, "-source-language", "en_US",
                   "-target-language", locale, "-locations", "none", "-ts", str(target)]
        if no_obsolete:
            command.insert(1, "-no-obsolete")
        subprocess.run(command, check=True)


def unfinished(lang: str) -> list[str]:
    """Source texts of ``lang`` whose translation is missing or marked unfinished."""
    tree = ET.parse(TRANSLATIONS / f"eoffice_{lang}.ts")
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished",):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        if (forms and not all((f.text or "").strip() for f in forms)) or (
                not forms and not (translation.text or "").strip()):
            missing.append(source)
    return missing


def release(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        subprocess.run([tool("lrelease"), "-silent", str(TRANSLATIONS / f"eoffice_{lang}.ts"),
                        "-qm", str(out / f"eoffice_{lang}.qm")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished vi entries")
    parser.add_argument("--no-obsolete", action="store_true", help="drop unused strings")
    parser.add_argument("--release", metavar="DIR", help="build .qm files into DIR")
    args = parser.parse_args()
    if args.check:
        missing = unfinished("vi")
        for text in missing:
            print(f"untranslated (vi): {text}")
        return 1 if missing else 0
    update(args.no_obsolete)
    if args.release:
        release(Path(args.release))
    return 0


if __name__ == "__main__":
    sys.exit(main())
