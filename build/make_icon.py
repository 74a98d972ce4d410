"""Draw the program's icon with Qt: resources/icons/nianbao.png and nianbao.ico.

A red rounded square (the colour of an official seal) with a white page whose top line is the
character 年, drawn anew for every size so that small icons stay crisp. The files are
committed; run this again only to change the icon:  python build/make_icon.py

The .ico holds one PNG image per size (16 to 256 pixels), which Windows Vista and later read.
Needs a CJK font (Noto Sans CJK SC on the build machines).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256
RED, PAPER, INK = "#c62828", "#fffaf3", "#c62828"
FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei")


def draw(size: int) -> bytes:
    """The icon at `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(RED))
    painter.drawRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)

    available = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in available), None)
    if family is None:
        raise SystemExit("make_icon: no CJK font found (install fonts-noto-cjk)")
    font = QFont(family)
    font.setWeight(QFont.Weight.Black)
    if size < 24:
        # Too small for a page: the character alone, white on red, as large as it goes.
        font.setPixelSize(round(s * 0.8))
        painter.setFont(font)
        painter.setPen(QColor(PAPER))
        painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "年")
    else:
        # The page: white, with the character at the top and ruled lines below it.
        page = QRectF(s * 0.2, s * 0.12, s * 0.6, s * 0.76)
        painter.setBrush(QColor(PAPER))
        painter.drawRoundedRect(page, s * 0.04, s * 0.04)
        font.setPixelSize(round(s * 0.4))
        painter.setFont(font)
        painter.setPen(QColor(INK))
        glyph_box = QRectF(page.left(), page.top() + s * 0.02, page.width(), s * 0.42)
        painter.drawText(glyph_box, Qt.AlignmentFlag.AlignCenter, "年")
        pen = QPen(QColor(INK))
        pen.setWidthF(max(1.0, s * 0.035))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        left, right = page.left() + s * 0.1, page.right() - s * 0.1
        for y in (0.64, 0.74):
            painter.drawLine(round(left), round(s * y), round(right), round(s * y))
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; it takes str
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico file holding the given PNG images (ICONDIR, one ICONDIRENTRY each, the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    images = {size: draw(size) for size in SIZES}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "nianbao.png").write_bytes(images[PNG_SIZE])
    (ICONS / "nianbao.ico").write_bytes(ico(images))
    print(f"wrote {ICONS / 'nianbao.png'} and {ICONS / 'nianbao.ico'} ({len(SIZES)} sizes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
