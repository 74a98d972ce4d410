"""What every reader turns its input into for the report reader: lines of text and table rows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    text: str  # cleaned, without the leading tab
    tabbed: bool  # began with a tab: one cell of a table copied from Word
    # A row of a real table (the .docx reader): its cell texts; `text` is then the cells joined
    # by tabs and `tabbed` is True, so the structure below treats it as a table line.
    cells: list[str] | None = None
    # What the source itself says is a heading (Word's heading styles): the start of `text`
    # that is the heading, and its level (0: by its numbering). See app.document.headings.
    heading: str = ""
    heading_level: int = 0
    body_text: bool = False  # the source says this line is no heading, however numbered
    # A picture stands here (text empty): a table pasted as a screenshot has no figures to read.
    picture: bool = False


def table_line(cells: list[str]) -> Line:
    return Line("\t".join(cells), True, cells)
