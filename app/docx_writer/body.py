"""Paragraph blocks and the signature as WordprocessingML."""

from __future__ import annotations

from typing import Any

from app.document.line_breaking import address_breaks
from app.document.model import Align, Paragraph, Run, Signature, TextRole
from app.document.profile import LayoutProfile
from app.docx_writer.ooxml import el, fonts, indent, val
from app.docx_writer.styles import HEADING_STYLES

ZERO_WIDTH_SPACE = "\u200b"
BODY_TEXT_LEVEL = 9  # w:outlineLvl: "body text", stated where a line looks like a heading
JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
# What each paragraph style already states, so only departures are written on a paragraph.
STYLE_ALIGN = {TextRole.TITLE: Align.CENTER}
STYLE_INDENT = {TextRole.TITLE: 0.0}


def paragraph(block: Paragraph, profile: LayoutProfile) -> Any:
    ppr = el("w:pPr")
    style = HEADING_STYLES.get(block.role)
    if style:
        ppr.append(val("w:pStyle", style))
    if block.keep_with_next and block.role is TextRole.BODY:  # headings keep by their style
        ppr.append(el("w:keepNext"))
    if block.keep_together and block.role is not TextRole.TITLE:
        ppr.append(el("w:keepLines"))
    indent = _indent(block.first_line_indent_chars, block.right_indent_chars, block.role, profile)
    if indent is not None:
        ppr.append(indent)
    if block.align is not STYLE_ALIGN.get(block.role, Align.JUSTIFY):
        ppr.append(val("w:jc", JC[block.align]))
    if block.not_heading:
        ppr.append(val("w:outlineLvl", str(BODY_TEXT_LEVEL)))
    p = el("w:p")
    if len(ppr):
        p.append(ppr)
    for run in block.runs:
        _append_runs(p, run, profile)
    return p


def _indent(
    first_chars: float, right_chars: float, role: TextRole, profile: LayoutProfile
) -> Any | None:
    if first_chars == STYLE_INDENT.get(role, 2.0) and not right_chars:
        return None
    return indent(first_chars, profile.body_pt, right_chars=right_chars)


def _append_runs(p: Any, run: Run, profile: LayoutProfile) -> None:
    """One w:r per line of the run, with a w:br between lines (the title's two lines)."""
    font = profile.font_for(run.role)
    for i, line in enumerate(run.text.split("\n")):
        r = el("w:r", None, el("w:rPr", None, fonts(font, profile.fonts.latin)))
        if i:
            r.append(el("w:br"))
        t = el("w:t", {"xml:space": "preserve"})
        t.text = breakable(line)
        r.append(t)
        p.append(r)


def breakable(text: str) -> str:
    """The text with a zero-width space where a web or e-mail address may break at a line's
    end, as the preview breaks it (app.document.line_breaking.address_breaks)."""
    breaks = address_breaks(text)
    if not breaks:
        return text
    pieces = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    return ZERO_WIDTH_SPACE.join(pieces)


def signature(block: Signature, profile: LayoutProfile) -> list[Any]:
    """Blank lines for the seal, the unit, the date: all kept on the page of the last
    paragraph (keepNext chains them to the date)."""
    out = []
    for _ in range(block.blank_lines_before):
        out.append(_signature_line("", 0.0, profile))
    out.append(_signature_line(block.unit, block.unit_right_indent_chars, profile))
    out.append(_signature_line(block.date, block.date_right_indent_chars, profile, last=True))
    return out


def _signature_line(
    text: str, right_chars: float, profile: LayoutProfile, last: bool = False
) -> Any:
    ppr = el("w:pPr")
    if not last:
        ppr.append(el("w:keepNext"))
    ppr.append(indent(0, profile.body_pt, right_chars=right_chars))
    ppr.append(val("w:jc", "right"))
    p = el("w:p", None, ppr)
    if text:
        _append_runs(p, Run(text, TextRole.BODY), profile)
    return p
