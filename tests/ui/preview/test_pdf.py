"""The PDF of each demo report, read back with poppler: what a reader opening it would find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.document.blocks import build_blocks
from app.document.model import CellKind
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.report import Report
from app.exporters import ExportError
from app.readers.files import read_report_file
from tests.app.document.reports import demo_2020, demo_2021
from tests.paths import FIXTURES
from tests.ui.preview.pdf_tools import (
    fonts,
    libreoffice_pages,
    need_poppler,
    page_count,
    page_texts,
)
from ui.preview.pane import PreviewPane
from ui.preview.pdf import export_pdf
from ui.session import ReportSession

REPORTS = {"2020": demo_2020, "2021": demo_2021}


@pytest.fixture(scope="module", params=sorted(REPORTS))
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication
) -> tuple[Report, Path]:
    need_poppler()
    report = REPORTS[request.param]()
    target = tmp_path_factory.mktemp("pdf") / f"demo_{request.param}.pdf"
    export_pdf(report, target)
    return report, target


def test_the_six_headings_are_in_the_text(exported: tuple[Report, Path]) -> None:
    _, pdf = exported
    whole = "".join(page_texts(pdf))
    positions = [whole.find(heading) for heading in CHAPTER_HEADINGS]
    assert -1 not in positions, [
        h for h, p in zip(CHAPTER_HEADINGS, positions, strict=True) if p < 0
    ]
    assert positions == sorted(positions)


def test_every_table_figure_and_label_is_in_the_text(exported: tuple[Report, Path]) -> None:
    report, pdf = exported
    whole = "".join(page_texts(pdf, raw=True))
    for table in build_blocks(report).tables():
        for cell in table.cells:
            if cell.kind is CellKind.VALUE:
                assert cell.text in whole, cell.ref
            elif len(cell.text) <= 6:
                assert cell.text in whole, cell.text
    assert report.title.replace("\n", "")[-14:] in whole


def test_the_text_is_the_characters_typed_not_look_alikes(exported: tuple[Report, Path]) -> None:
    """Qt would name shared glyphs by a Kangxi radical or a traditional form (⼀, 戶)."""
    _, pdf = exported
    whole = "".join(page_texts(pdf))
    assert not re.search(r"[\u2e80-\u2fdf]", whole)
    assert "高青县人民政府门户网站" in whole


def test_every_page_is_numbered(exported: tuple[Report, Path]) -> None:
    _, pdf = exported
    for number, text in enumerate(page_texts(pdf), start=1):
        assert re.findall(r"—(\d+)—", text) == [str(number)]


def test_the_chinese_fonts_are_embedded(exported: tuple[Report, Path]) -> None:
    _, pdf = exported
    found = fonts(pdf)
    assert found and all(embedded for _, embedded in found)
    assert any("CJK" in name for name, _ in found), found


def test_the_preview_shows_as_many_pages_as_the_pdf(
    exported: tuple[Report, Path], qapp: QApplication
) -> None:
    report, pdf = exported
    pane = PreviewPane(ReportSession(report))
    assert pane.page_count == page_count(pdf)
    pane.deleteLater()


@pytest.mark.render
def test_the_page_count_is_within_one_of_libreoffice_rendering_the_docx(
    exported: tuple[Report, Path], tmp_path: Path
) -> None:
    report, pdf = exported
    assert abs(page_count(pdf) - libreoffice_pages(report, tmp_path)) <= 1


def test_a_wrong_name_or_folder_is_one_chinese_message_and_nothing_written(
    tmp_path: Path, qapp: QApplication
) -> None:
    with pytest.raises(ExportError, match=r"应以 \.pdf 结尾"):
        export_pdf(demo_2020(), tmp_path / "报告.docx")
    with pytest.raises(ExportError, match="不存在"):
        export_pdf(demo_2020(), tmp_path / "没有的文件夹" / "报告.pdf")
    (tmp_path / "占用.pdf").mkdir()
    with pytest.raises(ExportError, match="文件夹"):
        export_pdf(demo_2020(), tmp_path / "占用.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["占用.pdf"]


def test_a_second_export_replaces_the_first_and_leaves_no_temporary_file(
    tmp_path: Path, qapp: QApplication
) -> None:
    need_poppler()
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")
    report = demo_2020()
    report.chapters["6"] = "本年度未收取信息处理费。"
    export_pdf(report, target)
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]
    assert "本年度未收取信息处理费。" in "".join(page_texts(target))


@pytest.mark.render
@pytest.mark.parametrize(
    "name", ["report_2020_pingtan.txt", "report_2021_pingtan.txt", "report_2022_pingtan.txt"]
)
def test_published_reports_paginate_like_libreoffice(
    name: str, tmp_path: Path, qapp: QApplication
) -> None:
    """Other agencies' real reports: longer text, other tables, the same page count."""
    need_poppler()
    report = read_report_file(FIXTURES / name)
    target = tmp_path / "report_qt.pdf"
    export_pdf(report, target)
    assert abs(page_count(target) - libreoffice_pages(report, tmp_path)) <= 1
