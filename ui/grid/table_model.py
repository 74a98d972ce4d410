"""A thin Qt model over one official table of the open report.

The model walks the layout's grid: header, title and label cells show their text read-only,
value cells show and edit the report's figure. It never changes the report: `setData` parses
the text and pushes a `SetCells` to the session (one undo step), and the model redraws what
the session says has changed.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from app.domain.edits import Edit, SetCells
from app.domain.findings import Finding, Severity
from app.domain.layout import CellRole, CellSpec, GridCell, TableLayout, ValueKind
from app.domain.layouts import get_layout
from app.domain.report import format_value
from app.domain.values import CellValueError, parse_value
from app.guide.rows import label_note
from app.rules import about_blanks
from ui.grid import style
from ui.grid.hints import cell_hints
from ui.plain_text import plain_tip
from ui.session import ReportSession

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# Extra data roles for the view and tests: the cell's ref ("table3:new.total") and its role.
RefRole = int(Qt.ItemDataRole.UserRole) + 1
CellRoleRole = int(Qt.ItemDataRole.UserRole) + 2

_VALUE_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LABEL_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_HEADER_ALIGN = Qt.AlignmentFlag.AlignCenter
_MARK_ROLES = [
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
]
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def table_for(session: ReportSession, name: str) -> TableLayout:
    """The layout of table `name` as this report wrote it (a mixed report may differ)."""
    return get_layout(session.report.table_layout_id(name)).table(name)


class TableModel(QAbstractTableModel):
    # A typed value was refused; the Chinese message says why. Nothing was stored.
    input_rejected = Signal(str)

    def __init__(
        self, session: ReportSession, table: TableLayout, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.table = table
        self._cover: dict[tuple[int, int], GridCell] = {}
        self._position: dict[str, tuple[int, int]] = {}
        for cell in table.grid:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._cover[(r, c)] = cell
            if cell.key is not None:
                self._position[cell.key] = (cell.row, cell.col)
        self._marks = self._marks_from(session.findings)
        session.changed.connect(self._on_changed)
        session.findings_changed.connect(self._on_findings)
        session.cell_notes_changed.connect(self._on_notes)

    # --- the layout, for the view -------------------------------------------------------

    def cell_at(self, row: int, col: int) -> GridCell | None:
        return self._cover.get((row, col))

    def spec_at(self, row: int, col: int) -> CellSpec | None:
        cell = self._cover.get((row, col))
        if cell is None or cell.key is None:
            return None
        return self.table.spec(cell.key)

    def index_of(self, ref: str) -> QModelIndex:
        """The index of a value cell by ref; invalid when the ref is not in this table."""
        table, _, key = ref.partition(":")
        if table != self.table.name or key not in self._position:
            return QModelIndex()
        return self.index(*self._position[key])

    def spans(self) -> list[GridCell]:
        return [c for c in self.table.grid if c.rowspan > 1 or c.colspan > 1]

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.table.n_rows

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.table.n_cols

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self._anchor(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if cell.role is CellRole.VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._anchor(index)
        if cell is None:
            return None
        if cell.role is CellRole.VALUE:
            return self._value_data(cell, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            # A row label says what its row counts (填报说明, app.guide.rows); as rich text,
            # which Qt wraps, so a long note does not run across the screen.
            note = label_note(self.table, cell)
            return f"<b>{escape(cell.text)}</b><br>{escape(note)}" if note else cell.text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LABEL_ALIGN if cell.role is CellRole.LABEL else _HEADER_ALIGN)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(style.ROLE_BACKGROUND[cell.role])
        if role == Qt.ItemDataRole.FontRole and cell.role is CellRole.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == CellRoleRole:
            return cell.role.value
        return None

    def _value_data(self, cell: GridCell, role: int) -> Any:
        spec = self.table.spec(cell.key or "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text_of(spec)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_VALUE_ALIGN)
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self._mark(spec)
            if mark is not None:
                severity, suspect = mark
                colors = style.FINDING_BACKGROUND if suspect else style.FINDING_INVOLVED_BACKGROUND
                return QBrush(colors[severity])
            if self._blank_marked(spec.key):
                return QBrush(style.BLANK_BACKGROUND)
            note = self.session.cell_notes.get(spec.ref)
            if note is not None and note.kind in style.NOTE_BACKGROUND:
                return QBrush(style.NOTE_BACKGROUND[note.kind])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            mark = self._mark(spec)
            if mark is not None and mark[1]:
                return QBrush(style.FINDING_FOREGROUND[mark[0]])
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(spec)
        if role == RefRole:
            return spec.ref
        if role == CellRoleRole:
            return cell.role.value
        return None

    def text_of(self, spec: CellSpec) -> str:
        """The figure as printed, with its unit in cells that hold one (347.08万元)."""
        unit = ""
        if spec.kind is ValueKind.MONEY_WITH_UNIT:
            unit = self.session.report.money_units.get(spec.ref, "")
        return format_value(self.session.report.get(spec.ref), unit)

    def input_problem(self, index: Index, text: str) -> str:
        """Why the value cell at `index` cannot take `text` ("" when it can)."""
        cell = self._anchor(index)
        if cell is None or cell.key is None:
            return ""
        spec = self.table.spec(cell.key)
        try:
            parse_value(text, spec.kind)
        except CellValueError as exc:
            return f"{spec.row_label}“{spec.column_label}”：{exc}"
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self._anchor(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or cell.key is None:
            return False
        spec = self.table.spec(cell.key)
        text = "" if value is None else str(value)
        problem = self.input_problem(index, text)
        if problem:
            self.input_rejected.emit(f"{problem}，未填入")
            return False
        parsed = parse_value(text, spec.kind)
        units: tuple[tuple[str, str | None], ...] = ()
        if spec.kind is ValueKind.MONEY_WITH_UNIT:
            units = ((spec.ref, parsed.unit if parsed.value is not None else None),)
            if (
                self.session.report.get(spec.ref) == parsed.value
                and self.session.report.money_units.get(spec.ref) == units[0][1]
            ):
                return True
        self.session.push(
            SetCells(
                ((spec.ref, parsed.value),), units, f"修改{spec.row_label}“{spec.column_label}”"
            )
        )
        return True

    # --- following the session ------------------------------------------------------------

    def _anchor(self, index: Index) -> GridCell | None:
        """The cell drawn at `index`; None off the grid and where a merged cell covers it."""
        if not index.isValid():
            return None
        cell = self._cover.get((index.row(), index.column()))
        if cell is None or (cell.row, cell.col) != (index.row(), index.column()):
            return None
        return cell

    def _on_changed(self, edit: Edit) -> None:
        if not isinstance(edit, SetCells):
            return
        rows: dict[int, list[int]] = {}
        for ref in edit.refs:
            index = self.index_of(ref)
            if index.isValid():
                rows.setdefault(index.row(), []).append(index.column())
        for row, cols in sorted(rows.items()):
            self.dataChanged.emit(self.index(row, min(cols)), self.index(row, max(cols)))

    def _marks_from(self, findings: list[Finding]) -> dict[str, tuple[Finding, ...]]:
        prefix = self.table.name + ":"
        marks: dict[str, list[Finding]] = {}
        for finding in findings:
            for ref in finding.cells:
                key = ref[len(prefix) :]
                if ref.startswith(prefix) and key in self._position:
                    marks.setdefault(key, []).append(finding)
        return {
            k: tuple(sorted(v, key=lambda f: _SEVERITY_ORDER[f.severity])) for k, v in marks.items()
        }

    def _on_findings(self, findings: list[Finding]) -> None:
        old, self._marks = self._marks, self._marks_from(findings)
        for key in sorted(old.keys() | self._marks.keys()):
            if old.get(key) != self._marks.get(key):
                index = self.index(*self._position[key])
                self.dataChanged.emit(index, index, _MARK_ROLES)

    def _on_notes(self) -> None:
        if self.table.n_rows and self.table.n_cols:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.table.n_rows - 1, self.table.n_cols - 1),
                _MARK_ROLES,
            )

    def _mark(self, spec: CellSpec) -> tuple[Severity, bool] | None:
        """The worst error or warning on a cell, and whether the cell is its suspect (the
        first cell a finding names) rather than one more term of the same sum."""
        marks = [
            (_SEVERITY_ORDER[f.severity], f.cells[0] != spec.ref, f.severity)
            for f in self._marks.get(spec.key, ())
            if not about_blanks(f) and f.severity in style.FINDING_BACKGROUND
        ]
        if not marks:
            return None
        _, involved, severity = min(marks, key=lambda m: (m[0], m[1]))
        return severity, not involved

    def _blank_marked(self, key: str) -> bool:
        return any(about_blanks(f) for f in self._marks.get(key, ()))

    def hints(self, key: str) -> list[str]:
        return cell_hints(self.session.report, self.table, key)

    def _tooltip(self, spec: CellSpec) -> str:
        lines = [f"{spec.row_label} · {spec.column_label}"]
        for finding in self._marks.get(spec.key, ()):
            if about_blanks(finding):
                lines.append(f"【{finding.severity.label}】空白：格式要求没有的填 0")
            else:
                lines.append(f"【{finding.severity.label}】{finding.message}")
        lines += self.hints(spec.key)
        note = self.session.cell_notes.get(spec.ref)
        if note is not None:
            lines += note.lines
        return plain_tip("\n".join(lines))
