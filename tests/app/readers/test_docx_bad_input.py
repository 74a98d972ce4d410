"""Word files that are not what they seem: one Chinese sentence, quickly, and nothing else."""

from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.readers.errors import ReadError
from app.readers.files import read_report_file
from tests.app.readers.test_text_reader_styles import sample_report
from tests.app.readers.word_made import word_report

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _cfb(*streams: str) -> bytes:
    """Enough of an OLE compound file for the check: the header and the stream names."""
    names = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return CFB + names + b"\x00" * 1024


@cache
def _good() -> bytes:
    return word_report(sample_report("2021", random.Random(1)))


def _rezip(data: bytes, change: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", method) as new:
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info.filename)))
        for name, content in change.items():
            if name not in old.namelist():
                new.writestr(name, content)
    return out.getvalue()


def _lying_sizes(data: bytes, name: str, size: int) -> bytes:
    """The zip with `name`'s uncompressed size in the central directory replaced by `size`."""
    raw = bytearray(data)
    encoded = name.encode()
    at = 0
    while True:
        at = raw.find(b"PK\x01\x02", at)
        assert at >= 0
        name_len = int.from_bytes(raw[at + 28 : at + 30], "little")
        if bytes(raw[at + 46 : at + 46 + name_len]) == encoded:
            raw[at + 24 : at + 28] = size.to_bytes(4, "little")
            return bytes(raw)
        at += 4


def _bomb() -> bytes:
    zeros = b"<w:p/>" * (8 * 1024 * 1024)  # 48 MB of XML that packs into about 50 KB
    return _rezip(_good(), {"word/document.xml": zeros})


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    with zipfile.ZipFile(io.BytesIO(_good())) as z:
        xml = z.read("word/document.xml").decode()
    head, rest = xml.split("?>", 1)
    doctype = f"<!DOCTYPE w:document [{entities}]>"
    poisoned = head + "?>" + doctype + rest.replace("<w:t>", "<w:t>&a9;", 1)
    return _rezip(_good(), {"word/document.xml": poisoned.encode()})


def _not_a_report() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于召开2021年第一季度工作例会的通知")
    document.add_paragraph("各科室：定于下周一上午九时召开例会，请准时参加。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _excel_named_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _truncated() -> bytes:
    data = _good()
    return data[: len(data) // 2]


def _damaged_deflate() -> bytes:
    data = bytearray(_good())
    at = data.find(b"word/document.xml") + len("word/document.xml") + 40
    data[at : at + 200] = bytes(200)
    return bytes(data)


def _strict() -> bytes:
    data = _good()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = z.read("_rels/.rels").decode()
    rels = rels.replace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    )
    return _rezip(data, {"_rels/.rels": rels.encode()})


def _ofd() -> bytes:
    """An OFD document (GB/T 33190, the layout format of Chinese government systems): a zip
    whose root is OFD.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org'
            '/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
            "</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        z.writestr("Doc_0/Document.xml", '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>')
    return out.getvalue()


CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "old binary .doc": (lambda: _cfb("Root Entry", "WordDocument", "1Table"), "另存为 .docx"),
    "password-protected .docx": (
        lambda: _cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "密码",
    ),
    "truncated zip": (_truncated, "损坏"),
    "damaged compressed data": (_damaged_deflate, "损坏"),
    "zip bomb": (_bomb, "压缩炸弹"),
    # zipfile stops at the stated size and then finds the checksum wrong.
    "a part lying about its size": (
        lambda: _lying_sizes(_good(), "word/document.xml", 1000),
        "损坏",
    ),
    "XML entity expansion": (_billion_laughs, "DOCTYPE"),
    "a letter, not a report": (_not_a_report, "不像是一份政府信息公开工作年度报告"),
    "an Excel file named .docx": (_excel_named_docx, "Excel 文件"),
    "a web page saved as .docx": (lambda: b"<html><body>2021\xe5\xb9\xb4</body></html>", "网页"),
    "a PDF named .docx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    "an RTF named .docx": (lambda: b"{\\rtf1\\ansi hello}", "RTF"),
    "empty file": (lambda: b"", "空"),
    "Strict Open XML": (_strict, "Strict Open XML"),
    "an OFD document named .docx": (_ofd, "OFD 版式文件"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_word_file_gets_one_chinese_sentence_quickly(case: str, tmp_path: Path) -> None:
    make, words = CASES[case]
    data = make()
    path = tmp_path / "某局2021年报告.docx"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        read_report_file(path)
    assert time.perf_counter() - started < 2.0
    message = str(info.value)
    assert message.startswith("某局2021年报告.docx：")
    assert words in message
    assert "Traceback" not in message and "\n" not in message


def test_an_ofd_document_says_to_save_it_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "年报.ofd"
    path.write_bytes(_ofd())
    with pytest.raises(ReadError, match=r"OFD 版式文件.*另存为 PDF"):
        read_report_file(path)


def test_old_doc_named_doc_says_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(_cfb("Root Entry", "WordDocument"))
    with pytest.raises(ReadError, match=r"另存为 \.docx"):
        read_report_file(path)


def test_entities_are_never_expanded_even_past_the_check() -> None:
    """Were a DOCTYPE to slip past the check, python-docx's parser would still not expand it:
    it refuses the amplification or leaves the entity alone, quickly."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(_billion_laughs())) as z:
        xml = z.read("word/document.xml")
    started = time.perf_counter()
    try:
        root = parse_xml(xml)
    except etree.XMLSyntaxError:
        pass
    else:
        assert "lol" * 100 not in "".join(root.itertext())
    assert time.perf_counter() - started < 2.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=8))
def test_any_damage_reads_or_fails_cleanly(flips: list[tuple[int, int]]) -> None:
    from app.readers.docx_reader import read_docx

    data = bytearray(_good())
    for at, byte in flips:
        data[at % len(data)] = byte
    try:
        read_docx(bytes(data))
    except ReadError as error:
        assert str(error)


def test_a_picture_with_a_doctype_is_carried_not_refused() -> None:
    """An SVG logo keeps its DOCTYPE; pictures are never parsed as XML, so the report reads.
    (Word declares the picture's type, as here; a part that says it is no picture is checked.)"""
    from app.readers.docx_reader import read_docx

    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>'
    )
    with zipfile.ZipFile(io.BytesIO(_good())) as z:
        types = z.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>", '<Default Extension="svg" ContentType="image/svg+xml"/></Types>'
    )
    read = read_docx(
        _rezip(_good(), {"word/media/image9.svg": svg, "[Content_Types].xml": types.encode()})
    )
    assert read.year == 2022
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_docx(_rezip(_good(), {"word/media/image9.svg": svg}))


def test_a_huge_white_bitmap_is_a_picture_not_a_bomb() -> None:
    """A scanned seal saved as BMP shrinks a thousandfold in the zip; it is still read."""
    from app.readers.docx_reader import read_docx

    bitmap = b"BM" + b"\xff" * (12 * 1024 * 1024)
    assert read_docx(_rezip(_good(), {"word/media/seal.bmp": bitmap})).year == 2022


def test_a_bomb_among_the_pictures_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "图.docx"
    path.write_bytes(
        _lying_sizes(
            _rezip(_good(), {"word/media/a.png": b"\x00" * 4096}),
            "word/media/a.png",
            500 * 1024 * 1024,
        )
    )
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_report_file(path)
