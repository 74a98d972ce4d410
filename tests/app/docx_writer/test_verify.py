"""The writer reads its own file back: a figure or heading that went wrong is an error, and
the file it was to replace stays as it was."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from app.document.blocks import build_blocks
from app.document.profile import OFFICIAL, LayoutProfile
from app.docx_writer import export as export_module
from app.docx_writer import export_docx
from app.docx_writer.verify import DocumentCheckError, verify_docx
from app.docx_writer.writer import write_docx
from app.exporters import ExportError
from tests.app.document.reports import demo_2020


def rewrite_document_xml(path: Path, old: str, new: str, count: int = 1) -> None:
    with zipfile.ZipFile(path) as z:
        items = {name: z.read(name) for name in z.namelist()}
    xml = items["word/document.xml"].decode("utf-8")
    assert old in xml
    items["word/document.xml"] = xml.replace(old, new, count).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


def test_the_written_demo_passes_its_own_check(docx_2020: Path) -> None:
    report = demo_2020()
    verify_docx(docx_2020, report, build_blocks(report))


def test_a_wrong_figure_is_named_by_row_and_column(docx_2020: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(docx_2020, copy)
    rewrite_document_xml(copy, ">14873<", ">14878<")
    report = demo_2020()
    with pytest.raises(DocumentCheckError, match=r"行政许可／处理决定数量.*14878.*14873"):
        verify_docx(copy, report, build_blocks(report))


def test_a_missing_heading_is_named(docx_2020: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(docx_2020, copy)
    rewrite_document_xml(copy, ">五、存在的主要问题及改进情况<", "><")
    report = demo_2020()
    with pytest.raises(DocumentCheckError, match="缺少标题“五、存在的主要问题及改进情况”"):
        verify_docx(copy, report, build_blocks(report))


def test_a_lost_merge_is_found(docx_2020: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(docx_2020, copy)
    rewrite_document_xml(copy, '<w:gridSpan w:val="7"/>', "")
    report = demo_2020()
    with pytest.raises(DocumentCheckError):
        verify_docx(copy, report, build_blocks(report))


def test_a_bad_file_never_replaces_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "年报.docx"
    target.write_bytes(b"the report printed last week")

    def faulty_writer(
        blocks: object, profile: LayoutProfile, path: Path, now: dt.datetime | None = None
    ) -> None:
        write_docx(blocks, profile, path, now)  # type: ignore[arg-type]
        rewrite_document_xml(path, ">14873<", ">1487<")

    monkeypatch.setattr(export_module, "write_docx", faulty_writer)
    with pytest.raises(ExportError, match=r"自检未通过.*行政许可"):
        export_docx(demo_2020(), target, OFFICIAL)
    assert target.read_bytes() == b"the report printed last week"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]
