"""The pages one under another on a grey desk, drawn at the pane's zoom.

Only the pages in view are drawn, each straight from its layout by the same routine the printer
and the PDF use (ui.preview.painter), so what is on screen is what prints.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.document.pagination import PAGE_HEIGHT_PT, PAGE_WIDTH_PT, PagedDocument
from ui.preview.metrics import TWIPS_PER_PT, QtFonts
from ui.preview.painter import paint_page

DESK = QColor(0x80, 0x86, 0x8C)
SHADOW = QColor(0, 0, 0, 70)
GAP_PX = 16  # between pages and around them


class PageCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: PagedDocument | None = None
        self.fonts: QtFonts | None = None
        self.px_per_pt = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_document(self, document: PagedDocument, fonts: QtFonts) -> None:
        self.document = document
        self.fonts = fonts
        self._resize()
        self.update()

    def set_scale(self, px_per_pt: float) -> None:
        self.px_per_pt = px_per_pt
        self._resize()
        self.update()

    @property
    def page_count(self) -> int:
        return len(self.document.pages) if self.document else 0

    def page_size_px(self) -> QSize:
        return QSize(round(PAGE_WIDTH_PT * self.px_per_pt), round(PAGE_HEIGHT_PT * self.px_per_pt))

    def page_rect(self, index: int) -> QRect:
        """Where page `index` (from 0) is drawn, in this widget's pixels."""
        size = self.page_size_px()
        left = max(GAP_PX, (self.width() - size.width()) // 2)
        return QRect(left, GAP_PX + index * (size.height() + GAP_PX), size.width(), size.height())

    def page_at(self, y: int) -> int:
        """The page (from 0) at height `y`, or the nearest one."""
        pitch = self.page_size_px().height() + GAP_PX
        return min(max(0, (y - GAP_PX // 2) // max(1, pitch)), max(0, self.page_count - 1))

    def y_of(self, index: int, y_pt: float) -> int:
        return self.page_rect(index).top() + round(y_pt * self.px_per_pt)

    def sizeHint(self) -> QSize:
        size = self.page_size_px()
        n = max(1, self.page_count)
        return QSize(size.width() + 2 * GAP_PX, n * (size.height() + GAP_PX) + GAP_PX)

    def _resize(self) -> None:
        hint = self.sizeHint()
        # Exactly the pages' size: the scroll area centres it when the view is wider.
        self.setFixedSize(hint)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), DESK)
        if self.document is None or self.fonts is None:
            painter.end()
            return
        for index, page in enumerate(self.document.pages):
            rect = self.page_rect(index)
            if not rect.adjusted(0, 0, 4, 4).intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), SHADOW)
            painter.save()
            painter.setClipRect(rect)
            painter.translate(rect.left(), rect.top())
            scale = self.px_per_pt / TWIPS_PER_PT
            painter.scale(scale, scale)
            paint_page(painter, page, self.fonts, paper=True)
            painter.restore()
        painter.end()
