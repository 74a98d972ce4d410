"""The main window: units and years on the left, the open report in the middle, findings below."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.findings import Finding, has_errors
from app.domain.report import Report
from app.store import Store, StoreError
from ui.autosave import AutoSaver, SaveState
from ui.chapter_editor import install_undo_routing
from ui.dialogs import ABOUT_TEXT, ImportTargetDialog, NewUnitDialog, ask_yes_no, tell
from ui.findings_panel import FindingsPanel
from ui.grid import TableGrid
from ui.report_view import PART_KEYS, ReportView
from ui.session import ReportSession
from ui.unit_tree import UnitTree
from ui.welcome import Welcome

DEFAULT_SIZE = (1280, 800)
POSITION_DELAY_MS = 800

# Keys of the store's settings table.
LAST_UNIT = "last.unit"
LAST_YEAR = "last.year"
LAST_PART = "last.part"
LAST_CELL = "last.cell"
GEOMETRY = "window.geometry"
WINDOW_STATE = "window.state"

_WELCOME, _NOTHING, _REPORT = range(3)


def docx_writer_available() -> bool:
    """Whether this build has the Word writer (checked without importing python-docx)."""
    return importlib.util.find_spec("app.docx_writer") is not None


def _base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


class MainWindow(QMainWindow):
    report_opened = Signal(object)  # ReportSession

    def __init__(self, store: Store, *, demo: bool = False,
                 open_demo: Callable[[], Store] | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self._open_demo = open_demo
        self._today = today
        self.session: ReportSession | None = None
        self.view: ReportView | None = None

        self.units = UnitTree()
        self.units.report_chosen.connect(self.open_report)
        self.units.new_unit_requested.connect(self.new_unit)
        self.units.new_year_requested.connect(self.new_year)
        self.findings = FindingsPanel()
        self.findings.finding_activated.connect(self.go_to_finding)
        self.welcome = Welcome()
        self.welcome.new_unit_requested.connect(self.new_unit)
        self.welcome.demo_requested.connect(self.switch_to_demo)
        nothing = QLabel("请在左侧选择一份年度报告，或点“新建年度报告”。")
        nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.report_holder = QWidget()
        self.center = QStackedWidget()
        self.center.addWidget(self.welcome)
        self.center.addWidget(nothing)
        self.center.addWidget(self.report_holder)
        self.setCentralWidget(self.center)

        self.units_dock = self._dock("单位与年度", "units", self.units,
                                     Qt.DockWidgetArea.LeftDockWidgetArea)
        self.findings_dock = self._dock("校验结果", "findings", self.findings,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.units_dock.setTitleBarWidget(QWidget())  # the tree has its own caption
        self.resizeDocks([self.units_dock], [230], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock], [170], Qt.Orientation.Vertical)

        self.hint_label = QLabel()  # the grid's help for the current cell (R7 subtotal, sums)
        self.save_label = QLabel()
        self.statusBar().addWidget(self.hint_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)
        self.autosave = AutoSaver(store, self)
        self.autosave.before_save = self.flush_text
        self.autosave.state_changed.connect(self._show_save_state)
        self.autosave.failed.connect(self._save_failed)
        self._show_save_state(self.autosave.state)

        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_DELAY_MS)
        self._position_timer.timeout.connect(self.remember_position)

        self._build_menus()
        self.resize(*DEFAULT_SIZE)
        self._restore_geometry()
        self.refresh_units()
        self._update_title()

    # --- building ------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str = "",
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.new_unit_action = self._action("新建单位…", self.new_unit)
        self.new_year_action = self._action("新建年度报告", self.new_year)
        self.import_action = self._action("导入…", self.import_file, "",
                                          "读取 .json 或网页、Word 中复制的报告文字（.txt）")
        self.export_action = self._action("导出 Word…", self.export_word, "Ctrl+E")
        if not docx_writer_available():
            self.export_action.setEnabled(False)
            self.export_action.setToolTip("导出 Word 的功能尚未完成")
            self.export_action.setStatusTip("导出 Word 的功能尚未完成")
        self.preview_action = self._action("打印预览…", lambda: None)
        self.preview_action.setEnabled(False)
        self.preview_action.setStatusTip("打印预览尚未完成")
        self.preview_action.setToolTip("打印预览尚未完成")
        self.save_action = self._action("立即保存", self.save_now, QKeySequence.StandardKey.Save,
                                        "修改会自动保存；按 Ctrl+S 立即写入")
        self.quit_action = self._action("退出", self.close, "Ctrl+Q")
        for action in (self.new_unit_action, self.new_year_action, None, self.import_action,
                       self.export_action, self.preview_action, None, self.save_action, None,
                       self.quit_action):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        file_menu.setToolTipsVisible(True)

        edit_menu = bar.addMenu("编辑(&E)")
        self.undo_action = self._action("撤销", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("重做", self.redo, "Ctrl+Y")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # Copy and paste belong to the widget with the focus (a grid copies a range, an editor
        # text), so these actions only show the keys and forward; they own no shortcut.
        self.copy_action = self._action("复制\tCtrl+C", self.copy)
        self.paste_action = self._action("粘贴\tCtrl+V", self.paste)
        self.placeholder_action = self._action(
            "插入数字占位符…", self.insert_placeholder, "Ctrl+Shift+N",
            "在正文中插入随表格数字变化的占位符，如“本年新收申请总数”")
        for action in (self.undo_action, self.redo_action, None, self.copy_action,
                       self.paste_action, None, self.placeholder_action):
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self._action("关于年报编制器", self.about))
        self._update_actions()

    # --- units and reports ------------------------------------------------------------------

    def refresh_units(self) -> None:
        try:
            self.units.refresh(self.store)
            empty = not self.store.units()
        except StoreError as exc:
            self._store_error(exc)
            return
        if self.session is None:
            self.center.setCurrentIndex(_WELCOME if empty else _NOTHING)
        self.units_dock.setVisible(not empty or self.session is not None)
        self.findings_dock.setVisible(self.session is not None)

    def open_report(self, unit: str, year: int) -> bool:
        """Make the unit's report of `year` the open one (saving the one before)."""
        if self.session is not None and (self.session.report.unit, self.session.report.year) == (
            unit, year
        ):
            return True
        self.autosave.flush()
        try:
            report = self.store.load(unit, year)
            previous = self.store.load(unit, year - 1)
        except StoreError as exc:
            self._store_error(exc)
            return False
        if report is None:
            return False
        self._show_session(ReportSession(report, previous, self))
        self.units.select(unit, year, emit=False)
        self.remember_position()
        return True

    def _show_session(self, session: ReportSession) -> None:
        old_view, old_session = self.view, self.session
        self.autosave.attach(None)
        self.session = session
        self.view = ReportView(session)
        self.view.part_changed.connect(self._part_changed)
        self.view.grid_created.connect(self._follow_grid)
        for editor in self.view.editors():
            extra = [self.placeholder_action] if editor is not self.view.front.preamble else []
            install_undo_routing(editor, self.undo_action, self.redo_action, *extra)
        for line in (self.view.front.title, self.view.signature.unit):
            install_undo_routing(line, self.undo_action, self.redo_action)
        for binding in self.view.bindings():
            binding.pending.connect(self.autosave.text_pending)
        session.findings_changed.connect(self.findings.set_findings)
        session.undo_stack.indexChanged.connect(self._update_actions)
        self.findings.set_findings(session.findings)
        self.autosave.attach(session)
        self.center.removeWidget(self.report_holder)
        self.report_holder = self.view
        self.center.insertWidget(_REPORT, self.view)
        self.center.setCurrentIndex(_REPORT)
        self.units_dock.setVisible(True)
        self.findings_dock.setVisible(True)
        if old_view is not None:
            old_view.deleteLater()
        if old_session is not None:
            old_session.deleteLater()
        self._update_title()
        self._update_actions()
        self._show_save_state(self.autosave.state)
        self.report_opened.emit(session)

    def _follow_grid(self, grid: TableGrid) -> None:
        grid.input_rejected.connect(self._input_rejected)
        grid.hint_changed.connect(self._show_hint)
        grid.selectionModel().currentChanged.connect(self._cell_changed)

    def new_unit(self) -> None:
        try:
            existing = [u.name for u in self.store.units()]
        except StoreError as exc:
            self._store_error(exc)
            return
        dialog = NewUnitDialog(existing, self._today(), self)
        if dialog.exec() != NewUnitDialog.DialogCode.Accepted:
            return
        unit = dialog.result_unit()
        try:
            self.store.add_unit(unit.name, unit.level)
            self.store.save(Report(unit=unit.name, year=unit.year, level=unit.level,
                                   signature_unit=unit.name))
        except StoreError as exc:
            tell(self, "新建单位", str(exc), error=True)
            return
        self.refresh_units()
        self.open_report(unit.name, unit.year)

    def new_year(self) -> None:
        """Start the next year's report of the current unit from its latest one."""
        unit = self.units.current_unit() or (self.session.report.unit if self.session else None)
        if unit is None:
            tell(self, "新建年度报告", "请先在左侧选择单位。")
            return
        self.autosave.flush()
        try:
            years = self.store.years(unit)
            if not years:
                level = next((u.level for u in self.store.units() if u.name == unit), "department")
                report = Report(unit=unit, year=self._default_year(), level=level,
                                signature_unit=unit)
                notes: list[str] = []
            else:
                previous = self.store.load(unit, years[0])
                assert previous is not None
                report, notes = start_next_year(previous)
                if report.year in years:
                    tell(self, "新建年度报告", f"{unit}{report.year}年度报告已经存在。")
                    return
            self.store.save(report)
        except StoreError as exc:
            self._store_error(exc)
            return
        self.refresh_units()
        self.open_report(unit, report.year)
        if years:
            message = "\n\n".join([
                f"已从{years[0]}年度报告开始{report.year}年度报告：",
                "· 表三“二、上年结转政府信息公开申请数量”已填入上年“四、结转下年度继续办理”的数字；",
                f"· 正文已复制为草稿，开头标有“{DRAFT_MARK}”，请逐段修改后删去该标记；",
                *notes,
            ])
            tell(self, "新建年度报告", message)

    def _default_year(self) -> int:
        from ui.dialogs import default_report_year

        return default_report_year(self._today())

    def switch_to_demo(self) -> None:
        """Open the bundled example in its own fresh database (the user's file stays empty)."""
        if self._open_demo is None:
            return
        try:
            store = self._open_demo()
        except StoreError as exc:
            self._store_error(exc)
            return
        self.use_store(store, demo=True)

    def use_store(self, store: Store, *, demo: bool) -> None:
        self.autosave.flush()
        old = self.store
        self.store = store
        self.demo = demo
        self.autosave.store = store
        self.refresh_units()
        self.restore_last() or self.open_first()
        if old is not store:
            old.close()
        self._update_title()

    # --- remembering where the user was ----------------------------------------------------

    def restore_last(self) -> bool:
        """Reopen the last report, part and cell; False when there is none to reopen."""
        try:
            unit = self.store.get_setting(LAST_UNIT)
            year_text = self.store.get_setting(LAST_YEAR)
            part = self.store.get_setting(LAST_PART)
            cell = self.store.get_setting(LAST_CELL)
        except StoreError as exc:
            self._store_error(exc)
            return False
        if not unit or not year_text.isdigit() or not self.open_report(unit, int(year_text)):
            return False
        assert self.view is not None
        if part in PART_KEYS:
            self.view.show_part(part)
        if cell and part == cell.partition(":")[0].removeprefix("table"):
            self.view.select_refs([cell])
        return True

    def open_first(self) -> bool:
        """Open the latest report of the first unit (a first run after 新建单位).

        The demo opens on its published report, whose wrong sums show the checks at work.
        """
        try:
            for unit in self.store.units():
                years = self.store.years(unit.name)
                if years:
                    return self.open_report(unit.name, years[-1] if self.demo else years[0])
        except StoreError as exc:
            self._store_error(exc)
        return False

    def remember_position(self) -> None:
        self._position_timer.stop()
        if self.session is None or self.view is None:
            return
        values = {
            LAST_UNIT: self.session.report.unit,
            LAST_YEAR: str(self.session.report.year),
            LAST_PART: self.view.current_part(),
            LAST_CELL: self.view.current_cell(),
        }
        try:
            for key, value in values.items():
                if self.store.get_setting(key) != value:
                    self.store.set_setting(key, value)
        except StoreError:
            pass  # where the cursor was is not worth an error message; the report is

    def _part_changed(self, _part: str) -> None:
        self._update_actions()
        self._position_timer.start()

    def _cell_changed(self, *_: QModelIndex) -> None:
        self._position_timer.start()

    def _restore_geometry(self) -> None:
        try:
            geometry = self.store.get_setting(GEOMETRY)
            state = self.store.get_setting(WINDOW_STATE)
        except StoreError:
            return
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def save_geometry(self) -> None:
        try:
            self.store.set_setting(GEOMETRY, _base64(self.saveGeometry()))
            self.store.set_setting(WINDOW_STATE, _base64(self.saveState()))
        except StoreError:
            pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.autosave.flush() and not ask_yes_no(
            self, "保存失败", "最近的修改没能保存到数据库。仍要退出吗？（未保存的修改将丢失）"
        ):
            event.ignore()
            return
        self.remember_position()
        self.save_geometry()
        event.accept()

    # --- editing -------------------------------------------------------------------------

    def flush_text(self) -> None:
        if self.view is not None:
            self.view.flush_text()

    def undo(self) -> None:
        if self.session is None:
            return
        self.flush_text()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is None:
            return
        self.flush_text()
        self.session.undo_stack.redo()

    def save_now(self) -> None:
        if self.autosave.flush():
            self.statusBar().showMessage("已保存到数据库", 3000)

    def copy(self) -> None:
        self._forward_key(QKeySequence.StandardKey.Copy)

    def paste(self) -> None:
        self._forward_key(QKeySequence.StandardKey.Paste)

    def _forward_key(self, key: QKeySequence.StandardKey) -> None:
        """Copy or paste in the widget with the focus: a grid a range, an editor its text."""
        copying = key == QKeySequence.StandardKey.Copy
        widget = QApplication.focusWidget()
        if isinstance(widget, QPlainTextEdit | QLineEdit) and widget.window() is self:
            widget.copy() if copying else widget.paste()
            return
        grid = self.view.current_grid() if self.view else None
        if grid is not None:
            grid.copy_selection() if copying else grid.paste_from_clipboard()

    def insert_placeholder(self) -> None:
        page = self.view.current_text_page() if self.view else None
        if page is None:
            self.statusBar().showMessage("请先打开“一、总体情况”“五”或“六”的正文，再插入占位符", 5000)
            return
        page.choose_placeholder()

    def go_to_finding(self, finding: Finding) -> None:
        if self.view is not None:
            self.view.go_to(finding)

    # --- files ---------------------------------------------------------------------------

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "导入报告", "", "报告文件 (*.json *.txt *.docx);;所有文件 (*)"
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str, unit: str | None = None) -> bool:
        from pathlib import Path

        from app.readers.errors import ReadError
        from app.readers.files import read_report_file

        try:
            report = read_report_file(Path(path))
        except ReadError as exc:
            tell(self, "导入报告", str(exc), error=True)
            return False
        if unit is None:
            try:
                names = [u.name for u in self.store.units()]
            except StoreError as exc:
                self._store_error(exc)
                return False
            dialog = ImportTargetDialog(report.unit, report.year, names, self)
            if dialog.exec() != ImportTargetDialog.DialogCode.Accepted:
                return False
            unit = dialog.chosen_unit()
        if not unit:
            tell(self, "导入报告", "单位名称不能为空。", error=True)
            return False
        report.unit = unit
        try:
            if report.year in self.store.years(unit) and not ask_yes_no(
                self, "导入报告", f"{unit}{report.year}年度报告已经存在，用导入的内容替换它吗？"
            ):
                return False
            self.autosave.flush()
            if self.session is not None and (self.session.report.unit,
                                             self.session.report.year) == (unit, report.year):
                self.session = None  # reopened below from what was imported
            self.store.save(report)
        except StoreError as exc:
            self._store_error(exc)
            return False
        self.refresh_units()
        return self.open_report(unit, report.year)

    def export_word(self) -> None:
        if self.session is None:
            return
        self.autosave.flush()
        report = self.session.report
        if has_errors(self.session.findings) and not ask_yes_no(
            self, "导出 Word",
            "报告还有未改正的错误（见下方“校验结果”）。仍要导出吗？\n"
            "导出的文件中不会出现任何校验标记。"
        ):
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "导出 Word", f"{report.title or report.unit}.docx", "Word 文档 (*.docx)"
        )
        if path:
            if not path.lower().endswith(".docx"):
                path += ".docx"
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the open report as .docx in the unit's layout profile.

        python-docx is imported here, on the first export, never on the way to the window.
        """
        if self.session is None:
            return False
        from pathlib import Path

        from app.document.profile import OFFICIAL, LayoutProfile, ProfileError
        from app.docx_writer import export_docx
        from app.exporters import ExportError

        report = self.session.report
        try:
            stored = self.store.unit_profile(report.unit)
            profile = LayoutProfile.from_dict(stored) if stored else OFFICIAL
        except (StoreError, ProfileError):
            profile = OFFICIAL  # a damaged profile must not stop the export
        try:
            export_docx(report, Path(path), profile)
        except ExportError as exc:
            tell(self, "导出 Word", str(exc), error=True)
            return False
        note = "（未通过校验：仍有错误）" if has_errors(self.session.findings) else ""
        self.statusBar().showMessage(f"已导出{note}：{path}", 8000)
        return True

    def about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "关于年报编制器", ABOUT_TEXT,
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText("确定")
        box.exec()

    # --- status ---------------------------------------------------------------------------

    def _show_save_state(self, state: SaveState) -> None:
        self.save_label.setText(state.label if self.session is not None else "")
        color = {"saved": "#2e7d32", "pending": "#8a6d00", "failed": "#c62828"}[state.value]
        self.save_label.setStyleSheet(f"color: {color}; padding: 0 8px;")

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _input_rejected(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _show_hint(self, hint: str) -> None:
        self.hint_label.setText(hint)

    def _store_error(self, exc: StoreError) -> None:
        tell(self, "数据库", str(exc), error=True)

    def _update_title(self) -> None:
        title = "年报编制器"
        if self.session is not None:
            report = self.session.report
            title = f"{report.unit} {report.year}年度报告 — 年报编制器"
        if self.demo:
            title += "（示例）"
        self.setWindowTitle(title)

    def _update_actions(self, *_: object) -> None:
        stack = self.session.undo_stack if self.session else None
        # Undo stays on with a report open: text still being typed is pushed by undo() itself.
        self.undo_action.setEnabled(stack is not None)
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText("撤销 " + stack.undoText() if stack and stack.canUndo() else "撤销")
        self.redo_action.setText("重做 " + stack.redoText() if stack and stack.canRedo() else "重做")
        has_report = self.session is not None
        self.new_year_action.setEnabled(True)
        self.placeholder_action.setEnabled(bool(self.view and self.view.current_text_page()))
        self.export_action.setEnabled(has_report and docx_writer_available())
