"""The 单位 menu and the county office's commands: units under units (new, rename, move,
delete to the recycle bin and back), a report deleted, 导入文件夹…, the 报送情况 board and
新建汇总报告. (A new year's report is started by ui.window_units.)

The commands reach the window through `CountyHost`, the few things they use. Every change is
asked about first where it removes something, and every removal goes to the recycle bin.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from app.domain.rollup_record import rollup_record
from app.store import StoreError
from ui import modal
from ui.dialogs import ask_yes_no, run_once, tell
from ui.unit_dialogs import MoveUnitDialog, RecycleBinDialog, UnitDialog
from ui.window_host import WindowHost

if TYPE_CHECKING:
    from ui.board import BoardWindow

LEADING_LEVELS = ("county", "prefecture", "province")


class CountyHost(WindowHost, Protocol):
    def as_widget(self) -> QWidget: ...
    def today(self) -> dt.date: ...
    def chosen_unit(self) -> str | None: ...
    def chosen_year(self) -> int | None: ...
    def save_pending(self) -> bool: ...
    def store_error(self, exc: StoreError) -> None: ...
    def refresh_units(self) -> None: ...
    def open_report(self, unit: str, year: int) -> bool: ...
    def forget_session(self) -> None: ...
    def show_nothing(self) -> None: ...
    def show_status(self, message: str, timeout_ms: int) -> None: ...


class CountyCommands:
    def __init__(self, window: CountyHost) -> None:
        self.window = window
        self.board: BoardWindow | None = None

    # --- helpers -------------------------------------------------------------------------

    def _unit(self, title: str) -> str | None:
        unit = self.window.chosen_unit()
        if unit is None:
            tell(self.window.as_widget(), title, "请先在左侧选择一个单位。")
        return unit

    def _let_go_of(self, units: set[str], year: int | None = None) -> None:
        """The open report is about to be deleted or renamed: save it and let it go."""
        session = self.window.session
        if session is None or session.report.unit not in units:
            return
        if year is not None and session.report.year != year:
            return
        self.window.save_pending()
        self.window.forget_session()
        self.window.show_nothing()

    # --- units ---------------------------------------------------------------------------

    def new_subordinate(self) -> bool:
        """A unit under the chosen one (a department of the county)."""
        window = self.window
        parent_unit = self._unit("新建下级单位")
        if parent_unit is None:
            return False
        try:
            taken = [u.name for u in window.store.units()]
            dialog = UnitDialog(
                "新建下级单位", taken, parent_unit=parent_unit, parent=window.as_widget()
            )
            if run_once(dialog) != QDialog.DialogCode.Accepted:
                return False
            name, level = dialog.chosen()
            window.store.add_unit(name, level, parent_unit)
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        window.show_status(f"已在“{parent_unit}”下新建单位“{name}”", 5000)
        return True

    def rename(self) -> bool:
        """Correct the chosen unit's name (in its reports too) and its level."""
        window = self.window
        unit = self._unit("重命名单位")
        if unit is None:
            return False
        try:
            info = window.store.unit(unit)
            if info is None:
                return False
            taken = [u.name for u in window.store.units()]
            dialog = UnitDialog(
                "重命名单位", taken, name=info.name, level=info.level, parent=window.as_widget()
            )
            if run_once(dialog) != QDialog.DialogCode.Accepted:
                return False
            name, level = dialog.chosen()
            session = window.session
            reopen = session.report.year if session and session.report.unit == unit else None
            self._let_go_of({unit})
            window.store.rename_unit(unit, name)
            window.store.set_unit_level(name, level)
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        if reopen is not None:
            window.open_report(name, reopen)
        if name != unit:
            window.show_status(
                f"已将“{unit}”改名为“{name}”；各年度报告标题和落款中的单位名称已一并修改", 8000
            )
        return True

    def move(self) -> bool:
        window = self.window
        unit = self._unit("移到其他上级单位")
        if unit is None:
            return False
        try:
            below = set(window.store.units_below(unit))
            dialog = MoveUnitDialog(unit, window.store.units(), below, window.as_widget())
            if run_once(dialog) != QDialog.DialogCode.Accepted:
                return False
            window.store.move_unit(unit, dialog.chosen())
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        where = dialog.chosen()
        window.show_status(
            f"已将“{unit}”移到“{where}”之下" if where else f"“{unit}”已不属于任何上级单位", 5000
        )
        return True

    def delete_unit(self) -> bool:
        window = self.window
        unit = self._unit("删除单位")
        if unit is None:
            return False
        try:
            below = set(window.store.units_below(unit))
            reports = sum(len(window.store.years(u)) for u in {unit, *below})
        except StoreError as exc:
            window.store_error(exc)
            return False
        extra = f"、下级单位 {len(below)} 个" if below else ""
        if not ask_yes_no(
            window.as_widget(),
            "删除单位",
            f"把单位“{unit}”（含报告 {reports} 份{extra}）移到回收站吗？\n"
            "可以在“单位 → 回收站…”中恢复。",
        ):
            return False
        self._let_go_of({unit, *below})
        try:
            window.store.discard_unit(unit)
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        window.show_status(f"已将“{unit}”移到回收站", 8000)
        return True

    def delete_report(self) -> bool:
        """The chosen report (or the open one) to the recycle bin."""
        window = self.window
        unit, year = window.chosen_unit(), window.chosen_year()
        if (unit is None or year is None) and window.session is not None:
            unit, year = window.session.report.unit, window.session.report.year
        if unit is None or year is None:
            tell(window.as_widget(), "删除报告", "请先在左侧选择要删除的年度报告。")
            return False
        if not ask_yes_no(
            window.as_widget(),
            "删除报告",
            f"把“{unit}”{year}年度报告移到回收站吗？\n可以在“单位 → 回收站…”中恢复。",
        ):
            return False
        self._let_go_of({unit}, year)
        try:
            window.store.discard_report(unit, year)
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        window.show_status(f"已将“{unit}”{year}年度报告移到回收站", 8000)
        return True

    def recycle_bin(self) -> None:
        window = self.window
        try:
            dialog = RecycleBinDialog(window.store.recycle_bin(), window.as_widget())
        except StoreError as exc:
            window.store_error(exc)
            return

        def restore(entry_id: int) -> None:
            try:
                entry = window.store.restore(entry_id)
            except StoreError as exc:
                tell(dialog, "恢复", str(exc), error=True)
                return
            window.refresh_units()
            dialog.show_entries(window.store.recycle_bin())
            window.show_status(f"已恢复：{entry.label}", 8000)

        def purge(entry_id: int | None) -> None:
            what = "回收站中的全部内容" if entry_id is None else "所选的一项"
            if not ask_yes_no(dialog, "彻底删除", f"彻底删除{what}吗？删除后不能恢复。"):
                return
            try:
                window.store.purge(entry_id)
                dialog.show_entries(window.store.recycle_bin())
            except StoreError as exc:
                tell(dialog, "彻底删除", str(exc), error=True)

        dialog.restore_requested.connect(restore)
        dialog.purge_requested.connect(purge)
        run_once(dialog)

    # --- collecting --------------------------------------------------------------------

    def import_folder(self, folder: Path | None = None, year: int | None = None) -> bool:
        """导入文件夹…: read a folder of units' reports, confirm, store."""
        from ui.folder_import import FolderImportDialog

        window = self.window
        if folder is None:
            chosen = modal.open_folder(window.as_widget(), "导入文件夹：选择存放各单位报告的文件夹")
            if chosen is None:
                return False
            folder = chosen
        window.save_pending()
        dialog = FolderImportDialog(
            window.store,
            folder,
            parent_unit=self.collecting_unit(),
            year=year,
            today=window.today(),
            parent=window.as_widget(),
        )
        if run_once(dialog) != QDialog.DialogCode.Accepted or not dialog.stored:
            return False
        self.after_reports_changed(dialog.stored)
        window.show_status(f"已从“{folder.name}”导入 {len(dialog.stored)} 份报告", 8000)
        return True

    def collecting_unit(self) -> str | None:
        """Where new units of a folder go: the chosen unit if it leads others, else its parent."""
        unit = self.window.chosen_unit()
        info = self.window.store.unit(unit) if unit else None
        if info is None:
            return None
        if info.level in LEADING_LEVELS or self.window.store.subordinates(info.name):
            return info.name
        return info.parent

    def after_reports_changed(self, changed: list[tuple[str, int]]) -> None:
        """Reports stored from outside the open report: the roll-ups above them made again,
        the tree and the board brought up to date."""
        from app.county.in_store import refresh_above
        from app.county.rollup import RollupRefused

        window = self.window
        remade: set[tuple[str, int]] = set()
        for unit, year in changed:
            try:
                remade |= {(county, year) for county in refresh_above(window.store, unit, year)}
            except (RollupRefused, StoreError) as exc:
                window.show_status(f"上级单位的汇总报告未能重新汇总：{exc}", 10000)
        window.refresh_units()
        if self.board is not None and self.board.isVisible():
            self.board.reload()
        session = window.session
        if session is not None and (session.report.unit, session.report.year) in remade:
            unit, year = session.report.unit, session.report.year
            window.forget_session()
            window.open_report(unit, year)

    # --- the board -----------------------------------------------------------------------

    def show_board(self) -> None:
        from ui.board import BoardWindow

        window = self.window
        if self.board is None:
            self.board = BoardWindow(window.store, window.as_widget())
            self.board.open_requested.connect(self._open_from_board)
            self.board.import_requested.connect(
                lambda county, year: self.import_folder(year=year or None)
            )
            self.board.rollup_requested.connect(self.new_rollup)
            self.board.choose_target = self._board_target
            self.board.export_done = lambda path: window.show_status(f"已导出：{path}", 8000)
        unit = window.chosen_unit()
        county = unit if unit and window.store.subordinates(unit) else None
        if county is None and unit:
            info = window.store.unit(unit)
            county = info.parent if info else None
        self.board.open_on(county, window.chosen_year())
        self.board.show()
        self.board.raise_()

    def _board_target(self, suggested: str) -> Path | None:
        return modal.save_file(
            self.board or self.window.as_widget(),
            "导出报送情况",
            suggested,
            "Excel 工作簿 (*.xlsx)",
        )

    def _open_from_board(self, unit: str, year: int) -> None:
        self.window.open_report(unit, year)

    # --- roll-ups ------------------------------------------------------------------------

    def new_rollup(self, county: str | None = None, year: int | None = None) -> bool:
        """新建汇总报告: the county's report of a year as the sums of the units chosen."""
        from ui.rollup_dialog import RollupUnitsDialog

        window = self.window
        county = county or window.chosen_unit()
        try:
            below = window.store.subordinates(county) if county else []
        except StoreError as exc:
            window.store_error(exc)
            return False
        if not county or not below:
            tell(
                window.as_widget(),
                "新建汇总报告",
                "请先在左侧选择一个有下级单位的单位（如县人民政府）。\n"
                "下级单位可以右键点击单位“新建下级单位…”，或把已有单位“移到”其下。",
            )
            return False
        window.save_pending()
        year = (
            year
            or window.chosen_year()
            or max((y for u in below for y in window.store.years(u.name)), default=None)
        )
        if year is None:
            tell(window.as_widget(), "新建汇总报告", f"“{county}”的下级单位还没有任何报告。")
            return False
        dialog = RollupUnitsDialog(window.store, county, year, parent=window.as_widget())
        if run_once(dialog) != QDialog.DialogCode.Accepted:
            return False
        return self.make_rollup(county, year, dialog.chosen())

    def make_rollup(self, county: str, year: int, units: list[str]) -> bool:
        from app.county.in_store import county_report, roll_up_into
        from app.county.rollup import RollupRefused

        window = self.window
        try:
            target = county_report(window.store, county, year)
            if (
                window.store.load(county, year) is not None
                and rollup_record(target) is None
                and any(ref.startswith("table") for ref in target.cells)
                and not ask_yes_no(
                    window.as_widget(),
                    "新建汇总报告",
                    f"“{county}”{year}年度报告中已有表格数字，将改为各单位之和"
                    "（正文不变）。继续吗？",
                )
            ):
                return False
            self._let_go_of({county}, year)
            made, _ = roll_up_into(window.store, target, units)
            window.store.save(made)
        except RollupRefused as exc:
            tell(window.as_widget(), "新建汇总报告", str(exc), error=True)
            return False
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        window.open_report(county, year)
        return True
