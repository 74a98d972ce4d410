"""A note beside a cell, as Excel shows a data-validation message: why a typed or pasted value
was refused. It lies over the grid without taking clicks or keys, and goes when the user moves
on, types again or scrolls."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

NOTE_STYLE = (
    "QLabel { background: #fff8d6; color: #5c3b00; border: 1px solid #d9a400; padding: 4px 8px; }"
)
MAX_WIDTH = 320
GAP = 4


class CellNote(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._area = parent
        self.setObjectName("cellNote")
        self.setStyleSheet(NOTE_STYLE)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def show_beside(self, cell: QRect, message: str) -> None:
        """Show `message` to the right of `cell` (in the parent's coordinates), or below it when
        there is no room on the right."""
        self.setText(message)
        self.setFixedWidth(min(MAX_WIDTH, max(self._area.width() // 2, 160)))
        self.adjustSize()
        room = self._area.rect()
        x, y = cell.right() + GAP, cell.top()
        if x + self.width() > room.right():
            x, y = cell.left(), cell.bottom() + GAP
        x = max(room.left(), min(x, room.right() - self.width()))
        y = max(room.top(), min(y, room.bottom() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
