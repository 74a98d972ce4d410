"""The list of findings under the report: what is wrong, how bad, and a click away from the cells."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from app.domain.findings import Finding, Severity
from ui.icons import SEVERITY_COLORS, severity_icon

Index = QModelIndex | QPersistentModelIndex

# Users act on the rule's wording, not its code; the code stays for people comparing notes
# with the 政务公开办's checklist.
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsModel(QAbstractListModel):
    """Findings in the order the rules give them (errors first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        if findings == self._findings:
            return  # keeps the user's selection while typing elsewhere
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{finding.severity.label}　{finding.message}"
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.severity.label}（规则 {finding.rule}）：{finding.message}"
        if role == Qt.ItemDataRole.ForegroundRole and finding.severity is Severity.ERROR:
            return SEVERITY_COLORS[Severity.ERROR]
        if role == FINDING_ROLE:
            return finding
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def summary_text(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return "校验通过：未发现问题"
    parts = [f"{s.label} {counts[s]} 项" for s in Severity if counts[s]]
    text = "，".join(parts)
    if counts[Severity.ERROR]:
        text += "。有错误未改正时，导出前会再次提醒。"
    return text


class FindingsPanel(QWidget):
    """A summary line and the findings; activating one (click or Enter) emits it."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(16, 16))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.clicked.connect(self._activate)
        self.list.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.set_findings([])

    def set_findings(self, findings: list[Finding]) -> None:
        self.model.set_findings(findings)
        self.summary.setText(summary_text(findings))
        has_errors = any(f.severity is Severity.ERROR for f in findings)
        color = SEVERITY_COLORS[Severity.ERROR].name() if has_errors else "palette(text)"
        self.summary.setStyleSheet(f"color: {color};")

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(self.model.finding(index.row()))
