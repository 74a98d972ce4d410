"""The 编辑 menu's commands: undo and redo across grid and text, copy and paste where the focus
is, and inserting a figure placeholder into the text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ui.session import ReportSession

if TYPE_CHECKING:
    from ui.report_view import ReportView


class EditHost(Protocol):
    """What the edit commands use of the window."""

    @property
    def session(self) -> ReportSession | None: ...
    @property
    def view(self) -> ReportView | None: ...
    def as_widget(self) -> QWidget: ...
    def flush_text(self) -> None: ...
    def show_status(self, message: str, timeout_ms: int) -> None: ...


class EditCommands:
    def __init__(self, window: EditHost) -> None:
        self.window = window

    def undo(self) -> None:
        session = self.window.session
        if session is None:
            return
        self.window.flush_text()  # text still being typed becomes the step undone
        session.undo_stack.undo()

    def redo(self) -> None:
        session = self.window.session
        if session is None:
            return
        self.window.flush_text()
        session.undo_stack.redo()

    def copy(self) -> None:
        self._forward_key(QKeySequence.StandardKey.Copy)

    def paste(self) -> None:
        self._forward_key(QKeySequence.StandardKey.Paste)

    def _forward_key(self, key: QKeySequence.StandardKey) -> None:
        """Copy or paste in the widget with the focus: a grid a range, an editor its text."""
        copying = key == QKeySequence.StandardKey.Copy
        widget = QApplication.focusWidget()
        if (
            isinstance(widget, QPlainTextEdit | QLineEdit)
            and widget.window() is self.window.as_widget()
        ):
            widget.copy() if copying else widget.paste()
            return
        view = self.window.view
        grid = view.current_grid() if view else None
        if grid is not None:
            grid.copy_selection() if copying else grid.paste_from_clipboard()

    def insert_placeholder(self) -> None:
        view = self.window.view
        page = view.current_text_page() if view else None
        if page is None:
            self.window.show_status("请先打开“一、总体情况”“五”或“六”的正文，再插入占位符", 5000)
            return
        page.choose_placeholder()
