"""The 报送情况 board: a county unit's subordinate units, who has reported, with what result.

A window beside the main one: pick the county and the year, filter by status or name, see every
unit's status, counts and date received (or every year side by side), double-click to open a
report, export the list to Excel. The checks run on a thread of their own, with a connection
of their own to the database, so the window stays usable while 150 reports are checked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.county.board import Board, BoardEntry, Stopped, check_board, summary_line
from app.county.status import Status
from app.domain.report import LEVELS
from app.store import Store, StoreError
from ui.icons import SEVERITY_COLORS
from ui.plain_text import plain_tip

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ALL = "全部"
ONE_YEAR_COLUMNS = ("单位", "层级", "状态", "错误", "警告", "提示", "报送日期", "来源文件")
STATUS_COLORS = {
    Status.MISSING: QColor("#c62828"),
    Status.ERRORS: QColor("#c62828"),
    Status.WARNINGS: QColor("#8a6d00"),
    Status.PASSED: QColor("#2e7d32"),
}
STATUS_BACKGROUNDS = {
    Status.MISSING: QColor("#fde7e7"),
    Status.ERRORS: QColor("#fde7e7"),
    Status.WARNINGS: QColor("#fff4cc"),
    Status.PASSED: QColor("#e8f5e9"),
}
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
YEAR_ROLE = Qt.ItemDataRole.UserRole + 3


class BoardModel(QAbstractTableModel):
    """The board's rows: one a unit; columns for one year, or a column a year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board: Board = {}
        self.units: list[str] = []
        self.levels: dict[str, str] = {}
        self.year = 0
        self.years: list[int] = []
        self.by_year = False

    def show(
        self,
        board: Board,
        units: Sequence[str],
        levels: dict[str, str],
        year: int,
        years: Sequence[int],
        by_year: bool,
    ) -> None:
        self.beginResetModel()
        self.board, self.units, self.levels = board, list(units), levels
        self.year, self.years, self.by_year = year, list(years), by_year
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid():
            return 0
        return 1 + len(self.years) if self.by_year else len(ONE_YEAR_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.by_year:
            return "单位" if section == 0 else f"{self.years[section - 1]}年度"
        return ONE_YEAR_COLUMNS[section]

    def entry(self, row: int, column: int = 0) -> BoardEntry | None:
        unit = self.units[row]
        year = self.years[column - 1] if self.by_year and column > 0 else self.year
        return self.board.get((unit, year))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        unit = self.units[row]
        entry = self.entry(row, column)
        if role == UNIT_ROLE:
            return unit
        if role == YEAR_ROLE:
            return entry.year if entry is not None else self.year
        if role == STATUS_ROLE:  # what the filter looks at: the chosen year's status
            chosen = self.board.get((unit, self.year))
            return chosen.status.label if chosen else ""
        status_column = column > 0 if self.by_year else column == 2
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(unit, entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and status_column and entry is not None:
            return QBrush(STATUS_COLORS[entry.status])
        if role == Qt.ItemDataRole.BackgroundRole and status_column and entry is not None:
            return QBrush(STATUS_BACKGROUNDS[entry.status])
        centred = column > 0 if self.by_year else 1 < column < len(ONE_YEAR_COLUMNS) - 1
        if role == Qt.ItemDataRole.TextAlignmentRole and centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None and entry.findings:
            return plain_tip(
                "\n".join(f"【{f.severity.label}】{f.rule} {f.message}" for f in entry.findings[:8])
            )
        return None

    def _text(self, unit: str, entry: BoardEntry | None, column: int) -> str:
        if column == 0:
            return unit
        if entry is None:
            return "…"  # still being checked
        if self.by_year:
            return entry.status.label
        missing = entry.status is Status.MISSING
        values = [
            LEVELS.get(self.levels.get(unit, ""), ""),
            entry.status.label,
            "" if missing else str(entry.errors),
            "" if missing else str(entry.warnings),
            "" if missing else str(entry.notes),
            entry.received,
            entry.source,
        ]
        return values[column - 1]


class BoardFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = ALL
        self.words = ""

    def set_filter(self, status: str, words: str) -> None:
        self.status, self.words = status, words.strip()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self.status != ALL and index.data(STATUS_ROLE) != self.status:
            return False
        return not self.words or self.words in str(index.data(UNIT_ROLE))


class BoardChecker(QThread):
    """Checks the board's reports on a connection of its own."""

    progress = Signal(int, int)
    checked = Signal(object)  # Board
    failed = Signal(str)

    def __init__(
        self, path: Path, units: Sequence[str], years: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path, self.units, self.years = path, list(units), list(years)
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            with Store.open(self.path, create=False) as store:
                board = check_board(
                    self.units,
                    self.years,
                    store.load,
                    store.receipts(),
                    progress=self.progress.emit,
                    stopped=self._stop.is_set,
                )
        except Stopped:
            return
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self.checked.emit(board)


class BoardWindow(QDialog):
    """The board; `open_requested` asks the main window to open a unit's report."""

    open_requested = Signal(str, int)
    import_requested = Signal(str, int)  # county, year: 导入文件夹 for it
    rollup_requested = Signal(str, int)
    board_ready = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("报送情况")
        self.resize(1000, 640)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.store = store
        self.board: Board = {}
        self.units: list[str] = []
        self.levels: dict[str, str] = {}
        self.checker: BoardChecker | None = None
        # Where the workbook goes: the window's file chooser (the dialog seam), or none.
        self.choose_target: Callable[[str], Path | None] = lambda _suggested: None
        self.export_done: Callable[[Path], None] = lambda _path: None

        self.county = QComboBox()
        self.county.setMinimumWidth(240)
        self.year = QComboBox()
        self.status = QComboBox()
        self.status.addItems([ALL, *(s.label for s in Status)])
        self.words = QLineEdit()
        self.words.setPlaceholderText("按单位名称筛选")
        self.words.setClearButtonEnabled(True)
        self.by_year = QCheckBox("历年对照")
        self.by_year.setToolTip("每个年度一列，看各单位历年的报送情况")
        top = QHBoxLayout()
        for label, widget in (
            ("单位：", self.county),
            ("年度：", self.year),
            ("状态：", self.status),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.words, 1)
        top.addWidget(self.by_year)

        self.model = BoardModel(self)
        self.filter = BoardFilter(self)
        self.filter.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)  # a county's units, many at once
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.details = QListWidget()
        self.details.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([460, 120])

        self.progress = QProgressBar()
        self.progress.setFormat("正在校验 %v / %m")
        self.progress.hide()
        self.summary = QLabel()
        self.export_button = QPushButton("导出 Excel…")
        self.import_button = QPushButton("导入文件夹…")
        self.rollup_button = QPushButton("新建汇总报告…")
        close = QPushButton("关闭")
        close.clicked.connect(self.close)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(
            lambda: self.import_requested.emit(self.chosen_county(), self.chosen_year())
        )
        self.rollup_button.clicked.connect(
            lambda: self.rollup_requested.emit(self.chosen_county(), self.chosen_year())
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for button in (self.import_button, self.rollup_button, self.export_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.county.currentIndexChanged.connect(lambda _i: self._county_changed())
        self.year.currentIndexChanged.connect(lambda _i: self._show())
        self.by_year.toggled.connect(lambda _on: self._show())
        self.status.currentTextChanged.connect(lambda _t: self._filter())
        self.words.textChanged.connect(lambda _t: self._filter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._details())

    # --- choosing what to show ---------------------------------------------------------

    def open_on(self, county: str | None = None, year: int | None = None) -> None:
        """Show the board of `county` (a unit with subordinates) for `year`."""
        counties = [u.name for u in self.store.units() if self.store.subordinates(u.name)]
        self.county.blockSignals(True)
        self.county.clear()
        self.county.addItems(counties)
        if county in counties:
            self.county.setCurrentText(county)
        self.county.blockSignals(False)
        self._county_changed(year)

    def chosen_county(self) -> str:
        return self.county.currentText()

    def chosen_year(self) -> int:
        data = self.year.currentData()
        return int(data) if data is not None else 0

    def _county_changed(self, year: int | None = None) -> None:
        county = self.chosen_county()
        below = self.store.subordinates(county) if county else []
        self.units = [u.name for u in below]
        self.levels = {u.name: u.level for u in below}
        years = sorted(
            {y for u in self.units for y in self.store.years(u)}
            | set(self.store.years(county) if county else []),
            reverse=True,
        )
        keep = year if year is not None else self.chosen_year()
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(f"{y}年度", y)
        index = self.year.findData(keep)
        self.year.setCurrentIndex(index if index >= 0 else 0)
        self.year.blockSignals(False)
        for button in (self.export_button, self.rollup_button, self.import_button):
            button.setEnabled(bool(county))
        self.reload()

    def years_shown(self) -> list[int]:
        return sorted(int(self.year.itemData(i)) for i in range(self.year.count()))

    def reload(self) -> None:
        """Check again (reports came in, or were changed)."""
        self._stop_checker()
        self.board = {}
        self._show()
        years = self.years_shown()
        if not self.units or not years:
            self.board_ready.emit()
            return
        path = self.store.path
        if path is None:  # an in-memory database has no second connection: check here
            self._checked(check_board(self.units, years, self.store.load, self.store.receipts()))
            return
        self.checker = BoardChecker(path, self.units, years, self)
        self.checker.progress.connect(self._progress)
        self.checker.checked.connect(self._checked)
        self.checker.failed.connect(lambda message: self.summary.setText(message))
        self.progress.setRange(0, len(self.units) * len(years))
        self.progress.setValue(0)
        self.progress.show()
        self.checker.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)

    def _checked(self, board: Board) -> None:
        self.progress.hide()
        self.board = board
        self._show()
        self.board_ready.emit()

    def _show(self) -> None:
        self.model.show(
            self.board,
            self.units,
            self.levels,
            self.chosen_year(),
            self.years_shown(),
            self.by_year.isChecked(),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not self.by_year.isChecked())
        widths = [260] + (
            [96] * len(self.years_shown())
            if self.by_year.isChecked()
            else [90, 80, 56, 56, 56, 100]
        )
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        if self.board and self.chosen_year():
            self.summary.setText(summary_line(self.board, self.units, self.chosen_year()))
        elif not self.units:
            self.summary.setText(
                "该单位没有下级单位。在左侧右键点击单位，可新建下级单位或把单位移到其下。"
            )
        else:
            self.summary.setText("正在校验各单位的报告…")
        self._filter()

    def _filter(self) -> None:
        self.filter.set_filter(self.status.currentText(), self.words.text())
        self._details()

    def _details(self) -> None:
        self.details.clear()
        index = self.table.currentIndex()
        if not index.isValid():
            return
        source = self.filter.mapToSource(index)
        entry = self.model.entry(source.row(), source.column())
        if entry is None:
            return
        if entry.status is Status.MISSING:
            self.details.addItem(f"{entry.unit}尚未报送{entry.year}年度报告")
            return
        if not entry.findings:
            self.details.addItem(f"{entry.unit}{entry.year}年度报告未发现问题")
        for finding in entry.findings:
            self.details.addItem(f"【{finding.severity.label}】{finding.rule} {finding.message}")
            item = self.details.item(self.details.count() - 1)
            item.setForeground(QBrush(SEVERITY_COLORS[finding.severity]))

    def _open(self, index: QModelIndex) -> None:
        source = self.filter.mapToSource(index)
        entry = self.model.entry(source.row(), source.column())
        unit = self.model.units[source.row()]
        year = entry.year if entry is not None else self.chosen_year()
        if entry is not None and entry.status is not Status.MISSING:
            self.open_requested.emit(unit, year)

    # --- export ------------------------------------------------------------------------

    def export(self) -> Path | None:
        from app.county.board import export_board

        year = self.chosen_year()
        if not self.board or not year:
            return None
        target = self.choose_target(f"{self.chosen_county()}{year}年度报送情况.xlsx")
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from app.writing import ExportError

        try:
            export_board(
                self.board,
                self.units,
                {u: LEVELS.get(lv, "") for u, lv in self.levels.items()},
                year,
                self.years_shown(),
                target,
            )
        except ExportError as exc:
            self.summary.setText(str(exc))
            return None
        self.export_done(target)
        return target

    def _stop_checker(self) -> None:
        if self.checker is not None and self.checker.isRunning():
            self.checker.stop()
            self.checker.wait()
        self.checker = None

    def closeEvent(self, event: Any) -> None:
        self._stop_checker()
        super().closeEvent(event)
