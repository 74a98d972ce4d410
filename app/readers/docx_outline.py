"""Which paragraphs of a Word file are headings as Word itself knows them: the outline level of
the paragraph or of its style (Heading 2, WPS's 标题 2, an agency's own style based on them), and
a lead in bold or 楷体 ahead of plain text ("**（一）主动公开情况**2024年……").

The report keeps what Word knew as heading marks (app.document.headings), so a heading the
rules would misread still prints as one.
"""

from __future__ import annotations

import re

from app.readers.wordml import Element, child, int_val, is_on, style_values, val, w

BODY_TEXT = 9  # w:outlineLvl 9: "body text"
_NAMED = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_RUN, _TEXT, _DELETED = w("r"), w("t"), w("del")
_HEADING_FACES = ("楷", "Kai", "黑", "Hei")


class Outline:
    """Outline levels by style, read once from the styles part."""

    def __init__(self, styles: Element | None) -> None:
        self._levels = style_values(styles, _own_level) if styles is not None else {}

    @staticmethod
    def stated_body(p_pr: Element | None) -> bool:
        """The paragraph itself says it is body text (w:outlineLvl 9): the writer's way of
        saying a numbered line is not a heading."""
        return int_val(child(p_pr, "outlineLvl"), -1) == BODY_TEXT

    def level(self, p_pr: Element | None) -> int:
        """The paragraph's outline level; BODY_TEXT when it is not a heading."""
        if p_pr is None:
            return BODY_TEXT
        own = child(p_pr, "outlineLvl")
        if own is not None:
            return int_val(own, BODY_TEXT)
        return self._levels.get(val(child(p_pr, "pStyle")) or "", BODY_TEXT)


def _own_level(style: Element) -> int | None:
    """A style's own outline level, stated or told by its name (Heading 2, 标题 2)."""
    level = child(style, "pPr", "outlineLvl")
    if level is not None:
        return int_val(level, BODY_TEXT)
    named = _NAMED.match(val(child(style, "name"), "") or "")
    return int(named.group(1)) - 1 if named else None


def emphasised_lead(p: Element) -> str:
    """The text of the paragraph's leading runs set in bold or in a heading face, when plain
    text follows them ("" otherwise: a paragraph all in bold says nothing about where its
    heading ends)."""
    lead: list[str] = []
    for run in p.iter(_RUN):
        if any(parent.tag == _DELETED for parent in run.iterancestors()):
            continue
        text = "".join(t.text or "" for t in run.iterchildren(_TEXT))
        if not text.strip():
            continue
        if not _emphasised(child(run, "rPr")):
            return "".join(lead)
        lead.append(text)
    return ""


def _emphasised(r_pr: Element | None) -> bool:
    if r_pr is None:
        return False
    if is_on(child(r_pr, "b")):
        return True
    fonts = child(r_pr, "rFonts")
    name = fonts.get(w("eastAsia"), "") if fonts is not None else ""
    return any(part in name for part in _HEADING_FACES)
