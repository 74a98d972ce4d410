"""How a cell is drawn and edited: short headers wrap evenly, figures edit in a line edit.

Enter is handled here, not by Qt's default (which commits later, through the event loop, and
gives the view no way to tell Enter from a click elsewhere): it commits at once and tells the
view to move down, as Excel does. A value the cell cannot take is not committed by Enter or Tab:
the editor stays open on it, and the view says why beside the cell (Excel's data validation).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain.layout import CellRole
from ui.grid.table_model import CellRoleRole

Index = QModelIndex | QPersistentModelIndex


# Headers up to this many characters are wrapped into even lines (结果/维持, not 结果维/持).
SHORT_HEADER = 8


def balanced_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` broken into the fewest lines of equal length that fit `width` pixels."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    for n in range(2, len(text) + 1):
        size = -(-len(text) // n)
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        if all(metrics.horizontalAdvance(c) <= width for c in chunks):
            # Qt's item drawing ignores "\n" but breaks at a Unicode line separator.
            return "\u2028".join(chunks)
    return text


_LEAVING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class CellDelegate(QStyledItemDelegate):
    # Enter (False) or Shift+Enter (True) committed an edit; the view moves down (or up).
    enter_committed = Signal(bool)
    # Enter or Tab on a value the cell cannot take: the editor stays, with the reason.
    refused = Signal(QWidget, str)
    # Ctrl+Enter: the text typed goes into every selected cell, as in Excel (not committed here).
    fill_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Why the edited cell cannot take a text ("" when it can); set by the view.
        self.problem: Callable[[str], str] = lambda _text: ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(CellRoleRole) != CellRole.HEADER.value:
            super().paint(painter, option, index)
            return
        # Drawn here rather than by overriding initStyleOption: PySide hands that override a
        # copy of the option, so a changed text would never reach the painter.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if len(opt.text) <= SHORT_HEADER:
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
            opt.text = balanced_lines(
                opt.text,
                opt.fontMetrics,
                opt.rect.width() - 2 * (margin + 1),
            )
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not (
            isinstance(obj, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _LEAVING_KEYS
        ):
            return super().eventFilter(obj, event)
        problem = self.problem(obj.text())
        if problem:
            obj.selectAll()
            self.refused.emit(obj, problem)
            return True
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.RevertModelCache)
            self.fill_requested.emit(obj.text())
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_committed.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        return super().eventFilter(obj, event)
