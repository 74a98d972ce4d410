"""Exporting writes the whole file or nothing, and says in Chinese why it could not."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app import exporters, writing
from app.document.profile import LayoutProfile
from app.domain.report import Report
from app.exporters import ExportError, export_report
from app.readers.files import read_report_file
from app.readers.json_form import report_to_json
from tests.paths import SEED


@pytest.fixture
def report() -> Report:
    return read_report_file(SEED)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_json_export_reads_back_as_the_same_report(tmp_path: Path, report: Report) -> None:
    out = tmp_path / "报告.json"
    export_report(report, out)
    assert report_to_json(read_report_file(out)) == report_to_json(report)
    assert _leftovers(tmp_path) == []


def test_an_export_replaces_the_old_file(tmp_path: Path, report: Report) -> None:
    out = tmp_path / "报告.json"
    out.write_text("旧文件", encoding="utf-8")
    export_report(report, out)
    assert read_report_file(out).unit == "高青县行政审批服务局"


def test_the_file_gets_the_users_usual_permissions(tmp_path: Path, report: Report) -> None:
    out = tmp_path / "报告.json"
    export_report(report, out)
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_full_disk_leaves_the_old_file_intact(
    tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_written(_: Report, target: Path, __: LayoutProfile) -> None:
        def write(temp: Path) -> None:
            temp.write_bytes(b"half a report")
            raise OSError(errno.ENOSPC, "No space left on device")

        writing.write_replacing(target, write)

    monkeypatch.setitem(exporters.EXPORTERS, ".json", half_written)
    out = tmp_path / "报告.json"
    out.write_text("旧文件", encoding="utf-8")
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_report(report, out)
    assert out.read_text(encoding="utf-8") == "旧文件"
    assert _leftovers(tmp_path) == []


def test_a_target_that_cannot_be_replaced_is_reported(tmp_path: Path) -> None:
    # A folder in the target's place stands for a file locked by Word: the rename fails.
    target = tmp_path / "报告.json"
    target.mkdir()
    (target / "inside").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="无法替换"):
        writing.write_replacing(target, lambda temp: temp.write_text("新", encoding="utf-8"))
    assert (target / "inside").read_text(encoding="utf-8") == "x"
    assert _leftovers(tmp_path) == []


def test_a_folder_as_target_is_refused(tmp_path: Path, report: Report) -> None:
    (tmp_path / "报告.json").mkdir()
    with pytest.raises(ExportError, match="是一个文件夹"):
        export_report(report, tmp_path / "报告.json")


def test_a_missing_folder_is_refused(tmp_path: Path, report: Report) -> None:
    with pytest.raises(ExportError, match="不存在"):
        export_report(report, tmp_path / "没有" / "报告.json")


@pytest.mark.parametrize("name", ["报告?.json", "a<b>.json", "CON.json", "lpt1.json", "报告.json."])
def test_names_windows_refuses_are_refused_everywhere(
    tmp_path: Path, report: Report, name: str
) -> None:
    with pytest.raises(ExportError, match="文件名"):
        export_report(report, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".xyz", ".doc", ""])
def test_an_unsupported_kind_is_refused_naming_the_kinds(
    tmp_path: Path, report: Report, suffix: str
) -> None:
    with pytest.raises(ExportError, match=r"不支持导出.*\.json"):
        export_report(report, tmp_path / f"报告{suffix}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="file permissions do not bind the superuser",
)
def test_a_read_only_folder_is_reported(tmp_path: Path, report: Report) -> None:
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ExportError, match=r"没有.*写入文件的权限"):
            export_report(report, tmp_path / "报告.json")
    finally:
        tmp_path.chmod(0o755)


def test_the_tables_export_to_excel_and_read_back(tmp_path: Path) -> None:
    report = read_report_file(SEED)
    out = tmp_path / "表格.xlsx"
    export_report(report, out)
    again = read_report_file(out)
    for table in ("table2", "table3", "table4"):
        assert again.table_cells(table) == report.table_cells(table)
