"""Word tables as rows of cell texts, for the same table reader the pasted text goes through.

A w:tc is one cell however wide (w:gridSpan); a cell merged downwards is a w:vMerge "restart"
cell followed by "continue" cells in the rows below, which this module gives the label of the
cell they continue (so each row carries its own labels, as when labels are repeated). Old files
merge across with w:hMerge, rows may start late (w:gridBefore), and content controls may wrap
rows or cells.

Agencies split tables by hand (a page break, a "续表" line) or convert a PDF page by page: Word
tables that follow each other with nothing but blank lines or "续表" between them are joined
here, dropping the column titles the continuation repeats and carrying the merged labels over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.domain.values import looks_like_value
from app.readers.wordml import Element, child, int_val, mc, val, w

CONTAINERS = (w("sdt"), w("customXml"))
_CONTINUED = re.compile(r"^[（(]?续表[）)]?\s*\d*[:：]?$|^续上表$")
_MAX_REPEATED_HEADER = 4
_TC_PR, _GRID_SPAN, _H_MERGE, _V_MERGE = w("tcPr"), w("gridSpan"), w("hMerge"), w("vMerge")


@dataclass
class WordCell:
    text: str
    col: int  # the grid column it starts at
    span: int  # grid columns it covers
    merge: str = ""  # "", "restart" or "continue" (w:vMerge)


WordRows = list[list[WordCell]]


def table_rows(tbl: Element) -> Iterator[Element]:
    """The w:tr of a table, also those wrapped in content controls."""
    yield from _unwrapped(tbl, w("tr"))


def row_cells(tr: Element) -> Iterator[Element]:
    yield from _unwrapped(tr, w("tc"))


def _unwrapped(parent: Element, tag: str) -> Iterator[Element]:
    for node in parent:
        if node.tag == tag:
            yield node
        elif node.tag in CONTAINERS:
            content = child(node, "sdtContent") if node.tag == w("sdt") else node
            if content is not None:
                yield from _unwrapped(content, tag)
        elif node.tag == mc("AlternateContent"):
            choice = node.find(mc("Choice"))
            if choice is not None:
                yield from _unwrapped(choice, tag)


def word_rows(tbl: Element, texts: list[list[str]]) -> WordRows:
    """The table's cells with their grid positions; `texts[r][i]` is the text of the i-th w:tc
    of row r (read by the caller, which knows about numbering)."""
    rows: WordRows = []
    for tr, cell_texts in zip(table_rows(tbl), texts, strict=True):
        col = int_val(child(tr, "trPr", "gridBefore"), 0)
        row: list[WordCell] = []
        for tc, text in zip(row_cells(tr), cell_texts, strict=True):
            props = _properties(tc)
            span = max(1, int_val(props.get(_GRID_SPAN), 1))
            h_merge = props.get(_H_MERGE)
            if h_merge is not None and val(h_merge, "continue") == "continue" and row:
                row[-1].span += span  # Word 97's way of merging across
                col += span
                continue
            v_merge = props.get(_V_MERGE)
            merge = (
                ""
                if v_merge is None
                else ("restart" if val(v_merge, "continue") == "restart" else "continue")
            )
            row.append(WordCell(text, col, span, merge))
            col += span
        rows.append(row)
    return rows


def _properties(tc: Element) -> dict[str, Element]:
    """A cell's w:tcPr children by tag (read once: a table has hundreds of cells)."""
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    return {} if tc_pr is None else {item.tag: item for item in tc_pr}


def is_continuation_text(text: str) -> bool:
    """A "续表" line between the parts of a split table."""
    return bool(_CONTINUED.match(re.sub(r"\s+", "", text)))


def join_parts(parts: list[WordRows]) -> WordRows:
    """Word tables that continue each other as one table."""
    joined = [row for row in parts[0] if not _continued_row(row)]
    for part in parts[1:]:
        rows = _without_repeated_header([r for r in part if not _continued_row(r)], joined)
        if not rows:
            continue
        if joined:
            _carry_merges(rows[0], joined[-1])
        joined += rows
    return joined


def _continued_row(row: list[WordCell]) -> bool:
    texts = [c.text for c in row if c.text.strip()]
    return len(texts) == 1 and is_continuation_text(texts[0])


def _row_key(row: list[WordCell]) -> tuple[tuple[int, int, str], ...]:
    return tuple((c.col, c.span, re.sub(r"\s+", "", c.text)) for c in row)


def _without_repeated_header(rows: WordRows, first: WordRows) -> WordRows:
    """A continuation without the column titles it repeats from the table's first rows."""
    k = 0
    while (
        k < min(len(rows), len(first), _MAX_REPEATED_HEADER)
        and _row_key(rows[k]) == _row_key(first[k])
        and not any(c.text.strip() and looks_like_value(c.text) for c in rows[k])
    ):
        k += 1
    return rows[k:]


def _carry_merges(row: list[WordCell], above: list[WordCell]) -> None:
    """Cells merged downwards across the split: Word starts a new, empty merge in the
    continuation's first row; it continues the label above. (A plain empty cell may be a
    blank figure, so it stays blank.)"""
    merged_above = {(c.col, c.span) for c in above if c.merge}
    for cell in row:
        if (
            cell.merge == "restart"
            and not cell.text.strip()
            and (cell.col, cell.span) in merged_above
        ):
            cell.merge = "continue"


def cell_texts(rows: WordRows) -> list[list[str]]:
    """Rows of cell strings; a cell continuing a merge downwards repeats the label it
    continues (a merged figure is given once)."""
    origins: dict[int, WordCell] = {}  # grid column -> the cell a downward merge started at
    out: list[list[str]] = []
    for row in rows:
        texts: list[str] = []
        for cell in row:
            if cell.merge == "continue":
                origin = origins.get(cell.col)
                shown = origin.text if origin is not None else ""
                texts.append("" if looks_like_value(shown) else shown)
                continue
            texts.append(cell.text)
            if cell.merge == "restart":
                origins[cell.col] = cell
            else:
                origins.pop(cell.col, None)
        out.append(texts)
    return out
