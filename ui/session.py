"""One open report in the window: its undo stack, its findings, and the signals views follow.

Views never change the report themselves: they push an edit here, and redraw when `changed`
says which cells or chapters moved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.edits import Edit, SetCells
from app.domain.findings import Finding
from app.domain.report import Report
from app.rules import check


class EditCommand(QUndoCommand):
    """Wraps a core edit; redo applies it and keeps the inverse for undo."""

    def __init__(self, session: ReportSession, edit: Edit) -> None:
        super().__init__(edit.description)
        self._session = session
        self._edit = edit
        self._inverse: Edit | None = None

    def redo(self) -> None:
        self._inverse = self._session.apply_edit(self._edit)

    def undo(self) -> None:
        assert self._inverse is not None
        self._session.apply_edit(self._inverse)


class ReportSession(QObject):
    # An edit was applied (or undone): the edit that was applied.
    changed = Signal(object)
    findings_changed = Signal(list)

    def __init__(self, report: Report, previous: Report | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.previous = previous
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = check(report, previous)

    def push(self, edit: Edit) -> None:
        """Apply an edit as one undo step."""
        if isinstance(edit, SetCells) and all(
            self.report.get(ref) == value for ref, value in edit.changes
        ) and not edit.units:
            return
        self.undo_stack.push(EditCommand(self, edit))

    def apply_edit(self, edit: Edit) -> Edit:
        inverse = edit.apply(self.report)
        self.changed.emit(edit)
        self.refresh_findings()
        return inverse

    def refresh_findings(self) -> None:
        self.findings = check(self.report, self.previous)
        self.findings_changed.emit(self.findings)

    def findings_for(self, ref: str) -> list[Finding]:
        return [f for f in self.findings if ref in f.cells]
