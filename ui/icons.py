"""Severity icons, painted at run time so no image files have to ship or be found."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from app.domain.findings import Severity

# The same colours the grid uses for its cells, so a red icon points at a red cell.
SEVERITY_COLORS = {
    Severity.ERROR: QColor("#c62828"),
    Severity.WARNING: QColor("#e69500"),
    Severity.INFO: QColor("#1e6fbf"),
}
_SIZE = 32


@cache
def severity_icon(severity: Severity) -> QIcon:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = SEVERITY_COLORS[severity]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    if severity is Severity.WARNING:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(_SIZE / 2, 2),
                    QPointF(_SIZE - 1, _SIZE - 3),
                    QPointF(1, _SIZE - 3),
                ]
            )
        )
        mark, box = "!", QRectF(0, 8, _SIZE, _SIZE - 10)
    elif severity is Severity.ERROR:
        painter.drawEllipse(QRectF(2, 2, _SIZE - 4, _SIZE - 4))
        mark, box = "×", QRectF(0, 0, _SIZE, _SIZE)
    else:
        painter.drawEllipse(QRectF(2, 2, _SIZE - 4, _SIZE - 4))
        mark, box = "i", QRectF(0, 0, _SIZE, _SIZE)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(20)
    painter.setFont(font)
    painter.setPen(QPen(QColor("white")))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)
