"""New units and new years: the two ways a report is started inside the program.

(A report started from a file — last year's Word report, a colleague's — is in ui.window_files.)
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.report import Report
from app.store import StoreError
from ui.dialogs import NewUnitDialog, run_once, tell
from ui.unit_dialogs import NewYearDialog
from ui.window_host import WindowHost


class UnitHost(WindowHost, Protocol):
    """What the unit commands use of the window."""

    def as_widget(self) -> QWidget: ...
    def today(self) -> dt.date: ...
    def chosen_unit(self) -> str | None: ...
    def save_pending(self) -> bool: ...
    def store_error(self, exc: StoreError) -> None: ...
    def refresh_units(self) -> None: ...
    def open_report(self, unit: str, year: int) -> bool: ...


class UnitCommands:
    def __init__(self, window: UnitHost) -> None:
        self.window = window

    def new_unit(self) -> None:
        window = self.window
        try:
            existing = [u.name for u in window.store.units()]
        except StoreError as exc:
            window.store_error(exc)
            return
        dialog = NewUnitDialog(existing, window.today(), window.as_widget())
        if run_once(dialog) != NewUnitDialog.DialogCode.Accepted:
            return
        unit = dialog.result_unit()
        try:
            window.store.add_unit(unit.name, unit.level)
            window.store.save(
                Report(unit=unit.name, year=unit.year, level=unit.level, signature_unit=unit.name)
            )
        except StoreError as exc:
            tell(window.as_widget(), "新建单位", str(exc), error=True)
            return
        window.refresh_units()
        window.open_report(unit.name, unit.year)

    def new_year(self) -> bool:
        """A new year's report of the chosen unit: which year, and from which of its reports
        (or blank) — asked, never guessed (issue: it once acted at once on the newest year)."""
        window = self.window
        session = window.session
        unit = window.chosen_unit() or (session.report.unit if session else None)
        if unit is None:
            tell(
                window.as_widget(),
                "新建年度报告",
                "请先在左侧选择单位。\n"
                "本机还没有该单位的报告时，请用“从上年报告文件新建年度报告…”。",
            )
            return False
        window.save_pending()
        try:
            dialog = NewYearDialog(
                unit, window.store.years(unit), window.today(), window.as_widget()
            )
            if run_once(dialog) != NewYearDialog.DialogCode.Accepted:
                return False
            year, source = dialog.chosen()
            notes: list[str] = []
            previous = window.store.load(unit, source) if source is not None else None
            if previous is not None:
                report, notes = start_next_year(previous, year)
            else:
                info = window.store.unit(unit)
                report = Report(
                    unit=unit,
                    year=year,
                    level=info.level if info else "department",
                    signature_unit=unit,
                )
            window.store.save(report)
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.refresh_units()
        window.open_report(unit, year)
        if previous is not None:
            tell(
                window.as_widget(),
                "新建年度报告",
                "\n\n".join(
                    [
                        f"已从{source}年度报告开始{year}年度报告：",
                        "· 表三“二、上年结转政府信息公开申请数量”已填入所选报告“四、结转下年度继续办理”的数字；",
                        f"· 正文已复制为草稿，开头标有“{DRAFT_MARK}”，请逐段修改后删去该标记；",
                        *notes,
                    ]
                ),
            )
        return True
