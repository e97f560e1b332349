"""Fonts for texts drawn into signed PDFs (signature texts, the number and date fields).

pyHanko's glyph accumulator writes a TrueType font's advance widths in font units into
the PDF's /W array, which PDF reads as thousandths of an em; Liberation Serif has 2048
units per em, so every glyph would get twice its width (wide-spaced text in every
viewer). The font is therefore rescaled to 1000 units per em (fontTools) once per
process and handed to pyHanko from memory; the shipped files stay as they are.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

PDF_UNITS_PER_EM = 1000


@functools.lru_cache(maxsize=8)
def font_bytes_1000_upem(font_file: str) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(font_file)
    if font["head"].unitsPerEm != PDF_UNITS_PER_EM:
        scale_upem(font, PDF_UNITS_PER_EM)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class EmbeddedFontFactory(FontEngineFactory):
    """Like pyHanko's GlyphAccumulatorFactory, on the 1000-units copy of ``font_file``."""

    font_file: str
    font_size: int = 10

    def create_font_engine(self, writer, obj_stream=None):
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(writer=writer,
                                font_handle=io.BytesIO(font_bytes_1000_upem(self.font_file)),
                                font_size=self.font_size, obj_stream=obj_stream)
