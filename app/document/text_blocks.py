"""Paragraphs from the report's text: the title lines, and chapter text with its sub-headings.

A line starting with （一）, 1. or （1） is a heading of that level. Reports often run the
heading into its paragraph ("1.深入推进优化服务工作。按照……"): then the heading, up to its
first 。, keeps the heading's font and the rest is body text in the same paragraph.
"""

from __future__ import annotations

import re
import unicodedata

from app.document.model import Align, Paragraph, Run, TextRole

HEADING_MARKS = (
    (TextRole.HEADING2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (TextRole.HEADING4, re.compile(r"^[（(]\d+[）)]")),
    # "4.2020年……" is item 4 about the year 2020; "1.5万元" is a decimal, not an item.
    (TextRole.HEADING3, re.compile(r"^\d{1,2}[.．、](?=\d{4}年|\D)")),
)
RUN_IN_MAX = 40  # a "heading" longer than this before its 。 is a sentence, not a heading
# Text copied from web pages carries converter marks for pictures; they are never report text.
_IMAGE_MARK = re.compile(r"^\[image:[^\]]*\]$")
_TITLE_TAIL = re.compile(r"\d{4}年度?政府信息公开工作年度报告$")
_SPACES = " \t\u3000\u00a0"


def text_width(text: str) -> float:
    """Width in characters of the body size: CJK full, Latin and digits half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def title_lines(title: str, max_chars: float) -> list[str]:
    """The title on balanced lines: the agency, then "YYYY年政府信息公开工作年度报告".

    A line still too long for the text block is halved, so the title never leaves a word or
    two alone on a line.
    """
    title = title.strip(_SPACES)
    match = _TITLE_TAIL.search(title)
    lines = [title[: match.start()], title[match.start():]] if match and match.start() else [title]
    out: list[str] = []
    for line in lines:
        if text_width(line) <= max_chars:
            out.append(line)
            continue
        middle = _split_point(line)
        out += [line[:middle], line[middle:]]
    return out


def _split_point(line: str) -> int:
    """The break nearest the middle that does not cut a run of digits or Latin letters."""
    half = text_width(line) / 2
    best, best_gap = len(line) // 2, float("inf")
    for i in range(1, len(line)):
        if line[i - 1].isascii() and line[i].isascii() and line[i].isalnum():
            continue
        gap = abs(text_width(line[:i]) - half)
        if gap < best_gap:
            best, best_gap = i, gap
    return best


def title_paragraph(title: str, max_chars: float) -> Paragraph:
    return Paragraph(
        TextRole.TITLE,
        (Run("\n".join(title_lines(title, max_chars)), TextRole.TITLE),),
        align=Align.CENTER,
        first_line_indent_chars=0.0,
        keep_with_next=True,
        keep_together=True,
    )


def heading_paragraph(text: str, role: TextRole, chapter: str = "") -> Paragraph:
    return Paragraph(role, (Run(text, role),), keep_with_next=True, chapter=chapter)


def text_paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-empty line, sub-headings recognised."""
    paragraphs = []
    for raw in text.splitlines():
        line = raw.strip(_SPACES)
        if not line or _IMAGE_MARK.match(line):
            continue
        paragraphs.append(_line_paragraph(line))
    return paragraphs


def _line_paragraph(line: str) -> Paragraph:
    for role, mark in HEADING_MARKS:
        match = mark.match(line)
        if not match:
            continue
        end = line.find("。", match.end())
        if 0 <= end < min(len(line) - 1, RUN_IN_MAX):
            return Paragraph(TextRole.BODY, (Run(line[: end + 1], role),
                                             Run(line[end + 1:], TextRole.BODY)))
        if len(line) <= RUN_IN_MAX:
            return heading_paragraph(line, role)
        break  # a long sentence that merely starts with a number
    return Paragraph(TextRole.BODY, (Run(line, TextRole.BODY),))
