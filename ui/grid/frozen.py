"""Frozen panes (Excel's 冻结窗格): a table's header rows and label columns stay in view while the
figures scroll under them.

Three views lie over the grid's viewport, sharing its model and selection, drawn alike: the header
rows along the top (scrolled sideways with the grid), the label columns down the left (scrolled
up and down with it) and their corner (never scrolled). They take no focus: the keyboard stays
in the grid, whose scrolling keeps the current cell out from under them. The grid makes them
after its first paint (fetching a view's viewport before the window's first paint costs start-up
time: see ui.grid.table_view).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QRegion, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView

from app.domain.layout import CellRole, GridCell, TableLayout
from ui.grid.delegate import CellDelegate


def label_columns(table: TableLayout) -> int:
    """How many leading columns hold only labels (and the header and title rows over them)."""
    count = 0
    for col in range(table.n_cols):
        roles = {
            c.role
            for c in table.grid
            if c.col <= col < c.col + c.colspan and c.row >= table.header_rows
        }
        if roles - {CellRole.LABEL, CellRole.TITLE, CellRole.HEADER}:
            break
        count = col + 1
    return count


class FrozenPanes(QObject):
    """The frozen header rows and label columns of `grid` (a TableGrid)."""

    def __init__(self, grid: QTableView, rows: int, cols: int, spans: Iterable[GridCell]) -> None:
        super().__init__(grid)
        self.grid = grid
        self.rows, self.cols = rows, cols
        self._spans = list(spans)
        # Rows merged across the frozen line (table 2's 第二十条 titles): the grid draws them
        # whole, so the label pane leaves them uncovered instead of drawing their text twice.
        self._across = sorted(
            {
                row
                for c in self._spans
                if c.col < cols < c.col + c.colspan
                for row in range(c.row, c.row + c.rowspan)
            }
        )
        everything = 1 << 30
        self.top = self._overlay(rows, everything) if rows else None
        self.left = self._overlay(everything, cols) if cols else None
        self.corner = self._overlay(rows, cols) if rows and cols else None
        self._hide_unfrozen()
        grid.horizontalScrollBar().valueChanged.connect(self._scrolled)
        grid.verticalScrollBar().valueChanged.connect(self._scrolled)
        grid.horizontalHeader().sectionResized.connect(self._column_resized)
        grid.verticalHeader().sectionResized.connect(self._row_resized)

    def views(self) -> list[QTableView]:
        return [v for v in (self.top, self.left, self.corner) if v is not None]

    def _overlay(self, rows: int, cols: int) -> QTableView:
        grid = self.grid
        view = _Pane(grid, rows, cols)
        view.setModel(grid.model())
        view.setSelectionModel(grid.selectionModel())
        # A delegate of its own, drawn the same: the grid's would send its editors here too.
        view.setItemDelegate(CellDelegate(view))
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(grid.selectionMode())
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setStyleSheet(grid.styleSheet())
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for header in (view.horizontalHeader(), view.verticalHeader()):
            header.hide()
            header.setMinimumSectionSize(1)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for cell in self._spans:
            view.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        view.viewport().installEventFilter(self)
        return view

    def _hide_unfrozen(self) -> None:
        """Each pane holds only its frozen rows or columns, so it has nothing of its own to
        scroll: the grid's scrolling moves it."""
        model = self.grid.model()
        for view in (self.top, self.corner):
            if view is not None:
                for row in range(self.rows, model.rowCount()):
                    view.setRowHidden(row, True)
        for view in (self.left, self.corner):
            if view is not None:
                for col in range(self.cols, model.columnCount()):
                    view.setColumnHidden(col, True)

    # --- following the grid -----------------------------------------------------------

    def frozen_size(self) -> tuple[int, int]:
        """The height of the frozen rows and the width of the frozen columns, in pixels."""
        grid = self.grid
        return (
            sum(grid.rowHeight(r) for r in range(self.rows)),
            sum(grid.columnWidth(c) for c in range(self.cols)),
        )

    def relayout(self) -> None:
        """Lay the panes over the grid's viewport, sized as its rows and columns are."""
        grid = self.grid
        for view in self.views():
            for row in range(grid.model().rowCount()):
                view.setRowHeight(row, grid.rowHeight(row))
            for col in range(grid.model().columnCount()):
                view.setColumnWidth(col, grid.columnWidth(col))
        self._place()
        self._scrolled()
        for view in self.views():
            view.show()

    def _place(self) -> None:
        area = self.grid.viewport().geometry()
        height, width = self.frozen_size()
        # No wider or taller than the viewport, nor over the figures while there is no need.
        height, width = min(height, area.height()), min(width, area.width())
        if self.top is not None:
            self.top.setGeometry(QRect(area.left(), area.top(), area.width(), height))
        if self.left is not None:
            self.left.setGeometry(QRect(area.left(), area.top(), width, area.height()))
        if self.corner is not None:
            self.corner.setGeometry(QRect(area.left(), area.top(), width, height))
        for view in (self.left, self.corner):
            if view is not None:
                view.raise_()
        self._uncover_rows_across()

    def _scrolled(self, *_: int) -> None:
        x = self.grid.horizontalScrollBar().value()
        y = self.grid.verticalScrollBar().value()
        if self.top is not None:
            self.top.horizontalScrollBar().setValue(x)
        if self.left is not None:
            self.left.verticalScrollBar().setValue(y)
        self._uncover_rows_across()

    def _uncover_rows_across(self) -> None:
        if not self._across:
            return
        for view in (self.left, self.corner):
            if view is None:
                continue
            shown = QRegion(view.rect())
            for row in self._across:
                shown -= QRegion(
                    0, view.rowViewportPosition(row), view.width(), view.rowHeight(row)
                )
            view.setMask(shown)

    def _column_resized(self, col: int, _old: int, new: int) -> None:
        for view in self.views():
            view.setColumnWidth(col, new)
        self._place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        for view in self.views():
            view.setRowHeight(row, new)
        self._place()

    def keep_clear(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Scroll the grid so that `index` is not hidden under a frozen pane."""
        if not index.isValid() or index.row() < self.rows or index.column() < self.cols:
            return
        grid = self.grid
        rect = grid.visualRect(index)
        height, width = self.frozen_size()
        if rect.top() < height:
            bar = grid.verticalScrollBar()
            bar.setValue(bar.value() - (height - rect.top()))
        if rect.left() < width:
            bar = grid.horizontalScrollBar()
            bar.setValue(bar.value() - (width - rect.left()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A wheel over a pane scrolls the grid, as it would over the same cells below.
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            self.grid.wheelEvent(event)
            return True
        return False


class _Pane(QTableView):
    """One frozen pane: it shows only the cells above row `rows` and left of column `cols`, so a
    change to the figures elsewhere (every edit, and the findings it moves) is not its to draw."""

    def __init__(self, grid: QTableView, rows: int, cols: int) -> None:
        super().__init__(grid)
        self._rows, self._cols = rows, cols

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        if top_left.isValid() and (top_left.row() >= self._rows or top_left.column() >= self._cols):
            return
        super().dataChanged(top_left, bottom_right, roles)
