"""Renders resources/icons/app.svg into app.png (256 px) and a multi-size app.ico.

Run with a Python that has PySide6 (the build's): ``python installers/make_icon.py OUT_DIR``.
The .ico holds PNG-compressed images (Windows Vista and later read them), written here
because Qt's ICO writer stores only one size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parents[1]


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QIcon

    image = QIcon(str(svg)).pixmap(QSize(size, size)).toImage()
    if image.isNull() or image.width() != size:
        raise SystemExit(f"{svg}: could not be rendered at {size} px (is QtSvg there?)")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main(out_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = ROOT / "resources" / "icons" / "app.svg"
    pngs = {size: render_png(svg, size) for size in SIZES}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "app.png").write_bytes(pngs[256])
    (out_dir / "app.ico").write_bytes(ico_bytes(pngs))
    del app
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_icon.py OUT_DIR")
    sys.exit(main(Path(sys.argv[1])))
