"""The .docx writer prints a report in the made-up layout with that layout's table: the renamed
column heading and the row more, merged as the layout says."""

from __future__ import annotations

from pathlib import Path

from app.docx_writer import export_docx
from app.docx_writer.verify import read_grid
from app.domain.layout import Layout
from app.domain.report import Report
from tests.app.docx_writer.docx_parts import NS, part


def test_the_tables_have_the_renamed_heading_and_the_row_more(
    tmp_path: Path, made_up_layout: Layout, made_up_report: Report
) -> None:
    path = tmp_path / "报告.docx"
    export_docx(made_up_report, path)
    tables = part(path, "word/document.xml").findall("w:body/w:tbl", NS)
    grids = [read_grid(tbl) for tbl in tables]
    for grid, layout in zip(grids, made_up_layout.tables, strict=True):
        assert {k: (rs, cs) for k, (_, rs, cs) in grid.items()} == {
            (c.row, c.col): (c.rowspan, c.colspan) for c in layout.grid
        }
    table2 = [text for text, _, _ in grids[0].values()]
    assert "本年宣布失效件数" in table2 and "本年废止件数" not in table2
    table3 = grids[1]
    row = made_up_layout.table3.header_rows + made_up_layout.table3.row_keys.index(
        "other_withdrawn"
    )
    assert table3[(row, 2)][0] == "4.申请人撤回申请"
    assert [table3[(row, c)][0] for c in range(3, 10)] == [
        str(made_up_report.get(f"table3:other_withdrawn.{c}"))
        for c in made_up_layout.table3.column_keys
    ]
    assert table3[(3 + 2, 0)] == ("三、本年度办理结果", 23, 1)
    assert len(tables[1].findall("w:tr", NS)) == made_up_layout.table3.n_rows == 29
