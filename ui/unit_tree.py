"""The left column: the units kept in the database, each under the unit above it (a county with
its departments and townships), and each unit's reports by year.

Right-click offers the window's commands for the unit or report clicked (the same actions as
the 单位 menu); the window hands them over as `context_actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.report import LEVELS
from app.store import Store, UnitInfo
from ui import modal
from ui.plain_text import plain_tip

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
YEAR_ROLE = Qt.ItemDataRole.UserRole + 2
YEAR_TEXT = "{year}年度报告"
SUBORDINATES_TEXT = "（下级单位 {count} 个）"
_QUIET = QColor("#666666")


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
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.new_unit_button = QPushButton("新建单位…")
        self.new_year_button = QPushButton("新建年度报告…")
        self.new_year_button.setToolTip(
            "为所选单位新建一个年度的报告：可从已有的某一年开始，上年结转、正文草稿自动带入"
        )
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
        # How the user left each unit's fold; a unit not seen yet: open at the top, folded
        # below (a county's 150 units list as 150 lines).
        self._open: dict[str, bool] = {}
        # Each unit's item by name: switching reports finds it without walking 150 units.
        self._items: dict[str, QTreeWidgetItem] = {}
        # The window's commands for what was right-clicked (None: a separator).
        self.context_actions: Callable[[], Sequence[QAction | None]] = lambda: []
        # Shows the menu and waits (through the dialog seam, which tests answer).
        self.show_menu: Callable[[QMenu, QPoint], object] = modal.popup

    def refresh(self, store: Store) -> None:
        """Rebuild from the database, keeping the current item and what was folded."""
        current = self.current()
        self._remember_folding()
        units = store.units()
        known = {u.name for u in units}
        below: dict[str | None, list[UnitInfo]] = {}
        for unit in units:
            parent = unit.parent if unit.parent in known else None
            below.setdefault(parent, []).append(unit)
        self._quiet = True
        try:
            self._items = {}
            self.tree.clear()
            for unit in below.get(None, []):
                self.tree.addTopLevelItem(self._unit_item(store, unit, below))
            for item in self._unit_items():
                name = str(item.data(0, UNIT_ROLE))
                item.setExpanded(self._open.get(name, item.parent() is None))
        finally:
            self._quiet = False
        if current is not None:
            self.select(*current, emit=False)

    def _unit_item(
        self, store: Store, unit: UnitInfo, below: dict[str | None, list[UnitInfo]]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([unit.name])
        item.setData(0, UNIT_ROLE, unit.name)
        self._items[unit.name] = item
        subordinates = below.get(unit.name, [])
        tip = f"{unit.name}（{LEVELS.get(unit.level, unit.level)}）"
        if subordinates:
            tip += SUBORDINATES_TEXT.format(count=len(subordinates))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        item.setToolTip(0, plain_tip(tip))
        for year in store.years(unit.name):
            child = QTreeWidgetItem([YEAR_TEXT.format(year=year)])
            child.setData(0, UNIT_ROLE, unit.name)
            child.setData(0, YEAR_ROLE, year)
            child.setForeground(0, QBrush(_QUIET))
            item.addChild(child)
        for subordinate in subordinates:
            item.addChild(self._unit_item(store, subordinate, below))
        return item

    def _unit_items(self) -> list[QTreeWidgetItem]:
        found = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None or item.data(0, YEAR_ROLE) is not None:
                continue
            found.append(item)
            stack += [item.child(j) for j in range(item.childCount())]
        return found

    def _remember_folding(self) -> None:
        for item in self._unit_items():
            self._open[str(item.data(0, UNIT_ROLE))] = item.isExpanded()

    def unit_item(self, unit: str) -> QTreeWidgetItem | None:
        return self._items.get(unit)

    def select(self, unit: str, year: int | None = None, *, emit: bool = True) -> bool:
        """Make the unit's report of `year` (or the unit itself) current; False if absent."""
        top = self.unit_item(unit)
        if top is None:
            return False
        target = top
        for j in range(top.childCount()):
            child = top.child(j)
            if child is not None and year is not None and child.data(0, YEAR_ROLE) == year:
                target = child
        self._quiet = not emit
        try:
            parent = target.parent()
            while parent is not None:  # show where it is
                parent.setExpanded(True)
                parent = parent.parent()
            self.tree.setCurrentItem(target)
            self.tree.scrollToItem(target)
        finally:
            self._quiet = False
        return target is not top or year is None

    def current(self) -> tuple[str, int | None] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        year = item.data(0, YEAR_ROLE)
        return str(item.data(0, UNIT_ROLE)), int(year) if year is not None else None

    def current_unit(self) -> str | None:
        current = self.current()
        return current[0] if current else None

    def current_year(self) -> int | None:
        current = self.current()
        return current[1] if current else None

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self.new_year_button.setEnabled(item is not None)
        if self._quiet or item is None:
            return
        year = item.data(0, YEAR_ROLE)
        if year is not None:
            self.report_chosen.emit(str(item.data(0, UNIT_ROLE)), int(year))

    def _context_menu(self, at: QPoint) -> None:
        item = self.tree.itemAt(at)
        if item is not None:
            # What was clicked is what the commands act on; a report clicked is opened.
            self.tree.setCurrentItem(item)
        actions = self.context_actions()
        if not actions:
            return
        menu = QMenu(self)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.setToolTipsVisible(True)
        self.show_menu(menu, self.tree.viewport().mapToGlobal(at))
