"""The main window: units and years on the left, the open report in the middle, findings below
and the print preview on the right (shown with 文件 → 打印预览).

The menus (ui.window_menus), the file commands (ui.window_files), the edit commands
(ui.window_edit), new units and years (ui.window_units) and the remembered position
(ui.window_position) live in their own modules; this one opens reports and wires their parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.domain.findings import Finding
from app.store import Store, StoreError
from ui.autosave import AutoSaver, SaveState
from ui.chapter_editor import PageTexts, install_undo_routing
from ui.dialogs import ask_yes_no, tell
from ui.findings_panel import FindingsPanel
from ui.preview.dock import PreviewDock
from ui.report_view import ReportView
from ui.session import ReportSession
from ui.unit_tree import UnitTree
from ui.welcome import Welcome
from ui.window_edit import EditCommands
from ui.window_files import DropGuard, FileCommands, stored_profile
from ui.window_menus import build_menus, update_actions
from ui.window_position import PositionMemory
from ui.window_units import UnitCommands

if TYPE_CHECKING:
    from app.document.profile import LayoutProfile
    from ui.grid import TableGrid

DEFAULT_SIZE = (1280, 800)
UNITS_WIDTH = 230
FINDINGS_HEIGHT = 170
PREVIEW_WIDTH = 440  # a page at about half size; the tables keep most of 1280 (hidden at first)

_WELCOME, _NOTHING, _REPORT = range(3)


class MainWindow(QMainWindow):
    report_opened = Signal(object)  # ReportSession

    # Made by ui.window_menus.build_menus.
    new_unit_action: QAction
    new_year_action: QAction
    new_year_from_file_action: QAction
    import_action: QAction
    import_tables_action: QAction
    export_action: QAction
    export_excel_action: QAction
    preview_action: QAction  # the preview dock's own show/hide action
    profile_action: QAction
    save_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    copy_action: QAction
    paste_action: QAction
    placeholder_action: QAction

    def __init__(self, store: Store, *, demo: bool = False,
                 open_demo: Callable[[], Store] | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self._open_demo = open_demo
        self.today = today
        self.session: ReportSession | None = None
        self.view: ReportView | None = None
        self.files = FileCommands(self)
        self.edits = EditCommands(self)
        self.unit_commands = UnitCommands(self)
        self.position = PositionMemory(self)
        self.drop_guard = DropGuard(self)

        self.units = UnitTree()
        self.units.report_chosen.connect(self.open_report)
        self.units.new_unit_requested.connect(self.unit_commands.new_unit)
        self.units.new_year_requested.connect(self.unit_commands.new_year)
        self.findings = FindingsPanel()
        self.findings.finding_activated.connect(self.go_to_finding)
        self.welcome = Welcome()
        self.welcome.new_unit_requested.connect(self.unit_commands.new_unit)
        self.welcome.demo_requested.connect(self.switch_to_demo)
        nothing = QLabel("请在左侧选择一份年度报告，或点“新建年度报告”。\n"
                         "也可以把 Word、Excel 或文字格式的报告文件拖到这里导入。")
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
        # Its pane is made when first shown (or for printing): not on the way to the first paint.
        self.preview_dock = PreviewDock(self, profile_for=self._profile_for,
                                        before_output=self.flush_text)
        self._place(self.preview_dock, Qt.DockWidgetArea.RightDockWidgetArea, closable=True)
        self.units_dock.setTitleBarWidget(QWidget())  # the tree has its own caption
        # The pages get the window's full height; the findings stay under the editor.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.units_dock, self.preview_dock], [UNITS_WIDTH, PREVIEW_WIDTH],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock], [FINDINGS_HEIGHT], Qt.Orientation.Vertical)
        # Hidden until asked for: at 1280 wide the tables need the room (the state is saved).
        self.preview_dock.hide()
        self.setAcceptDrops(True)

        self.hint_label = QLabel()  # the grid's help for the current cell (R7 subtotal, sums)
        self.save_label = QLabel()
        self.statusBar().addWidget(self.hint_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)
        self.autosave = AutoSaver(store, self)
        self.autosave.before_save = self.flush_text
        self.autosave.state_changed.connect(self._show_save_state)
        self.autosave.failed.connect(self._save_failed)
        self._show_save_state(self.autosave.state)

        build_menus(self)
        self.preview_dock.visibilityChanged.connect(self._preview_shown)
        self._update_actions()
        self.resize(*DEFAULT_SIZE)
        self.position.restore_geometry()
        self.refresh_units()
        self._update_title()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea,
              *, closable: bool = False) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self._place(dock, area, closable=closable)
        return dock

    def _place(self, dock: QDockWidget, area: Qt.DockWidgetArea, *, closable: bool) -> None:
        features = (QDockWidget.DockWidgetFeature.DockWidgetMovable
                    | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        if closable:
            features |= QDockWidget.DockWidgetFeature.DockWidgetClosable
        dock.setFeatures(features)
        self.addDockWidget(area, dock)

    # --- units and reports ------------------------------------------------------------------

    def refresh_units(self) -> None:
        try:
            self.units.refresh(self.store)
            empty = not self.store.units()
        except StoreError as exc:
            self.store_error(exc)
            return
        if self.session is None:
            self.center.setCurrentIndex(_WELCOME if empty else _NOTHING)
            if empty:
                self.preview_dock.hide()  # nothing to preview beside the welcome
        self.units_dock.setVisible(not empty or self.session is not None)
        self.findings_dock.setVisible(self.session is not None)

    def open_report(self, unit: str, year: int, *, remember: bool = True) -> bool:
        """Make the unit's report of `year` the open one (saving the one before), and remember
        it as where the user is unless told not to (ui.window_position restores the part
        and cell first)."""
        if self.session is not None and (self.session.report.unit, self.session.report.year) == (
            unit, year
        ):
            return True
        self.autosave.flush()
        try:
            report = self.store.load(unit, year)
            previous = self.store.load(unit, year - 1)
        except StoreError as exc:
            self.store_error(exc)
            return False
        if report is None:
            return False
        self._show_session(ReportSession(report, previous, self))
        self.units.select(unit, year, emit=False)
        if remember:
            self.remember_position()
        return True

    def forget_session(self) -> None:
        """Let go of the open report without saving it: the store now holds a newer one,
        which open_report brings up next."""
        self.autosave.attach(None)
        self.preview_dock.set_session(None)
        self.session = None

    def _show_session(self, session: ReportSession) -> None:
        old_view, old_session = self.view, self.session
        self.autosave.attach(None)
        self.session = session
        self.view = ReportView(session, on_texts=self._follow_texts)
        self.view.part_changed.connect(self._part_changed)
        self.view.part_changed.connect(self.preview_dock.show_part)
        self.view.grid_created.connect(self._follow_grid)
        session.findings_changed.connect(self.findings.set_findings)
        session.undo_stack.indexChanged.connect(self._update_actions)
        self.findings.set_findings(session.findings)
        self.autosave.attach(session)
        self.preview_dock.set_session(session)
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

    def _follow_texts(self, texts: PageTexts) -> None:
        """A page's text fields were made: the window's undo keys, its import of dropped
        files and the autosave cover them."""
        extra = [self.placeholder_action] if texts.figures else []
        for editor in texts.editors:
            install_undo_routing(editor, self.undo_action, self.redo_action, *extra)
            editor.installEventFilter(self.drop_guard)
            editor.drop_filter = self.drop_guard
        for line in texts.lines:
            install_undo_routing(line, self.undo_action, self.redo_action)
            line.installEventFilter(self.drop_guard)
        for binding in texts.bindings:
            binding.pending.connect(self.autosave.text_pending)

    def _follow_grid(self, grid: TableGrid) -> None:
        grid.input_rejected.connect(self._input_rejected)
        grid.hint_changed.connect(self._show_hint)
        grid.selectionModel().currentChanged.connect(self._cell_changed)

    def switch_to_demo(self) -> None:
        """Open the bundled example in its own fresh database (the user's file stays empty)."""
        if self._open_demo is None:
            return
        try:
            store = self._open_demo()
        except StoreError as exc:
            self.store_error(exc)
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
            self.store_error(exc)
        return False

    # --- where the user was (ui.window_position) --------------------------------------------

    def restore_last(self) -> bool:
        return self.position.restore_last()

    def remember_position(self) -> None:
        self.position.remember()

    def save_geometry(self) -> None:
        self.position.save_geometry()

    def _part_changed(self, _part: str) -> None:
        self._update_actions()
        self.position.moved()

    def _cell_changed(self, *_: QModelIndex) -> None:
        self.position.moved()
        cell = self.view.current_cell() if self.view else ""
        if cell:
            self.preview_dock.show_part(cell)

    def _profile_for(self, session: ReportSession) -> LayoutProfile:
        return stored_profile(self, session.report.unit)

    def _preview_shown(self, visible: bool) -> None:
        # The preview opens on what is being edited, not on page 1.
        if visible and self.view is not None:
            self.preview_dock.show_part(self.view.current_cell() or self.view.current_part())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.autosave.flush() and not ask_yes_no(
            self, "保存失败", "最近的修改没能保存到数据库。仍要退出吗？（未保存的修改将丢失）"
        ):
            event.ignore()
            return
        self.remember_position()
        self.save_geometry()
        event.accept()

    # --- files (ui.window_files) ------------------------------------------------------------

    def import_path(self, path: str | Path) -> bool:
        return self.files.import_path(Path(path))

    def export_to(self, path: str) -> bool:
        return self.files.export_to(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.files.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.dropped(event)

    # --- editing -------------------------------------------------------------------------

    def flush_text(self) -> None:
        if self.view is not None:
            self.view.flush_text()

    def save_now(self) -> None:
        if self.autosave.flush():
            self.statusBar().showMessage("已保存到数据库", 3000)

    def go_to_finding(self, finding: Finding) -> None:
        if self.view is not None:
            self.view.go_to(finding)

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

    def store_error(self, exc: StoreError) -> None:
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
        update_actions(self)
