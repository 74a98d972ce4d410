"""The in-cell editor: a plain line edit, right-aligned like the figures it edits.

Enter is handled here, not by Qt's default (which commits later, through the event loop, and
gives the view no way to tell Enter from a click elsewhere): it commits at once and tells the
view to move down, as Excel does.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    # Enter (False) or Shift+Enter (True) committed an edit; the view moves down (or up).
    enter_committed = Signal(bool)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
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
        if (
            isinstance(obj, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_committed.emit(
                bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
            return True
        return super().eventFilter(obj, event)
