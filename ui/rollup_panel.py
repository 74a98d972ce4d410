"""汇总明细: the side panel of an open roll-up — what was summed, what to watch, and for the
current cell which units contributed what."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.report import format_value
from ui.rollup_session import RollupController

_NOTE = QColor("#8a6d00")
_EDITED = QColor("#5b3fa0")


class RollupPanel(QWidget):
    choose_units_requested = Signal()
    again_requested = Signal()  # the window makes the sums again (and says what went wrong)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: RollupController | None = None
        self.ref = ""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setSpacing(3)  # each note stands apart from the next when wrapped
        # Wrapped to the panel's width as it changes, never cut at the right edge.
        self.notes.setResizeMode(QListView.ResizeMode.Adjust)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes.setMaximumHeight(130)
        self.cell = QLabel("在表格中选择一格，这里列出各单位的数字。")
        self.cell.setWordWrap(True)
        self.parts = QTableWidget(0, 2)
        self.parts.setHorizontalHeaderLabels(["单位", "数字"])
        self.parts.verticalHeader().setVisible(False)
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.restore_button = QPushButton("恢复为各单位之和")
        self.restore_button.setToolTip("本格是手工填写的；恢复后随各单位的报告更新")
        self.restore_button.clicked.connect(self._restore)
        self.again_button = QPushButton("重新汇总")
        self.again_button.setToolTip("按各单位当前的报告重新相加（手工填写的格子不变）")
        self.again_button.clicked.connect(self.again_requested)
        self.units_button = QPushButton("选择汇总单位…")
        self.units_button.clicked.connect(self.choose_units_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.units_button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.notes, self.cell, self.restore_button):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addStretch(0)  # takes the room left over when side by side with the figures
        self.arrangement = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.arrangement.setContentsMargins(4, 4, 4, 4)
        self.arrangement.addLayout(column)
        self.arrangement.addWidget(self.parts, 1)
        self.column = column
        self.restore_button.hide()

    def place_in(self, area: Qt.DockWidgetArea) -> None:
        """Lay out for where the panel's dock is: one column on the side, two columns (the
        units' figures on the right) below the editor."""
        side_by_side = area in (
            Qt.DockWidgetArea.BottomDockWidgetArea,
            Qt.DockWidgetArea.TopDockWidgetArea,
        )
        self.arrangement.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        self.arrangement.setStretch(0, 1 if side_by_side else 0)
        self.column.setStretch(self.column.count() - 1, 1 if side_by_side else 0)

    def side_by_side(self) -> bool:
        return self.arrangement.direction() is QBoxLayout.Direction.LeftToRight

    def follow(self, controller: RollupController | None) -> None:
        if self.controller is not None:
            self.controller.updated.disconnect(self._refresh)
        self.controller = controller
        if controller is not None:
            controller.updated.connect(self._refresh)
        self._refresh()

    def show_cell(self, ref: str) -> None:
        self.ref = ref
        self._show_cell()

    def _refresh(self) -> None:
        controller = self.controller
        self.notes.clear()
        if controller is None:
            self.heading.setText("")
            return
        report = controller.session.report
        self.heading.setText(
            f"<b>{escape(report.unit)} {report.year}年度汇总报告</b><br>"
            f"由 {len(controller.units)} 个单位的报告相加；"
            f"手工填写 {len(controller.hand_edited)} 格"
        )
        for line in controller.notes:
            self.notes.addItem(f"• {line}")
            self.notes.item(self.notes.count() - 1).setForeground(QBrush(_NOTE))
        if not controller.notes:
            self.notes.addItem("各单位的表格均已填全。")
        self._show_cell()

    def _show_cell(self) -> None:
        controller = self.controller
        self.parts.setRowCount(0)
        self.restore_button.hide()
        total = controller.sum_of(self.ref) if controller is not None and self.ref else None
        if controller is None or total is None:
            self.cell.setText("在表格中选择一格，这里列出各单位的数字。" if controller else "")
            return
        assert controller.summed is not None
        unit = controller.summed.money_units.get(self.ref, "")
        shown = controller.session.report.get(self.ref)
        text = (
            f"<b>{escape(controller.describe(self.ref))}</b><br>"
            f"各单位之和：{escape(format_value(total, unit))}"
        )
        if self.ref in controller.hand_edited:
            text += (
                f"<br><span style='color:{_EDITED.name()}'>手工填写为 "
                f"{escape(format_value(shown, controller.session.report.money_units.get(self.ref, '')))}"
                "，不随各单位更新</span>"
            )
            self.restore_button.show()
        if self.ref in controller.summed.flagged:
            text += "<br>同一文件可能由几个单位重复计算，请核对。"
        self.cell.setText(text)
        parts = controller.parts(self.ref)
        self.parts.setRowCount(len(parts))
        for row, part in enumerate(parts):
            figure = (
                "（空白，按 0 计）"
                if part.value is None
                else format_value(part.value, part.unit_of_money)
            )
            for column, value in enumerate((part.unit, figure)):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if part.value is None or isinstance(part.value, str):
                    item.setForeground(QBrush(_NOTE))
                self.parts.setItem(row, column, item)

    def _restore(self) -> None:
        if self.controller is not None and self.ref:
            self.controller.restore_sum(self.ref)
