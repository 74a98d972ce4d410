"""Drawing laid-out pages with QPainter: one routine for the screen, the printer and the PDF.

`paint_page` draws in twips from the paper's top left corner; the caller scales the painter to
its device. `paint_document` does that for a paged device (QPdfWriter, QPrinter), a page of
paper per page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from app.document.pagination import PAGE_HEIGHT_PT, PAGE_WIDTH_PT, Page, TextLine
from ui.preview.metrics import TWIPS_PER_PT, QtFonts

INK = QColor(0, 0, 0)
PAPER = QColor(255, 255, 255)
PAGE_WIDTH_TWIPS = PAGE_WIDTH_PT * TWIPS_PER_PT
PAGE_HEIGHT_TWIPS = PAGE_HEIGHT_PT * TWIPS_PER_PT


def paint_page(painter: QPainter, page: Page, fonts: QtFonts, *, paper: bool = False) -> None:
    """Draw `page`; with `paper`, on a white sheet first (the screen's grey background)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if paper:
        painter.fillRect(QRectF(0, 0, PAGE_WIDTH_TWIPS, PAGE_HEIGHT_TWIPS), PAPER)
    painter.setPen(_rule_pen(painter, page.border_pt))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for cell in page.cells:
        painter.drawRect(
            QRectF(
                cell.x * TWIPS_PER_PT,
                cell.y * TWIPS_PER_PT,
                cell.width * TWIPS_PER_PT,
                cell.height * TWIPS_PER_PT,
            )
        )
    painter.setPen(INK)
    for line in page.lines:
        _text(painter, line, fonts)
    for cell in page.cells:
        for line in cell.lines:
            _text(painter, line, fonts)
    _text(painter, page.folio, fonts)
    painter.restore()


def _rule_pen(painter: QPainter, width_pt: float) -> QPen:
    """Table rules 0.5 pt as in the .docx; on a small screen page never thinner than a pixel,
    or they would fade to grey."""
    width = width_pt * TWIPS_PER_PT
    scale = painter.transform().m11()
    if width * scale < 1.0:
        pen = QPen(INK, 1.0)
        pen.setCosmetic(True)
        return pen
    return QPen(INK, width)


def _text(painter: QPainter, line: TextLine, fonts: QtFonts) -> None:
    for piece in line.pieces:
        where = QPointF(piece.x * TWIPS_PER_PT, line.baseline * TWIPS_PER_PT)
        run = fonts.glyph_run(piece.text, piece.font, piece.spacing)
        if run is not None:
            painter.drawGlyphRun(where, run)
        else:
            painter.setFont(fonts.font(piece.font))
            painter.drawText(where, piece.text)


def paint_document(
    device: QPagedPaintDevice, pages: Sequence[Page], fonts: QtFonts, dpi: float
) -> bool:
    """Draw every page on `device` (its origin at the paper's corner, `dpi` dots per inch);
    False when the device cannot be painted on (a printer that went away)."""
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        scale = dpi / 72 / TWIPS_PER_PT
        for index, page in enumerate(pages):
            if index:
                device.newPage()
            painter.resetTransform()
            painter.scale(scale, scale)
            paint_page(painter, page, fonts)
    finally:
        painter.end()
    return True
