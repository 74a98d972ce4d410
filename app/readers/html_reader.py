"""Reading a report from a web page saved from a government portal (spec/interfaces.md §6).

The page is decoded as it declares (GBK and GB2312 pages as GB18030, their superset, since
portals declare GB2312 and write GBK), parsed with lxml.html (which python-docx brings), and
walked into the paragraphs and tables the reader of Word files' lines takes: a <table>'s cells
with their rowspan and colspan (merged labels written once or repeated), tables that only
place content unwrapped, and the portal's navigation, footers, scripts and link lists left
out.

A page may claim what no report holds: millions of paragraphs, thousands of cells each
spanning a hundred rows. The tags are counted before lxml parses the page, and the rows and
cells before they are walked.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import lxml.html
from lxml import etree

from app.domain.report import Report
from app.readers.docx_body import Block, Paragraph, Table, block_lines
from app.readers.docx_tables import WordCell, WordRows
from app.readers.errors import ReadError
from app.readers.text_reader import read_lines

Element = Any  # an lxml element; lxml ships no type information

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "hz-gb-2312"}
_SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "embed",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "nav",
    "footer",
    "aside",
    "svg",
    "canvas",
    "map",
    "audio",
    "video",
}
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "address",
    "center",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "hr",
    "body",
    "html",
    "caption",
}
_FURNITURE = re.compile(
    r"^(nav|menu|foot|bottom|crumb|share|side)|footer|copyright|breadcrumb"
    r"|toolbar"
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK_FROM = "\u2e80"
MAX_DEPTH = 200  # lxml itself refuses deeper documents; this keeps the walk's stack short
# A portal's page of a report has some 100 KB, 10,000 tags and 1,000 table cells; the
# whitespace rules of _source_text take seconds over tens of megabytes.
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_TAGS = 600_000
MAX_CELLS = 20_000
# lxml checks each attribute of a tag against those before it: 200,000 on one tag (2 MB) took
# over 30 s. A portal's tags carry a few; a tag carrying this many is refused before lxml.
MAX_ATTRIBUTES = 200
_MANY_ATTRIBUTES = re.compile(
    r"<[A-Za-z][^\s/>]*(?>\s+[^\s\"'=<>/]+(?>\s*=\s*(?>\"[^\"]*\"|'[^']*'|[^\s\"'>]*))?)"
    f"{{{MAX_ATTRIBUTES}}}"
)


def read_html(data: bytes) -> Report:
    """The report in a saved web page's bytes; ReadError (Chinese) when it cannot be read."""
    try:
        return _read(data)
    except ReadError:
        raise
    except (RecursionError, MemoryError):
        raise ReadError("网页的结构异常复杂，无法读取") from None
    except Exception as exc:  # whatever a strange page trips, the user gets a sentence
        raise ReadError(f"读取网页时出错，文件可能已损坏（{type(exc).__name__}）") from None


def _read(data: bytes) -> Report:
    root = parse_html(data)
    body = root.find("body")
    blocks = _Walker().blocks(body if body is not None else root)
    try:
        return read_lines(block_lines(blocks), structured=True)
    except ReadError as exc:
        attached = _attachments(root)
        if attached and re.search("年度报告|年报", root.text_content()):
            names = "”“".join(attached[:3]) + ("”等" if len(attached) > 3 else "”")
            raise ReadError(
                f"网页中没有报告的正文，报告在附件“{names}中；请在网页上下载附件，再导入下载的文件"
            ) from None
        raise ReadError(f"{exc}（网页中没有找到报告的标题、章节或表格）") from None


_ATTACHMENT = re.compile(r"\.(pdf|docx?|wps|xlsx?|et|ofd)(\?.*)?$", re.IGNORECASE)


def _attachments(root: Element) -> list[str]:
    """The documents the page links or embeds (a portal shows the report as an attachment
    or in a PDF viewer), by the name the page gives them or their file's. Asked only of a
    page that speaks of an annual report and holds none."""
    found: list[str] = []
    for node in root.iter("a", "iframe", "embed", "object"):
        target = node.get("href") or node.get("src") or node.get("data") or ""
        if not _ATTACHMENT.search(target.strip()):
            continue
        words = _clean(_source_text(node.text_content() or "")) if node.tag == "a" else ""
        name = words if _ATTACHMENT.search(words) or "年" in words else ""
        name = name or target.strip().rsplit("/", 1)[-1].split("?", 1)[0]
        if name and name not in found:
            found.append(name[:60])
    return found


def parse_html(data: bytes) -> Element:
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(f"网页文件太大（{len(data) // (1024 * 1024)} MB），不像是一份年度报告")
    text = _XML_DECLARATION.sub("", decode_html(data), count=1)
    if not text.strip():
        raise ReadError("网页文件是空的")
    if text.count("<") > MAX_TAGS or _MANY_ATTRIBUTES.search(text):
        raise ReadError(_too_large())
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise ReadError("无法读取网页文件，文件可能已损坏") from None
    if sum(1 for _ in root.iter("td", "th")) > MAX_CELLS:
        raise ReadError(_too_large())
    return root


def _too_large() -> str:
    return "网页中的内容异常庞大，不像是一份年度报告，已拒绝读取"


def decode_html(data: bytes) -> str:
    """The page's text in the encoding it declares; UTF-8 or GB18030 when it declares none
    (or a wrong one, as pages copied between systems do)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    head = data[:16384]
    found = _XML_ENCODING.match(head) or _CHARSET.search(head)
    declared = found.group(1).decode("ascii", "replace").lower() if found else ""
    tried = ["gb18030" if declared in _GB else declared] if declared else []
    for encoding in [*tried, "utf-8", "gb18030"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("gb18030", "replace")


class _Walker:
    def __init__(self) -> None:
        self.out: list[Block] = []
        self.text: list[str] = []  # the paragraph being gathered
        self.linked = 0  # how much of it is the text of links
        self.pictured = False  # it shows a picture

    def blocks(self, root: Element) -> list[Block]:
        self.walk(root, 0, False)
        self.flush()
        return self.out

    def flush(self) -> None:
        text = _clean("".join(self.text))
        plain = len(re.sub(r"\s", "", text))
        # A paragraph that is all links is a menu or a list of other pages, not the report.
        if text and not (self.linked >= plain and plain <= 40):
            self.out.append(Paragraph(text))
        elif not text and self.pictured:  # a picture alone in its paragraph: a pasted table
            self.out.append(Paragraph("", picture=True))
        self.text, self.linked, self.pictured = [], 0, False

    def add(self, text: str | None, linked: bool) -> None:
        if text:
            text = _source_text(text)
            self.text.append(text)
            if linked:
                self.linked += len(re.sub(r"\s", "", text))

    def walk(self, node: Element, depth: int, linked: bool) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and depth < MAX_DEPTH and not _skipped(child, tag):
                self.element(child, tag.lower(), depth, linked)
            self.add(child.tail, linked)

    def element(self, node: Element, tag: str, depth: int, linked: bool) -> None:
        if tag == "br":
            self.text.append("\n")
            return
        if tag == "table":
            self.flush()
            self.table(node, depth)
            return
        if tag == "img":
            self.pictured = self.pictured or _picture_sized(node)
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        inner_linked = linked or tag == "a"
        self.add(node.text, inner_linked)
        self.walk(node, depth + 1, inner_linked)
        if block:
            self.flush()

    def table(self, table: Element, depth: int) -> None:
        rows = _rows(table)
        if _is_frame(table, rows):
            for row in rows:
                for cell in row:
                    self.flush()
                    self.add(cell.text, False)
                    self.walk(cell, depth + 1, False)
                    self.flush()
            return
        self.out.append(Table([_grid_rows(rows)]))


def _skipped(node: Element, tag: str) -> bool:
    if tag.lower() in _SKIPPED:
        return True
    if node.get("hidden") is not None or _HIDDEN.search(node.get("style") or ""):
        return True
    names = f"{node.get('id') or ''} {node.get('class') or ''}".lower()
    return any(_FURNITURE.search(token) for token in re.split(r"[^a-z0-9]+", names) if token)


def _picture_sized(img: Element) -> bool:
    """Whether an <img> may show content (a table pasted as a picture), not an icon: no size
    it states is under 60 pixels."""
    for name in ("width", "height"):
        stated = re.match(r"\s*(\d+)\s*(px)?\s*$", img.get(name) or "")
        if stated and int(stated.group(1)) < 60:
            return False
    return True


def _rows(table: Element) -> list[list[Element]]:
    """The table's own rows (not those of tables inside it), header, body and foot in order."""
    rows = []
    for row in table.iter("tr"):
        if _owner(row) is table:
            rows.append(
                [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            )
    return rows


def _owner(node: Element) -> Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _is_frame(table: Element, rows: list[list[Element]]) -> bool:
    """A table that places the page's content (a column, or tables inside), not figures."""
    if any(next(cell.iter("table"), None) is not None for row in rows for cell in row):
        return True
    return all(len(row) <= 1 for row in rows) and any(
        len(cell.text_content().strip()) > 200 for row in rows for cell in row
    )


def _span(cell: Element, name: str) -> int:
    try:
        return max(1, min(int(re.sub(r"\D.*$", "", (cell.get(name) or "1").strip()) or 1), 100))
    except ValueError:
        return 1


def _grid_rows(rows: list[list[Element]]) -> WordRows:
    """The cells with their grid positions; a cell's rowspan holds its column in the rows
    below, where it continues."""
    held: dict[int, dict[int, int]] = {}  # row -> {column: span} of cells from rows above
    out: WordRows = []
    for r, row in enumerate(rows):
        above = held.pop(r, {})
        cells: list[WordCell] = []
        col = 0
        for cell in row:
            while col in above:
                span = above.pop(col)
                cells.append(WordCell("", col, span, "continue"))
                col += span
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            cells.append(WordCell(_cell_text(cell), col, span, "restart" if down > 1 else ""))
            for k in range(r + 1, min(r + down, len(rows))):
                held.setdefault(k, {})[col] = span
            col += span
        cells += [
            WordCell("", c, span, "continue") for c, span in sorted(above.items()) if c >= col
        ]
        out.append(cells)
    return out


def _cell_text(cell: Element) -> str:
    """A cell's text as one line: a label wrapped with <br> or <p> is one label."""
    return _clean(_source_text("".join(t for t in cell.itertext() if t))).replace("\n", "")


_SOFT_BREAK = "\x01"  # a line break in the page's source: a space, or nothing between Chinese


def _source_text(text: str) -> str:
    """Text as written in the page's source, its whitespace as a browser takes it."""
    text = re.sub(r"[ \t\r\f]*\n[\s]*", _SOFT_BREAK, text)
    return re.sub(r"[ \t\r\f]+", " ", text)


# Where a line end in the source is no space: between Chinese characters, and the quotes,
# dashes and ellipses of Chinese text (pages Word saves fold their source anywhere).
_NO_SPACE_AROUND = f"{_CJK_FROM}-\uffff\u2018-\u201f\u2014\u2026\u00b7"


def _clean(text: str) -> str:
    text = re.sub(f"(?<=[{_NO_SPACE_AROUND}]){_SOFT_BREAK}+(?=[{_NO_SPACE_AROUND}])", "", text)
    text = re.sub(f"[ {_SOFT_BREAK}\u00a0\u200b\ufeff]+", " ", text)
    return "\n".join(line.strip(" \u3000") for line in text.split("\n")).strip("\n")
