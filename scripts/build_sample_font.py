"""Builds resources/fonts/EOfficeSampleSerif-Regular.ttf, the small font the sandbox's
sample PDFs embed: Liberation Serif Regular cut down to the letters of Vietnamese, ASCII
and common punctuation, without hinting.

The SIL Open Font License lets a subset be shipped, but not under the Reserved Font Name
"Liberation", so the subset gets its own name. Run once after changing the characters
(needs fontTools, a dev dependency):  .venv/bin/python scripts/build_sample_font.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
TARGET = ROOT / "resources" / "fonts" / "EOfficeSampleSerif-Regular.ttf"
FAMILY = "EOffice Sample Serif"
POSTSCRIPT = "EOfficeSampleSerif-Regular"

VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
VIETNAMESE_EXTRA = "ĂăĐđĨĩŨũƠơƯư"
PUNCTUATION = "\u00a0«»“”‘’–—…•·°§№"


def characters() -> str:
    ascii_printable = "".join(chr(c) for c in range(0x20, 0x7F))
    extended = "".join(chr(c) for c in range(0x1EA0, 0x1EFA))  # Ạ .. ỹ
    marks = "\u0300\u0301\u0303\u0309\u0323"  # for text in decomposed form
    return ascii_printable + VIETNAMESE_LATIN1 + VIETNAMESE_EXTRA + extended + marks + PUNCTUATION


def rename(font: TTFont) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 4:
            names.setName(f"{FAMILY} Regular", 4, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 6:
            names.setName(POSTSCRIPT, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{POSTSCRIPT};subset", 3, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 5:
            continue
        elif record.nameID not in (0, 2, 7, 8, 9, 11, 12, 13, 14):
            names.removeNames(nameID=record.nameID)
    names.setName("Subset of Liberation Serif Regular for the eOffice sample PDFs; "
                  "SIL Open Font License 1.1", 10, 3, 1, 0x409)


def main() -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(SOURCE, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    for table in ("DSIG", "GSUB", "GPOS", "GDEF", "kern", "hdmx", "LTSH", "VDMX"):
        if table in font:
            del font[table]
    rename(font)
    font.save(TARGET)
    print(f"{TARGET.name}: {TARGET.stat().st_size} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main()
