"""新建汇总报告 (and 选择汇总单位…): which subordinate units a county's report adds up.

Every subordinate unit with a report of the year is ticked; units without one are listed, not
tickable; units whose reports have errors are named, once their reports are checked (on a
thread, as the board checks them), and can be left out with one click.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.county.board import Board, check_board
from app.county.status import Status
from app.store import Store
from ui.board import BoardChecker
from ui.dialogs import chinese_buttons
from ui.plain_text import plain_label

_RED, _GREY = QColor("#c62828"), QColor("#888888")
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


class RollupUnitsDialog(QDialog):
    checked = Signal()  # the units' reports have been checked (errors named)

    def __init__(
        self,
        store: Store,
        county: str,
        year: int,
        chosen: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建汇总报告" if chosen is None else "选择汇总单位")
        self.resize(560, 520)
        self.store, self.county, self.year = store, county, year
        self.board: Board = {}
        below = [u.name for u in store.subordinates(county)]
        self.with_report = [u for u in below if store.load(u, year) is not None]
        heading = plain_label(
            f"{county} {year}年度报告的表二（可相加的栏目）、表三、表四将是所选单位"
            f"报告的逐格之和；正文为本单位自己的文字。"
        )
        heading.setWordWrap(True)
        self.list = QListWidget()
        for unit in below:
            item = QListWidgetItem(unit)
            item.setData(UNIT_ROLE, unit)
            if unit in self.with_report:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = chosen is None or unit in chosen
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setText(f"{unit}（未报送{year}年度报告）")
                item.setForeground(QBrush(_GREY))
            self.list.addItem(item)
        self.errors_note = QLabel("正在校验各单位的报告…")
        self.errors_note.setWordWrap(True)
        # Room for three lines: a wrapped label is otherwise given one, and its end is cut.
        self.errors_note.setMinimumHeight(self.errors_note.fontMetrics().lineSpacing() * 3 + 4)
        self.all_button = QPushButton("全选")
        self.none_button = QPushButton("全不选")
        self.skip_errors_button = QPushButton("不计入有错误的单位")
        self.skip_errors_button.setEnabled(False)
        self.all_button.clicked.connect(lambda: self._tick(lambda _u: True))
        self.none_button.clicked.connect(lambda: self._tick(lambda _u: False))
        self.skip_errors_button.clicked.connect(
            lambda: self._tick(lambda u: u not in self.units_with_errors())
        )
        row = QHBoxLayout()
        for button in (self.all_button, self.none_button, self.skip_errors_button):
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        chinese_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("汇总")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self._count())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.errors_note)
        layout.addWidget(self.buttons)
        self._count()
        self.checker: BoardChecker | None = None
        self._check()

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(i).data(UNIT_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
            and self.list.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable
        ]

    def units_with_errors(self) -> list[str]:
        return [
            u
            for u in self.with_report
            if (e := self.board.get((u, self.year))) and e.status is Status.ERRORS
        ]

    def _tick(self, keep: object) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                on = keep(str(item.data(UNIT_ROLE)))  # type: ignore[operator]
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def _check(self) -> None:
        if not self.with_report:
            self.errors_note.setText(f"没有下级单位报送了{self.year}年度的报告，无从汇总。")
            return
        if self.store.path is None:
            self._checked(check_board(self.with_report, [self.year], self.store.load))
            return
        self.checker = BoardChecker(self.store.path, self.with_report, [self.year], self)
        self.checker.checked.connect(self._checked)
        self.checker.start()

    def _checked(self, board: Board) -> None:
        self.board = board
        wrong = self.units_with_errors()
        for i in range(self.list.count()):
            item = self.list.item(i)
            unit = str(item.data(UNIT_ROLE))
            entry = board.get((unit, self.year))
            if entry is not None and entry.status is Status.ERRORS:
                item.setText(f"{unit}（有错误 {entry.errors} 个）")
                item.setForeground(QBrush(_RED))
        if wrong:
            self.errors_note.setText(
                f"以下 {len(wrong)} 个单位的报告有错误，照原样相加会把错误带进汇总："
                + "、".join(wrong)
                + "。可以先取消勾选，待其改正后再用“重新汇总”。"
            )
            self.errors_note.setStyleSheet(f"color: {_RED.name()};")
        else:
            self.errors_note.setText("所选单位的报告均未发现错误。")
        self.skip_errors_button.setEnabled(bool(wrong))
        self.checked.emit()

    def done(self, result: int) -> None:
        if self.checker is not None and self.checker.isRunning():
            self.checker.stop()
            self.checker.wait()
        super().done(result)
