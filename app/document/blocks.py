"""The one block list of a report, in reading order: title, preamble, the six chapters with
their tables, and the signature."""

from __future__ import annotations

from dataclasses import replace

from app.document import placeholders
from app.document.model import Block, DocumentBlocks, Paragraph, Signature, TextRole, blank_line
from app.document.profile import OFFICIAL, LayoutProfile
from app.document.table_blocks import table_block, table_layout
from app.document.text_blocks import heading_paragraph, text_paragraphs, title_paragraph
from app.document.title_breaking import text_width
from app.domain.chapters import CHAPTER_HEADINGS, TABLE_CHAPTERS
from app.domain.report import Report, format_date

UNDATED = "　　年　　月　　日"  # room to write the date by hand


def build_blocks(report: Report, profile: LayoutProfile = OFFICIAL) -> DocumentBlocks:
    title_chars = profile.text_width_mm / (profile.title_pt * 25.4 / 72)
    blocks: list[Block] = [title_paragraph(report.title or report.unit, title_chars), blank_line()]
    blocks += _paragraphs(report.preamble, report, "preamble")
    for index, heading in enumerate(CHAPTER_HEADINGS):
        number = str(index + 1)
        blocks.append(heading_paragraph(heading, TextRole.HEADING1, chapter=number))
        text = _without_heading(report.chapter(number), heading)
        blocks += _paragraphs(text, report, number)
        table = TABLE_CHAPTERS.get(number)
        if table:
            if isinstance(blocks[-1], Paragraph):  # never a lead line alone above its table
                blocks[-1] = replace(blocks[-1], keep_with_next=True)
            blocks.append(table_block(report, table_layout(report, table), profile.text_width_mm))
    last = blocks[-1]
    if isinstance(last, Paragraph):
        # The seal presses the last lines of text, the unit and the date: one page for them.
        blocks[-1] = replace(last, keep_with_next=True, keep_together=True)
    blocks.append(signature(report, profile))
    return DocumentBlocks(title=_one_line(report.title), author=report.unit, blocks=tuple(blocks))


def _paragraphs(text: str, report: Report, part: str) -> list[Paragraph]:
    # Headings are found in the text as the user sees it in the editor, placeholders and all.
    return text_paragraphs(
        text, report.headings.get(part), lambda piece: placeholders.expand(piece, report)
    )


def _without_heading(text: str, heading: str) -> str:
    """Chapter text that repeats its own heading on the first line loses it: the heading is
    written by the program."""
    lines = text.lstrip().splitlines()
    if lines and lines[0].strip() == heading:
        return "\n".join(lines[1:])
    return text


def _one_line(title: str) -> str:
    return " ".join(title.split())


def signature(report: Report, profile: LayoutProfile) -> Signature:
    """The unit centred over the date; the date right-indented 4 characters (GB/T 9704 7.3.5.1)."""
    unit = report.signature_unit or report.unit
    date = format_date(report.signature_date) if report.signature_date else UNDATED
    date_indent = 4.0
    centre = date_indent + text_width(date) / 2
    unit_indent = max(0.0, centre - text_width(unit) / 2)
    return Signature(
        unit=unit,
        date=date,
        blank_lines_before=profile.signature_lines,
        unit_right_indent_chars=unit_indent,
        date_right_indent_chars=date_indent,
    )
