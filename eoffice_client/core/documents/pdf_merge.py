"""Joining PDFs (the main document and its appendices) and scanned pages into one PDF.

Scanned JPEG/PNG pages are decoded by Pillow, which reads every variant scanners write
(CMYK and greyscale JPEG, palette and transparent PNG, EXIF rotation) and refuses a file
that is not really an image; each becomes one A4 portrait page, the image scaled to fit
with its aspect kept and centred (pypdf places it). No Qt is needed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from eoffice_client.core.documents.errors import DocumentFileError
from eoffice_client.core.documents.files import write_atomically
from eoffice_client.core.documents.pdf_read import open_pdf, quiet_pypdf

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
A4_POINTS = (595.28, 841.89)
#: Resolution an image is embedded at before it is scaled onto its page.
SCAN_DPI = 150
#: The largest scanned image taken, in pixels: an A4 page at 600 dpi has 35 million. A
#: larger one (a decompression bomb: a small file claiming a huge picture) is refused
#: before it is decoded, so its memory is never taken.
MAX_SCAN_PIXELS = 60_000_000


def merge_pdfs(paths: Sequence[Path], out: Path) -> int:
    """Writes the pages of ``paths`` in order into ``out``; returns the page count."""
    if not paths:
        raise DocumentFileError("documents.nothing_to_join")
    writer = PdfWriter()
    for path in paths:
        _append_pdf(writer, open_pdf(path))
    return _write(writer, out)


def join_scans(paths: Sequence[Path], out: Path) -> int:
    """PDFs merged as they are and JPEG/PNG images one per A4 page, in the order given;
    returns the page count."""
    if not paths:
        raise DocumentFileError("documents.nothing_to_join")
    writer = PdfWriter()
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            with quiet_pypdf():
                writer.add_page(image_page(path))
        elif suffix == ".pdf":
            _append_pdf(writer, open_pdf(path))
        else:
            raise DocumentFileError("documents.scan_unsupported", path=str(path))
    return _write(writer, out)


def check_scan(path: Path) -> int:
    """Whether ``path`` can be joined as scanned pages (a readable PDF, JPEG or PNG);
    returns its page count, else a :class:`DocumentFileError` naming the file and what is
    wrong with it. The window checks each file when it is added."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        _image_pdf(path)
        return 1
    if suffix == ".pdf":
        return len(open_pdf(path).pages)
    raise DocumentFileError("documents.scan_unsupported", path=str(path))


def _append_pdf(writer: PdfWriter, reader: PdfReader) -> None:
    with quiet_pypdf():
        for page in reader.pages:
            writer.add_page(page)


def _write(writer: PdfWriter, out: Path) -> int:
    buffer = io.BytesIO()
    with quiet_pypdf():
        writer.write(buffer)
    write_atomically(out, buffer.getvalue())
    return len(writer.pages)


def _too_large(path: Path, width: int, height: int) -> DocumentFileError:
    size = f"{width} x {height}" if width else f"> {MAX_SCAN_PIXELS // 1_000_000} MP"
    return DocumentFileError("documents.image_too_large", path=str(path), size=size,
                             limit=MAX_SCAN_PIXELS // 1_000_000)


def image_page(path: Path) -> PageObject:
    """One A4 page showing the image at ``path``, scaled to fit and centred."""
    single = PdfReader(io.BytesIO(_image_pdf(path))).pages[0]
    width, height = float(single.mediabox.width), float(single.mediabox.height)
    page_w, page_h = A4_POINTS
    scale = min(page_w / width, page_h / height)
    dx, dy = (page_w - width * scale) / 2, (page_h - height * scale) / 2
    page = PageObject.create_blank_page(width=page_w, height=page_h)
    page.merge_transformed_page(single, Transformation().scale(scale).translate(dx, dy))
    return page


def _image_pdf(path: Path) -> bytes:
    """The image as a one-page PDF (Pillow), upright and without transparency."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            if opened.width * opened.height > MAX_SCAN_PIXELS:
                raise _too_large(path, opened.width, opened.height)
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except FileNotFoundError:
        raise DocumentFileError("documents.file_missing", path=str(path)) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own bound, far above ours: raised when Image.open reads the header
        # (the warning is raised only where warnings are errors, as in the tests)
        raise _too_large(path, 0, 0) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise DocumentFileError("documents.image_unreadable", path=str(path),
                                detail=" ".join(str(exc).split())[:200]) from None
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=SCAN_DPI)
    return buffer.getvalue()
