"""Scanned pages into one PDF: PDFs are merged as they are, JPEG/PNG pages drawn one per A4
page (QPdfWriter), all in the order given."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}


class ScanError(ValueError):
    """A file that is neither a readable PDF nor a JPEG/PNG image."""


def images_to_pdf(paths: Sequence[Path], resolution: int = 150) -> bytes:
    """One A4 page per image, scaled to fit with its aspect ratio kept."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    for number, path in enumerate(paths):
        image = QImage(str(path))
        if image.isNull():
            raise ScanError(str(path))
        if number == 0:
            painter.begin(writer)
        else:
            writer.newPage()
        page = painter.viewport()
        scaled = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (page.width() - scaled.width()) // 2
        y = (page.height() - scaled.height()) // 2
        painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)
    if painter.isActive():
        painter.end()
    buffer.close()
    return bytes(data.data())


def join_scans(paths: Sequence[Path], out: Path) -> int:
    """Writes the pages of ``paths`` into ``out``; returns the page count."""
    writer = PdfWriter()
    pending_images: list[Path] = []

    def flush_images() -> None:
        if pending_images:
            _append(writer, images_to_pdf(pending_images))
            pending_images.clear()

    for path in paths:
        suffix = path.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            pending_images.append(path)
        elif suffix == ".pdf":
            flush_images()
            _append(writer, path.read_bytes())
        else:
            raise ScanError(str(path))
    flush_images()
    if not writer.pages:
        raise ScanError("no pages")
    with open(out, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _append(writer: PdfWriter, data: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            writer.add_page(page)
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise ScanError(str(exc)) from exc
