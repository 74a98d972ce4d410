"""导入文件夹…: a folder of units' reports read in the background, then a summary to confirm.

First a progress bar (the files are read on every core, app.county.batch) with 取消; then one
row per file: the unit it is taken for (double-click to choose another, a new unit, or 不导入),
its year, its errors and warnings, and why a file is left out. Nothing is stored until 导入;
取消 at any point leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.county.audit import with_cross_unit_rules
from app.county.batch import Cancelled, Outcome, ReadReport, read_files, report_files
from app.county.collect import ImportRow, plan_import, problems_before_storing, store_import
from app.store import Store, StoreError
from ui.dialogs import ask_yes_no, tell
from ui.plain_text import plain_label, plain_tip

COLUMNS = ("文件", "导入为单位", "年度", "错误", "警告", "说明")
FILE, UNIT, YEAR, ERRORS, WARNINGS, NOTE = range(len(COLUMNS))
NOT_IMPORTED = "不导入"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_GREY, _RED, _AMBER = QColor("#777777"), QColor("#c62828"), QColor("#8a6d00")
_CLOSE_BACKGROUND, _NEW_BACKGROUND = QColor("#fff4cc"), QColor("#e3f0fb")


def new_unit_text(name: str) -> str:
    return f"新建单位“{name}”"


def replaced_list(reports: Sequence[str], shown: int = 6) -> str:
    """The reports an import replaces, each named (a 2021 file among 2022's is seen), the
    rest counted past `shown`."""
    listed = "、".join(reports[:shown])
    return listed if len(reports) <= shown else f"{listed}等 {len(reports)} 份"


class FolderReader(QThread):
    """Reads the files off the window's thread; progress and the outcomes come as signals."""

    progress = Signal(int, int, str)  # done, total, the file just read
    comparing = Signal()  # every file read: the units' texts are compared (R21)
    read = Signal(list)  # the outcomes, in the files' order, R21 among them
    stopped = Signal()  # cancelled: nothing read is kept

    def __init__(self, files: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = list(files)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            outcomes = read_files(
                self.files,
                keep=True,
                cancelled=self._cancel.is_set,
                progress=lambda d, t, n: self.progress.emit(d, t, n),
            )
        except Cancelled:
            self.stopped.emit()
            return
        # Seconds for a thousand reports: here, not on the window's thread.
        self.comparing.emit()
        reports = [o for o in outcomes if isinstance(o, ReadReport)]
        checked = dict(zip((id(o) for o in reports), with_cross_unit_rules(reports), strict=True))
        if self._cancel.is_set():  # 取消 pressed while comparing
            self.stopped.emit()
            return
        self.read.emit([checked.get(id(o), o) for o in outcomes])


class UnitChoiceDelegate(QStyledItemDelegate):
    """The 导入为单位 column: a list of what the file can be stored as."""

    def __init__(self, dialog: FolderImportDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QComboBox(parent)
        row = self.dialog.rows[index.row()]
        for text, target, new in self.dialog.choices(row):
            editor.addItem(text, (target, new))
        editor.setCurrentIndex(max(editor.findText(self.dialog.unit_text(row)), 0))
        return editor

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        target, new = editor.currentData()
        self.dialog.choose(index.row(), target, new)


class FolderImportDialog(QDialog):
    """Reading (with progress and 取消), then the summary; `stored` lists what was stored."""

    summary_ready = Signal()
    finished_storing = Signal(list)  # [(unit, year)]

    def __init__(
        self,
        store: Store,
        folder: Path,
        *,
        parent_unit: str | None,
        year: int | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入文件夹")
        self.resize(980, 560)
        self.store = store
        self.folder = folder
        self.parent_unit = parent_unit
        self.year = year
        self.today = today
        self.rows: list[ImportRow] = []
        self.stored: list[tuple[str, int]] = []
        self.known: list[str] = []
        self.existing: set[tuple[str, int]] = set()
        self.files, _ = report_files([folder])
        self.reader = FolderReader(self.files, self)
        self.reader.progress.connect(self._progress)
        self.reader.comparing.connect(self._comparing)
        self.reader.read.connect(self._show_summary)
        self.reader.stopped.connect(self.reject)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # --- reading ------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = QWidget()
        self.reading_label = plain_label(f"正在读取“{self.folder}”中的 {len(self.files)} 个文件…")
        self.reading_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, max(len(self.files), 1))
        self.progress_bar.setFormat("%v / %m")
        self.current_file = QLabel()
        self.cancel_reading_button = QPushButton("取消")
        self.cancel_reading_button.clicked.connect(self.cancel_reading)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_reading_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.current_file)
        layout.addStretch(1)
        layout.addLayout(row)
        return page

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Begin reading (once); shown dialogs start by themselves."""
        if self.reader.isRunning() or self.rows or self.reader.isFinished():
            return
        try:
            self.known = [u.name for u in self.store.units()]
        except StoreError as exc:
            tell(self, "导入文件夹", str(exc), error=True)
            self.reject()
            return
        if not self.files:
            self._show_summary([])
            return
        self.reader.start()

    def cancel_reading(self) -> None:
        self.cancel_reading_button.setEnabled(False)
        self.reading_label.setText("正在取消…")
        self.reader.cancel()

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setValue(done)
        self.current_file.setText(name)

    def _comparing(self) -> None:
        self.progress_bar.setRange(0, 0)  # busy: how long depends on the texts, not a count
        self.current_file.setText("正在比对各单位的正文（内容雷同）…")

    # --- the summary --------------------------------------------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        hint = QLabel(
            "双击“导入为单位”一栏可改为其他单位、新建单位或不导入。黄色为名称相近的单位，"
            "请核对；蓝色为将要新建的单位。"
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegateForColumn(UNIT, UnitChoiceDelegate(self))
        header = self.table.horizontalHeader()
        for column, mode in (
            (FILE, QHeaderView.ResizeMode.Interactive),
            (UNIT, QHeaderView.ResizeMode.Interactive),
            (NOTE, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(column, mode)
        self.table.setColumnWidth(FILE, 280)
        self.table.setColumnWidth(UNIT, 250)
        for column in (YEAR, ERRORS, WARNINGS):
            self.table.setColumnWidth(column, 56)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.import_button = QPushButton("导入")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.confirm)
        cancel = QPushButton("取消")
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        return page

    def _show_summary(self, outcomes: list[Outcome]) -> None:
        try:
            existing = {(u, y) for u in self.known for y in self.store.years(u)}
        except StoreError as exc:
            tell(self, "导入文件夹", str(exc), error=True)
            self.reject()
            return
        self.existing = existing
        self.rows = plan_import(outcomes, self.known, existing, self.year)
        self.table.setRowCount(len(self.rows))
        for i in range(len(self.rows)):
            self._fill_row(i)
        self._count()
        self.pages.setCurrentIndex(1)
        self.summary_ready.emit()

    def choices(self, row: ImportRow) -> list[tuple[str, str | None, bool]]:
        """What a row can be stored as: (text, unit, new unit?), the likeliest first."""
        options: list[tuple[str, str | None, bool]] = []
        for name in ([row.target] if row.target and not row.new_unit else []) + list(row.close):
            if name and all(name != o[1] for o in options):
                options.append((name, name, False))
        if row.given_name and row.given_name not in self.known:
            options.append((new_unit_text(row.given_name), row.given_name, True))
        options.append((NOT_IMPORTED, None, False))
        options += [
            (name, name, False) for name in self.known if all(name != o[1] for o in options)
        ]
        return options if row.report is not None else [(NOT_IMPORTED, None, False)]

    def unit_text(self, row: ImportRow) -> str:
        if row.target is None:
            return NOT_IMPORTED
        return new_unit_text(row.target) if row.new_unit else row.target

    def choose(self, index: int, target: str | None, new: bool) -> None:
        row = self.rows[index]
        row.target, row.new_unit = target, new
        row.exact = target is not None and not new and target == row.given_name
        row.replaces = (
            target is not None and row.year is not None and ((target, row.year) in self.existing)
        )
        self._fill_row(index)
        self._count()

    def _fill_row(self, index: int) -> None:
        row = self.rows[index]
        kept = row.target is not None
        cells = [
            row.name,
            self.unit_text(row),
            "" if row.year is None else str(row.year),
            "" if row.report is None else str(row.errors),
            "" if row.report is None else str(row.warnings),
            self._note(row),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if column == UNIT and row.report is not None:
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            if column in (YEAR, ERRORS, WARNINGS):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if column == FILE:
                item.setToolTip(plain_tip(row.source))
            if column == NOTE:
                item.setToolTip(plain_tip(text))
            if not kept:
                item.setForeground(QBrush(_GREY))
            elif column == ERRORS and row.errors:
                item.setForeground(QBrush(_RED))
            elif column == WARNINGS and row.warnings:
                item.setForeground(QBrush(_AMBER))
            if column == UNIT and kept and row.new_unit:
                item.setBackground(QBrush(_NEW_BACKGROUND))
            elif column == UNIT and kept and not row.exact and row.target not in (row.given_name,):
                item.setBackground(QBrush(_CLOSE_BACKGROUND))
            self.table.setItem(index, column, item)

    def _note(self, row: ImportRow) -> str:
        if row.target is None:
            return row.problem or "不导入"
        notes = [n for n in row.notes if row.new_unit or not n.startswith("将新建")]
        if not row.exact and not row.new_unit and row.target != row.given_name and not notes:
            notes.append(f"文件中的单位为“{row.given_name}”")
        if row.problem:
            notes.insert(0, row.problem)
        if row.replaces:
            notes.append(f"将替换数据库中已有的{row.year}年度报告")
        first_error = next((f.message for f in row.findings if f.severity.value == "error"), "")
        if first_error:
            notes.append(f"错误如：{first_error}")
        return "；".join(notes)

    def _count(self) -> None:
        kept = [r for r in self.rows if r.target is not None]
        new_units = {r.target for r in kept if r.new_unit}
        replacing = sum(r.replaces for r in kept)
        unread = sum(r.report is None for r in self.rows)
        self.summary_label.setText(
            f"“{self.folder.name}”中共 {len(self.rows)} 个文件：将导入 {len(kept)} 份报告"
            f"（新建单位 {len(new_units)} 个，替换已有报告 {replacing} 份），"
            f"不导入 {len(self.rows) - len(kept)} 个（其中无法读取 {unread} 个）。"
            + (
                f"新建的单位放在“{self.parent_unit}”之下。"
                if self.parent_unit and new_units
                else ""
            )
        )
        self.import_button.setEnabled(bool(kept))

    def confirm(self) -> bool:
        """Store what the summary says, after the questions it calls for. True when stored."""
        problem = problems_before_storing(self.rows)
        if problem:
            tell(self, "导入文件夹", problem, error=True)
            return False
        replacing = [
            f"“{r.target}”{r.year}年度" for r in self.rows if r.target is not None and r.replaces
        ]
        if replacing and not ask_yes_no(
            self,
            "导入文件夹",
            f"{len(replacing)} 份报告将替换数据库中已有的报告：{replaced_list(replacing)}。"
            "被替换的报告放入回收站，可以恢复。仍要导入吗？",
        ):
            return False
        try:
            self.stored = store_import(self.store, self.rows, self.parent_unit, self.today)
        except StoreError as exc:
            tell(self, "导入文件夹", f"没有导入任何报告：{exc}", error=True)
            return False
        self.finished_storing.emit(self.stored)
        self.accept()
        return True

    def reject(self) -> None:
        if self.reader.isRunning():
            self.cancel_reading()
            self.reader.wait()
        super().reject()
