"""Frozen panes: table 3's header rows and label columns stay in view while its figures scroll,
as after Excel's 冻结窗格, also in a grid as small as a 1024×700 window leaves it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.layouts import get_layout
from tests.ui.grid.conftest import MakeGrid
from ui.grid import TableGrid
from ui.grid.frozen import label_columns
from ui.session import ReportSession


def _frozen(qtbot: QtBot, make_grid: MakeGrid, session: ReportSession) -> TableGrid:
    grid = make_grid(session, "table3")
    grid.resize(560, 380)  # the table's share of a 1024×700 window
    qtbot.waitUntil(lambda: grid.frozen is not None)
    assert grid.horizontalScrollBar().maximum() > 0 and grid.verticalScrollBar().maximum() > 0
    return grid


def _band(grid: TableGrid, rect: QRect) -> QImage:
    """What the user sees of the grid there (`rect` in the viewport's coordinates)."""
    return grid.grab(rect.translated(grid.viewport().pos())).toImage()


def test_which_rows_and_columns_are_frozen() -> None:
    layout = get_layout("2021")
    assert (layout.table3.header_rows, label_columns(layout.table3)) == (3, 3)
    assert label_columns(layout.table2) == 1
    assert (layout.table4.header_rows, label_columns(layout.table4)) == (3, 0)


def test_the_headers_stay_when_the_figures_scroll_down(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = _frozen(qtbot, make_grid, session_2021)
    assert grid.frozen is not None
    height, width = grid.frozen.frozen_size()
    top = QRect(0, 0, grid.viewport().width(), height)
    before = _band(grid, top)
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    assert _band(grid, top) == before  # the three header rows, as they were
    # Under them are figures now: the first data rows scrolled out of sight.
    assert grid.rowAt(height + 1) > 10

    left = QRect(0, 0, width, grid.viewport().height())
    grid.verticalScrollBar().setValue(0)
    before = _band(grid, left)
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    assert _band(grid, left) == before  # the row labels stay while the columns go by
    assert grid.columnAt(width + 1) > 3


def test_the_cursor_is_never_hidden_under_a_frozen_pane(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = _frozen(qtbot, make_grid, session_2021)
    assert grid.frozen is not None
    height, width = grid.frozen.frozen_size()
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    grid.setCurrentRef("table3:new.natural")  # the first figure: under both panes before
    rect = grid.visualRect(grid.currentIndex())
    assert rect.top() >= height and rect.left() >= width


def test_the_wheel_over_the_labels_scrolls_the_figures(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = _frozen(qtbot, make_grid, session_2021)
    assert grid.frozen is not None and grid.frozen.left is not None
    labels = grid.frozen.left.viewport()
    where = QPointF(10, 200)
    wheel = QWheelEvent(
        where,
        QPointF(labels.mapToGlobal(QPoint(10, 200))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(labels, wheel)
    assert grid.verticalScrollBar().value() > 0
    assert grid.frozen.left.verticalScrollBar().value() == grid.verticalScrollBar().value()


def test_a_title_merged_across_the_frozen_labels_is_drawn_once(
    qtbot: QtBot, make_grid: MakeGrid, session_2021: ReportSession
) -> None:
    grid = make_grid(session_2021, "table2")
    grid.resize(360, 380)
    qtbot.waitUntil(lambda: grid.frozen is not None)
    assert grid.frozen is not None and grid.frozen.left is not None
    assert grid.horizontalScrollBar().maximum() > 0
    title_row = next(
        c.row
        for c in grid.table.grid
        if c.text == "第二十条第（五）项" and c.colspan == grid.table.n_cols
    )
    band = QRect(
        0, grid.rowViewportPosition(title_row), grid.viewport().width(), grid.rowHeight(title_row)
    )
    label_row = grid.table.value_position("licensing.decisions")[0]
    labels = QRect(
        0,
        grid.rowViewportPosition(label_row),
        grid.frozen.frozen_size()[1],
        grid.rowHeight(label_row),
    )
    with_panes, labels_with_panes = _band(grid, band), _band(grid, labels)
    grid.frozen.left.hide()
    assert _band(grid, band) == with_panes  # the grid's own title, its text once in the middle
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    grid.frozen.left.show()
    assert _band(grid, labels) == labels_with_panes  # the row labels still stay
