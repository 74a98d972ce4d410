"""The list of findings under the report: what is wrong, how bad, and a click away from the cells.

Each finding ends in a 这是什么意思？ link to its rule's explanation in the help (F1 on the
selected finding does the same).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Finding, Severity
from ui.icons import SEVERITY_COLORS, severity_icon
from ui.plain_text import plain_tip

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
            return plain_tip(f"{finding.severity.label}（规则 {finding.rule}）：{finding.message}")
        if role == Qt.ItemDataRole.ForegroundRole and finding.severity is Severity.ERROR:
            return SEVERITY_COLORS[Severity.ERROR]
        if role == FINDING_ROLE:
            return finding
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def summary_text(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return "校验通过：未发现问题"
    parts = [f"{s.label} {counts[s]} 项" for s in Severity if counts[s]]
    text = "，".join(parts)
    if counts[Severity.ERROR]:
        text += "。有错误未改正时，导出前会再次提醒。"
    return text


LINK_TEXT = "这是什么意思？"
LINK_PAD = 12


def link_rect(row: QRect, metrics: QFontMetrics) -> QRect:
    """Where a row's 这是什么意思？ is drawn: at its right end."""
    width = metrics.horizontalAdvance(LINK_TEXT) + LINK_PAD
    return QRect(row.right() - width + 1, row.top(), width, row.height())


class FindingDelegate(QStyledItemDelegate):
    """A finding as Qt draws a list item, with the link at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        link = link_rect(option.rect, option.fontMetrics)
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(0, 0, -link.width(), 0)
        super().paint(painter, text, index)
        painter.save()
        font = QFont(option.font)
        font.setUnderline(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Link))
        painter.drawText(
            link.adjusted(0, 0, -LINK_PAD // 2, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            LINK_TEXT,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        link = link_rect(option.rect, option.fontMetrics).width()
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(0, 0, -link, 0)
        size = super().sizeHint(text, index)
        return QSize(size.width() + link, size.height())


class FindingsList(QListView):
    """Clicking a finding goes to it; clicking its link asks for the rule's explanation."""

    help_requested = Signal(object)  # Finding

    def __init__(self, links: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links = links
        self._link_pressed: QPersistentModelIndex | None = None
        if links:
            self.setItemDelegate(FindingDelegate(self))

    def link_at(self, pos: QPoint) -> QModelIndex:
        index = self.indexAt(pos)
        if (
            self.links
            and index.isValid()
            and link_rect(self.visualRect(index), self.fontMetrics()).contains(pos)
        ):
            return index
        return QModelIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.link_at(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self._link_pressed = QPersistentModelIndex(index)
            self.setCurrentIndex(index)
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._link_pressed = self._link_pressed, None
        if pressed is not None:
            if QPersistentModelIndex(self.link_at(event.position().toPoint())) == pressed:
                self.help_requested.emit(pressed.data(FINDING_ROLE))
            return
        super().mouseReleaseEvent(event)


class FindingsPanel(QWidget):
    """A summary line and the findings; activating one (click or Enter) emits it. With
    `links`, each finding ends in 这是什么意思？ (the window's panel: the help opens beside it)."""

    finding_activated = Signal(object)
    help_requested = Signal(object)  # Finding: its rule's explanation is wanted

    def __init__(self, parent: QWidget | None = None, *, links: bool = False) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = FindingsList(links)
        self.list.setModel(self.model)
        self.list.help_requested.connect(self.help_requested)
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

    def current_finding(self) -> Finding | None:
        index = self.list.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(self.model.finding(index.row()))
