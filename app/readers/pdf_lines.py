"""A PDF page's characters as lines of text: which characters stand on one line, and the
text a line reads as (spaces where the writer typed them or a gap parts two words).
"""

from __future__ import annotations

import operator
import re

from app.readers.pdf_geometry import Char

# A page number as Word and WPS set it: "- 4 -", "— 4 —", "第4页 共7页".
PAGE_NUMBER = re.compile(
    r"^[-—–－―─_·•\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?"
    r"[-—–－―─_·•\s]*$"
)
CJK_FROM = "\u2e80"  # Chinese characters, their punctuation and the full-width forms from here


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters as lines, top to bottom, each left to right: a character belongs to the line
    whose middle its own middle is near."""
    if len(chars) < 2:  # most of a table's cells: one figure
        return [list(chars)] if chars else []
    lines: list[list[Char]] = []
    middles: list[float] = []
    for char in sorted(chars, key=_MIDDLE):
        if lines and abs(char.cy - middles[-1]) <= 0.45 * max(char.height, lines[-1][0].height):
            lines[-1].append(char)
        else:
            lines.append([char])
            middles.append(char.cy)
    for line in lines:
        line.sort(key=_LEFT)
    return lines


_MIDDLE, _LEFT = operator.attrgetter("cy"), operator.attrgetter("x0")


def chars_text(chars: list[Char]) -> str:
    """One line's characters as text. Spaces are the ones the writer typed, and where a gap
    parts two words of Latin letters or figures or is very wide; none is guessed between
    Chinese characters and figures (Word and LibreOffice widen those gaps themselves)."""
    out: list[str] = []
    previous: Char | None = None
    for char in chars:
        if char.text == " ":
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if previous is not None and out[-1] != " ":
            gap = char.x0 - previous.x1
            size = max(previous.height, char.height, 1.0)
            latin = previous.text < CJK_FROM and char.text < CJK_FROM
            if gap > 1.5 * size or (latin and gap > 0.25 * size):
                out.append(" ")
        out.append(char.text)
        previous = char
    return "".join(out).strip()
