"""The window's file commands: import (menu and dropped files), export to Word or Excel, 版式设置.

Printing and PDF belong to the preview (ui.preview.dock; their actions sit in the 文件 menu too).
Readers, writers, their libraries and the layout profiles are imported on first use, never on
the way to the first paint.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from app.domain.edits import SetCells
from app.domain.findings import has_errors
from app.domain.report import CellValue, Report
from app.store import Store, StoreError
from ui import modal
from ui.dialogs import ask_yes_no, run_once, tell
from ui.session import ReportSession
from ui.window_host import WindowHost

if TYPE_CHECKING:
    from app.document.profile import LayoutProfile

TABLES = ("table2", "table3", "table4")


@dataclass(frozen=True)
class ExportKind:
    title: str  # the menu's and the dialogs' words
    suffix: str
    file_filter: str
    module: str  # what writes it; its absence (a cut-down build) disables the command


WORD = ExportKind("导出 Word", ".docx", "Word 文档 (*.docx)", "app.docx_writer")
EXCEL = ExportKind("导出 Excel", ".xlsx", "Excel 工作簿 (*.xlsx)", "app.xlsx.writer")


@functools.cache
def available(kind: ExportKind) -> bool:
    """Whether this build can write `kind` (checked without importing its library)."""
    try:
        return importlib.util.find_spec(kind.module) is not None
    except ModuleNotFoundError:
        return False


def stored_profile(store: Store, unit: str) -> LayoutProfile:
    """The unit's 版式 as stored; when none is set or it cannot be read (a damaged profile must
    not stop a preview or an export), the one this computer's fonts suit."""
    from app.document.profile import LayoutProfile, ProfileError

    try:
        stored = store.unit_profile(unit)
        return LayoutProfile.from_dict(stored) if stored else default_profile_here()
    except (StoreError, ProfileError):
        return default_profile_here()


@functools.cache
def default_profile_here() -> LayoutProfile:
    """The official fonts, or Windows' own where the official ones are not installed (asked
    of Qt's font database once: fonts are not installed while the program runs)."""
    from app.document.profile import default_profile
    from ui.preview.fonts import installed_families

    return default_profile(installed_families())


def exported_message(path: str, session: ReportSession) -> str:
    """What the status bar says after an export (Word, Excel or PDF)."""
    note = "（未通过校验：仍有错误）" if has_errors(session.findings) else ""
    return f"已导出{note}：{path}"


def table_edit(report: Report, merged: Report) -> SetCells:
    """One edit that turns `report`'s three tables into `merged`'s (blank where it has none)."""
    refs = sorted(
        {ref for ref in (*report.cells, *merged.cells) if ref.partition(":")[0] in TABLES}
    )
    changes: tuple[tuple[str, CellValue | None], ...] = tuple(
        (ref, merged.get(ref)) for ref in refs if merged.get(ref) != report.get(ref)
    )
    unit_refs = sorted({*report.money_units, *merged.money_units})
    units = tuple(
        (ref, merged.money_units.get(ref))
        for ref in unit_refs
        if merged.money_units.get(ref) != report.money_units.get(ref)
    )
    return SetCells(changes, units, "导入表格")


class FileHost(WindowHost, Protocol):
    """What the file commands use of the window."""

    def as_widget(self) -> QWidget: ...
    def show_status(self, message: str, timeout_ms: int) -> None: ...
    def store_error(self, exc: StoreError) -> None: ...
    def save_pending(self) -> bool: ...
    def flush_text(self) -> None: ...
    def forget_session(self) -> None: ...
    def refresh_units(self) -> None: ...
    def open_report(self, unit: str, year: int) -> bool: ...
    def set_profile(self, profile: LayoutProfile) -> None: ...
    def import_folder(self, folder: Path) -> object: ...


class FileCommands:
    def __init__(self, window: FileHost) -> None:
        self.window = window

    # --- import --------------------------------------------------------------------------

    def _existing_units(self) -> list[str] | None:
        try:
            return [u.name for u in self.window.store.units()]
        except StoreError as exc:
            self.window.store_error(exc)
            return None

    def _exists(self, unit: str, year: int) -> bool:
        try:
            return year in self.window.store.years(unit)
        except StoreError:
            return False

    def _previous(self, report: Report) -> Report | None:
        try:
            return self.window.store.load(report.unit, report.year - 1)
        except StoreError:
            return None  # the cross-year checks are skipped, nothing else

    def _pick(self, title: str) -> Path | None:
        from ui.import_dialog import FILE_FILTER

        return modal.open_file(self.window.as_widget(), title, FILE_FILTER)

    def import_file(self) -> None:
        path = self._pick("导入报告")
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> bool:
        """Read `path`, show what was read, and store and open it when the user says so."""
        from ui.import_dialog import ask_import

        units = self._existing_units()
        if units is None:
            return False
        report = ask_import(
            self.window.as_widget(), path, units=units, exists=self._exists, previous=self._previous
        )
        return report is not None and self._store_and_open(report)

    def new_year_from_file(self) -> None:
        """This year's report started from last year's file (a unit new to this computer)."""
        path = self._pick("从上年报告文件新建年度报告")
        if path is not None:
            self.new_year_from(path)

    def new_year_from(self, path: Path) -> bool:
        from ui.import_dialog import ask_new_year_from_file

        units = self._existing_units()
        if units is None:
            return False
        report = ask_new_year_from_file(
            self.window.as_widget(), path, units=units, exists=self._exists
        )
        return report is not None and self._store_and_open(report)

    def _store_and_open(self, report: Report) -> bool:
        window = self.window
        window.save_pending()
        try:
            window.store.save(report)
        except StoreError as exc:
            window.store_error(exc)
            return False
        session = window.session
        if session is not None and (session.report.unit, session.report.year) == (
            report.unit,
            report.year,
        ):
            window.forget_session()  # replaced in the store: reopened below from there
        window.refresh_units()
        return window.open_report(report.unit, report.year)

    def import_tables(self) -> None:
        path = self._pick("导入表格") if self.window.session is not None else None
        if path is not None:
            self.import_tables_from(path)

    def import_tables_from(self, path: Path) -> bool:
        """Replace the open report's three tables by those in `path`, as one undo step."""
        from ui.import_dialog import ask_import_tables

        window = self.window
        if window.session is None:
            return False
        window.flush_text()
        report = window.session.report
        merged = ask_import_tables(
            window.as_widget(), path, report, previous=window.session.previous
        )
        if merged is None:
            return False
        if merged.table_layouts != report.table_layouts:
            # The grids are built for one layout per table; another layout means reopening.
            merged.unit = report.unit
            if not self._store_and_open(merged):
                return False
            window.show_status("已导入表格；表格格式与原来不同，此次导入不能撤销", 8000)
            return True
        edit = table_edit(report, merged)
        if not edit.changes and not edit.units:
            window.show_status(f"“{path.name}”中的表格与本报告相同，没有变化", 8000)
            return True
        changed = len({*edit.refs, *(ref for ref, _ in edit.units)})
        window.session.push(edit)
        window.show_status(
            f"已从“{path.name}”导入表格，改动 {changed} 处（可按 Ctrl+Z 撤销）", 8000
        )
        return True

    def drag_entered(self, event: QDragEnterEvent) -> None:
        if importable(event.mimeData()) or dropped_folders(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropped(self, event: QDropEvent) -> None:
        folders = dropped_folders(event.mimeData())
        if folders:  # a folder of units' reports: 导入文件夹
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.window.import_folder(folders[0]))
            return
        paths = importable(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop has returned: the file manager that started the drag is not held
        # up while the user reads the import dialog.
        QTimer.singleShot(0, lambda: self.import_paths(paths))

    def import_paths(self, paths: list[Path]) -> None:
        for path in paths:
            self.import_path(path)

    # --- export --------------------------------------------------------------------------

    def export(self, kind: ExportKind) -> None:
        """Ask for a file name and write the open report there (errors confirmed first)."""
        window = self.window
        if window.session is None:
            return
        window.save_pending()
        report = window.session.report
        if has_errors(window.session.findings) and not ask_yes_no(
            window.as_widget(),
            kind.title,
            "报告还有未改正的错误（见下方“校验结果”）。仍要导出吗？\n"
            "导出的文件中不会出现任何校验标记。",
        ):
            return
        name = " ".join((report.title or f"{report.unit}{report.year}年度报告").split())
        path = modal.save_file(
            window.as_widget(), kind.title, f"{name}{kind.suffix}", kind.file_filter
        )
        if path is not None:
            if path.suffix.lower() != kind.suffix:
                path = path.with_name(path.name + kind.suffix)
            self.export_to(str(path))

    def export_to(self, path: str) -> bool:
        """Write the open report to `path`, its kind by the suffix, in the unit's 版式.

        The writer's library (python-docx, openpyxl) is imported here, on the first export.
        """
        window = self.window
        if window.session is None:
            return False
        from app.exporters import ExportError, export_report

        report = window.session.report
        target = Path(path)
        title = "导出 Excel" if target.suffix.lower() == EXCEL.suffix else "导出 Word"
        try:
            export_report(report, target, stored_profile(window.store, report.unit))
        except ExportError as exc:
            tell(window.as_widget(), title, str(exc), error=True)
            return False
        window.show_status(exported_message(path, window.session), 8000)
        return True

    # --- 版式设置 ------------------------------------------------------------------------

    def edit_profile(self) -> bool:
        """The open report's unit's 版式: shown, and on 确定 stored and previewed."""
        from app.document.profile import ProfileError
        from ui.profile_dialog import ProfileDialog

        window = self.window
        if window.session is None:
            return False
        unit = window.session.report.unit
        from ui.preview.fonts import installed_families

        dialog = ProfileDialog(
            stored_profile(window.store, unit),
            unit,
            window.as_widget(),
            families=installed_families(),
        )
        if run_once(dialog) != ProfileDialog.DialogCode.Accepted:
            return False
        try:
            profile = dialog.profile()
            window.store.set_unit_profile(unit, profile.to_dict())
        except ProfileError as exc:
            tell(window.as_widget(), "版式设置", str(exc), error=True)
            return False
        except StoreError as exc:
            window.store_error(exc)
            return False
        window.set_profile(profile)
        window.show_status(f"已保存“{unit}”的版式设置", 5000)
        return True


def importable(mime: QMimeData) -> list[Path]:
    """The dragged files the import can read (none: the drag is not for the window)."""
    from ui.import_dialog import dropped_paths

    return dropped_paths(mime)


def dropped_folders(mime: QMimeData) -> list[Path]:
    """The local folders of a drag."""
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir()
    ]


class DropGuard(QObject):
    """Sends a dragged report file past a text field to the window, which imports it (the
    field would otherwise paste the file's name into the report)."""

    KINDS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in self.KINDS
            and isinstance(event, QDropEvent)
            and importable(event.mimeData())
        ):
            event.ignore()  # not taken here: Qt offers it to the parents, up to the window
            return True
        return False
