"""Reading a written .docx back and checking it against the report before it replaces anything.

A bug in the writer must never hand the agency a document with a wrong figure in it: every value
cell is compared with the report (not with the blocks, so a slip in building the blocks is caught
too), every merged cell's span with the layout, and the six chapter headings must all be there;
and none a file Word would have to repair: every part's elements in the schema's order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from app.document.model import DocumentBlocks, Table, TextRole
from app.docx_writer.schema_order import order_problems
from app.docx_writer.styles import HEADING_STYLES
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layouts import get_layout
from app.domain.report import Report, format_value
from app.writing import ExportError

TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


class DocumentCheckError(ExportError):
    """The written file differs from the report; the message says where, in Chinese."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"导出的文件自检未通过（{problem}），未保存；请将此报告反馈给开发者")


def verify_docx(path: Path, report: Report, blocks: DocumentBlocks) -> None:
    document = docx.Document(str(path))
    _check_order(document)
    body = document.element.body
    _check_headings(body)
    written = body.findall(qn("w:tbl"))
    expected = blocks.tables()
    if len(written) != len(expected):
        raise DocumentCheckError(f"文件中有 {len(written)} 个表格，应为 {len(expected)} 个")
    for tbl, table in zip(written, expected, strict=True):
        _check_table(tbl, table, report)


def written_parts(document: Any) -> dict[str, Any]:
    """The XML parts the writer makes, by name: body, styles, settings, footers, fonts."""
    section = document.sections[0]
    parts = {
        "document.xml": document.element,
        "styles.xml": document.styles.element,
        "settings.xml": document.settings.element,
        "footer (odd pages)": section.footer._element,
        "footer (even pages)": section.even_page_footer._element,
    }
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            parts["fontTable.xml"] = parse_xml(rel.target_part.blob)
    return parts


def _check_order(document: Any) -> None:
    """Word would have to repair a file with properties out of the schema's order."""
    for name, root in written_parts(document).items():
        problems = order_problems(root)
        if problems:
            raise DocumentCheckError(f"{name} 中元素顺序不合规范：{problems[0]}")


def _check_headings(body: Any) -> None:
    style = HEADING_STYLES[TextRole.HEADING1]
    found = [
        _text(p)
        for p in body.findall(qn("w:p"))
        if (s := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None
        and s.get(qn("w:val")) == style
    ]
    missing = [h for h in CHAPTER_HEADINGS if h not in found]
    if missing:
        raise DocumentCheckError(f"文件中缺少标题“{missing[0]}”")
    if found != list(CHAPTER_HEADINGS):
        raise DocumentCheckError("文件中六个部分的标题顺序不对")


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def read_grid(tbl: Any) -> dict[tuple[int, int], tuple[str, int, int]]:
    """The cells of a written table: origin (row, col) -> (text, rowspan, colspan)."""
    origins: dict[tuple[int, int], list[Any]] = {}
    open_merges: dict[int, tuple[int, int]] = {}  # grid column -> origin of its vMerge
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span_el = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                origin = open_merges.get(c)
                if origin is None:
                    raise DocumentCheckError(f"第 {r + 1} 行第 {c + 1} 列的合并单元格没有起始格")
                origins[origin][1] += 1
            else:
                origins[(r, c)] = [_text(tc), 1, span]
                if merge is not None:
                    open_merges[c] = (r, c)
                else:
                    open_merges.pop(c, None)
            c += span
    return {k: (v[0], v[1], v[2]) for k, v in origins.items()}


def _check_table(tbl: Any, table: Table, report: Report) -> None:
    name = TABLE_NAMES.get(table.name, table.name)
    grid = read_grid(tbl)
    layout = get_layout(report.table_layout_id(table.name)).table(table.name)
    if len(grid) != len(table.cells):
        raise DocumentCheckError(f"{name}的单元格数为 {len(grid)}，应为 {len(table.cells)}")
    for cell in table.cells:
        got = grid.get((cell.row, cell.col))
        if got is None:
            raise DocumentCheckError(f"{name}第 {cell.row + 1} 行第 {cell.col + 1} 列的单元格缺失")
        text, rowspan, colspan = got
        if (rowspan, colspan) != (cell.rowspan, cell.colspan):
            raise DocumentCheckError(
                f"{name}第 {cell.row + 1} 行第 {cell.col + 1} 列的合并范围为 {rowspan}×{colspan}，"
                f"应为 {cell.rowspan}×{cell.colspan}"
            )
        if cell.ref:
            want = format_value(report.get(cell.ref), report.money_units.get(cell.ref, ""))
            if text != want:
                spec = layout.spec(cell.ref.split(":", 1)[1])
                raise DocumentCheckError(
                    f"{name}“{spec.row_label}／{spec.column_label}”在文件中为“{text}”，"
                    f"报告中为“{want}”"
                )
        elif text != cell.text:
            raise DocumentCheckError(
                f"{name}第 {cell.row + 1} 行第 {cell.col + 1} 列应为“{cell.text}”，文件中为“{text}”"
            )
