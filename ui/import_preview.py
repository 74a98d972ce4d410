"""A compact, read-only picture of one table as it was read from a file: the official grid with
its merged headers, the figures found, blanks tinted, and the findings' cells marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.findings import Finding, Severity
from app.domain.layout import CellRole, TableLayout
from app.domain.layouts import get_layout
from app.domain.report import Report, format_value
from app.rules import about_blanks
from ui.grid.style import BLANK_BACKGROUND, FINDING_BACKGROUND, FINDING_FOREGROUND, ROLE_BACKGROUND
from ui.plain_text import plain_tip

PREVIEW_WIDTH_PX = 760  # the widths of the printed columns, scaled to about this
MIN_COLUMN_PX = 34


def table_layout_of(report: Report, name: str) -> TableLayout:
    return get_layout(report.table_layout_id(name)).table(name)


class TablePreview(QTableWidget):
    """One of the three tables, as read; nothing in it can be edited."""

    def __init__(
        self, report: Report, name: str, findings: list[Finding], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.layout_table = table_layout_of(report, name)
        table = self.layout_table
        self.setRowCount(table.n_rows)
        self.setColumnCount(table.n_cols)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.setFont(font)
        marks = _marks(findings, name)
        self.blank_refs: list[str] = []
        for cell in table.grid:
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if cell.role is CellRole.VALUE and cell.key is not None:
                ref = f"{name}:{cell.key}"
                value = report.get(ref)
                item.setText(format_value(value, report.money_units.get(ref, "")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, ref)
                spec = table.spec(cell.key)
                tip = f"{spec.row_label}／{spec.column_label}"
                if value is None:
                    self.blank_refs.append(ref)
                    item.setBackground(QBrush(BLANK_BACKGROUND))
                    tip += "：空白"
                mark = marks.get(ref)
                if mark is not None:
                    severity, message = mark
                    if severity in FINDING_BACKGROUND:
                        item.setBackground(QBrush(FINDING_BACKGROUND[severity]))
                        item.setForeground(QBrush(FINDING_FOREGROUND[severity]))
                    tip += f"\n{severity.label}：{message}"
                item.setToolTip(plain_tip(tip))
            else:
                item.setText(cell.text)
                item.setBackground(QBrush(ROLE_BACKGROUND[cell.role]))
                left = name == "table3" and cell.role is CellRole.LABEL
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignVCenter
                    | (Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignHCenter)
                )
            self.setItem(cell.row, cell.col, item)
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self._fit_columns(PREVIEW_WIDTH_PX)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns(self.viewport().width())

    def _fit_columns(self, available: int) -> None:
        """The printed proportions, across the width there is (no sideways scrolling)."""
        widths = self.layout_table.column_widths
        total = sum(widths)
        for col, width in enumerate(widths):
            self.setColumnWidth(col, max(MIN_COLUMN_PX, int(width / total * available)))

    def show_ref(self, ref: str) -> bool:
        """Select and scroll to the cell of `ref` ("table3:new.total"); False when not here."""
        table, _, key = ref.partition(":")
        if table != self.layout_table.name or not self.layout_table.has(key):
            return False
        row, col = self.layout_table.value_position(key)
        self.setCurrentCell(row, col)
        item = self.item(row, col)
        if item is not None:
            self.scrollToItem(item)
        return True

    def text_at(self, ref: str) -> str:
        row, col = self.layout_table.value_position(ref.partition(":")[2])
        item = self.item(row, col)
        return item.text() if item is not None else ""


def _marks(findings: list[Finding], name: str) -> dict[str, tuple[Severity, str]]:
    """The worst finding of each cell (R6 blanks are tinted, not listed per cell)."""
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    marks: dict[str, tuple[Severity, str]] = {}
    for finding in findings:
        if about_blanks(finding):
            continue
        for ref in finding.cells:
            if not ref.startswith(name + ":"):
                continue
            known = marks.get(ref)
            if known is None or order[finding.severity] < order[known[0]]:
                marks[ref] = (finding.severity, finding.message)
    return marks
