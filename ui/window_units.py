"""New units and new years: the two ways a report is started inside the program.

(A report started from a file — last year's Word report, a colleague's — is in ui.window_files.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.report import Report
from app.store import StoreError
from ui.dialogs import NewUnitDialog, default_report_year, tell

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class UnitCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def new_unit(self) -> None:
        window = self.window
        try:
            existing = [u.name for u in window.store.units()]
        except StoreError as exc:
            window.store_error(exc)
            return
        dialog = NewUnitDialog(existing, window.today(), window)
        if dialog.exec() != NewUnitDialog.DialogCode.Accepted:
            return
        unit = dialog.result_unit()
        try:
            window.store.add_unit(unit.name, unit.level)
            window.store.save(Report(unit=unit.name, year=unit.year, level=unit.level,
                                     signature_unit=unit.name))
        except StoreError as exc:
            tell(window, "新建单位", str(exc), error=True)
            return
        window.refresh_units()
        window.open_report(unit.name, unit.year)

    def new_year(self) -> None:
        """Start the next year's report of the current unit from its latest one."""
        window = self.window
        session = window.session
        unit = window.units.current_unit() or (session.report.unit if session else None)
        if unit is None:
            tell(window, "新建年度报告", "请先在左侧选择单位。\n"
                 "本机还没有该单位的报告时，请用“从上年报告文件新建年度报告…”。")
            return
        window.autosave.flush()
        try:
            years = window.store.years(unit)
            if not years:
                level = next((u.level for u in window.store.units() if u.name == unit),
                             "department")
                report = Report(unit=unit, year=default_report_year(window.today()),
                                level=level, signature_unit=unit)
                notes: list[str] = []
            else:
                previous = window.store.load(unit, years[0])
                assert previous is not None
                report, notes = start_next_year(previous)
                if report.year in years:
                    tell(window, "新建年度报告", f"{unit}{report.year}年度报告已经存在。")
                    return
            window.store.save(report)
        except StoreError as exc:
            window.store_error(exc)
            return
        window.refresh_units()
        window.open_report(unit, report.year)
        if years:
            message = "\n\n".join([
                f"已从{years[0]}年度报告开始{report.year}年度报告：",
                "· 表三“二、上年结转政府信息公开申请数量”已填入上年“四、结转下年度继续办理”的数字；",
                f"· 正文已复制为草稿，开头标有“{DRAFT_MARK}”，请逐段修改后删去该标记；",
                *notes,
            ])
            tell(window, "新建年度报告", message)
