"""A table of the report drawn like the printed one, edited like a spreadsheet.

The table's own header rows are its header: Qt's row and column headers are hidden, merged
cells come from the layout, label columns keep their printed proportions. Keys behave as in
Excel: typing overwrites, F2 or a double click edits, Enter moves down, Tab moves right over
the labels, Delete clears, Ctrl+Enter puts what was typed into every selected cell, Ctrl+C /
Ctrl+V copy and paste ranges (a paste is one undo step), the right mouse button offers 复制、
粘贴、清除. A value refused stays in its cell with the reason beside it; the header rows and label
columns stay in view while the figures scroll (ui.grid.frozen).

This view handles the keys, the mouse and its own events; where Tab and Enter go
(ui.grid.navigation), what the selection covers (ui.grid.selection) and how wide and tall the
cells must be (ui.grid.measure, ui.grid.geometry) are worked out in their own modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from app.domain.layout import CellRole, GridCell, TableLayout
from app.domain.paste import Area, PasteError, clear_edit
from ui import modal
from ui.grid import clipboard, geometry, measure, navigation, selection, style
from ui.grid.cell_note import CellNote
from ui.grid.delegate import CellDelegate
from ui.grid.frozen import FrozenPanes, label_columns
from ui.grid.table_model import RefRole, TableModel, table_for
from ui.session import ReportSession

Index = QModelIndex | QPersistentModelIndex


class TableGrid(QTableView):
    # A typed or pasted value was refused; the Chinese message says why (nothing changed).
    input_rejected = Signal(str)
    # The refusal is over (given up, corrected, moved on): what it said is no longer true.
    refusal_over = Signal()
    # Help for the cell under the cursor (its labels, R7 subtotal, sums), for a status bar.
    hint_changed = Signal(str)

    def __init__(
        self, session: ReportSession, table: TableLayout | str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if isinstance(table, str):
            table = table_for(session, table)
        self.session = session
        self.grid_model = TableModel(session, table, self)
        self.setModel(self.grid_model)
        self._delegate = CellDelegate(self)
        self.setItemDelegate(self._delegate)
        self._delegate.enter_committed.connect(self._after_enter)
        self._delegate.problem = lambda text: self.grid_model.input_problem(
            self.currentIndex(), text
        )
        self._delegate.refused.connect(self._refused)
        self._delegate.fill_requested.connect(self.fill_selection)
        self.grid_model.input_rejected.connect(self._reject)
        self._note: CellNote | None = None
        self.frozen: FrozenPanes | None = None
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
        self.session.changed.connect(self._hide_note)
        self.selectionModel().currentChanged.connect(self._emit_hint)
        self.selectionModel().currentChanged.connect(self._hide_note)
        self.fit_to_width()
        first = navigation.value_indexes(self.grid_model)
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
        refs_in = [r for r in refs if self.grid_model.index_of(r).isValid()]
        indexes = [self.grid_model.index_of(r) for r in refs_in]
        if not indexes:
            return False
        selection.select_cells(self.selectionModel(), indexes)
        self.scrollTo(indexes[0])
        report = self.session.report
        if (
            self.isVisible() and len(refs_in) > 1 and all(report.get(r) is None for r in refs_in)
        ):  # R20's figures never filled
            self.hint_changed.emit(
                f"已选中 {len(refs_in)} 个空格：输入 0（或其他数字）后按 "
                "Ctrl+Enter，一次填入全部选中的格"
            )
        return True

    # --- editing commands (also reachable from the window's 编辑 menu) --------------------

    def copy_selection(self) -> str:
        area = self._selected_area()
        if area is None:
            return ""
        text = clipboard.copy_text(self.grid_model, area)
        clipboard.put_on_clipboard(text)
        return text

    def paste_text(self, text: str, verb: str = "粘贴") -> bool:
        """Paste spreadsheet text over the selection, as one undo step; False if refused.

        Over separate cells (those a finding selected) a single value goes into each of them and
        a block is laid once from the first: never into the cells between them."""
        area = self._selected_area()
        if area is None:
            return False
        separate = self.selectionModel().selection().size() > 1
        into_each = separate and clipboard.is_one_value(text)
        try:
            if into_each:
                edit = clipboard.fill_from(self.grid_model, text, self._selected_cells())
            else:
                edit = clipboard.paste_from(
                    self.grid_model, text, Area.cell(area.top, area.left) if separate else area
                )
        except PasteError as exc:
            self._reject(str(exc))
            return False
        edit = replace(edit, description=f"{verb} {len(edit.changes)} 个单元格")
        self.session.push(edit)
        if not into_each:  # those cells stay selected, not the rectangle around them
            selection.select_range(self.grid_model, self.selectionModel(), edit.refs)
        return True

    def fill_selection(self, text: str) -> bool:
        """Ctrl+Enter: `text` into every selected value cell, as one undo step."""
        return self.paste_text(text, verb="填入")

    def paste_from_clipboard(self) -> bool:
        return self.paste_text(clipboard.clipboard_text())

    def clear_selection_values(self) -> None:
        """Delete: blank every selected value cell that holds something, as one undo step."""
        report = self.session.report
        keys = [
            cell.key
            for cell in self._selected_cells()
            if cell.key is not None and report.get(self.table.spec(cell.key).ref) is not None
        ]
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
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
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

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        action = QAbstractItemView.CursorAction
        if cursorAction in (action.MoveNext, action.MovePrevious):
            step = 1 if cursorAction == action.MoveNext else -1
            target = navigation.next_value(self.grid_model, self.currentIndex(), step)
            return target if target.isValid() else self.currentIndex()
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        self._hide_note()  # the value it spoke of is committed or given up
        # Tab out of an editor moves on without opening the next editor, as in Excel.
        hints = QAbstractItemDelegate.EndEditHint
        if hint in (hints.EditNextItem, hints.EditPreviousItem):
            super().closeEditor(editor, hints.NoHint)
            step = 1 if hint == hints.EditNextItem else -1
            target = navigation.next_value(self.grid_model, self.currentIndex(), step)
            if target.isValid():
                self.setCurrentIndex(target)
            return
        super().closeEditor(editor, hint)

    def _after_enter(self, up: bool) -> None:
        target = navigation.value_below(self.grid_model, self.currentIndex(), -1 if up else 1)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def _selected_area(self) -> Area | None:
        return selection.selected_area(self.selectionModel(), self.currentIndex())

    def _selected_cells(self) -> list[GridCell]:
        return selection.selected_cells(self.grid_model, self.selectionModel(), self.currentIndex())

    # --- why a value was refused, beside its cell ----------------------------------------

    def note(self) -> CellNote:
        if self._note is None:
            self._note = CellNote(self)
        return self._note

    def _reject(self, message: str) -> None:
        """A typed or pasted value was refused: say why beside the cell, and to the window."""
        self._note_at(self.currentIndex(), message)
        self.input_rejected.emit(message)

    def _refused(self, editor: QWidget, problem: str) -> None:
        """Enter or Tab on a value the cell cannot take: the editor stays open on it."""
        self._note_at(self.currentIndex(), f"{problem}。\n请改正后按 Enter，或按 Esc 放弃修改。")
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self._hide_note, Qt.ConnectionType.UniqueConnection)
        self.input_rejected.emit(f"{problem}（按 Esc 放弃修改）")

    def _note_at(self, index: QModelIndex, message: str) -> None:
        if not index.isValid() or not self.isVisible():
            return
        cell = self.visualRect(index).translated(self.viewport().pos())
        self.note().show_beside(cell, message)

    def _hide_note(self, *_: object) -> None:
        if self._note is not None and not self._note.isHidden():
            self._note.hide()
            self.refusal_over.emit()

    # --- the right mouse button ----------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        for text, key, slot in (
            ("复制", QKeySequence.StandardKey.Copy, self.copy_selection),
            ("粘贴", QKeySequence.StandardKey.Paste, self.paste_from_clipboard),
            ("清除", QKeySequence.StandardKey.Delete, self.clear_selection_values),
        ):
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu.actions()[1].setEnabled(bool(clipboard.clipboard_text()))
        modal.popup(menu, event.globalPos())
        menu.deleteLater()

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
        widths = geometry.fit_widths(
            self.table.column_widths, self._minimum_widths(), max(available, 1)
        )
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        heights = geometry.fit_heights(
            self.table.grid,
            self.table.n_rows,
            widths,
            partial(measure.text_height, self),
            measure.line_height(self.font()),
            frozenset({CellRole.TITLE.value}),
        )
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)

    def _viewport_width(self) -> int:
        """The viewport's width, worked out from the frame and the scroll bar: fetching the
        viewport itself on the way to the first paint makes PySide6 set up every widget class
        it has (see ui.chapter_editor)."""
        bar = self.verticalScrollBar()
        return self.contentsRect().width() - (bar.width() if bar.isVisibleTo(self) else 0)

    def _minimum_widths(self) -> list[int]:
        return measure.minimum_widths(self.grid_model, self.font())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_to_width()
        if self.frozen is not None:
            self.frozen.relayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._emit_hint()
        if self.frozen is None:
            # After this paint: the panes fetch viewports, which costs start-up time.
            QTimer.singleShot(0, self, self._freeze)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._hide_note()
        self.hint_changed.emit("")  # the hint was of a cell no longer in view

    def _freeze(self) -> None:
        rows, cols = self.table.header_rows, label_columns(self.table)
        if self.frozen is None and (rows or cols):
            self.frozen = FrozenPanes(self, rows, cols, self.grid_model.spans())
            self.frozen.relayout()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        super().scrollTo(index, hint)
        if self.frozen is not None:
            self.frozen.keep_clear(index)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._hide_note()

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
