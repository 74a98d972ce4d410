"""Reports written out as text the way people paste them, for the reader tests.

Styles: "tabs" (a browser copying a published page: tab-separated rows, a merged label written
once), "pipes" (" | " between cells, merged labels repeated), "word" (Word's one cell per line
with a leading tab, rows separated by blank lines, empty cells where a merged label was), and
"stream" (one cell per line and nothing else).
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import CellRole, TableLayout
from app.domain.report import Report, format_date, format_value

Styler = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def table_rows(
    report: Report, table: TableLayout, style: str, label: Styler = _plain, value: Styler = _plain
) -> list[list[str]]:
    rows = []
    for r in range(table.n_rows):
        cells: list[str] = []
        c = 0
        while c < table.n_cols:
            cell = table.cell_at(r, c)
            assert cell is not None
            origin = cell.row == r and cell.col == c
            if cell.role is CellRole.VALUE:
                assert cell.key is not None
                ref = f"{table.name}:{cell.key}"
                cells.append(value(format_value(report.get(ref), report.money_units.get(ref, ""))))
            elif origin:
                cells.append(label(cell.text))
            elif cell.col == c:  # below the first row of a label merged downwards
                if style == "pipes":
                    cells.append(label(cell.text))
                elif style == "word":
                    cells.append("")
            c = cell.col + cell.colspan
        rows.append(cells)
    return rows


def render_rows(rows: list[list[str]], style: str) -> list[str]:
    out: list[str] = []
    for cells in rows:
        if style == "tabs":
            out.append("\t".join(cells))
        elif style == "pipes":
            out.append(" | ".join(cells))
        elif style == "word":
            out += ["\t" + c for c in cells] + [""]
        else:
            out += [c for c in cells if c]
    return out


def render(
    report: Report,
    style: str,
    label: Styler = _plain,
    value: Styler = _plain,
    headings: tuple[str, ...] = CHAPTER_HEADINGS,
) -> str:
    lines = [report.unit, f"{report.year}年政府信息公开工作年度报告", report.preamble]
    layout = report.layout
    tables = {"2": layout.table2, "3": layout.table3, "4": layout.table4}
    for number, heading in zip("123456", headings, strict=True):
        if heading:
            lines.append(heading)
        if number in tables:
            lines += render_rows(table_rows(report, tables[number], style, label, value), style)
        else:
            lines.append(report.chapter(number))
    lines += ["", report.signature_unit]
    if report.signature_date:
        lines.append(format_date(report.signature_date))
    return "\n".join(lines) + "\n"
