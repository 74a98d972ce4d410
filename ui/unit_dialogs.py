"""Dialogs for the 单位 menu: a unit's name and level, where it sits, a new year's report, and
the recycle bin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.layouts import layout_for_year
from app.domain.report import LEVELS, MAX_UNIT_NAME
from app.store import BinEntry, UnitInfo
from ui.dialogs import FIRST_YEAR, LAST_YEAR, chinese_buttons, default_report_year
from ui.plain_text import plain_label

TOP = "（不属于任何上级单位）"
BLANK = ""  # the source of a new year's report that starts empty


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    return label


def _buttons(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    chinese_buttons(buttons)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class UnitDialog(QDialog):
    """A unit's name and level: for a new unit under another, or to correct one."""

    def __init__(
        self,
        title: str,
        taken: Sequence[str],
        name: str = "",
        level: str = "department",
        parent_unit: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._taken = {n.strip() for n in taken} - {name.strip()}
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_UNIT_NAME)  # the store takes no longer name
        self.name.setMinimumWidth(340)
        self.name.setPlaceholderText("如：青山县教育局")
        self.level = QComboBox()
        for key, label in LEVELS.items():
            self.level.addItem(label, key)
        self.level.setCurrentIndex(max(self.level.findData(level), 0))
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("单位名称：", self.name)
        form.addRow("单位层级：", self.level)
        if parent_unit:
            form.addRow("上级单位：", QLabel(parent_unit))
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def chosen(self) -> tuple[str, str]:
        return self.name.text().strip(), str(self.level.currentData())

    def _problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return "请填写单位名称"
        if name in self._taken:
            return f"已有名为“{name}”的单位"
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.error.setText(problem if self.name.text().strip() else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if not self._problem():
            super().accept()


class MoveUnitDialog(QDialog):
    """Where a unit goes: under another unit (never under itself or its own), or the top."""

    def __init__(
        self, unit: str, units: Sequence[UnitInfo], below: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("移到其他上级单位")
        current = next((u.parent for u in units if u.name == unit), None)
        self.choice = QComboBox()
        self.choice.addItem(TOP, None)
        for info in units:
            if info.name != unit and info.name not in below:
                self.choice.addItem(
                    f"{info.name}（{LEVELS.get(info.level, info.level)}）", info.name
                )
        self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.choice.setMinimumWidth(360)
        note = plain_label(f"把“{unit}”及其下级单位移到：")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.choice)
        layout.addWidget(_buttons(self, "移动"))

    def chosen(self) -> str | None:
        data = self.choice.currentData()
        return None if data is None else str(data)


class NewYearDialog(QDialog):
    """Which year's report to start, and from which of the unit's reports (or blank)."""

    def __init__(
        self, unit: str, years: Sequence[int], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self._years = sorted(years, reverse=True)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setSuffix(" 年度")
        self.year.setValue(self._years[0] + 1 if self._years else default_report_year(today))
        self.source = QComboBox()
        self.source.setMinimumWidth(300)
        self.layout_note = QLabel()
        self.layout_note.setWordWrap(True)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("单位：", QLabel(unit))
        form.addRow("报告年度：", self.year)
        form.addRow("从哪份报告开始：", self.source)
        form.addRow("", self.layout_note)
        self.buttons = _buttons(self, "新建")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(self._year_changed)
        self._year_changed()

    def chosen(self) -> tuple[int, int | None]:
        """The new report's year, and the year of the report it starts from (None: blank)."""
        data = self.source.currentData()
        return self.year.value(), None if data == BLANK else int(data)

    def _year_changed(self) -> None:
        year = self.year.value()
        before = [y for y in self._years if y < year]
        keep = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        for y in before:
            self.source.addItem(f"{y}年度报告（上年结转、正文草稿带入）", y)
        self.source.addItem("空白报告", BLANK)
        # The year before is the usual start; another choice the user made is kept.
        index = self.source.findData(keep) if keep not in (None, BLANK) else -1
        self.source.setCurrentIndex(index if index >= 0 else 0)
        self.source.blockSignals(False)
        layout = layout_for_year(year)
        self.layout_note.setText(f"使用{layout.document}规定的表格格式")
        problem = f"{year}年度的报告已经存在，请在左侧打开它" if year in self._years else ""
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if self.year.value() not in self._years:
            super().accept()


class RecycleBinDialog(QDialog):
    """What was deleted, the latest first: restored, or deleted for good after a question."""

    restore_requested = Signal(int)  # entry id
    purge_requested = Signal(object)  # entry id, or None for all

    def __init__(self, entries: Sequence[BinEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("回收站")
        self.resize(560, 360)
        self.list = QListWidget()
        self.empty_note = QLabel("回收站是空的。删除的单位和报告会先放在这里，可以恢复。")
        self.empty_note.setWordWrap(True)
        self.restore_button = QPushButton("恢复")
        self.purge_button = QPushButton("彻底删除…")
        self.purge_all_button = QPushButton("清空回收站…")
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        self.restore_button.clicked.connect(lambda: self._emit(self.restore_requested))
        self.purge_button.clicked.connect(lambda: self._emit(self.purge_requested))
        self.purge_all_button.clicked.connect(lambda: self.purge_requested.emit(None))
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.list.itemDoubleClicked.connect(lambda _item: self._emit(self.restore_requested))
        row = QHBoxLayout()
        for button in (self.restore_button, self.purge_button, self.purge_all_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.show_entries(entries)

    def show_entries(self, entries: Sequence[BinEntry]) -> None:
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(f"{entry.label}　　删除于 {_local_time(entry.deleted_at)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        if entries:
            self.list.setCurrentRow(0)
        self.empty_note.setVisible(not entries)
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
        self.purge_all_button.setEnabled(self.list.count() > 0)

    def _emit(self, signal: SignalInstance) -> None:
        item = self.list.currentItem()
        if item is not None:
            signal.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def _local_time(iso: str) -> str:
    """2023年1月20日 14:05, in this computer's time zone (the store keeps UTC)."""
    try:
        when = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"
