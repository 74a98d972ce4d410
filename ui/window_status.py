"""What the window says of where the user is: the status bar (messages, the current cell's
hint, whether the report is saved), the title (unit, year, 示例, 只读), and a read-only
database's fields and grids that take no typing.

ui.main_window makes one and hands it the grids and text fields of each report it opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from ui.autosave import SaveState
from ui.window_host import WindowHost

if TYPE_CHECKING:
    from ui.chapter_editor import PageTexts
    from ui.grid import TableGrid

_SAVE_COLORS = {"saved": "#2e7d32", "pending": "#8a6d00", "failed": "#c62828"}


class StatusHost(WindowHost, Protocol):
    """What the status line uses of the window."""

    @property
    def demo(self) -> bool: ...
    def statusBar(self) -> QStatusBar: ...
    def setWindowTitle(self, title: str) -> None: ...


class WindowStatus(QObject):
    """The window's status bar, title and read-only state.

    `parent` owns it, so no signal of a report or its autosave reaches it after the window is
    gone."""

    def __init__(self, window: StatusHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.hint_label = QLabel()  # the grid's help for the current cell (R7 subtotal, sums)
        self.save_label = QLabel()
        self._refusal = ""  # the status bar's last word on a refused value
        bar = window.statusBar()
        bar.addWidget(self.hint_label, 1)
        bar.addPermanentWidget(self.save_label)

    def show(self, message: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(message, timeout_ms)

    def clear(self) -> None:
        self.window.statusBar().clearMessage()

    def show_save_state(self, state: SaveState) -> None:
        self.save_label.setText(state.label if self.window.session is not None else "")
        self.save_label.setStyleSheet(f"color: {_SAVE_COLORS[state.value]}; padding: 0 8px;")

    def save_failed(self, message: str) -> None:
        self.show(message, 10000)

    def update_title(self) -> None:
        window = self.window
        title = "年报编制器"
        if window.session is not None:
            report = window.session.report
            title = f"{report.unit} {report.year}年度报告 — 年报编制器"
        if window.demo:
            title += "（示例）"
        if window.store.read_only:
            title += "（只读）"
        window.setWindowTitle(title)

    # --- a report's parts, as they are made --------------------------------------------------

    def follow_texts(self, texts: PageTexts) -> None:
        read_only = self.window.store.read_only
        for editor in texts.editors:
            editor.setReadOnly(read_only)
        for line in texts.lines:
            line.setReadOnly(read_only)

    def follow_grid(self, grid: TableGrid) -> None:
        if self.window.store.read_only:
            grid.setEditTriggers(grid.EditTrigger.NoEditTriggers)
        grid.input_rejected.connect(self._input_rejected)
        grid.refusal_over.connect(self._refusal_over)
        grid.hint_changed.connect(self.hint_label.setText)

    def _input_rejected(self, message: str) -> None:
        self._refusal = message
        self.show(message, 8000)

    def _refusal_over(self) -> None:
        # Only the refusal's own words go: a save failure said since stays.
        if self.window.statusBar().currentMessage() == self._refusal:
            self.clear()
