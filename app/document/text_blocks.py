"""Paragraphs from the report's text: the title lines, and chapter text with its sub-headings.

Which lines are sub-headings, and how much of a line (a heading run into its paragraph keeps
the heading's font up to where it ends), is decided in app.document.headings, with the marks
the user made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from app.document.headings import find_heading
from app.document.model import Align, Paragraph, Run, TextRole
from app.document.title_breaking import title_lines

HEADING_ROLES = {2: TextRole.HEADING2, 3: TextRole.HEADING3, 4: TextRole.HEADING4}

# Text copied from web pages carries converter marks for pictures; they are never report text.
_IMAGE_MARK = re.compile(r"^\[image:[^\]]*\]$")
_SPACES = " \t\u3000\u00a0"


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


def text_paragraphs(
    text: str, marks: Mapping[str, int] | None = None, expand: Callable[[str], str] | None = None
) -> list[Paragraph]:
    """One paragraph per non-empty line, sub-headings recognised (`marks`: the user's, see
    app.document.headings); `expand` writes the number placeholders of a piece of text."""
    paragraphs = []
    for raw in text.splitlines():
        line = raw.strip(_SPACES)
        if not line or _IMAGE_MARK.match(line):
            continue
        paragraphs.append(_line_paragraph(line, marks, expand or _same))
    return paragraphs


def _same(text: str) -> str:
    return text


def _line_paragraph(
    line: str, marks: Mapping[str, int] | None, expand: Callable[[str], str]
) -> Paragraph:
    heading = find_heading(line, marks)
    if heading is None:
        # Said so, so that a program reading the file does not take it for a heading again.
        said = bool(marks) and find_heading(line) is not None
        return Paragraph(TextRole.BODY, (Run(expand(line), TextRole.BODY),), not_heading=said)
    role = HEADING_ROLES[heading.level]
    if heading.end >= len(line):
        return heading_paragraph(expand(line), role)
    return Paragraph(
        TextRole.BODY,
        (Run(expand(line[: heading.end]), role), Run(expand(line[heading.end :]), TextRole.BODY)),
    )
