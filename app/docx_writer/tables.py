"""Table blocks as real Word tables: gridSpan and vMerge merges, widths Word and WPS both obey.

Widths are stated three times on purpose: tblGrid (what LibreOffice and WPS lay out from), tcW
on every cell (what Word lays out from) and a fixed layout so that neither re-flows the columns
to fit the text.
"""

from __future__ import annotations

from typing import Any

from app.document.cell_fit import figure_size
from app.document.model import Align, Table, TableCell, TextRole
from app.document.profile import MM_PER_PT, LayoutProfile
from app.docx_writer.body import JC
from app.docx_writer.ooxml import el, fonts, half_points, mm_to_twips, split_twips, val
from app.docx_writer.styles import TABLE_TEXT_STYLE

BORDER = {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"}


def table(block: Table, profile: LayoutProfile) -> Any:
    widths = split_twips(block.column_widths_mm, sum(block.column_widths_mm))
    margin = str(mm_to_twips(block.cell_margin_mm))
    tbl_pr = el(
        "w:tblPr",
        None,
        el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
        val("w:jc", "center"),
        el(
            "w:tblBorders",
            None,
            *(
                el(f"w:{side}", BORDER)
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            ),
        ),
        el("w:tblLayout", {"w:type": "fixed"}),
        el(
            "w:tblCellMar",
            None,
            el("w:left", {"w:w": margin, "w:type": "dxa"}),
            el("w:right", {"w:w": margin, "w:type": "dxa"}),
        ),
        el(
            "w:tblLook",
            {
                "w:val": "0000",
                "w:firstRow": "0",
                "w:lastRow": "0",
                "w:firstColumn": "0",
                "w:lastColumn": "0",
                "w:noHBand": "1",
                "w:noVBand": "1",
            },
        ),
    )
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": str(w)}) for w in widths))
    tbl = el("w:tbl", None, tbl_pr, grid)
    covering = block.covering()
    for r in range(block.n_rows):
        tbl.append(_row(block, r, covering, widths, profile))
    return tbl


def _inner_pt(block: Table, cell: TableCell) -> float:
    width_mm = sum(block.column_widths_mm[cell.col : cell.col + cell.colspan])
    return (width_mm - 2 * block.cell_margin_mm) / MM_PER_PT


def _row(
    block: Table,
    r: int,
    covering: dict[tuple[int, int], TableCell],
    widths: list[int],
    profile: LayoutProfile,
) -> Any:
    tr_pr = el(
        "w:trPr",
        None,
        el("w:cantSplit"),
        el(
            "w:trHeight", {"w:val": str(mm_to_twips(block.min_row_height_mm)), "w:hRule": "atLeast"}
        ),
    )
    if r < block.header_rows:
        tr_pr.append(el("w:tblHeader"))
    tr = el("w:tr", None, tr_pr)
    keep = r in block.keep_with_next_rows
    c = 0
    while c < block.n_cols:
        cell = covering[(r, c)]
        width = sum(widths[cell.col : cell.col + cell.colspan])
        size = figure_size(cell, _inner_pt(block, cell), profile.table_pt)
        tr.append(
            _cell(
                cell,
                starts_here=cell.row == r,
                width=width,
                keep=keep,
                size_pt=size,
                profile=profile,
            )
        )
        c = cell.col + cell.colspan
    return tr


def _cell(
    cell: TableCell,
    *,
    starts_here: bool,
    width: int,
    keep: bool,
    size_pt: float,
    profile: LayoutProfile,
) -> Any:
    tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if cell.colspan > 1:
        tc_pr.append(val("w:gridSpan", str(cell.colspan)))
    if cell.rowspan > 1:
        # The first row of a vertical merge holds the text; the rows below continue it.
        tc_pr.append(val("w:vMerge", "restart") if starts_here else el("w:vMerge"))
    tc_pr.append(val("w:vAlign", "center"))
    ppr = el("w:pPr", None, val("w:pStyle", TABLE_TEXT_STYLE))
    if keep:
        ppr.append(el("w:keepNext"))
    if cell.align is not Align.CENTER:
        ppr.append(val("w:jc", JC[cell.align]))
    p = el("w:p", None, ppr)
    if starts_here and cell.text:
        t = el("w:t", {"xml:space": "preserve"})
        t.text = cell.text
        r_pr = el("w:rPr", None, fonts(profile.font_for(TextRole.BODY), profile.fonts.latin))
        if size_pt != profile.table_pt:  # a figure set smaller to stay on one line
            r_pr.append(val("w:sz", half_points(size_pt)))
            r_pr.append(val("w:szCs", half_points(size_pt)))
        p.append(el("w:r", None, r_pr, t))
    return el("w:tc", None, tc_pr, p)
