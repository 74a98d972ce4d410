"""The main window: units and years on the left, the open report in the middle, findings below
and the print preview on the right (shown with 文件 → 打印预览).

The menus (ui.window_menus), the file commands (ui.window_files), the edit commands
(ui.window_edit), new units and years (ui.window_units), the remembered position
(ui.window_position), the status bar, title and read-only state (ui.window_status) and where
the panels sit (ui.window_docks) live in their own modules; this one opens reports and wires
their parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.domain.findings import Finding
from app.store import DamagedStore, Store, StoreError
from ui import window_docks as docks
from ui.autosave import AutoSaver, SaveState
from ui.chapter_editor import PageTexts, install_undo_routing
from ui.county_wiring import CountyPart
from ui.dialogs import ask_yes_no, tell
from ui.findings_panel import FindingsPanel
from ui.preview.dock import PreviewDock
from ui.report_view import ReportView
from ui.session import ReportSession
from ui.unit_tree import UnitTree
from ui.welcome import Welcome
from ui.window_edit import EditCommands
from ui.window_files import DropGuard, FileCommands, exported_message, stored_profile
from ui.window_help import HelpCommands
from ui.window_menus import WindowAction, build_menus, update_actions
from ui.window_position import PositionMemory
from ui.window_status import WindowStatus
from ui.window_store import StoreCommands
from ui.window_units import UnitCommands
from ui.window_watch import OutsideChanges

if TYPE_CHECKING:
    from app.document.profile import LayoutProfile
    from ui.grid import TableGrid

DEFAULT_SIZE = (1280, 800)

_WELCOME, _NOTHING, _REPORT = range(3)


class MainWindow(QMainWindow):
    report_opened = Signal(object)  # ReportSession

    # The actions of ui.window_menus.ACTIONS by the names the rest of the program uses.
    new_unit_action = WindowAction("new_unit")
    new_year_action = WindowAction("new_year")
    new_year_from_file_action = WindowAction("new_year_from_file")
    import_action = WindowAction("import")
    import_tables_action = WindowAction("import_tables")
    export_action = WindowAction("export")
    export_excel_action = WindowAction("export_excel")
    preview_action = WindowAction("preview")  # the preview dock's own show/hide action
    profile_action = WindowAction("profile")
    save_action = WindowAction("save")
    quit_action = WindowAction("quit")
    undo_action = WindowAction("undo")
    redo_action = WindowAction("redo")
    copy_action = WindowAction("copy")
    paste_action = WindowAction("paste")
    placeholder_action = WindowAction("placeholder")
    county: CountyPart  # the 单位 menu's commands and the roll-up panel (ui.county_wiring)

    def __init__(
        self,
        store: Store,
        *,
        demo: bool = False,
        open_demo: Callable[[], Store] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.store = store
        self.demo = demo
        self._open_demo = open_demo
        self.today = today
        self.session: ReportSession | None = None
        self.view: ReportView | None = None
        self.actions_by_id: dict[str, QAction] = {}  # by the ids of ui.window_menus.ACTIONS
        self.files = FileCommands(self)
        self.edits = EditCommands(self)
        self.unit_commands = UnitCommands(self)
        self.help = HelpCommands(self)
        self.store_commands = StoreCommands(self)
        self.position = PositionMemory(self, parent=self)
        self.watch = OutsideChanges(self)
        self.drop_guard = DropGuard(self)

        self.units = UnitTree()
        self.units.report_chosen.connect(self.open_report)
        self.units.new_unit_requested.connect(self.unit_commands.new_unit)
        self.units.new_year_requested.connect(self.unit_commands.new_year)
        self.findings = FindingsPanel(links=True)
        self.findings.finding_activated.connect(self.go_to_finding)
        self.findings.help_requested.connect(lambda finding: self.help.rule(finding.rule))
        self.welcome = Welcome()
        self.welcome.new_unit_requested.connect(self.unit_commands.new_unit)
        self.welcome.demo_requested.connect(self.switch_to_demo)
        self.welcome.usage_requested.connect(self.help.usage)
        nothing = QLabel(
            "请在左侧选择一份年度报告，或点“新建年度报告”。\n"
            "也可以把 Word、Excel 或文字格式的报告文件拖到这里导入。"
        )
        nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.report_holder = QWidget()
        self.center = QStackedWidget()
        self.center.addWidget(self.welcome)
        self.center.addWidget(nothing)
        self.center.addWidget(self.report_holder)
        self.setCentralWidget(self.center)

        self.units_dock = docks.dock(
            self, "单位与年度", "units", self.units, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.findings_dock = docks.dock(
            self, "校验结果", "findings", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        # Its pane is made when first shown (or for printing): not on the way to the first paint.
        self.preview_dock = PreviewDock(
            self, profile_for=self._profile_for, before_output=self.flush_text
        )
        docks.lay_out(self, self.units_dock, self.findings_dock, self.preview_dock)
        self.setAcceptDrops(True)

        self.status_line = WindowStatus(self, parent=self)
        self.hint_label = self.status_line.hint_label  # the labels, as the window's own
        self.save_label = self.status_line.save_label
        self.autosave = AutoSaver(store, self)
        self.autosave.before_save = self.flush_text
        self.autosave.state_changed.connect(self.status_line.show_save_state)
        self.autosave.failed.connect(self.status_line.save_failed)
        # After the save that found it has returned: reopening a report is no work for the
        # middle of a save (or of closing the window).
        self.autosave.stale.connect(
            self.store_commands.report_moved_on, Qt.ConnectionType.QueuedConnection
        )
        self.autosave.damaged.connect(
            self.store_commands.damaged, Qt.ConnectionType.QueuedConnection
        )
        self.status_line.show_save_state(self.autosave.state)

        self.county = CountyPart(self)
        build_menus(self)
        self.county.attach()
        self.preview_dock.visibilityChanged.connect(self._preview_shown)
        self.preview_dock.pdf_written.connect(self._pdf_written)
        self._update_actions()
        self.resize(*DEFAULT_SIZE)
        self.position.restore_geometry()
        self.refresh_units()
        self.status_line.update_title()

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
            unit,
            year,
        ):
            return True
        self.autosave.flush()
        try:
            stored = self.store.load_stored(unit, year)
            previous = self.store.load(unit, year - 1)
        except StoreError as exc:
            self.store_error(exc)
            return False
        if stored is None:
            return False
        self._show_session(
            ReportSession(
                stored.report,
                previous,
                self,
                revision=stored.revision,
                read_only=self.store.read_only,
            )
        )
        self.units.select(unit, year, emit=False)
        if remember:
            self.remember_position()
        return True

    def close_report(self) -> None:
        """Show no report (the open one was deleted)."""
        self.forget_session()
        if self.view is not None:
            self.center.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
            self.report_holder = QWidget()
            self.center.insertWidget(_REPORT, self.report_holder)
        self.findings.set_findings([])
        self.refresh_units()
        self.status_line.update_title()
        self._update_actions()
        self.status_line.show_save_state(self.autosave.state)

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
        session.refused.connect(lambda message: self.show_status(message, 8000))
        session.undo_stack.indexChanged.connect(self._update_actions)
        # What the status bar said of the last step ("改动 195 处") is stale once it is undone.
        session.undo_stack.indexChanged.connect(self.status_line.clear)
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
        self.status_line.update_title()
        self._update_actions()
        self.status_line.show_save_state(self.autosave.state)
        self.report_opened.emit(session)

    def _follow_texts(self, texts: PageTexts) -> None:
        """A page's text fields were made: the window's undo keys, its import of dropped
        files and the autosave cover them."""
        extra = [self.placeholder_action] if texts.figures else []
        self.status_line.follow_texts(texts)
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
        self.status_line.follow_grid(grid)
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
        self.watch.store_replaced()
        self.refresh_units()
        self.restore_last() or self.open_first()
        if old is not store:
            old.close()
        self.status_line.update_title()

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
        return stored_profile(self.store, session.report.unit)

    def set_profile(self, profile: LayoutProfile) -> None:
        """The open report's unit has a new 版式: the preview shows it."""
        self.preview_dock.set_profile(profile)

    def _pdf_written(self, path: str) -> None:
        if self.session is not None:
            self.show_status(exported_message(path, self.session), 8000)

    def _preview_shown(self, visible: bool) -> None:
        # The preview opens on what is being edited, not on page 1.
        if visible and self.view is not None:
            self.preview_dock.show_part(self.view.current_cell() or self.view.current_part())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.watch.check()  # back from the command line or another window

    def nothing_to_save(self) -> bool:
        return self.autosave.state is SaveState.SAVED

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

    def save_pending(self) -> bool:
        """Write what is waiting for the autosave now; False when it could not be written."""
        return self.autosave.flush()

    def save_now(self) -> None:
        if self.autosave.flush():
            self.show_status("已保存到数据库", 3000)

    def chosen_unit(self) -> str | None:
        """The unit selected in the unit tree."""
        return self.units.current_unit()

    def chosen_year(self) -> int | None:
        """The year of the report selected in the unit tree (None: a unit is selected)."""
        return self.units.current_year()

    def show_nothing(self) -> None:
        self.close_report()

    def add_panel(self, dock: QDockWidget, width: int) -> None:
        """A panel (the roll-up's 汇总明细): ui.window_docks.add_panel."""
        docks.add_panel(self, self.findings_dock, dock, width)

    def import_folder(self, folder: Path) -> bool:
        """导入文件夹 on a folder (dropped on the window)."""
        return self.county.commands.import_folder(folder)

    def go_to_finding(self, finding: Finding) -> None:
        if self.view is not None:
            self.view.go_to(finding)

    def focused_finding(self) -> Finding | None:
        """The finding selected in the findings panel, when the keyboard is there."""
        return self.findings.current_finding() if self.findings.list.hasFocus() else None

    def current_cell(self) -> str:
        return self.view.current_cell() if self.view is not None else ""

    # --- status ---------------------------------------------------------------------------

    def as_widget(self) -> QWidget:
        """The window as the parent of the dialogs its commands open."""
        return self

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.status_line.show(message, timeout_ms)

    def store_error(self, exc: StoreError) -> None:
        if isinstance(exc, DamagedStore):
            self.store_commands.damaged(exc)  # offers the latest sound backup
            return
        tell(self, "数据库", str(exc), error=True)

    def refresh_actions(self) -> None:
        """Enable what can be done now (the unit tree's choice changed)."""
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        update_actions(self)
