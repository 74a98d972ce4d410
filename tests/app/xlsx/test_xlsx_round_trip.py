"""The three tables to Excel in the official layout, and back, identical."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from app.domain.layout import CellRole
from app.domain.layouts import get_layout
from app.domain.report import Report
from app.readers.files import read_report_file
from app.xlsx.sheets import SHEET_NAMES, TITLE_ROWS
from app.xlsx.writer import export_xlsx
from tests.app.readers.generated import DEMO, reports
from tests.app.readers.test_text_reader_styles import sample_report


def _read_back(report: Report, folder: Path) -> Report:
    path = folder / "表格.xlsx"
    export_xlsx(report, path)
    return read_report_file(path)


def assert_tables_identical(back: Report, report: Report) -> None:
    assert (back.unit, back.year, back.layout_id) == (report.unit, report.year, report.layout_id)
    for table in ("table2", "table3", "table4"):
        assert back.table_cells(table) == report.table_cells(table), table
    assert back.money_units == report.money_units
    assert back.table_layouts == report.table_layouts


@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_reports_tables_read_back_identical(name: str, tmp_path: Path) -> None:
    assert_tables_identical(_read_back(DEMO[name], tmp_path), DEMO[name])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(report=reports())
def test_generated_reports_tables_read_back_identical(report: Report, tmp_path: Path) -> None:
    assert_tables_identical(_read_back(report, tmp_path), report)


def test_figures_are_numbers_and_headers_are_merged_as_printed(tmp_path: Path) -> None:
    report = sample_report("2019", random.Random(8))
    report.set("table2:fees.prev_items", 12)
    report.set("table2:procurement.amount", Decimal("347.08"))
    report.money_units["table2:procurement.amount"] = "万元"
    path = tmp_path / "t.xlsx"
    export_xlsx(report, path)
    book = load_workbook(path)
    assert book.sheetnames == list(SHEET_NAMES.values())
    for name in ("table2", "table3", "table4"):
        layout = get_layout("2019").table(name)
        sheet = book[SHEET_NAMES[name]]
        merged = {str(r) for r in sheet.merged_cells.ranges}
        for g in layout.grid:
            cell = sheet.cell(g.row + TITLE_ROWS + 1, g.col + 1)
            if g.rowspan > 1 or g.colspan > 1:
                assert cell.coordinate + ":" in " ".join(merged) + " ", g
            if g.role is CellRole.VALUE:
                assert cell.data_type == "n", (name, g.key)
            else:
                assert cell.value == g.text
    amount = book[SHEET_NAMES["table2"]]
    cell = next(
        c
        for row in amount.iter_rows()
        for c in row
        if c.value == Decimal("347.08") or c.value == 347.08
    )
    assert cell.number_format == '0.00"万元"'


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    report = sample_report("2021", random.Random(1))
    report.set("table3:new.research", '=HYPERLINK("x")')
    path = tmp_path / "t.xlsx"
    export_xlsx(report, path)
    sheet = load_workbook(path)[SHEET_NAMES["table3"]]
    found = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert found and all(c.data_type == "s" for c in found)
    assert read_report_file(path).get("table3:new.research") == '=HYPERLINK("x")'


def test_a_figure_longer_than_excel_keeps_is_kept_as_text(tmp_path: Path) -> None:
    report = sample_report("2021", random.Random(1))
    report.set("table2:fees.amount", Decimal("123456789012.123456"))
    back = _read_back(report, tmp_path)
    assert back.get("table2:fees.amount") == Decimal("123456789012.123456")
