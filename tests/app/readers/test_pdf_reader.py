"""Published PDFs read figure for figure: the fixture reports printed to PDF by LibreOffice
from our .docx and from Word files typed the ways agencies type them (labels repeated or
written once, table 3 split with 续表, a 小计 column, page numbers and a running head, a 2021
table 2 with a 2019 table 3, table 2 pasted as a picture), the portal's page printed from the
browser, and other agencies' reports with other figures.

The PDFs are kept in tests/fixtures/pdf/ (tests.app.readers.pdf_made makes them again); our
own PDF export is read back in tests/ui/preview/test_pdf_read_back.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain.findings import Severity
from app.domain.report import Report
from app.readers.files import read_report_file
from app.readers.pdf_reader import RECOGNISED_SCAN_NOTE
from app.rules import check
from tests.app.readers.expected_fixtures import EXPECTED
from tests.app.readers.pdf_made import (
    AGENCY_SAMPLES,
    HYBRID,
    PDF_FIXTURES,
    PICTURE,
    PRINTED,
    RUNNING_HEAD,
    SOURCES,
    UNRULED_WEB,
    WORD_STYLES,
    source_of,
)
from tests.app.readers.published import recognised_scan

SUBTOTAL_NOTE = "表三多出一列（如“法人或其他组织”小计），官方表格没有这一列，已忽略"


PICTURE_NOTE = (
    "没有读到表二的数字：第二部分中的表格是图片，无法读取其中的数字，"
    "请向报送单位索取表格为文字的 Word 版"
)


def _read(name: str) -> Report:
    return read_report_file(PDF_FIXTURES / f"{name}.pdf")


def _letters(text: str) -> str:
    # LibreOffice leaves out of the text layer a full stop or comma that ends a full line.
    return re.sub(r"[\s。，、；：]", "", text)


@pytest.mark.parametrize("kind", ["ours", "word"])
@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_every_figure_is_read(stem: str, kind: str) -> None:
    expected = EXPECTED[f"{stem}.txt"]
    report = _read(f"{kind}-{stem}")
    assert report.unit == expected["unit"]
    assert report.year == expected["year"]
    assert report.layout_id == expected["layout"]
    assert report.table_layouts == {}
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.money_units == expected["units"]
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    subtotal = kind == "word" and WORD_STYLES[stem].subtotal
    assert report.reader_notes == ([SUBTOTAL_NOTE] if subtotal else [])


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_the_text_is_read_without_page_furniture(stem: str) -> None:
    source = SOURCES[stem]
    report = _read(f"ours-{stem}")
    assert report.title == source.title
    assert _letters(report.preamble) == _letters(source.preamble)
    for number in ("1", "5", "6"):
        assert _letters(report.chapter(number)) == _letters(source.chapter(number)), number
    # The document is signed with the unit's name where the source named no one.
    assert report.signature_unit == (source.signature_unit or source.unit)
    assert report.signature_date == source.signature_date
    whole = report.title + report.preamble + "".join(report.chapters.values())
    assert RUNNING_HEAD not in whole
    assert not re.search(r"[-—]\s*\d+\s*[-—]", whole)


@pytest.mark.parametrize("kind", ["ours", "word"])
@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_every_figure_of_a_table_printed_without_lines_is_read(stem: str, kind: str) -> None:
    """Tables without borders, or with only the rules between rows (no grid to find): the
    cells are rebuilt from where the figures and labels stand, labels set centred (ours) or
    at the top and wrapped (the agency's Word file), merged, repeated or written once, over
    page breaks; the chapters around them are read as they are."""
    expected = EXPECTED[f"{stem}.txt"]
    report = _read(f"unruled-{kind}-{stem}")
    assert report.layout_id == expected["layout"]
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    subtotal = kind == "word" and WORD_STYLES[stem].subtotal
    assert report.reader_notes == ([SUBTOTAL_NOTE] if subtotal else [])
    source = SOURCES[stem]
    for number in ("1", "5", "6"):
        assert _letters(report.chapter(number)) == _letters(source.chapter(number)), number
    assert _errors(report) == _errors(source)


@pytest.mark.parametrize("stem", sorted(UNRULED_WEB))
def test_a_portal_page_printed_without_its_tables_borders_is_read(stem: str) -> None:
    """Cells without padding: labels and titles touch where they fill their columns, and a
    label and the figure after it run together; each is parted by the columns."""
    expected = EXPECTED[f"{stem}.txt"]
    report = _read(f"unruled-web-{stem}")
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert report.reader_notes == []


def _errors(report: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.cells[0]) for f in check(report) if f.severity is Severity.ERROR}


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_the_errors_the_agencies_published_are_found(stem: str) -> None:
    assert _errors(_read(f"word-{stem}")) == _errors(SOURCES[stem])


def test_a_2021_report_with_a_2019_table_3_is_named_by_r13() -> None:
    report = _read("hybrid-2021")
    source = source_of("hybrid-2021")
    assert report.layout_id == "2021"
    assert report.table_layouts == {"table3": "2019"}
    assert report.table_cells("table2") == EXPECTED[f"{HYBRID}.txt"]["table2"]
    assert report.table_cells("table3") == source.table_cells("table3")
    r13 = [f for f in check(report) if f.rule == "R13"]
    assert r13 and all(f.severity is Severity.ERROR for f in r13)
    assert any("表三" in f.message for f in r13)


def test_a_table_pasted_as_a_picture_is_named_and_the_rest_read_over_the_page_breaks() -> None:
    """Table 2 a picture; table 3 then breaks over a page within its merged label
    "三、本年度办理结果", whose words LibreOffice sets on both pages."""
    report = _read(f"picture-{PICTURE}")
    expected = EXPECTED[f"{PICTURE}.txt"]
    assert report.table_cells("table2") == {}
    assert report.table_cells("table3") == expected["table3"]
    assert report.table_cells("table4") == expected["table4"]
    assert report.reader_notes == [PICTURE_NOTE]
    assert any(f.rule == "R13" and f.message == PICTURE_NOTE for f in check(report))


@pytest.mark.parametrize("stem", PRINTED)
def test_a_portal_page_printed_to_pdf_is_the_report_without_the_portal(stem: str) -> None:
    """Its menu above the title, its share buttons, related links and footer under the
    signature are the page's, not the report's."""
    source, expected = SOURCES[stem], EXPECTED[f"{stem}.txt"]
    report = _read(f"printed-{stem}")
    assert report.title == source.title
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    for number in ("1", "5", "6"):
        assert _letters(report.chapter(number)) == _letters(source.chapter(number)), number
    assert (report.signature_unit, report.signature_date) == (
        source.signature_unit,
        source.signature_date,
    )
    assert report.reader_notes == []


def test_a_scan_run_through_text_recognition_is_said_to_be_one(tmp_path: Path) -> None:
    """Its text is read, but what recognition makes of figures may be wrong, and its tables
    have no lines to read them by: the county office is told to check against the original."""
    data = (PDF_FIXTURES / "word-report_2022_pingtan.pdf").read_bytes()
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(recognised_scan(data))
    report = read_report_file(path)
    assert report.unit == EXPECTED["report_2022_pingtan.txt"]["unit"]
    assert report.reader_notes[0] == RECOGNISED_SCAN_NOTE
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    assert any(f.rule == "R13" and f.message == RECOGNISED_SCAN_NOTE for f in check(report))
    # A cover page that is a picture (with the title over it) makes no scan of the rest.
    path.write_bytes(recognised_scan(data, range(1)))
    assert RECOGNISED_SCAN_NOTE not in read_report_file(path).reader_notes


@pytest.mark.parametrize("seed", range(AGENCY_SAMPLES))
def test_other_agencies_reports_are_read_figure_for_figure(seed: int) -> None:
    source = source_of(f"agency-{seed}")
    report = _read(f"agency-{seed}")
    assert report.unit == source.unit
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == source.table_cells(table), table
    assert report.money_units == source.money_units


def test_a_pdf_whose_cross_reference_points_wrong_is_still_read(tmp_path: Path) -> None:
    # Portals' upload tools sometimes rewrite a PDF and leave the last offset wrong: PDFium
    # rebuilds the table from the objects, as a browser would show the file.
    data = bytearray((PDF_FIXTURES / "ours-report_2021_pingtan.pdf").read_bytes())
    at = data.rfind(b"startxref") + len(b"startxref\n")
    data[at : at + 6] = b"999999"
    path = tmp_path / "repaired.pdf"
    path.write_bytes(bytes(data))
    assert (
        read_report_file(path).table_cells("table3")
        == EXPECTED["report_2021_pingtan.txt"]["table3"]
    )
