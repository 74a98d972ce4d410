"""Ties a text widget to one text of the report (a chapter, the title...) through the session.

Typing must feel like a text editor, yet every change is an edit on the report's one undo stack,
in order with the grid edits. So keystrokes are gathered and pushed at most every
`FLUSH_MS` as a SetChapter/SetField; pushes of one typing burst merge into one undo step, and a
burst ends on a pause, on leaving the widget, or when anything else reached the stack.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.domain.edits import TEXT_FIELDS, Edit, SetChapter, SetField
from app.domain.report import Report
from ui.session import ReportSession

FLUSH_MS = 300  # with the autosave debounce this keeps typing-to-disk well under a second
BURST_PAUSE_S = 2.0  # a longer pause starts a new undo step
_COMMAND_ID_BASE = 7100


@dataclass(frozen=True)
class TextTarget:
    """Which text of the report: a chapter ("1".."6") or a field of TEXT_FIELDS."""

    chapter: str = ""
    field: str = ""

    def read(self, report: Report) -> str:
        if self.chapter:
            return report.chapter(self.chapter)
        if self.field == "signature_date":
            return report.signature_date.isoformat() if report.signature_date else ""
        return str(getattr(report, self.field))

    def edit(self, text: str) -> Edit:
        if self.chapter:
            return SetChapter(self.chapter, text, "修改正文")
        return SetField(self.field, text, "修改" + FIELD_NAMES.get(self.field, ""))

    def concerns(self, edit: Edit) -> bool:
        if isinstance(edit, SetChapter):
            return edit.number == self.chapter
        if isinstance(edit, SetField):
            return edit.name == self.field
        return False

    @property
    def command_id(self) -> int:
        if self.chapter:
            return _COMMAND_ID_BASE + int(self.chapter)
        return _COMMAND_ID_BASE + 10 + TEXT_FIELDS.index(self.field)


FIELD_NAMES = {
    "title": "标题",
    "preamble": "前言",
    "signature_unit": "落款单位",
    "signature_date": "落款日期",
}


class TypingCommand(QUndoCommand):
    """One push of typed text; pushes of the same burst merge, so one Ctrl+Z undoes the burst."""

    def __init__(self, session: ReportSession, target: TextTarget, text: str, burst: int) -> None:
        edit = target.edit(text)
        super().__init__(edit.description)
        self._session = session
        self._target = target
        self._edit = edit
        self._burst = burst
        self._inverse: Edit | None = None

    def id(self) -> int:
        return self._target.command_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingCommand) or other._burst != self._burst:
            return False
        if other._target != self._target:
            return False
        # The merged step still undoes to the text before the burst (our own inverse).
        self._edit = other._edit
        return True

    def redo(self) -> None:
        inverse = self._session.apply_edit(self._edit)
        if self._inverse is None:
            self._inverse = inverse

    def undo(self) -> None:
        assert self._inverse is not None
        self._session.apply_edit(self._inverse)


TextWidget = QPlainTextEdit | QLineEdit


class TextBinding(QObject):
    """Keeps `widget` and the report's text equal in both directions."""

    # The user typed something not yet on the undo stack (the status bar shows "未保存").
    pending = Signal()

    def __init__(self, session: ReportSession, target: TextTarget, widget: TextWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.target = target
        self.widget = widget
        self._burst = 0
        self._last_push = 0.0
        self._index_after_push = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        self._set_widget_text(target.read(session.report))
        if isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._typed)
        else:
            widget.textEdited.connect(self._typed)
        session.changed.connect(self._report_changed)

    def text(self) -> str:
        if isinstance(self.widget, QPlainTextEdit):
            return self.widget.toPlainText()
        return self.widget.text()

    def end_burst(self) -> None:
        """The next push starts a new undo step (focus left, a placeholder was inserted...)."""
        self.flush()
        self._burst += 1

    def flush(self) -> None:
        """Push what was typed, if anything; called before undo, save and report switches."""
        self._timer.stop()
        text = self.text()
        if text == self.target.read(self.session.report):
            return
        stack = self.session.undo_stack
        now = time.monotonic()
        if stack.index() != self._index_after_push or now - self._last_push > BURST_PAUSE_S:
            self._burst += 1
        stack.push(TypingCommand(self.session, self.target, text, self._burst))
        self._last_push = now
        self._index_after_push = stack.index()

    def _typed(self, *_: object) -> None:
        if self._syncing:
            return
        if not self._timer.isActive():
            self._timer.start()  # not restarted per key, so a long burst still reaches disk
        self.pending.emit()

    _syncing = False

    def _report_changed(self, edit: Edit) -> None:
        if not self.target.concerns(edit):
            return
        text = self.target.read(self.session.report)
        if text != self.text():
            self._timer.stop()
            self._set_widget_text(text)

    def _set_widget_text(self, text: str) -> None:
        """Replace the shown text (after undo/redo) keeping the cursor near where it was."""
        self._syncing = True
        try:
            if isinstance(self.widget, QPlainTextEdit):
                cursor = self.widget.textCursor()
                position = cursor.position()
                scroll = self.widget.verticalScrollBar().value()
                self.widget.setPlainText(text)
                cursor = self.widget.textCursor()
                cursor.setPosition(min(position, len(text)))
                self.widget.setTextCursor(cursor)
                self.widget.verticalScrollBar().setValue(scroll)
            else:
                position = self.widget.cursorPosition()
                self.widget.setText(text)
                self.widget.setCursorPosition(min(position, len(text)))
        finally:
            self._syncing = False


def move_cursor_to(widget: QPlainTextEdit, start: int, length: int) -> None:
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.centerCursor()
