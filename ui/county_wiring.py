"""The county office's part of the main window: the unit tree's right-click menu (the 单位
menu's actions, ui.window_menus), the 汇总明细 panel beside an open roll-up, and what follows a
save (the roll-ups above the report made again).

The commands themselves are in ui.window_county. The roll-up's modules are imported when the
first roll-up is opened, not on the way to the first window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from app.domain.rollup_record import rollup_record
from app.store import StoreError
from ui import modal
from ui.dialogs import run_once, tell
from ui.session import ReportSession
from ui.window_county import CountyCommands, CountyHost

if TYPE_CHECKING:
    from ui.autosave import AutoSaver
    from ui.grid import TableGrid
    from ui.report_view import ReportView
    from ui.rollup_panel import RollupPanel
    from ui.rollup_session import RollupController
    from ui.unit_tree import UnitTree


class CountyWindow(CountyHost, Protocol):
    """What the county's part of the window uses of it, beyond what its commands use."""

    units: UnitTree
    actions_by_id: dict[str, QAction]
    report_opened: SignalInstance

    @property
    def view(self) -> ReportView | None: ...
    @property
    def autosave(self) -> AutoSaver: ...
    def refresh_actions(self) -> None: ...
    def add_panel(self, dock: QDockWidget, width: int) -> None: ...


PANEL_WIDTH = 260


class CountyPart(QObject):
    """The 单位 menu's actions, the roll-up panel, and the roll-up of the open report."""

    def __init__(self, window: CountyWindow) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.commands: CountyCommands = CountyCommands(window)
        self.controller: RollupController | None = None
        self.panel: RollupPanel | None = None  # made with the dock when a roll-up opens
        self.dock: QDockWidget | None = None

    def _panel(self) -> RollupPanel:
        if self.panel is None:
            from ui.rollup_panel import RollupPanel

            self.panel = RollupPanel()
            self.panel.again_requested.connect(self.recompute)
            self.panel.choose_units_requested.connect(self.choose_units)
            self.dock = QDockWidget("汇总明细", self.window.as_widget())
            self.dock.setObjectName("rollup")
            self.dock.setWidget(self.panel)
            self.dock.dockLocationChanged.connect(self.panel.place_in)
            self.window.add_panel(self.dock, PANEL_WIDTH)
        return self.panel

    # --- the unit tree's right-click menu --------------------------------------------------

    def attach(self) -> None:
        """Once the menus are made: the tree's right-click menu is the 单位 menu's actions,
        and the actions follow what the tree has chosen; opened reports and saves are
        followed."""
        window = self.window
        window.units.context_actions = self.context_actions
        window.units.show_menu = modal.popup
        window.units.tree.currentItemChanged.connect(lambda *_: window.refresh_actions())
        window.report_opened.connect(self.report_opened)
        window.autosave.saved.connect(self.saved)

    def context_actions(self) -> list[QAction | None]:
        a = self.window.actions_by_id
        return [
            a["new_subordinate"],
            a["rename_unit"],
            a["move_unit"],
            a["delete_unit"],
            None,
            a["new_year"],
            a["delete_report"],
            None,
            a["import_folder"],
            a["board"],
            a["new_rollup"],
            None,
            a["recycle_bin"],
        ]

    # --- the open report -----------------------------------------------------------------

    def report_opened(self, session: ReportSession) -> None:
        """A roll-up gets its sums made again from the units' reports and the panel."""
        self.controller = None
        if rollup_record(session.report) is None:
            if self.panel is not None and self.dock is not None:
                self.panel.follow(None)
                self.dock.hide()
            return
        from ui.rollup_session import RollupController

        self.controller = RollupController(session, self.window.store, session)
        changed = self._recompute_quietly()
        self._panel().follow(self.controller)
        assert self.dock is not None
        self.dock.show()
        if self.window.view is not None:
            self.window.view.grid_created.connect(self._follow_grid)
        if changed:
            self.window.show_status(f"汇总数已按各单位的最新报告更新（{changed} 格）", 8000)

    def _follow_grid(self, grid: TableGrid) -> None:
        grid.selectionModel().currentChanged.connect(self._cell_changed)

    def _cell_changed(self, *_: QModelIndex) -> None:
        if self.window.view is not None and self.panel is not None:
            self.panel.show_cell(self.window.view.current_cell())

    def _recompute_quietly(self) -> int:
        from app.county.rollup import RollupRefused

        assert self.controller is not None
        try:
            return self.controller.recompute()
        except (RollupRefused, StoreError) as exc:
            self.controller.notes = [f"未能重新汇总：{exc}"]
            return 0

    def recompute(self) -> None:
        from app.county.rollup import RollupRefused

        if self.controller is None:
            return
        try:
            changed = self.controller.recompute()
        except (RollupRefused, StoreError) as exc:
            tell(self.window.as_widget(), "重新汇总", str(exc), error=True)
            return
        self.window.show_status(
            f"已重新汇总：{changed} 格有变化" if changed else "已重新汇总：各单位的数字没有变化",
            8000,
        )

    def choose_units(self) -> None:
        from app.county.rollup import RollupRefused
        from ui.rollup_dialog import RollupUnitsDialog

        controller = self.controller
        if controller is None:
            return
        report = controller.session.report
        dialog = RollupUnitsDialog(
            self.window.store,
            report.unit,
            report.year,
            chosen=controller.units,
            parent=self.window.as_widget(),
        )
        if run_once(dialog) != RollupUnitsDialog.DialogCode.Accepted:
            return
        try:
            controller.recompute(dialog.chosen())
        except (RollupRefused, StoreError) as exc:
            tell(self.window.as_widget(), "选择汇总单位", str(exc), error=True)

    def saved(self) -> None:
        """The open report was saved: the roll-ups that sum it are made again."""
        from app.county.in_store import refresh_above
        from app.county.rollup import RollupRefused

        session = self.window.session
        if session is None:
            return
        try:
            remade = refresh_above(self.window.store, session.report.unit, session.report.year)
        except (RollupRefused, StoreError):
            return  # shown when the roll-up is opened, with the reason
        if remade:
            self.window.show_status(f"“{'、'.join(remade)}”的汇总报告已随之重新汇总", 5000)
