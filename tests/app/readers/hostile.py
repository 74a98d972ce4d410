"""Small files that claim enormous things: the reproducers of the readers' holes (issue 16), for
the tests of the readers' bounds and the soak test.

Each maker returns the file's name and bytes. None of them is large: what is large is what the
file claims (a list number of two thousand million, a zip entry that inflates to 10 GB, a merged
range of every cell of a sheet, millions of lines).
"""

from __future__ import annotations

import bz2
import io
import json
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import cache

from app.readers.json_form import report_to_json
from tests.app.readers.test_text_reader_styles import sample_report
from tests.app.readers.word_made import Style, word_report

Maker = Callable[[], tuple[str, bytes]]
NUMBERING = "word/numbering.xml"
DOCUMENT = "word/document.xml"


@cache
def good_docx(numbered: bool = False) -> bytes:
    return word_report(sample_report("2021", random.Random(1)), Style(numbered_headings=numbered))


@cache
def good_xlsx() -> bytes:
    from app.xlsx.writer import tables_workbook

    out = io.BytesIO()
    tables_workbook(sample_report("2021", random.Random(2))).save(out)
    return out.getvalue()


def good_json() -> dict[str, object]:
    return report_to_json(sample_report("2021", random.Random(3)))


def rezip(
    data: bytes,
    change: dict[str, bytes],
    *,
    drop: tuple[str, ...] = (),
    method: dict[str, int] | None = None,
) -> bytes:
    """The zip with parts replaced or added (`change`), removed (`drop`), or stored with
    another compression method."""
    methods = method or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        names = [n for n in old.namelist() if n not in drop]
        for name in [*names, *(n for n in change if n not in names)]:
            content = change[name] if name in change else old.read(name)
            new.writestr(name, content, compress_type=methods.get(name, zipfile.ZIP_DEFLATED))
    return out.getvalue()


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# -- Word ------------------------------------------------------------------------------------


def numbering_start(fmt: str, start: str) -> Maker:
    """Chapter headings numbered by a list that starts at `start`, shown in `fmt`."""

    def make() -> tuple[str, bytes]:
        data = good_docx(numbered=True)
        xml = part(data, NUMBERING)
        xml = xml.replace('w:val="chineseCounting"', f'w:val="{fmt}"')
        xml = re.sub(r'<w:start w:val="\d+"/>', f'<w:start w:val="{start}"/>', xml)
        return f"numbering-{fmt}.docx", rezip(data, {NUMBERING: xml.encode()})

    return make


def numbering_override(fmt: str, start: str) -> Maker:
    def make() -> tuple[str, bytes]:
        data = good_docx(numbered=True)
        xml = part(data, NUMBERING).replace('w:val="chineseCounting"', f'w:val="{fmt}"')
        override = (
            f'<w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
            f'<w:startOverride w:val="{start}"/></w:lvlOverride>'
        )
        xml = xml.replace('<w:abstractNumId w:val="90"/>', override)
        return f"override-{fmt}.docx", rezip(data, {NUMBERING: xml.encode()})

    return make


def numbering_long_text() -> tuple[str, bytes]:
    """A level text of 200,000 characters, repeated for every numbered paragraph."""
    data = good_docx(numbered=True)
    xml = part(data, NUMBERING).replace('w:val="%1、"', f'w:val="%1{"、" * 200_000}"')
    return "numbering-text.docx", rezip(data, {NUMBERING: xml.encode()})


def _bits(data: bytes) -> str:
    return "".join(f"{byte:08b}" for byte in data)


_BLOCK_MAGIC = f"{0x314159265359:048b}"
_END_MAGIC = f"{0x177245385090:048b}"


@cache
def bzip2_bomb(gigabytes: int = 10) -> bytes:
    """A bzip2 stream of some 80 KB that inflates to `gigabytes` GB of zeros: one block of
    zeros, compressed once, repeated (each block carries its own checksum; the stream's is
    worked out from them)."""
    block_bytes = 4_500_000  # a tenth of what one bzip2 block can hold: quick to compress
    stream = bz2.compress(b"\0" * block_bytes, 9)
    bits = _bits(stream)
    start = bits.index(_BLOCK_MAGIC, 32)
    end = bits.index(_END_MAGIC, start + 48)
    block = bits[start:end]
    crc = int(block[48:80], 2)
    count = gigabytes * 10**9 // block_bytes
    combined = 0
    for _ in range(count):
        combined = (((combined << 1) | (combined >> 31)) & 0xFFFFFFFF) ^ crc
    out = _bits(b"BZh9") + block * count + _END_MAGIC + f"{combined:032b}"
    out += "0" * (-len(out) % 8)
    return int(out, 2).to_bytes(len(out) // 8, "big")


def _raw_entry(
    data: bytes, name: str, *, method: int, payload: bytes, declared: int, crc: int = 0
) -> bytes:
    """The zip with `name`'s data replaced by `payload` as compressed with `method`, its
    headers stating `declared` bytes once inflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(
                    info.filename, old.read(info.filename), compress_type=zipfile.ZIP_DEFLATED
                )
                continue
            raw = zipfile.ZipInfo(name, date_time=info.date_time)
            raw.compress_type = zipfile.ZIP_STORED
            new.writestr(raw, payload)
    packed = bytearray(out.getvalue())
    encoded = name.encode()
    for signature, method_at, crc_at, sizes_at, name_at in (
        (b"PK\x03\x04", 8, 14, 18, 30),
        (b"PK\x01\x02", 10, 16, 20, 46),
    ):
        at = 0
        while (at := packed.find(signature, at)) >= 0:
            name_len = int.from_bytes(packed[at + name_at - 4 : at + name_at - 2], "little")
            if name_at == 46:
                name_len = int.from_bytes(packed[at + 28 : at + 30], "little")
            if bytes(packed[at + name_at : at + name_at + name_len]) == encoded:
                packed[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
                packed[at + crc_at : at + crc_at + 4] = crc.to_bytes(4, "little")
                packed[at + sizes_at + 4 : at + sizes_at + 8] = declared.to_bytes(4, "little")
            at += 4
    return bytes(packed)


def docx_bzip2_bomb() -> tuple[str, bytes]:
    return "bzip2.docx", _raw_entry(
        good_docx(), DOCUMENT, method=zipfile.ZIP_BZIP2, payload=bzip2_bomb(), declared=40_000
    )


def docx_bzip2_picture() -> tuple[str, bytes]:
    """The bomb as a picture the document refers to: the Office library reads it whole."""
    data = good_docx()
    rels = part(data, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rIdBomb" Target="media/image1.png" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/image"/></Relationships>',
    )
    types = part(data, "[Content_Types].xml").replace(
        "</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'
    )
    with_picture = rezip(
        data,
        {
            "word/media/image1.png": b"\x89PNG" + bytes(100),
            "word/_rels/document.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
    )
    return "bzip2-picture.docx", _raw_entry(
        with_picture,
        "word/media/image1.png",
        method=zipfile.ZIP_BZIP2,
        payload=bzip2_bomb(),
        declared=40_000,
    )


def docx_lzma() -> tuple[str, bytes]:
    return "lzma.docx", rezip(good_docx(), {}, method={DOCUMENT: zipfile.ZIP_LZMA})


def _newer_zip_version(data: bytes) -> bytes:
    """Every central directory entry says it needs zip version 9.9 to extract."""
    packed = bytearray(data)
    at = 0
    while (at := packed.find(b"PK\x01\x02", at)) >= 0:
        packed[at + 6 : at + 8] = (99).to_bytes(2, "little")
        at += 4
    return bytes(packed)


def many_empty_entries(suffix: str, entries: int = 400_000) -> Maker:
    """A zip of nothing but empty entries, 34 MB: zipfile would make an object for each
    (seconds and hundreds of MB) before any count of the parts could refuse it."""

    def make() -> tuple[str, bytes]:
        local, central = bytearray(), bytearray()
        for number in range(entries):
            name = b"%x" % number
            central += (
                struct.pack(
                    "<4s6H3L5H2L",
                    b"PK\x01\x02",
                    20,
                    20,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    len(local),
                )
                + name
            )
            local += (
                struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0)
                + name
            )
        end = struct.pack(
            "<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(central), len(local), 0
        )
        return f"entries{suffix}", bytes(local + central + end)

    return make


def docx_newer_zip() -> tuple[str, bytes]:
    return "zip-version.docx", _newer_zip_version(good_docx())


def _with_doctype(xml: str) -> str:
    head, rest = xml.split("?>", 1)
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        head + "?>" + f"<!DOCTYPE w:document [{entities}]>" + rest.replace("<w:t>", "<w:t>&a9;", 1)
    )


def docx_doctype_in(encoding: str) -> Maker:
    def make() -> tuple[str, bytes]:
        data = good_docx()
        xml = _with_doctype(part(data, DOCUMENT))
        xml = re.sub(r"""encoding=["'][^"']*["']""", f'encoding="{encoding.upper()}"', xml, count=1)
        raw = xml.encode("utf-32" if encoding == "utf-32" else encoding)
        if encoding == "utf-7":  # "<!" written as UTF-7 shifts, as an encoder may choose
            raw = raw.replace(b"<!", b"+ADwAIQ-")
        return f"doctype-{encoding}.docx", rezip(data, {DOCUMENT: raw})

    return make


def docx_doctype_in_media() -> tuple[str, bytes]:
    """An XML part with a DOCTYPE where pictures live (word/media/), which is not a picture."""
    data = good_docx()
    evil = _with_doctype('<?xml version="1.0" encoding="UTF-8"?><w:document><w:t/></w:document>')
    return "doctype-media.docx", rezip(data, {"word/media/document.xml": evil.encode()})


def docx_style_chain(styles: int = 20_000) -> tuple[str, bytes]:
    """Styles each based on the next, every paragraph in the first: Word resolves them, and
    walking the chain again from every style took over 30 s."""
    data = good_docx(numbered=True)
    chain = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:basedOn w:val="S{i + 1}"/></w:style>'
        for i in range(styles)
    )
    document = part(data, DOCUMENT).replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="S0"/></w:pPr>')
    return "style-chain.docx", rezip(
        data,
        {
            "word/styles.xml": part(data, "word/styles.xml")
            .replace("</w:styles>", chain + "</w:styles>")
            .encode(),
            DOCUMENT: document.encode(),
        },
    )


def docx_many_paragraphs() -> tuple[str, bytes]:
    """Paragraphs of random figures: 200,000 lines for the reader (a report has hundreds),
    packed too loosely to look like a zip bomb."""
    rng = random.Random(6)
    data = good_docx()
    xml = part(data, DOCUMENT)
    filler = "".join(
        f"<w:p><w:r><w:t>{rng.randrange(10**9)}</w:t></w:r></w:p>" for _ in range(200_000)
    )
    return "paragraphs.docx", rezip(
        data, {DOCUMENT: xml.replace("<w:body>", "<w:body>" + filler).encode()}
    )


# -- Excel -----------------------------------------------------------------------------------

SHEET = "xl/worksheets/sheet1.xml"


def _sheet_with(extra: str, before: str = "<pageMargins") -> bytes:
    data = good_xlsx()
    xml = part(data, SHEET)
    xml = re.sub(r"<mergeCells[^>]*>.*?</mergeCells>", "", xml, flags=re.S)
    at = xml.index(before) if before in xml else xml.index("</worksheet>")
    return rezip(data, {SHEET: (xml[:at] + extra + xml[at:]).encode()})


def xlsx_merged(ref: str) -> Maker:
    def make() -> tuple[str, bytes]:
        return "merged.xlsx", _sheet_with(
            f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
        )

    return make


def xlsx_hyperlink_range() -> tuple[str, bytes]:
    return "hyperlink.xlsx", _sheet_with(
        '<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>'
    )


def xlsx_sheets_of_one_far_cell(sheets: int) -> Maker:
    """Sheets of one cell each at the corner of the part read (AN400): openpyxl makes each
    sheet and every cell asked for: over 30 s for a 600 KB file of 1,900 sheets."""
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="400"><c r="AN400" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData></worksheet>"
    )

    def make() -> tuple[str, bytes]:
        data = good_xlsx()
        numbers = range(sheets)
        change = {f"xl/worksheets/far{i}.xml": sheet for i in numbers}
        change["xl/workbook.xml"] = (
            part(data, "xl/workbook.xml")
            .replace(
                "</sheets>",
                "".join(
                    f'<sheet xmlns:r="{relationships}" name="F{i}" sheetId="{i + 100}" r:id="rF{i}"/>'
                    for i in numbers
                )
                + "</sheets>",
            )
            .encode()
        )
        change["xl/_rels/workbook.xml.rels"] = (
            part(data, "xl/_rels/workbook.xml.rels")
            .replace(
                "</Relationships>",
                "".join(
                    f'<Relationship Id="rF{i}" Type="{relationships}/worksheet" '
                    f'Target="/xl/worksheets/far{i}.xml"/>'
                    for i in numbers
                )
                + "</Relationships>",
            )
            .encode()
        )
        change["[Content_Types].xml"] = (
            part(data, "[Content_Types].xml")
            .replace(
                "</Types>",
                "".join(
                    f'<Override PartName="/xl/worksheets/far{i}.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in numbers
                )
                + "</Types>",
            )
            .encode()
        )
        return f"sheets-{sheets}.xlsx", rezip(data, change)

    return make


def xlsx_rows_of(attributes: str, rows: int) -> Maker:
    """Empty rows past the tables, each carrying `attributes`: openpyxl reads a sheet with
    expat a piece at a time, which parses a tag it has not seen the end of again with every
    piece, and spends some 12 µs on each attribute."""

    def make() -> tuple[str, bytes]:
        extra = "".join(f"<row r='{500 + i}' {attributes}/>" for i in range(rows))
        data = good_xlsx()
        xml = part(data, SHEET).replace("</sheetData>", extra + "</sheetData>", 1)
        return "rows.xlsx", rezip(data, {SHEET: xml.encode()})

    return make


def xlsx_newer_zip() -> tuple[str, bytes]:
    return "zip-version.xlsx", _newer_zip_version(good_xlsx())


def xlsx_bzip2_bomb() -> tuple[str, bytes]:
    return "bzip2.xlsx", _raw_entry(
        good_xlsx(), SHEET, method=zipfile.ZIP_BZIP2, payload=bzip2_bomb(), declared=40_000
    )


def xlsx_many_cells(rows: int = 1200, cols: int = 120) -> tuple[str, bytes]:
    """A sheet of rows × cols filled cells."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, cols + 1)]
    data = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in letters) + "</row>"
        for r in range(1, rows + 1)
    )
    return "cells.xlsx", rezip(
        good_xlsx(),
        {
            SHEET: (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{data}</sheetData></worksheet>"
            ).encode()
        },
    )


# -- text and JSON ---------------------------------------------------------------------------


def txt_newlines() -> tuple[str, bytes]:
    return "newlines.txt", b"\n" * (19 * 1024 * 1024)


def txt_long_labels() -> tuple[str, bytes]:
    """17 MB of table 3's rows whose labels are thousands of characters of the labels' own
    words, numbered as the official ones are (the costliest labels to match)."""
    rng = random.Random(5)
    words = "本年新收政府信息公开申请数量上年结转办理结果予以部分不予无法提供告知"
    head = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "申请人情况 | 自然人 | 总计\n"
    )
    rows = [
        f"（{numeral}）{''.join(rng.choices(words, k=3000))} | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8\n"
        for numeral in "一二三四五六七八九十"
    ]
    body = "".join(rows)
    return "labels.txt", (head + body * (17 * 1024 * 1024 // len(body.encode()))).encode()


def txt_long_figure(digits: int = 5000) -> tuple[str, bytes]:
    from tests.app.readers.pasted import render

    report = sample_report("2021", random.Random(4))
    text = render(report, "pipes")
    # The first count of table 3 becomes a figure of `digits` digits.
    text = re.sub(
        r"(一、本年新收政府信息公开申请数量 \| )(\d+)",
        lambda m: m.group(1) + "9" * digits,
        text,
        count=1,
    )
    return "figure.txt", text.encode("utf-8")


def json_text(text: str, name: str = "report.json") -> tuple[str, bytes]:
    return name, text.encode("utf-8")


def json_huge_integer() -> tuple[str, bytes]:
    data = good_json()
    text = json.dumps(data, ensure_ascii=False)
    return json_text(
        text.replace('"new.natural": ', '"new.natural": ' + "7" * 5000 + ', "ignored": ', 1),
        "integer.json",
    )


def json_deep() -> tuple[str, bytes]:
    data = good_json()
    text = json.dumps(data, ensure_ascii=False)
    return json_text(text[:-1] + ', "extra": ' + "[" * 200_000 + "]" * 200_000 + "}", "deep.json")


def json_shallow_but_deep_enough() -> tuple[str, bytes]:
    """Nesting the parser takes, but more than a report's unknown fields ever need."""
    data = good_json()
    text = json.dumps(data, ensure_ascii=False)
    return json_text(
        text[:-1] + ', "extra": ' + '{"a": ' * 900 + "1" + "}" * 900 + "}", "nested.json"
    )


def json_surrogate() -> tuple[str, bytes]:
    data = good_json()
    text = json.dumps(data, ensure_ascii=True)
    return json_text(text.replace('"unit": "', '"unit": "\\ud800', 1), "surrogate.json")


def json_unknown_table() -> tuple[str, bytes]:
    data = good_json()
    data["table_layouts"] = {"table9": "2019"}
    return json_text(json.dumps(data, ensure_ascii=False), "table9.json")


def json_many_values() -> tuple[str, bytes]:
    """9 MB of empty objects: parsed, three million objects of some 200 bytes each."""
    return json_text('{"year": 2022, "x": [' + ",".join(["{}"] * 3_000_000) + "]}", "many.json")


def json_chapter_not_text() -> tuple[str, bytes]:
    data = good_json()
    data["chapters"] = {"1": {"a": 1}, "2": None}
    return json_text(json.dumps(data, ensure_ascii=False), "chapter.json")


def json_huge_float() -> tuple[str, bytes]:
    data = good_json()
    text = re.sub(r'"year": \d+', '"year": 1e999999', json.dumps(data, ensure_ascii=False))
    return json_text(text, "float.json")


# What each reproducer is, and the words the user's message must contain.
HOSTILE: dict[str, tuple[Maker, str]] = {
    "list numbering from 2,147,483,647 in Roman numerals": (
        numbering_start("upperRoman", "2147483647"),
        "",
    ),
    "list numbering from 2,147,483,647 in letters": (
        numbering_start("lowerLetter", "2147483647"),
        "",
    ),
    "a list restarted at a number of 5,000 digits": (
        numbering_override("upperLetter", "9" * 5000),
        "",
    ),
    "a list level text of 200,000 characters": (numbering_long_text, ""),
    "a bzip2 part inflating to 10 GB": (docx_bzip2_bomb, "压缩方式"),
    "a bzip2 picture inflating to 10 GB": (docx_bzip2_picture, "压缩方式"),
    "an lzma part": (docx_lzma, "压缩方式"),
    "a .docx needing a newer zip version": (docx_newer_zip, "压缩"),
    "a .docx of 400,000 empty entries": (many_empty_entries(".docx"), "部件数量"),
    "a DOCTYPE in UTF-32": (docx_doctype_in("utf-32"), "编码"),
    "a DOCTYPE in UTF-7": (docx_doctype_in("utf-7"), "编码"),
    "a DOCTYPE in UTF-16": (docx_doctype_in("utf-16"), "DOCTYPE"),
    "a DOCTYPE in a part under media": (docx_doctype_in_media, "DOCTYPE"),
    "200,000 paragraphs of figures": (docx_many_paragraphs, ""),
    "20,000 styles each based on the next": (docx_style_chain, ""),
    "a merged range of every cell of a sheet": (xlsx_merged("A1:XFD1048576"), "合并"),
    "a merged range written with character references": (
        xlsx_merged("&#65;1:&#88;FD1048576"),
        "合并",
    ),
    "a merged range of whole columns, lower case": (xlsx_merged("$a:$xfd"), "合并"),
    "a hyperlink over every cell of a sheet": (xlsx_hyperlink_range, "超链接"),
    "an .xlsx needing a newer zip version": (xlsx_newer_zip, "压缩"),
    "an .xlsx of 400,000 empty entries": (many_empty_entries(".xlsx"), "部件数量"),
    "a bzip2 sheet inflating to 10 GB": (xlsx_bzip2_bomb, "压缩方式"),
    "a sheet of 140,000 filled cells": (xlsx_many_cells, ""),
    "1,900 sheets of one far cell": (xlsx_sheets_of_one_far_cell(1900), "工作表太多"),
    "90 sheets of one far cell": (xlsx_sheets_of_one_far_cell(90), "工作表太多"),
    "a row tag of 3 MB": (
        xlsx_rows_of(f"a='{random.Random(4).randbytes(1_500_000).hex()}'", 1),
        "长得异常",
    ),
    "30 rows of 19,000 attributes each": (
        xlsx_rows_of(" ".join(f'a{i}="x"' for i in range(19_000)), 30),
        "属性太多",
    ),
    "19 MB of bare newlines": (txt_newlines, ""),
    "17 MB of very long labels": (txt_long_labels, ""),
    "a figure of 5,000 digits": (txt_long_figure, ""),
    "a JSON integer of 5,000 digits": (json_huge_integer, "数字"),
    "JSON nested 200,000 deep": (json_deep, "嵌套"),
    "JSON nested 900 deep": (json_shallow_but_deep_enough, "嵌套"),
    "a lone surrogate in JSON": (json_surrogate, "字符"),
    "an unknown table name in JSON": (json_unknown_table, ""),
    "a JSON year of 1e999999": (json_huge_float, "年度"),
    "a JSON chapter that is an object": (json_chapter_not_text, "应为文字"),
    "three million empty JSON objects": (json_many_values, "数据项异常多"),
}


# -- PDF and web pages -----------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects (1 is the catalogue), with a correct cross-reference."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{at:010d} 00000 n \n".encode() for at in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _stream(content: bytes) -> bytes:
    packed = zlib.compress(content, 9)
    return (
        f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        + packed
        + b"\nendstream"
    )


def pdf_pages(pages: int, content: bytes) -> bytes:
    """`pages` pages that all draw the one content stream (so the file stays small)."""
    first_page = 5
    kids = " ".join(f"{first_page + k} 0 R" for k in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    return _pdf(objects)


def pdf_many_characters() -> tuple[str, bytes]:
    """200 pages of 19,000 characters each (the most the reader takes), in short lines."""
    rng = random.Random(7)
    lines = []
    for row in range(190):
        text = "".join(rng.choices("0123456789 ", k=100))
        lines.append(f"BT /F1 3 Tf {20 + row % 3} {830 - row * 4.3:.1f} Td ({text}) Tj ET")
    return "characters.pdf", pdf_pages(200, "\n".join(lines).encode())


def pdf_many_paths() -> tuple[str, bytes]:
    """200 pages ruled with 19,000 short lines each, as a table's borders are drawn."""
    strokes = []
    for k in range(19_000):
        x, y = 20 + (k % 190) * 3, 20 + (k // 190) * 8
        strokes.append(f"{x} {y} m {x + 2} {y} l S" if k % 2 else f"{x} {y} m {x} {y + 7} l S")
    return "paths.pdf", pdf_pages(200, b"0.2 w\n" + "\n".join(strokes).encode())


def pdf_forms_in_forms() -> tuple[str, bytes]:
    """One page drawing a form ten times, which draws the next form ten times, five deep:
    100,000 short lines from a file of 1.5 KB."""
    depth = 5
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Fm 5 0 R >> >> >>",
        _stream(b"/Fm Do " * 10),
    ]
    for k in range(depth):  # form k is object 5 + k
        last = k == depth - 1
        content = b"0.2 w 20 20 m 40 20 l S" if last else b"/Fm Do " * 10
        inner = b"" if last else b"/Resources << /XObject << /Fm %d 0 R >> >> " % (6 + k)
        packed = zlib.compress(content, 9)
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
            + inner
            + b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream"
        )
    return "forms.pdf", _pdf(objects)


def html_many_paragraphs() -> tuple[str, bytes]:
    return "paragraphs.html", b"<html><body>" + b"<p>1</p>" * 400_000 + b"</body></html>"


def html_large() -> tuple[str, bytes]:
    return "large.html", b"<html><body><p>" + "某".encode() * 6_000_000 + b"</p></body></html>"


def html_spans() -> tuple[str, bytes]:
    """A table of 2,000 rows whose every cell spans 100 rows and 100 columns."""
    row = "<tr>" + '<td rowspan="100" colspan="100">1</td>' * 50 + "</tr>"
    return "spans.html", f"<html><body><table>{row * 2000}</table></body></html>".encode()


def html_nested_tables() -> tuple[str, bytes]:
    """150 tables one inside the other, the innermost of 5,000 rows."""
    inner = "<table>" + "<tr><td>一、总计</td><td>1</td></tr>" * 5000 + "</table>"
    page = "<table><tr><td>" * 150 + inner + "</td></tr></table>" * 150
    return "nested.html", f"<html><body>{page}</body></html>".encode()


def html_many_attributes() -> tuple[str, bytes]:
    attributes = " ".join(f"a{i}='x'" for i in range(200_000))
    return "attributes.html", f"<html><body><p {attributes}>某局</p></body></html>".encode()


HOSTILE.update(
    {
        "200 PDF pages of 19,000 characters": (pdf_many_characters, "文字太多"),
        # No text in either: all the reader can say is that they are drawings, far too many.
        "200 PDF pages of 19,000 strokes": (pdf_many_paths, "只有数量异常庞大的图形"),
        "PDF forms drawn ten times inside forms, five deep": (
            pdf_forms_in_forms,
            "只有数量异常庞大的图形",
        ),
        "400,000 paragraphs of a web page": (html_many_paragraphs, "异常庞大"),
        "a web page of 18 MB": (html_large, "太大"),
        "a web table of 100 by 100 spans": (html_spans, "异常庞大"),
        "150 web tables one inside the other": (html_nested_tables, ""),
        "200,000 attributes on one tag of a web page": (html_many_attributes, "异常庞大"),
    }
)
