"""Reports written as Word documents the way agencies make them, with python-docx, for the
.docx reader tests: merged label cells (or labels repeated, or written once), a table split in
two with "续表" between, an extra 小计 column, typos in labels, odd blank marks, auto-numbered
headings, a report laid out inside a frame table.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import CellRole, TableLayout
from app.domain.layouts import get_layout
from app.domain.report import Report, format_date, format_value

Styler = Callable[[str], str]


def _plain(text: str) -> str:
    return text


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    label: bool = True


@dataclass
class Style:
    """How one agency made its Word file."""

    merge: str = "merge"  # "merge" cells, "repeat" merged labels in every row, write "once"
    split_table3_at: int | None = None  # table 3 continues in a second Word table from here
    repeat_header: bool = True  # the second part repeats table 3's column titles
    continued_text: str = "续表"  # the line between the two parts
    subtotal: bool = False  # table 3 gets a 小计 column after 其他
    label: Styler = _plain
    value: Styler = _plain
    numbered_headings: bool = False  # 一、… come from Word's list numbering
    frame: bool = False  # the whole report inside a one-cell table
    title_in_one_paragraph: bool = False  # unit and "YYYY年…报告" with a line break between
    table_layouts: dict[str, str] = field(default_factory=dict)  # tables in another layout
    # The chapter headings as this agency typed them ("" leaves one out), in document order
    # of `chapters` (the chapter numbers, so that parts can be missing or reordered).
    headings: tuple[str, ...] = CHAPTER_HEADINGS
    chapters: str = "123456"


def grid_cells(report: Report, table: TableLayout, style: Style) -> list[Cell]:
    cells = []
    for g in table.grid:
        if g.role is CellRole.VALUE:
            ref = f"{table.name}:{g.key}"
            text = style.value(format_value(report.get(ref), report.money_units.get(ref, "")))
            cells.append(Cell(g.row, g.col, text, g.rowspan, g.colspan, label=False))
        else:
            cells.append(Cell(g.row, g.col, style.label(g.text), g.rowspan, g.colspan))
    return cells


def with_subtotal(cells: list[Cell], report: Report) -> list[Cell]:
    """Table 3 with a 法人或其他组织 小计 column after 其他 (grid column 9), as some templates."""
    out = []
    for c in cells:
        if c.col >= 9:
            out.append(replace(c, col=c.col + 1))
        elif c.col + c.colspan > 9:
            out.append(replace(c, colspan=c.colspan + 1))
        else:
            out.append(c)
    layout = get_layout(report.table_layout_id("table3")).table3
    out.append(Cell(2, 9, "小计"))
    for i, row_key in enumerate(layout.row_keys):
        parts = [
            report.get(f"table3:{row_key}.{c}")
            for c in ("business", "research", "public_interest", "legal", "other")
        ]
        total = sum(p for p in parts if isinstance(p, int))
        out.append(Cell(layout.header_rows + i, 9, str(total), label=False))
    return out


def split(
    cells: list[Cell], at: int, header_rows: int, repeat_header: bool
) -> tuple[list[Cell], list[Cell]]:
    """Two Word tables: rows before `at`, then (the header and) the rows from `at`. A label
    merged across the split starts again, empty, in the second table, as Word leaves it."""
    first, second = [], []
    shift = at - (header_rows if repeat_header else 0)
    for c in cells:
        end = c.row + c.rowspan
        if c.row < header_rows and repeat_header:
            second.append(c)
        if c.row < at:
            first.append(replace(c, rowspan=min(end, at) - c.row))
            if end > at:
                second.append(replace(c, row=at - shift, rowspan=end - at, text=""))
        else:
            second.append(replace(c, row=c.row - shift))
    return first, second


def add_table(container: object, cells: list[Cell], style: Style) -> None:
    n_rows = max(c.row + c.rowspan for c in cells)
    n_cols = max(c.col + c.colspan for c in cells)
    table = container.add_table(rows=n_rows, cols=n_cols)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    # Fetched once (table.cell walks the whole table each time); spans never overlap, so a
    # merge leaves the other spans' cells valid.
    every = table._cells

    def at(r: int, c: int) -> object:
        return every[r * n_cols + c]

    for c in cells:
        if style.merge == "merge" or c.rowspan == 1:
            target = at(c.row, c.col)
            if c.rowspan > 1 or c.colspan > 1:
                target = target.merge(at(c.row + c.rowspan - 1, c.col + c.colspan - 1))  # type: ignore[attr-defined]
            target.text = c.text  # type: ignore[attr-defined]
            continue
        for r in range(c.row, c.row + c.rowspan):  # a merged label typed in each row, or once
            target = at(r, c.col)
            if c.colspan > 1:
                target = target.merge(at(r, c.col + c.colspan - 1))  # type: ignore[attr-defined]
            target.text = c.text if style.merge == "repeat" or r == c.row else ""  # type: ignore[attr-defined]


def word_report(report: Report, style: Style | None = None) -> bytes:
    style = style or Style()
    document = docx.Document()
    body: object = document
    if style.frame:
        frame = document.add_table(rows=1, cols=1)
        body = frame.cell(0, 0)
    if style.numbered_headings:
        _add_chinese_numbering(document)
    _add_title(body, report, style)
    for line in report.preamble.splitlines():
        body.add_paragraph(line)  # type: ignore[attr-defined]
    tables = {"2": "table2", "3": "table3", "4": "table4"}
    for number in style.chapters:
        heading = style.headings[int(number) - 1]
        if heading and style.numbered_headings:
            p = body.add_paragraph()  # type: ignore[attr-defined]
            p.add_run(heading.split("、", 1)[-1])
            p._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                )
            )
        elif heading:
            body.add_paragraph().add_run(heading).bold = True  # type: ignore[attr-defined]
        for line in report.chapter(number).splitlines():
            if line.strip():
                body.add_paragraph(line)  # type: ignore[attr-defined]
        if number in tables:
            _add_report_table(body, report, tables[number], style)
    _add_signature(body, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_title(body: object, report: Report, style: Style) -> None:
    tail = f"{report.year}年政府信息公开工作年度报告"
    head = report.title[: -len(tail)] if report.title.endswith(tail) else ""
    lines = [head, tail] if head else [report.title]
    if style.title_in_one_paragraph:
        p = body.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, line in enumerate(lines):
            run = p.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    else:
        for line in lines:
            body.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    body.add_paragraph("")  # type: ignore[attr-defined]


def _add_report_table(body: object, report: Report, name: str, style: Style) -> None:
    layout_id = style.table_layouts.get(name, report.table_layout_id(name))
    table = get_layout(layout_id).table(name)
    cells = grid_cells(report, table, style)
    if name == "table3" and style.subtotal:
        cells = with_subtotal(cells, report)
    if name == "table3" and style.split_table3_at is not None:
        first, second = split(cells, style.split_table3_at, table.header_rows, style.repeat_header)
        add_table(body, first, style)
        body.add_paragraph(style.continued_text)  # type: ignore[attr-defined]
        add_table(body, second, style)
        return
    add_table(body, cells, style)


def _add_signature(body: object, report: Report) -> None:
    body.add_paragraph("")  # type: ignore[attr-defined]
    for text in (
        report.signature_unit,
        format_date(report.signature_date) if report.signature_date else "",
    ):
        if text:
            p = body.add_paragraph(text)  # type: ignore[attr-defined]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _add_chinese_numbering(document: object) -> None:
    """numId 90: level 0 "一、" in chineseCounting, as agencies' templates number chapters."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:multiLevelType w:val="hybridMultilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
