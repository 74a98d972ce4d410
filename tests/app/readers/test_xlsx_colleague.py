"""A workbook a colleague filled in by hand, keeping the official labels: read into a report."""

from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.layout import CellRole
from app.domain.report import Report, format_value
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.readers.xlsx_reader import read_xlsx_tables
from tests.app.readers.test_text_reader_styles import _typo, assert_same_figures, sample_report


def colleague_workbook(
    report: Report, *, merged: bool, title: bool, one_sheet: bool, subtotal_text: bool = False
) -> bytes:
    """The three tables typed into Excel: from column B, labels merged or written once, some
    figures typed as text, a typo here and there, everything on one sheet or three."""
    book = Workbook()
    sheet = book.active
    top = 1
    if title:
        sheet.cell(1, 2, report.title)
        top = 3
    for n, table in enumerate(report.layout.tables):
        if not one_sheet and n:
            sheet = book.create_sheet(f"Sheet{n + 1}")
            top = 1
        sheet.cell(
            top,
            2,
            (
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
            )[n],
        )
        top += 1
        for g in table.grid:
            r, c = top + g.row, 2 + g.col
            if g.role is CellRole.VALUE:
                ref = f"{table.name}:{g.key}"
                value = report.get(ref)
                if isinstance(value, int) and not (subtotal_text and g.col % 2):
                    sheet.cell(r, c, value)
                else:
                    sheet.cell(r, c, format_value(value, report.money_units.get(ref, "")))
            else:
                sheet.cell(r, c, _typo(g.text) if g.row % 3 == 0 else g.text)
            if merged and (g.rowspan > 1 or g.colspan > 1):
                sheet.merge_cells(
                    start_row=r,
                    start_column=c,
                    end_row=r + g.rowspan - 1,
                    end_column=c + g.colspan - 1,
                )
        top += table.n_rows + 2
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("layout_id", ["2019", "2021"])
@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("one_sheet", [True, False])
def test_colleague_tables_read_into_the_open_report(
    layout_id: str, merged: bool, one_sheet: bool
) -> None:
    filled = sample_report(layout_id, random.Random(21), blanks=True)
    mine = sample_report(layout_id, random.Random(99))
    data = colleague_workbook(
        filled, merged=merged, title=False, one_sheet=one_sheet, subtotal_text=True
    )
    merged_report = read_xlsx_tables(mine, data)
    assert_same_figures(merged_report, filled)
    assert merged_report.chapters == mine.chapters
    assert merged_report.signature_date == mine.signature_date
    assert merged_report.table_layouts == {}
    assert mine.cells != merged_report.cells  # the open report itself is not touched


def test_colleague_workbook_with_a_title_is_a_report(tmp_path: Path) -> None:
    filled = sample_report("2021", random.Random(5))
    path = tmp_path / "同事填的表.xlsx"
    path.write_bytes(colleague_workbook(filled, merged=True, title=True, one_sheet=True))
    read = read_report_file(path)
    assert (read.unit, read.year) == (filled.unit, filled.year)
    assert_same_figures(read, filled)


def test_workbook_without_a_title_says_how_to_import_it(tmp_path: Path) -> None:
    path = tmp_path / "表.xlsx"
    filled = sample_report("2021", random.Random(5))
    path.write_bytes(colleague_workbook(filled, merged=True, title=False, one_sheet=True))
    with pytest.raises(ReadError, match="第一行写上报告标题"):
        read_report_file(path)


def _old_xls() -> bytes:
    names = "".join(("Root Entry", "Workbook")).encode("utf-16-le")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + names + bytes(512)


def _word_named_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<c/>" * (4 * 1024 * 1024))
    return out.getvalue()


def _doctype() -> bytes:
    book = io.BytesIO()
    Workbook().save(book)
    out = io.BytesIO()
    with zipfile.ZipFile(book) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "b">]>' + data
            new.writestr(name, data)
    return out.getvalue()


BAD = {
    "old .xls": (_old_xls, "另存为 .xlsx"),
    "a Word file named .xlsx": (_word_named_xlsx, "这是 Word 文件"),
    "zip bomb": (_bomb, "压缩炸弹"),
    "DOCTYPE": (_doctype, "DOCTYPE"),
    "garbage": (lambda: b"\x00\x01garbage", "不是 Excel 文件"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_excel_files_get_one_sentence(case: str, tmp_path: Path) -> None:
    make, words = BAD[case]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(make())
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        read_report_file(path)
    assert time.perf_counter() - started < 2.0
    assert str(info.value).startswith("bad.xlsx：") and words in str(info.value)
