"""The body of a Word document as the lines the report reader understands.

Paragraphs become lines of text (with the numbering Word shows, without deleted or hidden text
or field codes); tables become one line per row carrying its cell texts. A table that merely
frames content (a single column, or cells holding tables) is unwrapped into its paragraphs and
inner tables. Tables split into several Word tables are joined first (see docx_tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.chapters import CHAPTER_HEADINGS
from app.readers.docx_numbering import Numbering
from app.readers.docx_outline import BODY_TEXT, Outline, emphasised_lead
from app.readers.docx_tables import (
    CONTAINERS,
    WordRows,
    cell_texts,
    is_continuation_text,
    join_parts,
    row_cells,
    table_rows,
    word_rows,
)
from app.readers.labels import normalize, numbering
from app.readers.lines import Line, table_line
from app.readers.wordml import Element, child, is_on, mc, w

P, TBL = w("p"), w("tbl")
_SKIPPED = {
    w(t)
    for t in (
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "delInstrText",
        "rPr",
        "pPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "rt",
        "annotationRef",
        "fldData",
    )
} | {mc("Fallback")}
_TEXT, _TABS = w("t"), {w("tab"), w("ptab")}
_BREAKS = {w("br"), w("cr")}
_RUN, _RPR, _TEXT_BOX = w("r"), w("rPr"), w("txbxContent")
# A picture (DrawingML), and the picture VML shows: of an old picture, or of an embedded
# object such as an Excel table pasted into Word.
_PICTURES = {
    "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
    "{urn:schemas-microsoft-com:vml}imagedata",
}
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = " \t\u3000\u00a0"
_TITLE_WORDS = ("年度报告", "政府信息公开")
# A chapter heading whose "一、" was lost (typed without it, or a list style Word did not
# save) is still the heading when its words are the official ones exactly.
_UNNUMBERED_HEADINGS = {normalize(h.split("、", 1)[1]): h for h in CHAPTER_HEADINGS}
MAX_DEPTH = 40  # tables in tables in tables: a real report never goes deeper than a few


@dataclass
class Paragraph:
    text: str  # "\n" where Word breaks the line, "\t" where it tabs
    heading: str = ""  # the start of `text` Word shows as a heading (see docx_outline)
    heading_level: int = 0  # 2..4 from the outline level; 0: a lead, level by its numbering
    body_text: bool = False  # the paragraph itself says it is no heading (outline level 9)
    picture: bool = False  # it holds a picture (a table pasted as one has no figures to read)


@dataclass
class Table:
    parts: list[WordRows] = field(default_factory=list)


Block = Paragraph | Table


def body_lines(body: Element, lists: Numbering, outline: Outline | None = None) -> list[Line]:
    blocks: list[Block] = []
    _Walker(lists, outline or Outline(None)).blocks(body, blocks, 0)
    return block_lines(blocks)


def block_lines(blocks: list[Block]) -> list[Line]:
    """Paragraphs and tables, of a Word file or any other document, as the report reader's
    lines: tables with only blank or "续表" lines between them joined into one."""
    return _lines(_joined(blocks))


class _Walker:
    def __init__(self, lists: Numbering, outline: Outline) -> None:
        self.lists = lists
        self.outline = outline

    def blocks(self, container: Element, out: list[Block], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        for node in container:
            tag = node.tag
            if tag == P:
                boxes: list[Element] = []
                out.append(self.paragraph(node, boxes))
                for box in boxes:
                    self.blocks(box, out, depth + 1)
            elif tag == TBL:
                self.table(node, out, depth)
            elif tag in CONTAINERS:
                content = child(node, "sdtContent") if tag == w("sdt") else node
                if content is not None:
                    self.blocks(content, out, depth + 1)
            elif tag == mc("AlternateContent"):
                choice = node.find(mc("Choice"))
                if choice is not None:
                    self.blocks(choice, out, depth + 1)

    def table(self, tbl: Element, out: list[Block], depth: int) -> None:
        if _is_frame(tbl):
            for tr in table_rows(tbl):
                for tc in row_cells(tr):
                    self.blocks(tc, out, depth + 1)
            return
        texts = [[self.cell_text(tc) for tc in row_cells(tr)] for tr in table_rows(tbl)]
        out.append(Table([word_rows(tbl, texts)]))

    def cell_text(self, tc: Element) -> str:
        """A cell's paragraphs run together: Word wraps a label over lines ("结果" / "维持")."""
        parts: list[str] = []
        self._cell_paragraphs(tc, parts, 0)
        return _clean(re.sub(r"[\n\t]+", "", "".join(parts)))

    def _cell_paragraphs(self, node: Element, parts: list[str], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        for item in node:
            if item.tag == P:
                boxes: list[Element] = []
                parts.append(self.paragraph_text(item, boxes))
                for box in boxes:
                    self._cell_paragraphs(box, parts, depth + 1)
            elif item.tag in CONTAINERS or item.tag == w("sdtContent"):
                self._cell_paragraphs(item, parts, depth + 1)

    def paragraph(self, p: Element, boxes: list[Element]) -> Paragraph:
        """A paragraph with what Word knows of its heading: its outline level, or a lead
        in bold or 楷体."""
        text = self.paragraph_text(p, boxes)
        # A picture alone in its paragraph, as a table pasted as one is (not an emblem in
        # the title's line, or an icon within a sentence).
        picture = not text.strip() and any(box.tag in _PICTURES for box in boxes)
        p_pr = child(p, "pPr")
        level = self.outline.level(p_pr)
        if level < BODY_TEXT:
            return Paragraph(text, text, min(max(level + 1, 2), 4), picture=picture)
        if self.outline.stated_body(p_pr):
            return Paragraph(text, body_text=True, picture=picture)
        lead = emphasised_lead(p)
        at = text.find(lead) if lead else -1
        return Paragraph(text, text[: at + len(lead)] if at >= 0 else "", picture=picture)

    def paragraph_text(self, p: Element, boxes: list[Element]) -> str:
        out = [self.lists.label(child(p, "pPr"))] if self.lists.active else []
        _inline(p, out, boxes, 0)
        return "".join(out)


def _is_frame(tbl: Element) -> bool:
    """A table used to place content, not a table of figures: one column, or tables inside."""
    if next(tbl.iterdescendants(TBL), None) is not None:
        return True
    rows = list(table_rows(tbl))
    return all(len(list(row_cells(tr))) <= 1 for tr in rows) and any(
        len(tc.findall(P)) > 2 for tr in rows for tc in row_cells(tr)
    )


def _inline(node: Element, out: list[str], boxes: list[Element], depth: int) -> None:
    if depth > MAX_DEPTH:
        return
    for item in node:
        tag = item.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue  # comments, processing instructions, deleted text, field codes
        if tag == _TEXT:
            out.append(item.text or "")
        elif tag in _TABS:
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        elif tag == _TEXT_BOX or tag in _PICTURES:
            boxes.append(item)  # a picture's own walk finds nothing: the paragraph notes it
        elif tag == _RUN and len(item) and item[0].tag == _RPR and is_on(child(item[0], "vanish")):
            continue  # hidden text is not printed, so it is not part of the report
        elif tag != P and tag != TBL:
            _inline(item, out, boxes, depth + 1)


def _joined(blocks: list[Block]) -> list[Block]:
    """Tables separated only by blank or "续表" lines become one table."""
    out: list[Block] = []
    pending: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Table):
            if out and isinstance(out[-1], Table) and all(_between_parts(p) for p in pending):
                out[-1].parts += block.parts
            else:
                out += pending
                out.append(block)
            pending = []
        elif out and isinstance(out[-1], Table) and _between_parts(block):
            pending.append(block)
        else:
            out += pending
            pending = []
            out.append(block)
    return out + pending


def _between_parts(p: Paragraph) -> bool:
    if p.picture:
        return False
    text = _clean(p.text.replace("\n", "").replace("\t", ""))
    return not text or is_continuation_text(text)


def _lines(blocks: list[Block]) -> list[Line]:
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Table):
            for cells in cell_texts(join_parts(block.parts)):
                if any(cells):
                    lines.append(table_line(cells))
            lines.append(Line("", False))
        else:
            lines += _paragraph_lines(block)
    return lines


def _paragraph_lines(block: Paragraph) -> list[Line]:
    """A paragraph as lines: a title broken with Shift+Enter stays one line, other line breaks
    make lines (a unit and its date typed into one paragraph)."""
    parts = [_clean(part.replace("\t", " ")) for part in block.text.split("\n")]
    joined = "".join(parts)
    if len(parts) > 1 and len(joined) <= 60 and any(word in joined for word in _TITLE_WORDS):
        return [Line(joined, False)]
    lines = [Line(_chapter_heading(part), False) for part in parts]
    heading = _clean(block.heading.split("\n")[0].replace("\t", " "))
    if heading and lines[0].text.startswith(heading):
        lines[0].heading, lines[0].heading_level = heading, block.heading_level
    lines[0].body_text = block.body_text
    if block.picture:
        lines.append(Line("", False, picture=True))
    return lines


def _chapter_heading(text: str) -> str:
    # Only without any number: chapter 1 often has items "（三）依申请公开" … "1.收到和处理政府
    # 信息公开申请情况" whose words are a chapter's.
    if numbering(text)[0]:
        return text
    return _UNNUMBERED_HEADINGS.get(normalize(text), text)


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ")
    return re.sub(r" {2,}", " ", text).strip(_SPACES)
