"""Where the three tables are in a report's lines: found by their own labels and shape.

A table starts at a line that carries its labels (第二十条第… or 信息内容 for table 2; 勾稽关系,
申请人情况 or 本年新收… for table 3; 行政复议 with 行政诉讼 for table 4) and holds figures
where that table has them; it ends where another table starts or at the next chapter heading.
So a chapter heading that is mistyped ("行政法复议"), missing, or out of order never loses a
table. Only a table whose labels cannot be read at all is looked for under its heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.readers.lines import Line
from app.readers.table2_reader import read_table2
from app.readers.table3_reader import read_table3
from app.readers.table_reader import Row, TableRead, read_table4

TABLE2_START = re.compile(r"第二十条第")
TABLE3_START = ("勾稽关系", "申请人情况", "本年新收政府信息公开申请")
_SENTENCE = re.compile(r"[。，；]")


@dataclass(frozen=True)
class _Kind:
    name: str  # "table2"
    chapter: str  # the chapter it belongs to, "2"
    starts: Callable[[str], bool]  # a line this table starts at


def _table2_starts(text: str) -> bool:
    return (bool(TABLE2_START.search(text)) and len(text) < 60) or text.startswith("信息内容")


def _table3_starts(text: str) -> bool:
    return any(word in text for word in TABLE3_START) and len(text) < 200


def _table4_starts(text: str) -> bool:
    return "行政复议" in text and ("行政诉讼" in text or len(text) < 40)


KINDS = (
    _Kind("table2", "2", _table2_starts),
    _Kind("table3", "3", _table3_starts),
    _Kind("table4", "4", _table4_starts),
)


def find_tables(
    lines: Sequence[Line], headings: list[tuple[int, str]], default_layout: str, structured: bool
) -> dict[str, TableRead]:
    """Each table as read from its own lines (an empty read when it is nowhere).

    `structured`: the table rows are known exactly (a .docx), so only they are read, and only
    they can start a table; in text, a table starts at a line that looks like a table's
    (cells, or a short line that is no sentence), never in running text that names one.
    """
    candidates = {
        kind.name: [
            i
            for i, line in enumerate(lines)
            if _table_line(line, structured) and kind.starts(line.text)
        ]
        for kind in KINDS
    }
    found: dict[str, TableRead] = {}
    for kind in KINDS:
        read = _reader(kind, default_layout)
        starts = [*candidates[kind.name]]
        heading = next((i for i, n in headings if n == kind.chapter), None)
        if heading is not None:
            starts.append(heading + 1)  # labels unreadable: what stands under the heading
        # Without a figure anywhere, the first place still tells the table's layout.
        result: TableRead | None = None
        for start in starts:
            end = _end(lines, start, kind, candidates, headings, structured)
            attempt = read(_rows(lines[start:end], structured))
            if attempt.found or result is None:
                result = attempt
            if attempt.found:
                break
        found[kind.name] = result or TableRead(None)
    return found


def _reader(kind: _Kind, default_layout: str) -> Callable[[list[Row]], TableRead]:
    if kind.name == "table2":
        return lambda rows: read_table2(rows, default_layout)
    return read_table3 if kind.name == "table3" else read_table4


def _table_line(line: Line, structured: bool) -> bool:
    if structured:
        return line.cells is not None
    text = line.text
    return bool(text) and (
        line.tabbed
        or "\t" in text
        or "|" in text
        or (len(text) <= 40 and not _SENTENCE.search(text))
    )


def _end(
    lines: Sequence[Line],
    start: int,
    kind: _Kind,
    candidates: dict[str, list[int]],
    headings: list[tuple[int, str]],
    structured: bool,
) -> int:
    """Where a table that starts at `start` ends: another table's start, or a heading of
    another chapter; in text with neither, the first running text after its figures."""
    ends = [
        i for name, found in candidates.items() if name != kind.name for i in found if i > start
    ]
    ends += [i for i, n in headings if i > start and n != kind.chapter]
    if ends:
        return min(ends)
    return len(lines) if structured else _end_of_figures(lines, start)


def _end_of_figures(lines: Sequence[Line], start: int) -> int:
    seen_values = False
    for i in range(start, len(lines)):
        line = lines[i]
        t = line.text
        if re.search(r"\d", t) and ("|" in t or "\t" in t or line.tabbed or len(t) < 12):
            seen_values = True
        elif seen_values and len(t) > 40:
            return i
    return len(lines)


def _rows(lines: Sequence[Line], structured: bool) -> list[Row]:
    """Table rows from lines: a .docx's own rows; in text, tab- or "|"-separated rows, or one
    tabbed cell per line grouped by blank lines (as Word copies a table), or one cell per
    line."""
    rows: list[Row] = []
    group: list[str] | None = None
    for line in lines:
        t = line.text
        if line.cells is not None:
            group = None
            rows.append(list(line.cells))
            continue
        if structured:
            continue
        if line.tabbed and "\t" not in t and "|" not in t:
            if group is None:
                group = []
                rows.append(group)
            group.append(t)
            continue
        if not t:
            group = None
            continue
        group = None
        if "\t" in t:
            rows.append(t.split("\t"))
        elif "|" in t:
            rows.append(
                [c.strip() for c in t.strip().strip("|").split("|")]
                if not t.startswith((" |", "|"))
                else [c.strip() for c in t.split("|")]
            )
        else:
            rows.append([t])
    return rows
