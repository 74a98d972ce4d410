"""One open report in the window: its undo stack, its findings, and the signals views follow.

Views never change the report themselves: they push an edit here, and redraw when `changed`
says which cells or chapters moved.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class CellNote:
    """What the grid shows on a cell beside its figure and findings: a roll-up's drill-down,
    a sum typed over by hand. `kind` picks the tint (ui.grid.style.NOTE_BACKGROUND)."""

    kind: str
    lines: tuple[str, ...]


READ_ONLY_MESSAGE = "这个窗口以只读方式打开了数据库，不能修改（数据库已在另一个窗口中打开）"


class ReportSession(QObject):
    # An edit was applied (or undone): the edit that was applied.
    changed = Signal(object)
    findings_changed = Signal(list)
    cell_notes_changed = Signal()
    refused = Signal(str)  # an edit of a read-only session: why

    def __init__(
        self,
        report: Report,
        previous: Report | None = None,
        parent: QObject | None = None,
        *,
        revision: int = 0,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.report = report
        # The stored revision the report was loaded at: ui.autosave saves on it.
        self.revision = revision
        # Opened where another window has the database: shown, never changed.
        self.read_only = read_only
        self.previous = previous
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = check(report, previous)
        self.cell_notes: dict[str, CellNote] = {}  # ref -> note

    def push(self, edit: Edit) -> None:
        """Apply an edit as one undo step (none in a read-only session: `refused` says why)."""
        if self.read_only:
            self.refused.emit(READ_ONLY_MESSAGE)
            return
        if (
            isinstance(edit, SetCells)
            and all(self.report.get(ref) == value for ref, value in edit.changes)
            and not edit.units
        ):
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

    def set_cell_notes(self, notes: dict[str, CellNote]) -> None:
        self.cell_notes = notes
        self.cell_notes_changed.emit()
