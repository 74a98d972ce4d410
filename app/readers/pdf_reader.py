"""Reading a report from a PDF with a text layer, as Word, WPS and the portals save them
(spec/interfaces.md §6).

PDFium (through pypdfium2, which only this module, pdfium_calls and pdf_picture import, and
only when a PDF is opened) gives each character with its box and, through pdf_paths, each drawn
path as the lines it rules; pdf_geometry finds the ruled tables, pdf_layout the paragraphs and
the tables across page breaks, and the reader of Word files' lines finds the title, the chapters
and the figures by their labels. A scan run through text recognition has no drawn lines: its
page is drawn as a picture (pdf_picture) and pdf_scan finds the lines in it.

A scan (pictures, no text), a password, damage and a document far longer than any report get
a sentence each, before any page is read beyond what that takes. What the pages may hold is
bounded over the whole document, whatever a small file claims (two hundred pages drawing one
content stream of thousands of characters, forms inside forms): the characters are counted
before any is read, and drawn objects and path segments each have a budget (pdf_paths) the
reader stops at, with a sentence.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.domain.report import Report
from app.readers import pdf_native, pdf_picture, pdf_scan, pdfium_calls
from app.readers.docx_body import block_lines
from app.readers.errors import ReadError
from app.readers.pdf_geometry import Box, Char, Grid, Page, find_grids
from app.readers.pdf_layout import page_blocks
from app.readers.pdf_paths import MAX_OBJECTS, Budget, Matrix, page_drawing, view_matrix
from app.readers.text_reader import read_lines

MAX_PAGES = 200  # a report is a few dozen pages; a county's collection is not one PDF
MAX_CHARS_PER_PAGE = 20_000  # a page of 3号 text holds about 700
MAX_CHARS = 150_000  # a long report has 30,000: more would cost seconds and memory for nothing
SCANNED_CHARS_PER_PAGE = 20  # fewer than this on average, with pictures: a scan
_INVISIBLE = {0xFFFE, 0xFFFF}
# Chinese characters, their punctuation and the full-width forms (as pdf_layout's _CJK_FROM).
_CHINESE_RUN = re.compile("[\u2e80-\ufffd]{2,}")
# Chinese characters, their punctuation and the full-width forms, and the punctuation of
# Chinese text outside them (“”‘’…—·).
_READABLE_CJK = re.compile(
    "[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027\u00b7]"
)


def read_pdf(data: bytes) -> Report:
    """The report in a PDF file's bytes; ReadError (Chinese) when it cannot be read."""
    try:
        return _read(data)
    except ReadError:
        raise
    except (RecursionError, MemoryError):
        raise ReadError("PDF 文件的结构异常复杂，无法读取") from None
    except Exception as exc:  # whatever a strange file trips, the user gets a sentence
        raise ReadError(f"读取 PDF 文件时出错，文件可能已损坏（{type(exc).__name__}）") from None


def _read(data: bytes) -> Report:
    pages = read_pages(data)
    text_chars = sum(len(c.text) for p in pages for c in p.chars)
    if text_chars < SCANNED_CHARS_PER_PAGE * len(pages):
        if any(p.pictures for p in pages):
            raise ReadError(
                "这是扫描件（PDF 中只有图片），没有可读取的文字；"
                "请向报送单位索取 Word 版或带文字的 PDF"
            )
        if any(p.edges for p in pages):
            raise ReadError(OUTLINED)
        raise ReadError("PDF 中没有可读取的文字")
    lines = block_lines(page_blocks(pages))
    try:
        report = read_lines(lines, structured=True)
    except ReadError as exc:
        if _garbled(pages):
            raise ReadError(
                "PDF 中的文字无法识别（文件所用字体没有文字编码，复制出来是乱码）；"
                "请向报送单位索取 Word 版，或请其重新导出 PDF"
            ) from None
        raise ReadError(f"{exc}（PDF 中没有找到报告的标题、章节或表格）") from None
    if _recognised_scan(pages):
        report.reader_notes.insert(0, RECOGNISED_SCAN_NOTE)
    return report


# Text turned into outlines (转曲, as print shops and some offices make PDFs): every letter a
# drawing, no character to read.
OUTLINED = (
    "PDF 中没有文字，只有图形（文字可能已转为曲线），无法读取；"
    "请向报送单位索取 Word 版或带文字的 PDF"
)
OUTLINED_AT_LENGTH = (
    "PDF 中没有文字，只有数量异常庞大的图形（文字可能已转为曲线），无法读取；"
    "请向报送单位索取 Word 版或带文字的 PDF"
)


RECOGNISED_SCAN_NOTE = (
    "这是扫描件经文字识别生成的 PDF：识别出的文字和数字可能有误，"
    "请与原件核对，或向报送单位索取 Word 版"
)


def _recognised_scan(pages: list[Page]) -> bool:
    """Whether most pages are a picture of the page with text laid over it (a scan run
    through text recognition, as portals' tools and scanners make them)."""
    return sum(1 for page in pages if _scan_picture(page)) > len(pages) / 2


def _scan_picture(page: Page) -> bool:
    """Whether pictures cover most of the page: a scanned page (some scanners' files draw it
    in strips, one picture each), or a page's background."""
    covered = 0.0
    for x0, y0, x1, y1 in page.pictures:
        width = min(x1, page.width) - max(x0, 0.0)
        height = min(y1, page.height) - max(y0, 0.0)
        if width > 0 and height > 0:
            covered += width * height
    return covered >= 0.8 * page.width * page.height


def _garbled(pages: list[Page]) -> bool:
    """Whether most of the text is neither Chinese nor plain Latin: what PDFium gives for a
    font that carries no Unicode for its glyphs (the character codes as they are, which
    fall in Latin-1, Latin Extended, symbols or private use), as pdftotext and a copy out
    of any PDF viewer give it too."""
    shown = [ch for page in pages for char in page.chars for ch in char.text if not ch.isspace()]
    readable = sum(1 for ch in shown if "!" <= ch <= "~" or _READABLE_CJK.match(ch))
    return len(shown) >= SCANNED_CHARS_PER_PAGE and readable < len(shown) / 2


def read_pages(data: bytes) -> list[Page]:
    """Every page's characters, edges and pictures."""
    document = _open(data)
    try:
        count = len(document)
        if count == 0:
            raise ReadError("PDF 文件中没有页面，文件可能已损坏")
        if count > MAX_PAGES:
            raise ReadError(f"PDF 共有 {count} 页，不像是一份年度报告（年度报告通常只有十几页）")
        opened: list[tuple[Any, Any]] = []
        try:
            # Counted before any character is looked at: a document of far more text than a
            # report is refused in the time PDFium takes to load its pages. So are the pages'
            # own drawn objects, which PDFium parses as it loads each page.
            chars = objects = 0
            for k in range(count):
                page = document[k]
                opened.append((page, page.get_textpage()))
                chars += pdfium_c.FPDFText_CountChars(opened[-1][1].raw)
                if chars > MAX_CHARS:
                    raise ReadError("PDF 中的文字太多，不像是一份年度报告")
                objects += max(pdfium_c.FPDFPage_CountObjects(page.raw), 0)
                if objects > MAX_OBJECTS:  # no character on the pages so far: outlines
                    raise ReadError(OUTLINED_AT_LENGTH if chars == 0 else Budget.message("objects"))
            budget = Budget()
            try:
                read = [_page(page, textpage, budget) for page, textpage in opened]
            except ReadError:
                if chars == 0:  # drawings beyond any report's, and no text at all
                    raise ReadError(OUTLINED_AT_LENGTH) from None
                raise
            pages = [page for page, _ in read]
            if _recognised_scan(pages):  # its tables' lines are in its pictures
                _read_scan_lines(opened, read, budget)
            return pages
        finally:
            for page, textpage in opened:
                textpage.close()
                page.close()
    except pdfium.PdfiumError:
        raise ReadError("PDF 文件已损坏，无法读取其中的页面") from None
    finally:
        document.close()


def _open(data: bytes) -> Any:
    if not data:
        raise ReadError("文件是空的")
    if b"%PDF-" not in data[:1024]:
        raise ReadError("这不是 PDF 文件，或文件已损坏")
    # Every PDF ends with %%EOF (a few bytes of padding may follow); a file cut short by a
    # broken download has lost it, and PDFium would read what is left as if it were all.
    if b"%%EOF" not in data[-4096:]:
        raise ReadError("PDF 文件不完整（文件末尾缺失，可能没有下载完），请重新下载或索取原文件")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(
                "PDF 文件设置了打开密码，无法读取；请向报送单位索取未加密的文件"
            ) from None
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError("PDF 文件使用了不支持的加密方式，无法读取") from None
        raise ReadError("PDF 文件已损坏或不完整，无法打开（请重新下载或索取原文件）") from None


def _page(page: Any, textpage: Any, budget: Budget) -> tuple[Page, Matrix]:
    """A page's characters, edges and pictures, and the matrix it is shown through."""
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation()
    view = view_matrix(left, bottom, right, top, rotation)
    width, height = (right - left, top - bottom)
    if rotation in (90, 270):
        width, height = height, width
    edges, pictures = page_drawing(pdfium_calls.pointer(page.raw), view, budget)
    result = Page(width, height, edges=edges, pictures=pictures)
    # The tables first: characters inside them are taken one by one, those outside in runs.
    result.grids = find_grids(result.edges)
    result.chars = _chars(textpage, view, result.grids)
    return result, view


def _read_scan_lines(
    opened: list[tuple[Any, Any]], read: list[tuple[Page, Matrix]], budget: Budget
) -> None:
    """The lines of a recognised scan's pages that have text over their picture and no
    drawn lines, as many pages as the budget leaves; past it, their text straightened only
    (its tables are then found from where the text stands, pdf_ruleless)."""
    for (page, textpage), (result, view) in zip(opened, read, strict=True):
        if (
            not result.grids
            and len(result.chars) >= SCANNED_CHARS_PER_PAGE
            and _scan_picture(result)
        ):
            if budget.scans_left > 0:
                budget.scans_left -= 1
                _scan_lines(page, textpage, view, result)
            elif angle := pdf_scan.skew(result.chars):
                _straighten(textpage, view, angle, result)


def _scan_lines(page: Any, textpage: Any, view: Matrix, result: Page) -> None:
    """A scan's tables by the lines in its picture, and its text straightened with the
    picture where the paper lay askew (pdf_scan)."""
    angle = pdf_scan.skew(result.chars)
    rendered = pdf_picture.rendered(page.raw, angle, result.width, result.height)
    if rendered is None:
        return
    edges = pdf_scan.ruling_edges(*rendered, result.width, result.height)
    grids = find_grids(edges)
    if grids or angle:
        result.edges, result.grids = edges, grids
        _straighten(textpage, view, angle, result)


def _straighten(textpage: Any, view: Matrix, angle: float, result: Page) -> None:
    """The page's characters taken again, turned back by the paper's skew (none: as shown),
    each table's one by one (its grids are the page's)."""
    straight = pdf_scan.straightening(view, angle, result.width, result.height)
    result.chars = _chars(textpage, straight, result.grids or [])


BoxOf = Callable[[float, float, float, float], Box]


def _box_transform(view: Matrix) -> BoxOf:
    """A box (left, bottom, right, top) in PDF space to (x0, y0, x1, y1) as shown."""
    a, b, c, d, e, f = view
    if (a, b, c, d) == (1.0, 0.0, 0.0, -1.0):  # nearly every page: the plain sums, once a box
        return lambda x0, y0, x1, y1: (x0 + e, f - y1, x1 + e, f - y0)

    def turned(x0: float, y0: float, x1: float, y1: float) -> Box:
        ax, ay = a * x0 + c * y0 + e, b * x0 + d * y0 + f
        bx, by = a * x1 + c * y1 + e, b * x1 + d * y1 + f
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    return turned


def _chars(textpage: Any, view: Matrix, grids: list[Grid]) -> list[Char]:
    """The page's characters with their boxes. A run of Chinese characters on one line is
    one Char, boxed from its first and last character: a call into PDFium for each character
    costs as much as PDFium's own reading of the page, and within such a run nothing but a
    gap could set characters apart, where PDFium puts a space of its own. In a table a run
    is one only within one cell (a character's middle says its cell). Every other character
    counts on its own (a space between Latin letters is told by the gap)."""
    raw = textpage.raw
    count = min(pdfium_c.FPDFText_CountChars(raw), MAX_CHARS_PER_PAGE)
    text = _text(raw, count)
    handle = pdfium_calls.pointer(raw)
    if pdf_native.loaded():
        boxes, known, pieces = pdf_native.page_chars(handle, text, view)
        box = _looked_up(boxes, known)
    else:
        box = _asked(handle, view)
        boxes, pieces = _pieces(text, box, lambda i: pdfium_calls.char_generated(handle, i) == 1)
    out: list[Char] = []
    for p in range(0, len(pieces), 3):
        start, end, kind = pieces[p], pieces[p + 1], pieces[p + 2]
        k = 4 * start
        if kind != _RUN:
            char = " " if kind == _SPACE else text[start]
            out.append(Char(char, boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3]))
            continue
        m = 4 * (end - 1)
        first = (boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3])
        last = (boxes[m], boxes[m + 1], boxes[m + 2], boxes[m + 3])
        joined = Char(
            text[start:end], first[0], min(first[1], last[1]), last[2], max(first[3], last[3])
        )
        if grids and _across_cells(joined, first, last, grids):
            for i in range(start, end):  # Chinese characters, each as it is
                found = box(i)
                if found is not None:
                    out.append(Char(text[i], *found))
        else:
            out.append(joined)
    return out


# What _pieces makes a page's characters of (and nb_page_chars in pdf_walk.c, the same).
_CHAR, _SPACE, _RUN = 0, 1, 2


def _pieces(
    text: str, box: Callable[[int], Box | None], generated: Callable[[int], bool]
) -> tuple[list[float], list[int]]:
    """The pieces (start, end, kind; three a piece) the page's characters are made of: a
    character with its box, a space that is not PDFium's own, or a run of two or more Chinese
    characters whose first and last sit on one line; and the boxes (four a character, as
    shown) of the characters in them, asked of PDFium only for a piece's ends."""
    boxes = [0.0] * (4 * len(text))
    pieces: list[int] = []

    def one_by_one(start: int, end: int) -> None:
        for i in range(start, end):
            code = ord(text[i])
            kind = _CHAR
            if code <= 0x20 or code in _INVISIBLE or 0x2000 <= code <= 0x200F:
                if code < 0x20 or code in _INVISIBLE or generated(i):
                    continue  # line ends, and the spaces PDFium made up (spacing is in the boxes)
                kind = _SPACE
            found = box(i)
            if found is not None:
                boxes[4 * i : 4 * i + 4] = found
                pieces.extend((i, i + 1, kind))

    done = 0
    for run in _CHINESE_RUN.finditer(text):
        start, end = run.span()
        one_by_one(done, start)
        done = end
        first, last = box(start), box(end - 1)
        if first is None or last is None or not _one_line(first, last):
            one_by_one(start, end)
            continue
        boxes[4 * start : 4 * start + 4] = first
        boxes[4 * (end - 1) : 4 * end] = last
        pieces.extend((start, end, _RUN))
    one_by_one(done, len(text))
    return boxes, pieces


def _looked_up(boxes: list[float], known: bytes) -> Callable[[int], Box | None]:
    """A character's box as shown, in what nb_page_chars found (None where PDFium has none)."""

    def looked_up(i: int) -> Box | None:
        k = 4 * i
        return (boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3]) if known[i] else None

    return looked_up


def _asked(handle: pdfium_calls.Pointer, view: Matrix) -> Callable[[int], Box | None]:
    """A character's box as shown, asked of PDFium (None where it has none)."""
    box_of = _box_transform(view)
    rect = pdfium_calls.Rect()
    rect_ref = ctypes.byref(rect)
    get_box = pdfium_calls.char_box

    def asked(i: int) -> Box | None:
        if not get_box(handle, i, rect_ref):
            return None
        return box_of(rect.left, rect.bottom, rect.right, rect.top)

    return asked


def _one_line(first: Box, last: Box) -> bool:
    """Whether a run's first and last characters sit on one line, left to right."""
    height = max(first[3] - first[1], last[3] - last[1])
    middle = abs((first[1] + first[3]) - (last[1] + last[3])) / 2
    return middle <= 0.45 * height and last[0] >= first[0]


def _across_cells(run: Char, first: Box, last: Box, grids: list[Grid]) -> bool:
    """Whether a run reaches into a table other than within one of its cells."""
    for grid in grids:
        xs, ys = grid.xs, grid.ys
        if run.x0 < xs[-1] and run.x1 > xs[0] and run.y0 < ys[-1] and run.y1 > ys[0]:
            cell = grid.cell_index(run.cx, run.cy)
            if cell is None:
                return True
            for x0, y0, x1, y1 in (first, last):
                if grid.cell_index((x0 + x1) / 2, (y0 + y1) / 2) != cell:
                    return True
    return False


def _text(raw: Any, count: int) -> str:
    """The page's characters in one call, one string index a character; one by one where
    that text does not line up with the characters (a character beyond the Basic
    Multilingual Plane takes two code units)."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(
        raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    units = buffer.raw[: max(written - 1, 0) * 2]
    if len(units) == 2 * count:
        return units.decode("utf-16-le", "surrogatepass")
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
