"""A table of the report drawn like the printed one, edited like a spreadsheet.

The table's own header rows are its header: Qt's row and column headers are hidden, merged
cells come from the layout, label columns keep their printed proportions. Keys behave as in
Excel: typing overwrites, F2 or a double click edits, Enter moves down, Tab moves right over
the labels, Delete clears, Ctrl+C / Ctrl+V copy and paste ranges (a paste is one undo step).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QToolTip,
    QWidget,
)

from app.domain.layout import CellRole, TableLayout
from app.domain.paste import Area, PasteError, clear_edit
from ui.grid import clipboard, geometry, style
from ui.grid.delegate import CellDelegate
from ui.grid.table_model import RefRole, TableModel, table_for
from ui.session import ReportSession

Index = QModelIndex | QPersistentModelIndex
_PAD_X = 10  # horizontal padding inside a cell, both sides together
_PAD_Y = 8


class TableGrid(QTableView):
    # A typed or pasted value was refused; the Chinese message says why (nothing changed).
    input_rejected = Signal(str)
    # Help for the cell under the cursor (its labels, R7 subtotal, sums), for a status bar.
    hint_changed = Signal(str)

    def __init__(self, session: ReportSession, table: TableLayout | str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if isinstance(table, str):
            table = table_for(session, table)
        self.session = session
        self.grid_model = TableModel(session, table, self)
        self.setModel(self.grid_model)
        self._delegate = CellDelegate(self)
        self.setItemDelegate(self._delegate)
        self._delegate.enter_committed.connect(self._after_enter)
        self.grid_model.input_rejected.connect(self._reject)
        for cell in self.grid_model.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)

        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setMinimumSectionSize(1)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setCornerButtonEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(f"QTableView {{ gridline-color: {style.GRID_LINE.name()}; }}")
        self._fitted_width = -1
        self.session.changed.connect(self._emit_hint)
        self.selectionModel().currentChanged.connect(self._emit_hint)
        self.fit_to_width()
        first = self._value_indexes()
        if first:
            self.setCurrentIndex(first[0])

    @property
    def table(self) -> TableLayout:
        return self.grid_model.table

    # --- the cursor, for the findings panel and for remembering where the user was -------

    def currentRef(self) -> str | None:
        ref = self.currentIndex().data(RefRole)
        return str(ref) if ref else None

    def setCurrentRef(self, ref: str) -> bool:
        index = self.grid_model.index_of(ref)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def selectRefs(self, refs: Iterable[str]) -> bool:
        """Select the cells of `refs` that are in this table and scroll to the first."""
        indexes = [i for i in (self.grid_model.index_of(r) for r in refs) if i.isValid()]
        if not indexes:
            return False
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(indexes[0], flags.NoUpdate)
        self.selectionModel().select(selection, flags.ClearAndSelect)
        self.scrollTo(indexes[0])
        return True

    def _select_range(self, refs: Iterable[str]) -> None:
        """Select the rectangle around `refs` (a pasted block), as Excel does after a paste."""
        indexes = [i for i in (self.grid_model.index_of(r) for r in refs) if i.isValid()]
        if not indexes:
            return
        model = self.grid_model
        top_left = model.index(min(i.row() for i in indexes), min(i.column() for i in indexes))
        bottom_right = model.index(max(i.row() for i in indexes),
                                   max(i.column() for i in indexes))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(indexes[0], flags.NoUpdate)
        self.selectionModel().select(QItemSelection(top_left, bottom_right), flags.ClearAndSelect)

    # --- editing commands (also reachable from the window's 编辑 menu) --------------------

    def copy_selection(self) -> str:
        area = self._selected_area()
        if area is None:
            return ""
        text = clipboard.copy_text(self.grid_model, area)
        clipboard.put_on_clipboard(text)
        return text

    def paste_text(self, text: str) -> bool:
        """Paste spreadsheet text over the selection, as one undo step; False if refused."""
        area = self._selected_area()
        if area is None:
            return False
        try:
            edit = clipboard.paste_from(self.grid_model, text, area)
        except PasteError as exc:
            self._reject(str(exc))
            return False
        self.session.push(edit)
        self._select_range(edit.refs)
        return True

    def paste_from_clipboard(self) -> bool:
        return self.paste_text(clipboard.clipboard_text())

    def clear_selection_values(self) -> None:
        """Delete: blank every selected value cell that holds something, as one undo step."""
        area = self._selected_area()
        if area is None:
            return
        report = self.session.report
        keys = [k for k in clipboard.value_keys(self.grid_model, area)
                if report.get(self.table.spec(k).ref) is not None]
        if keys:
            self.session.push(clear_edit(self.table, keys))

    # --- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_from_clipboard()
                return
            if event.key() == Qt.Key.Key_Delete and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
            ):
                self.clear_selection_values()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._after_enter(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        # Typing on a read-only label must not jump to a cell whose text starts with the key.
        return

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        action = QAbstractItemView.CursorAction
        if cursorAction in (action.MoveNext, action.MovePrevious):
            step = 1 if cursorAction == action.MoveNext else -1
            target = self._next_value(self.currentIndex(), step)
            return target if target.isValid() else self.currentIndex()
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Tab out of an editor moves on without opening the next editor, as in Excel.
        hints = QAbstractItemDelegate.EndEditHint
        if hint in (hints.EditNextItem, hints.EditPreviousItem):
            super().closeEditor(editor, hints.NoHint)
            step = 1 if hint == hints.EditNextItem else -1
            target = self._next_value(self.currentIndex(), step)
            if target.isValid():
                self.setCurrentIndex(target)
            return
        super().closeEditor(editor, hint)

    def _after_enter(self, up: bool) -> None:
        target = self._value_below(self.currentIndex(), -1 if up else 1)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def _next_value(self, index: QModelIndex, step: int) -> QModelIndex:
        """The next (or previous) value cell in reading order: Tab skips the labels."""
        indexes = self._value_indexes()
        if not indexes:
            return QModelIndex()
        if not index.isValid():
            return indexes[0]
        here = (index.row(), index.column())
        ordered = indexes if step > 0 else indexes[::-1]
        for candidate in ordered:
            there = (candidate.row(), candidate.column())
            if (there > here) if step > 0 else (there < here):
                return candidate
        return QModelIndex()

    def _value_below(self, index: QModelIndex, step: int) -> QModelIndex:
        """The value cell under (or over) `index` in its column, past title rows."""
        model = self.grid_model
        if not index.isValid():
            return QModelIndex()
        cell = model.cell_at(index.row(), index.column())
        if cell is None:
            return QModelIndex()
        r = cell.row + cell.rowspan if step > 0 else cell.row - 1
        while 0 <= r < model.rowCount():
            below = model.cell_at(r, index.column())
            if below is not None and (below.role is CellRole.VALUE
                                      or cell.role is not CellRole.VALUE):
                return model.index(below.row, below.col)
            r += step
        return QModelIndex()

    def _value_indexes(self) -> list[QModelIndex]:
        model = self.grid_model
        return [model.index(c.row, c.col) for c in model.table.grid if c.role is CellRole.VALUE]

    def _selected_area(self) -> Area | None:
        area = clipboard.selection_area(self.selectionModel().selection())
        if area is None and self.currentIndex().isValid():
            index = self.currentIndex()
            area = Area.cell(index.row(), index.column())
        return area

    def _reject(self, message: str) -> None:
        index = self.currentIndex()
        if index.isValid() and self.isVisible():
            rect = self.visualRect(index)
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message,
                              self.viewport())
        self.input_rejected.emit(message)

    def _emit_hint(self, *_: object) -> None:
        # The window shows one hint line for all its grids: only the grid in view speaks.
        if not self.isVisible():
            return
        index = self.currentIndex()
        spec = self.grid_model.spec_at(index.row(), index.column()) if index.isValid() else None
        if spec is None:
            self.hint_changed.emit("")
            return
        parts = [f"{spec.row_label} · {spec.column_label}", *self.grid_model.hints(spec.key)]
        self.hint_changed.emit("　".join(parts))

    # --- geometry ---------------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if model is not None and not isinstance(model, TableModel):
            raise TypeError("TableGrid shows a TableModel")
        super().setModel(model)

    def fit_to_width(self, force: bool = False) -> None:
        """Lay the columns out over the visible width, then size rows to the wrapped text."""
        available = self._viewport_width()
        if available == self._fitted_width and not force:
            return
        self._fitted_width = available
        widths = geometry.fit_widths(self.table.column_widths, self._minimum_widths(),
                                     max(available, 1))
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        heights = geometry.fit_heights(self.table.grid, self.table.n_rows, widths,
                                       self._measure, self._line_height(),
                                       frozenset({CellRole.TITLE.value}))
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)

    def _viewport_width(self) -> int:
        """The viewport's width, worked out from the frame and the scroll bar: fetching the
        viewport itself on the way to the first paint makes PySide6 set up every widget class
        it has (see ui.chapter_editor)."""
        bar = self.verticalScrollBar()
        return self.contentsRect().width() - (bar.width() if bar.isVisibleTo(self) else 0)

    def _minimum_widths(self) -> list[int]:
        metrics = QFontMetrics(self.font())
        figure = metrics.horizontalAdvance("00000") + _PAD_X
        char = metrics.horizontalAdvance("中")
        minimum = []
        for col in range(self.table.n_cols):
            cell = self.grid_model.cell_at(self.table.n_rows - 1, col)
            if cell is not None and cell.role is CellRole.VALUE:
                minimum.append(figure)
            else:
                # Label columns: a character per 2.8 mm of printed width (at least 4), so that the
                # group labels such as （三）不予公开 keep to one line.
                chars = max(4, round(self.table.column_widths[col] / 2.8))
                minimum.append(chars * char + _PAD_X)
        return minimum

    def _measure(self, text: str, width: int, bold: bool) -> int:
        font = QFont(self.font())
        font.setBold(bold)
        metrics = QFontMetrics(font)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter)
        # The style keeps this margin on each side of an item's text; measure what it draws.
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        text_width = max(width - 2 * margin - 1, 1)
        rect = metrics.boundingRect(QRect(0, 0, text_width, 100_000), flags, text)
        return rect.height() + _PAD_Y

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height() + _PAD_Y

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_to_width()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._emit_hint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_to_width(force=True)

    def sizeHint(self) -> QSize:
        """Wide enough for the readable minimum, tall enough for every row."""
        frame = 2 * self.frameWidth()
        width = sum(self._minimum_widths()) + frame
        height = sum(self.rowHeight(r) for r in range(self.table.n_rows)) + frame
        if sum(self.columnWidth(c) for c in range(self.table.n_cols)) > self._viewport_width():
            height += self.horizontalScrollBar().sizeHint().height()
        return QSize(width, height)
