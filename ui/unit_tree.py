"""The left column: the units kept in the database and each unit's reports by year."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.report import LEVELS
from app.store import Store

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
YEAR_ROLE = Qt.ItemDataRole.UserRole + 2


class UnitTree(QWidget):
    report_chosen = Signal(str, int)  # unit, year
    new_unit_requested = Signal()
    new_year_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = QLabel("单位与年度")
        caption_font = caption.font()
        caption_font.setBold(True)
        caption.setFont(caption_font)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setIndentation(14)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.new_unit_button = QPushButton("新建单位…")
        self.new_year_button = QPushButton("新建年度报告")
        self.new_year_button.setToolTip("从该单位最近一年的报告开始：上年结转、正文草稿自动带入")
        self.new_unit_button.clicked.connect(self.new_unit_requested)
        self.new_year_button.clicked.connect(self.new_year_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_unit_button)
        buttons.addWidget(self.new_year_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(caption)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._quiet = False

    def refresh(self, store: Store) -> None:
        """Rebuild from the database, keeping the current report selected."""
        current = self.current()
        self._quiet = True
        try:
            self.tree.clear()
            for unit in store.units():
                item = QTreeWidgetItem([unit.name])
                item.setData(0, UNIT_ROLE, unit.name)
                item.setToolTip(0, f"{unit.name}（{LEVELS.get(unit.level, unit.level)}）")
                for year in store.years(unit.name):
                    child = QTreeWidgetItem([f"{year}年度报告"])
                    child.setData(0, UNIT_ROLE, unit.name)
                    child.setData(0, YEAR_ROLE, year)
                    item.addChild(child)
                self.tree.addTopLevelItem(item)
                item.setExpanded(True)
        finally:
            self._quiet = False
        if current is not None:
            self.select(*current, emit=False)

    def select(self, unit: str, year: int | None = None, *, emit: bool = True) -> bool:
        """Make the unit's report of `year` (or the unit itself) current; False if absent."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None or top.data(0, UNIT_ROLE) != unit:
                continue
            target = top
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, YEAR_ROLE) == year:
                    target = child
            self._quiet = not emit
            try:
                self.tree.setCurrentItem(target)
            finally:
                self._quiet = False
            return target is not top or year is None
        return False

    def current(self) -> tuple[str, int | None] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        year = item.data(0, YEAR_ROLE)
        return str(item.data(0, UNIT_ROLE)), int(year) if year is not None else None

    def current_unit(self) -> str | None:
        current = self.current()
        return current[0] if current else None

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self.new_year_button.setEnabled(item is not None)
        if self._quiet or item is None:
            return
        year = item.data(0, YEAR_ROLE)
        if year is not None:
            self.report_chosen.emit(str(item.data(0, UNIT_ROLE)), int(year))
