"""Test documents for the signing tests: A4 PDFs with Vietnamese text in a Decree-30
signature block, and the two images (blue signature, red round seal) as transparent PNGs.

Text is drawn with pyHanko's text stamps in Liberation Serif (from resources/fonts), so
it carries a ToUnicode map and the signer-block search can find it.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import PdfResources
from pyhanko.pdf_utils.text import TextBox
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from eoffice_client.core.documents.signing_appearance import text_box_style

A4 = (595, 842)
SIGNER_TITLE = "CHỦ TỊCH"
SIGNER_NAME = "Nguyễn Văn Lãnh"
#: Where the block's lines start (x, y of the lower left corner of each stamp).
TITLE_AT = (380, 300)
NAME_AT = (375, 200)
#: The number line and the place-and-date line of a draft, blanks where the number, the
#: day and the month will be filled in (as core/documents/content.py prints them).
NUMBER_LINE = "Số:" + "\u00a0" * 9 + "/QĐ-UBND"
DATE_LINE = "Thử Nghiệm, ngày" + "\u00a0" * 6 + "tháng" + "\u00a0" * 6 + "năm 2026"


class _Page:
    """Collects text lines drawn straight into one page's content stream."""

    def __init__(self, writer: PdfFileWriter) -> None:
        self.writer = writer
        self.fonts = generic.DictionaryObject()
        self.commands: list[bytes] = []

    def text(self, x: int, y: int, text: str, size: int = 13, style: str = "Regular") -> None:
        resources = PdfResources()
        box = TextBox(text_box_style(size, font_style=style), writer=self.writer,
                      resources=resources, box=None)
        box.content = text
        # each line has its own font subset: give it a name of its own on the page
        name = f"F{len(self.commands) + 1}"
        rendered = box.render()
        fonts = resources.as_pdf_object()["/Font"]
        (own,) = fonts.keys()
        rendered = rendered.replace(own.encode() + b" ", b"/" + name.encode() + b" ")
        self.fonts[generic.pdf_name("/" + name)] = fonts.raw_get(own)
        self.commands.append(b"q 1 0 0 1 %d %d cm " % (x, y) + rendered + b" Q")

    def add_to(self, writer: PdfFileWriter) -> None:
        stream = generic.StreamObject(stream_data=b"\n".join(self.commands))
        writer.insert_page(PageObject(
            contents=writer.add_object(stream),
            media_box=generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, *A4)]),
            resources=generic.DictionaryObject({generic.pdf_name("/Font"): self.fonts})))


def make_document(path: Path, pages: int = 3, *, signer: bool = True) -> Path:
    writer = PdfFileWriter()
    drawn = [_Page(writer) for _ in range(pages)]
    first, last = drawn[0], drawn[-1]
    first.text(60, 800, "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM")
    first.text(60, 765, NUMBER_LINE)
    first.text(300, 765, DATE_LINE, 14, "Italic")
    for index, page in enumerate(drawn):
        page.text(60, 600, f"Trang {index + 1}: nội dung văn bản thử nghiệm.")
    if signer:
        last.text(*TITLE_AT, SIGNER_TITLE)
        last.text(*NAME_AT, SIGNER_NAME)
    for page in drawn:
        page.add_to(writer)
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return path


def make_signature_png(path: Path, size: tuple[int, int] = (320, 134)) -> Path:
    """A blue scribble on a transparent background (the leader's signature image)."""
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    w, h = size
    points = [(int(w * (0.05 + 0.9 * t / 60)),
               int(h / 2 + h * 0.3 * math.sin(t / 4.0) * (1 - t / 90)))
              for t in range(61)]
    draw.line(points, fill=(20, 40, 200, 255), width=6)
    draw.line([(w * 0.1, h * 0.8), (w * 0.9, h * 0.7)], fill=(20, 40, 200, 255), width=4)
    img.save(path)
    return path


def make_seal_png(path: Path, diameter: int = 300) -> Path:
    """A red ring seal with a star, transparent outside and between the rings."""
    img = Image.new("RGBA", (diameter, diameter), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (220, 20, 30, 230)
    draw.ellipse((4, 4, diameter - 4, diameter - 4), outline=red, width=10)
    draw.ellipse((50, 50, diameter - 50, diameter - 50), outline=red, width=5)
    c = diameter / 2
    star = []
    for k in range(10):
        radius = 45 if k % 2 == 0 else 18
        angle = math.pi / 2 + k * math.pi / 5
        star.append((c + radius * math.cos(angle), c - radius * math.sin(angle)))
    draw.polygon(star, fill=red)
    img.save(path)
    return path
