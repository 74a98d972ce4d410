"""Writing a report to a file, the kind chosen by the file's suffix.

Each kind is one entry of EXPORTERS: a function that writes the report to the given path and
replaces an existing file only once the new one is complete (app.writing.write_replacing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.document.profile import OFFICIAL, LayoutProfile
from app.domain import report_form
from app.domain.report import Report
from app.writing import ExportError as ExportError
from app.writing import check_target, write_bytes_replacing

# Writes the report to the path, laid out with the unit's profile where the kind has a layout.
Exporter = Callable[[Report, Path, LayoutProfile], None]


def export_report(report: Report, target: Path, profile: LayoutProfile = OFFICIAL) -> None:
    """Write `report` to `target` in the kind its suffix names."""
    check_target(target)
    exporter = EXPORTERS.get(target.suffix.lower())
    if exporter is None:
        kinds = "、".join(sorted(EXPORTERS))
        shown = target.suffix or "（无扩展名）"
        raise ExportError(f"不支持导出为“{shown}”文件；可以导出的格式：{kinds}")
    exporter(report, target, profile)


def _write_json(report: Report, target: Path, profile: LayoutProfile) -> None:
    write_bytes_replacing(target, report_form.dumps(report).encode("utf-8"))


def _write_docx(report: Report, target: Path, profile: LayoutProfile) -> None:
    # Imported here: python-docx loads only when a .docx is written.
    from app.docx_writer import export_docx

    export_docx(report, target, profile)


def _write_xlsx(report: Report, target: Path, profile: LayoutProfile) -> None:
    # The three tables only, for colleagues who work in Excel or WPS; openpyxl loads only here.
    from app.xlsx.writer import export_xlsx

    export_xlsx(report, target)


EXPORTERS: dict[str, Exporter] = {
    ".json": _write_json,
    ".docx": _write_docx,
    ".xlsx": _write_xlsx,
}
