"""Reports as agencies publish them, for the PDF and web page reader tests: a portal's page
(navigation, a table of 索引号 and 发布机构, share buttons, a footer, scripts) in the encoding
it declares, its tables with merged cells, labels repeated in every row, or written once;
and small PDFs written by hand for the bad inputs (a scan, a password, 500 pages…).
"""

from __future__ import annotations

import hashlib
import html
import re
import zlib
from dataclasses import dataclass

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layouts import get_layout
from app.domain.report import Report, format_date
from tests.app.readers.word_made import Cell, Style, grid_cells


@dataclass(frozen=True)
class Page:
    """How one portal shows the report."""

    merge: str = "merge"  # rowspan/colspan, "repeat" labels in every row, or "once"
    encoding: str = "utf-8"
    declared: str | None = None  # the charset the page names (None: the encoding's own name)
    declare_in: str = "meta"  # "meta" (<meta charset>), "http-equiv", or "none"
    portal: bool = True  # navigation, metadata, share buttons, footer and scripts around it
    title_lines: int = 1  # the title in one line, or the unit and the rest on two
    layout_frame: bool = False  # the whole article placed inside a one-column table
    pictured: tuple[str, ...] = ()  # tables shown as pictures ("table2"…), not as tables
    word: bool = False  # paragraphs and cells as Word saves a web page (MsoNormal, <span>s)


NAVIGATION = [
    "首页",
    "政务公开",
    "政务服务",
    "互动交流",
    "走进本区",
    "专题专栏",
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政府信息公开年报",
    "依申请公开",
]


def with_old_table3(report: Report) -> Report:
    """A 2021-style report whose table 3 is still the 2019 one, as some agencies published:
    （六）其他处理 one row, holding what the three rows of 2021 hold."""
    old = report.copy()
    old.table_layouts = {**old.table_layouts, "table3": "2019"}
    for column in ("natural", "business", "research", "public_interest", "legal", "other", "total"):
        parts = [
            report.get(f"table3:{row}.{column}")
            for row in ("other_no_correction", "other_unpaid_fee", "other_other")
        ]
        old.set(f"table3:other.{column}", sum(v for v in parts if isinstance(v, int)))
        for row in ("other_no_correction", "other_unpaid_fee", "other_other"):
            old.cells.pop(f"table3:{row}.{column}", None)
    return old


def _word_runs(text: str) -> str:
    """Text as Word writes it into a web page: a run of its own for figures and Latin
    letters, Chinese in runs cut where the typing paused, the source folded inside them,
    nothing as a no-break space."""
    if not text:
        return "<span lang=EN-US>&nbsp;<o:p></o:p></span>"
    # Word folds its source at 76 columns, between Chinese characters too (where a browser
    # puts no space).
    pieces = [
        piece if len(piece) < 4 or piece.isascii() else f"{piece[:2]}\r\n{piece[2:]}"
        for piece in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]{1,5}", text)
    ]
    return (
        "".join(
            f"<span lang=EN-US style='font-size:10.5pt'>{html.escape(piece)}</span>"
            if piece.isascii()
            else f"<span style='font-size:10.5pt;font-family:仿宋_GB2312'>{html.escape(piece)}</span>"
            for piece in pieces
        )
        + "<o:p></o:p>"
    )


def _word_text(text: str) -> str:
    return f"<p class=MsoNormal align=center style='text-align:center'>{_word_runs(text)}</p>"


def _cells_html(cells: list[Cell], merge: str, word: bool = False) -> str:
    n_rows = max(c.row + c.rowspan for c in cells)
    rows: list[list[tuple[int, str]]] = [[] for _ in range(n_rows)]
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        text = _word_text(c.text) if word else html.escape(c.text)
        cols = f' colspan="{c.colspan}"' if c.colspan > 1 else ""
        if merge == "merge" or c.rowspan == 1:
            down = f' rowspan="{c.rowspan}"' if c.rowspan > 1 else ""
            rows[c.row].append((c.col, f"<td{down}{cols}>{text}</td>"))
            continue
        for r in range(c.row, c.row + c.rowspan):
            shown = text if merge == "repeat" or r == c.row else (_word_text("") if word else "")
            rows[r].append((c.col, f"<td{cols}>{shown}</td>"))
    body = "".join("<tr>" + "".join(td for _, td in sorted(row)) + "</tr>\n" for row in rows)
    if word:
        return (
            "<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 "
            "style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>\n"
            f"<tbody>\n{body}</tbody></table>\n"
        )
    return (
        f'<table border="1" cellspacing="0" style="width:600px">\n<tbody>\n{body}</tbody></table>\n'
    )


def _table_html(report: Report, name: str, page: Page) -> str:
    if name in page.pictured:  # a screenshot of the table, as the portal's editor uploaded it
        return (
            '<p style="text-align:center"><img src="/u/cms/www/202201/2109351234ab.png" '
            'width="600" alt=""></p>\n'
        )
    table = get_layout(report.table_layout_id(name)).table(name)
    return _cells_html(grid_cells(report, table, Style()), page.merge, page.word)


def _paragraphs(text: str, word: bool = False) -> str:
    if word:
        return "".join(
            f"<p class=MsoNormal style='text-indent:32.0pt'>{_word_runs(line)}</p>\n"
            for line in text.splitlines()
            if line.strip()
        )
    return "".join(
        f'<p style="text-indent:2em">{html.escape(line)}</p>\n'
        for line in text.splitlines()
        if line.strip()
    )


def _title_html(report: Report, page: Page) -> str:
    title = html.escape(report.title)
    if page.title_lines == 2 and report.unit and title.startswith(report.unit):
        title = f"{html.escape(report.unit)}<br>\n{title[len(report.unit) :]}"
    return f'<h1 class="article-title">{title}</h1>\n'


def article_html(report: Report, page: Page) -> str:
    parts = [_title_html(report, page), _paragraphs(report.preamble, page.word)]
    tables = {"2": "table2", "3": "table3", "4": "table4"}
    for number, heading in zip("123456", CHAPTER_HEADINGS, strict=True):
        if page.word:
            parts.append(
                "<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:"
                f"黑体'>{html.escape(heading)}</span></b><o:p></o:p></p>\n"
            )
        else:
            parts.append(f"<p><strong>{html.escape(heading)}</strong></p>\n")
        parts.append(_paragraphs(report.chapter(number), page.word))
        if number in tables:
            parts.append(_table_html(report, tables[number], page))
    if report.signature_unit:
        parts.append(f'<p style="text-align:right">{html.escape(report.signature_unit)}</p>\n')
    if report.signature_date:
        parts.append(f'<p style="text-align:right">{format_date(report.signature_date)}</p>\n')
    article = "".join(parts)
    if page.layout_frame:
        article = f'<table width="100%"><tr><td>\n{article}</td></tr></table>\n'
    return article


def web_page(report: Report, page: Page | None = None) -> bytes:
    page = page or Page()
    charset = page.declared or page.encoding
    declaration = {
        "meta": f'<meta charset="{charset}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        "none": "",
    }[page.declare_in]
    head = (
        f"<head>{declaration}<title>{html.escape(report.title)}_政府信息公开</title>"
        "<style>.nav li{float:left}</style>"
        '<script>var menu = "一、总体情况 二、主动公开政府信息情况";</script></head>\n'
    )
    article = article_html(report, page)
    if page.word:  # what Word adds around a page it saves, in the head and at the end
        head = head.replace(
            "</head>",
            "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument>"
            "</xml><![endif]--><style><!-- p.MsoNormal {margin:0cm;text-align:justify} -->"
            "</style></head>",
        )
        article = (
            "<div class=WordSection1 style='layout-grid:15.6pt'>\n"
            f"{article}<![if !supportLineBreakNewLine]><br><![endif]></div>\n"
        )
    if not page.portal:
        return f"<!DOCTYPE html><html>{head}<body>\n{article}</body></html>".encode(page.encoding)
    links = "".join(f'<li><a href="/{k}.html">{name}</a></li>' for k, name in enumerate(NAVIGATION))
    body = (
        f'<div class="header"><div class="logo"><a href="/">{html.escape(report.unit)}人民政府门户网站'
        f'</a></div><div class="nav"><ul>{links}</ul></div></div>\n'
        '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
        '<a href="/nb/">政府信息公开年报</a></div>\n'
        '<div class="article">\n'
        '<table class="info"><tr><td>索引号：</td><td>11350128MB1234567X/2022-00012</td>'
        f"<td>发布机构：</td><td>{html.escape(report.unit)}</td></tr>"
        "<tr><td>发布日期：</td><td>2022-01-21</td><td>分类：</td><td>政府信息公开年报</td></tr></table>\n"
        f'<div class="TRS_Editor">\n{article}</div>\n'
        '<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a> 【<a href="#">打印</a>】'
        '【<a href="#">关闭</a>】</div>\n'
        '<ul class="related"><li><a href="/1.html">2020年政府信息公开工作年度报告</a></li></ul>\n'
        "</div>\n"
        '<div class="footer"><p>主办单位：人民政府办公室　地址：城关路1号　电话：0591-12345678</p>'
        "<p>网站标识码：3501000001　闽ICP备05012345号</p></div>\n"
        '<script type="text/javascript">document.write("<p>访问量</p>");</script>\n'
    )
    return f"<!DOCTYPE html>\n<html>{head}<body>\n{body}</body></html>".encode(page.encoding)


# ---- PDFs written by hand ------------------------------------------------------------------


FONT = b"<< /Font << /F1 3 0 R >> >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF whose objects 1… are `objects` (1 the catalogue), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1)
        + trailer_extra
        + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(content)
    return (
        b"<< /Length %d /Filter /FlateDecode " % len(packed)
        + extra
        + b">>\nstream\n"
        + packed
        + b"\nendstream"
    )


def _pages(contents: list[bytes], resources: bytes, first: int = 3) -> list[bytes]:
    """Page objects (numbered from `first`, each followed by its content stream)."""
    objects = []
    for k, content in enumerate(contents):
        page_number = first + 2 * k
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            + resources
            + b" /Contents %d 0 R >>" % (page_number + 1)
        )
        objects.append(_stream(content))
    return objects


def _document(
    contents: list[bytes],
    resources: bytes,
    extra_objects: list[bytes] = (),  # type: ignore[assignment]
    trailer_extra: bytes = b"",
) -> bytes:
    first = 3 + len(extra_objects)
    kids = b" ".join(b"%d 0 R" % (first + 2 * k) for k in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
        *extra_objects,
        *_pages(contents, resources, first),
    ]
    return _pdf(objects, trailer_extra)


def text_pdf(pages: list[list[str]]) -> bytes:
    """Pages of ASCII text lines in Helvetica."""
    contents = []
    for lines in pages:
        ops = b"".join(
            b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (780 - 20 * i, line.encode("ascii"))
            for i, line in enumerate(lines)
        )
        contents.append(ops)
    return _document(contents, FONT, [HELVETICA])


def garbled_pdf(n_pages: int = 3) -> bytes:
    """Pages of text in a Chinese font that carries no Unicode for its glyphs (a Type0 font
    with Identity-H and neither a ToUnicode map nor a known character collection), as some
    printers to PDF write a report: what a viewer copies out of it is mojibake."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] >>"
    )
    cid_font = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"
    )
    lines = []
    for i in range(30):
        glyphs = b"".join(b"%04X" % (100 + (i * 37 + j * 11) % 3000) for j in range(30))
        lines.append(b"BT /F1 12 Tf 72 %d Td <%s> Tj ET\n" % (780 - 20 * i, glyphs))
    return _document([b"".join(lines)] * n_pages, FONT, [font, cid_font])


def ruled_pdf(
    rows: list[list[str]],
    rotate: int = 0,
    forms: int = 0,
    borders: str = "lines",
    drawn: bytes = b"",
) -> bytes:
    """One page with a ruled table of ASCII cells (60 × 20 points each, from (72, 700) down).
    With `rotate` 90 or 270 the page is stored turned (/Rotate) and its content drawn turned
    back, so it shows as the unturned page: how landscape pages come out of some printers.
    With `forms` the table is drawn inside that many forms, one inside the other, each drawn
    scaled by 2 and scaling its content by 1/2 (so the page shows the same).
    `borders` is how the lines are drawn: "lines", each rule one stroked line (LibreOffice);
    "bars", each cell's every side a thin filled rectangle reaching half a line's width past
    the corners (Word and WPS); "cells", each cell's outline a stroked rectangle (Qt).
    `drawn` is more content drawn before the table (shading, shapes)."""
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    ops = [drawn, b"0.5 w"] + [
        op
        for r in range(n_rows)
        for c in range(n_cols)
        for op in _cell_borders(72 + 60 * c, 700 - 20 * (r + 1), borders)
    ]
    if borders == "lines":
        for r in range(n_rows + 1):
            ops.append(b"72 %d m %d %d l S" % (700 - 20 * r, 72 + 60 * n_cols, 700 - 20 * r))
        for c in range(n_cols + 1):
            ops.append(b"%d 700 m %d %d l S" % (72 + 60 * c, 72 + 60 * c, 700 - 20 * n_rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ops.append(
                b"BT /F1 10 Tf %d %d Td (%s) Tj ET"
                % (76 + 60 * c, 686 - 20 * r, text.encode("ascii"))
            )
    content = b"\n".join(ops)
    box, turn = b"[0 0 595 842]", b""
    if rotate == 90:  # shown turned clockwise: draw (x, y) at (842 - y, x)
        box, turn = b"[0 0 842 595]", b"0 1 -1 0 842 0 cm\n"
    elif rotate == 270:  # (x, y) at (y, 595 - x)
        box, turn = b"[0 0 842 595]", b"0 -1 1 0 0 595 cm\n"
    resources, form_objects = FONT, []
    for k in range(forms):  # form k is object 6 + k; the last one draws the table
        inner, form_resources = content, FONT
        if k + 1 < forms:
            inner = b"q 2 0 0 2 0 0 cm /Fm%d Do Q" % (k + 1)
            form_resources = FONT[:-2] + b" /XObject << /Fm%d %d 0 R >> >>" % (k + 1, 7 + k)
        form_objects.append(
            _stream(
                inner,
                b"/Type /XObject /Subtype /Form /BBox [-5000 -5000 5000 5000] "
                b"/Matrix [0.5 0 0 0.5 0 0] /Resources " + form_resources + b" ",
            )
        )
    if forms:
        content = b"q 2 0 0 2 0 0 cm /Fm0 Do Q"
        resources = FONT[:-2] + b" /XObject << /Fm0 6 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        HELVETICA,
        b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + box
        + b" /Rotate %d " % rotate
        + b"/Resources "
        + resources
        + b" /Contents 5 0 R >>",
        _stream(b"q " + turn + content + b" Q"),
        *form_objects,
    ]
    return _pdf(objects)


def _cell_borders(x: int, y: int, borders: str) -> list[bytes]:
    """The sides of the 60 × 20 cell whose bottom left corner is (x, y), as `borders` says."""
    if borders == "cells":
        return [b"%d %d 60 20 re S" % (x, y)]
    if borders == "bars":  # 0.5 wide, from a quarter before each corner to a quarter after
        return [
            b"%.2f %.2f %.2f %.2f re f" % box
            for box in (
                (x - 0.25, y - 0.25, 60.5, 0.5),
                (x - 0.25, y + 19.75, 60.5, 0.5),
                (x - 0.25, y - 0.25, 0.5, 20.5),
                (x + 59.75, y - 0.25, 0.5, 20.5),
            )
        ]
    return []


def scanned_pdf(n_pages: int = 3) -> bytes:
    """Each page one grey picture, as a scanner makes them, and no text."""
    pixels = bytes(range(256)) * 64  # 128 × 128 grey
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 128 /Height 128 "
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 ",
    )
    contents = [b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"] * n_pages
    return _document(contents, b"<< /XObject << /Im1 3 0 R >> >>", [image])


def many_pages_pdf(n_pages: int) -> bytes:
    return text_pdf([[f"Page {k + 1}"] for k in range(n_pages)])


_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret") -> bytes:
    """A PDF that asks for a password to open (the standard security handler, revision 2)."""
    owner = _rc4(hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5], (user_password + _PAD)[:32])
    file_id = b"0123456789abcdef"
    permissions = -4
    key = hashlib.md5(
        (user_password + _PAD)[:32]
        + owner
        + permissions.to_bytes(4, "little", signed=True)
        + file_id
    ).digest()[:5]
    user = _rc4(key, _PAD)
    encrypt = (
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + owner.hex().encode()
        + b"> /U <"
        + user.hex().encode()
        + b"> /P %d >>" % permissions
    )
    contents = [b"BT /F1 12 Tf 72 780 Td (Hello) Tj ET\n"]
    trailer = (
        b"/Encrypt 4 0 R /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">] "
    )
    return _document(contents, FONT, [HELVETICA, encrypt], trailer)


def recognised_scan(data: bytes, pages: range | None = None) -> bytes:
    """The PDF as a scan run through text recognition makes it: each page (of `pages`) a
    picture of the page with the text laid over it, and no drawn lines (the table's lines
    are in the picture)."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    for k in pages if pages is not None else range(len(pdf)):
        page = pdf[k]
        for obj in list(page.get_objects(max_depth=1)):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                page.remove_obj(obj)
        width, height = page.get_size()
        paper = pdfium.PdfBitmap.new_native(60, 85, pdfium_c.FPDFBitmap_BGR)
        paper.fill_rect((250, 250, 245, 255), 0, 0, 60, 85)
        picture = pdfium.PdfImage.new(pdf)
        picture.set_bitmap(paper)
        picture.set_matrix(pdfium.PdfMatrix(width, 0, 0, height, 0, 0))
        page.insert_obj(picture)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _recognised_text_fonts() -> list[bytes]:
    """Objects 3–7: the fonts of a recognised scan's invisible text, none with glyphs: F1 (3, for
    Latin letters and figures) a Type 0 font whose codes are the characters' own, with its CID
    font, descriptor and ToUnicode map; F2 (7, for Chinese) the standard STSong-Light through
    the predefined UniGB-UCS2-H map, whose codes are the characters' own as well."""
    ranges = b"".join(b"<%02X00> <%02XFF> <%02X00>\n" % (k, k, k) for k in range(256))
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"256 beginbfrange\n" + ranges + b"endbfrange\nendcmap CMapName currentdict "
        b"/CMap defineresource pop end end"
    )
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>",
        b"<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>",
        _stream(cmap),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 5 0 R /DW 1000 >>] >>",
    ]


def ocr_scan(
    data: bytes, skew: float = 0.0, dpi: int = 100, strips: int = 1, ink: float = 1.0
) -> bytes:
    """The PDF as a scanner and text recognition make it: each page a grey picture of the
    printed page, turned by `skew` degrees (as paper lies in a scanner), with the text laid
    over it invisibly in a font of no glyphs, each character where the picture shows it.
    The table's lines are only in the picture. `strips`: the picture in that many pictures,
    one above the other (as some scanners write a page). `ink`: how dark the print is, from
    1 (black) down (a faded print: 0.4 leaves black ink a mid grey)."""
    import ctypes
    import math

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from app.readers.pdf_reader import read_pages

    read = read_pages(data)
    source = pdfium.PdfDocument(data)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", *_recognised_text_fonts()]
    kids = []
    turn = math.radians(skew)
    cos, sin = math.cos(turn), math.sin(turn)
    for k, page in enumerate(read):
        width, height = page.width, page.height
        w, h = int(width * dpi / 72), int(height * dpi / 72)
        bitmap = pdfium.PdfBitmap.new_native(w, h, pdfium_c.FPDFBitmap_Gray)
        bitmap.fill_rect((242, 242, 242, 255), 0, 0, w, h)  # scanned paper is never white
        s = dpi / 72
        # The page as shown (y down) onto the picture, turned about its middle.
        m = pdfium_c.FS_MATRIX(s * cos, s * sin, -s * sin, s * cos, 0, 0)
        m.e = w / 2 - (m.a * width / 2 + m.c * height / 2)
        m.f = h / 2 - (m.b * width / 2 + m.d * height / 2)
        clip = pdfium_c.FS_RECTF(0, 0, w, h)
        printed = source[k]
        pdfium_c.FPDF_RenderPageBitmapWithMatrix(
            bitmap.raw, printed.raw, ctypes.byref(m), ctypes.byref(clip), 0
        )
        stride = bitmap.stride
        pixels = bytes(bitmap.buffer)
        gray = b"".join(pixels[y * stride : y * stride + w] for y in range(h))
        if ink < 1.0:
            gray = gray.translate(bytes(round(242 - (242 - v) * ink) for v in range(256)))
        bitmap.close()
        printed.close()
        bands = [(h * n // strips, h * (n + 1) // strips) for n in range(strips)]
        ops = [
            b"q %.2f 0 0 %.2f 0 %.2f cm /Im%d Do Q\n"
            % (width, height * (end - start) / h, height * (h - end) / h, n)
            for n, (start, end) in enumerate(bands)
        ]
        ops.append(b"BT 3 Tr\n")
        for char in page.chars:
            letters = char.text
            step = (char.x1 - char.x0) / len(letters)
            size = char.y1 - char.y0
            for n, letter in enumerate(letters):
                if letter == " " or ord(letter) > 0xFFFF:
                    continue
                # Where the turned picture shows the character's middle.
                cx, cy = (
                    char.x0 + (n + 0.5) * step - width / 2,
                    (char.y0 + char.y1) / 2 - height / 2,
                )
                x, y = cos * cx - sin * cy + width / 2, sin * cx + cos * cy + height / 2
                latin = letter < "\u2e80"
                advance = (0.5 if latin else 1.0) * size
                ops.append(
                    b"/F%d %.2f Tf %.2f 0 0 1 %.2f %.2f Tm <%04X> Tj\n"
                    % (
                        1 if latin else 2,
                        size,
                        step / advance,
                        x - step / 2,
                        height - y - 0.38 * size,
                        ord(letter),
                    )
                )
        ops.append(b"ET\n")
        first = len(objects) + 1
        objects += [
            _stream(
                gray[start * w : end * w],
                b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 " % (w, end - start),
            )
            for start, end in bands
        ]
        pictures = b" ".join(b"/Im%d %d 0 R" % (n, first + n) for n in range(strips))
        contents = first + strips
        objects += [
            _stream(b"".join(ops)),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /Font << /F1 3 0 R /F2 7 0 R >> /XObject << %s >> >> "
            b"/Contents %d 0 R >>" % (width, height, pictures, contents),
        ]
        kids.append(b"%d 0 R" % (contents + 1))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    source.close()
    return _pdf(objects)


def scan_over_letters(width_px: int, height_px: int, lines: list[str]) -> bytes:
    """A page of a picture (of `width_px` × `height_px` pixels, as its dictionary says; its
    data a few bytes) with lines of text laid over it: a scanner's page as a hostile file may
    claim it."""
    image = _stream(
        bytes(64),
        b"/Type /XObject /Subtype /Image /Width %d /Height %d "
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 " % (width_px, height_px),
    )
    text = b"".join(
        b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (780 - 20 * i, line.encode("ascii"))
        for i, line in enumerate(lines)
    )
    return _document(
        [b"q 595 0 0 842 0 0 cm /Im1 Do Q\n" + text],
        b"<< /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >>",
        [HELVETICA, image],
    )


def outlined_pdf(n_pages: int = 3) -> bytes:
    """Pages of text turned into outlines (转曲): every letter drawn as shapes (its strokes
    thin filled bars and a curve), no character in the file."""
    glyphs = []
    for k in range(600):
        x, y = 72 + (k % 30) * 15, 760 - (k // 30) * 30
        glyphs.append(
            b"%d %d 11 1.2 re f %d %d 1.2 11 re f %d %d m %d %d %d %d %d %d c f"
            % (x, y, x + 5, y - 5, x, y - 6, x + 4, y - 9, x + 8, y - 9, x + 11, y - 6)
        )
    return _document([b"0 g\n" + b"\n".join(glyphs)] * n_pages, b"<< >>")
