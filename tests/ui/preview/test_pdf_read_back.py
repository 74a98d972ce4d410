"""Our own PDF export read back by the PDF reader: every figure of the fixture reports, the
text without the page numbers, and the errors the agencies published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.findings import Severity
from app.domain.report import Report
from app.readers.files import read_report_file
from app.rules import check
from tests.app.readers.expected_fixtures import EXPECTED
from tests.paths import FIXTURES
from ui.preview.pdf import export_pdf


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication
) -> tuple[str, Report, Report]:
    name = request.param
    source = read_report_file(FIXTURES / name)
    target = tmp_path_factory.mktemp("read_back") / f"{Path(name).stem}.pdf"
    export_pdf(source, target)
    return name, source, read_report_file(target)


def test_every_figure_is_read(exported: tuple[str, Report, Report]) -> None:
    name, _, report = exported
    expected = EXPECTED[name]
    assert (report.unit, report.year, report.layout_id) == (
        expected["unit"],
        expected["year"],
        expected["layout"],
    )
    assert report.table_layouts == {}
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.money_units == expected["units"]
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert report.reader_notes == []


def test_the_text_is_read_without_the_page_numbers(exported: tuple[str, Report, Report]) -> None:
    _, source, report = exported

    def words(text: str) -> str:
        return re.sub(r"\s", "", text)  # spaces typed between Chinese words are not kept

    assert report.title == source.title
    assert words(report.preamble) == words(source.preamble)
    for number in ("1", "5", "6"):
        assert words(report.chapter(number)) == words(source.chapter(number)), number
    # The document is signed with the unit's name where the source named no one.
    assert report.signature_unit == (source.signature_unit or source.unit)
    assert report.signature_date == source.signature_date
    assert not re.search(r"—\s*\d+\s*—", report.preamble + "".join(report.chapters.values()))


def test_the_published_errors_are_found(exported: tuple[str, Report, Report]) -> None:
    _, source, report = exported

    def errors(r: Report) -> set[tuple[str, str]]:
        return {(f.rule, f.cells[0]) for f in check(r) if f.severity is Severity.ERROR}

    assert errors(report) == errors(source)
