#!/usr/bin/env python3
"""Refresh translations/eoffice_vi.ts and eoffice_en.ts from the window's sources.

Runs ``pyside6-lupdate`` over ``eoffice_client/ui`` (existing translations are kept,
strings no longer used are marked obsolete and dropped with ``--no-obsolete``). A text
whose code moved to another class gets a new context (the class name): ``--carry``
gives it the translation its old, now obsolete entry had, then drops the obsolete ones.
Then translators fill the new ``unfinished`` entries of eoffice_vi.ts (Qt Linguist, or
any editor); ``--check`` exits 1 while any Vietnamese text of the sources is not
translated, for CI.

    python scripts/update_translations.py            # update both .ts files
    python scripts/update_translations.py --carry    # ... and carry moved texts over
    python scripts/update_translations.py --check    # fail on untranslated strings
    python scripts/update_translations.py --release DIR   # also build .qm files into DIR
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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


def update(no_obsolete: bool, folder: Path = TRANSLATIONS, quiet: bool = False) -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    for lang, locale in LANGS.items():
        target = folder / f"eoffice_{lang}.ts"
        command = [tool("lupdate"), *files, "-source-language", "en_US",
                   "-target-language", locale, "-locations", "none", "-ts", str(target)]
        if no_obsolete:
            command.insert(1, "-no-obsolete")
        subprocess.run(command, check=True, capture_output=quiet)


def _forms(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def carry_over(lang: str) -> int:
    """Gives each unfinished text the translation of the obsolete entry with the same
    source (the text before its code moved to another class); returns how many."""
    path = TRANSLATIONS / f"eoffice_{lang}.ts"
    tree = ET.parse(path)
    old: dict[tuple[str, bool], set[tuple[str, ...]]] = {}
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("obsolete", "vanished"):
            key = (message.findtext("source") or "", message.get("numerus") == "yes")
            old.setdefault(key, set()).add(tuple(_forms(translation)))
    carried = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        key = (message.findtext("source") or "", message.get("numerus") == "yes")
        known = old.get(key, set())
        if len(known) != 1:  # never seen, or translated two ways: a translator decides
            continue
        [forms] = known
        if key[1]:
            for element, text in zip(translation.findall("numerusform"), forms, strict=False):
                element.text = text
        else:
            translation.text = forms[0]
        del translation.attrib["type"]
        carried += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return carried


def untranslated_sources(lang: str = "vi") -> list[str]:
    """Texts of the sources (``tr`` and ``translate`` calls in ui/) that the committed
    ``.ts`` of ``lang`` does not translate: lupdate runs on a copy of it."""
    with tempfile.TemporaryDirectory(prefix="eoffice-ts-") as folder:
        copy = Path(folder)
        for name in LANGS:
            shutil.copy(TRANSLATIONS / f"eoffice_{name}.ts", copy / f"eoffice_{name}.ts")
        update(no_obsolete=True, folder=copy, quiet=True)
        return unfinished(lang, copy)


def unfinished(lang: str, folder: Path = TRANSLATIONS) -> list[str]:
    """Source texts of ``lang`` whose translation is missing or marked unfinished."""
    tree = ET.parse(folder / f"eoffice_{lang}.ts")
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
    """Every catalogue: the window's and ``qtbase_vi.ts`` (Qt's own dialogs' texts, kept by
    hand: lupdate never touches it, Qt's sources are not ours)."""
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([tool("lrelease"), "-silent", str(source),
                        "-qm", str(out / f"{source.stem}.qm")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail when a text of the sources has no finished vi entry")
    parser.add_argument("--carry", action="store_true",
                        help="carry translations of moved texts over, drop obsolete ones")
    parser.add_argument("--no-obsolete", action="store_true", help="drop unused strings")
    parser.add_argument("--release", metavar="DIR", help="build .qm files into DIR")
    args = parser.parse_args()
    if args.check:
        missing = untranslated_sources("vi")
        for text in missing:
            print(f"untranslated (vi): {text}")
        return 1 if missing else 0
    update(args.no_obsolete)
    if args.carry:
        for lang in LANGS:
            print(f"{lang}: {carry_over(lang)} translation(s) carried over")
        update(no_obsolete=True)
    if args.release:
        release(Path(args.release))
    return 0


if __name__ == "__main__":
    sys.exit(main())
