"""Checking an Office file (.docx, .xlsx) before any XML library sees it.

A .docx or .xlsx is a zip of XML parts. Before python-docx or openpyxl parse one, this module
says in Chinese what is wrong with files people really send: an old binary Word or Excel file
(or a password-protected one, which Office saves in the same binary container), a damaged zip,
a zip bomb (parts that inflate to gigabytes), and XML with a DOCTYPE (entity expansion tricks;
Office never writes one). Every part is inflated here once, never past the size it states (zipfile
then finds the checksum wrong, so a part that lies about its size is refused as damaged); only
deflate is accepted, because zipfile inflates bzip2 and lzma a whole chunk at a time, whatever
the part says its size is. A part is searched for a DOCTYPE in the encoding the XML parser will
read it in, and an encoding Office never writes (UTF-7, UTF-32, EBCDIC…) is refused outright.
The number of XML tags is bounded too: the libraries' memory and time grow with it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from app.readers.errors import ReadError

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .xls, encrypted OOXML
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 30 * 1024 * 1024  # document.xml of a long report is well under 1 MB
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # one picture
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2000
_RECORD_SIGNATURE = b"PK\x01\x02"  # a central directory record
# Deflate can shrink at most about 1000:1; XML of a real report shrinks 5–30:1.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small parts may shrink a lot (a run of spaces) without harm
_DOCTYPE = ("<!DOCTYPE", "<!ENTITY")
ACCEPTED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
METHOD_NAMES = {
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "LZMA",
    9: "Deflate64",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
}
# Encodings an XML part may declare: ASCII supersets, searched byte for byte (as Latin-1), and
# UTF-16, which a part that starts in ASCII cannot really be in (the parser stops at once).
_ACCEPTED_ENCODINGS = {
    "utf8",
    "usascii",
    "ascii",
    "iso88591",
    "latin1",
    "windows1252",
    "cp1252",
    "gbk",
    "gb2312",
    "gb18030",
    "cp936",
    "utf16",
}
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{0,40})["']""")
_UTF32_STARTS = (
    b"\x00\x00\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\x00\x00\x00<",
    b"<\x00\x00\x00",
    b"\x00\x00<\x00",
    b"\x00<\x00\x00",
)
_EBCDIC_START = b"\x4c\x6f\xa7\x94"
_TYPE_ELEMENT = re.compile(r"<(?:\w+:)?(?:Default|Override)\b([^>]*)>")
_ATTRIBUTE = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
PEEK_BYTES = 512
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_EXCEL_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


@dataclass(frozen=True)
class Kind:
    """What the program reads this kind of file as, for messages."""

    name: str  # "Word" / "Excel"
    suffix: str  # ".docx" / ".xlsx"
    old_suffix: str  # ".doc" / ".xls"
    main_part: str  # the folder of parts that must exist: "word/"
    max_part: int  # bytes one part may inflate to
    max_elements: int  # XML tags (counted as "<") in all the parts together


# openpyxl builds every cell of a sheet in memory, so a sheet gets less room than a document.
# Elements are counted as tags ("<"): a long report has some 50,000. lxml parses a million in
# about a second and 100 MB; openpyxl makes each cell in some 100 µs (four tags), so 120,000
# tags take a few seconds. (The text reader then bounds the lines, app.readers.text_reader.)
WORD = Kind("Word", ".docx", ".doc", "word/", MAX_PART_BYTES, 1_000_000)
EXCEL = Kind("Excel", ".xlsx", ".xls", "xl/", 8 * 1024 * 1024, 120_000)

# Called with each XML part's name and text (decoded as its parser will read it); raises
# ReadError for what the kind's own reader cannot bear (app.readers.xlsx_reader: huge ranges).
Inspect = Callable[[str, str], None]


def open_package(data: bytes, kind: Kind, inspect: Inspect | None = None) -> zipfile.ZipFile:
    """The zip inside `data`, checked; ReadError with a Chinese message when it is not a sound
    Office file of `kind`."""
    _check_container(data, kind)
    if _central_records(data) > MAX_PARTS:
        raise ReadError("文件内部的部件数量异常，可能是恶意构造的文件，已拒绝读取")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError:  # "zip file version 9.9": a zip feature Office never uses
        raise ReadError(
            f"文件使用了 Office 不会使用的压缩格式（需要更新版本的 zip），请在 "
            f"{kind.name} 中打开后重新保存"
        ) from None
    except Exception:  # BadZipFile, LargeZipFile, ValueError, EOFError, OSError…
        raise ReadError(
            f"文件已损坏，无法作为 {kind.suffix} 文件打开（请在 {kind.name} 中打开后重新保存）"
        ) from None
    try:
        _check_parts(package, kind, inspect)
    except BaseException:
        package.close()
        raise
    return package


def _central_records(data: bytes) -> int:
    """How many entries the zip's central directory holds at most, counted before zipfile
    makes an object for each: 50 MB of empty entries would be a million objects (some 10 s
    and 400 MB). Each record starts with its signature; counted in the whole file, since the
    end record's own count stops at 65,535 and zipfile trusts neither it nor the offsets (the
    four bytes turn up by chance in packed data once in some 400 MB).
    """
    return data.count(_RECORD_SIGNATURE)


def _check_container(data: bytes, kind: Kind) -> None:
    if not data:
        raise ReadError("文件是空的")
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(f"文件太大（{len(data) // (1024 * 1024)} MB），不像是一份年度报告")
    if data.startswith(CFB_MAGIC):
        raise ReadError(_binary_office_message(data, kind))
    if data.startswith(ZIP_MAGIC):
        return
    head = data[:512].lstrip()
    if head.startswith(b"{\\rtf"):
        raise ReadError(f"这是 RTF 文件，请用 {kind.name} 打开后另存为 {kind.suffix} 再导入")
    if head[:1] == b"<" or head.lower().startswith((b"mime-version", b"\xef\xbb\xbf<")):
        raise ReadError(
            f"这是网页（HTML/MHT）格式的文件，只是扩展名为 {kind.suffix}；"
            f"请用 {kind.name} 打开后另存为 {kind.suffix} 再导入"
        )
    if data.startswith(b"%PDF"):
        raise ReadError(f"这是 PDF 文件，只是扩展名为 {kind.suffix}；请把扩展名改为 .pdf 后再导入")
    raise ReadError(f"这不是 {kind.name} 文件（{kind.suffix}），或文件已损坏")


def _binary_office_message(data: bytes, kind: Kind) -> str:
    if _ENCRYPTED in data:
        return (
            f"文件设置了打开密码，无法读取；请在 {kind.name} 中打开，取消密码"
            f"（文件→信息→保护文档→用密码进行加密，清空密码）后另存为 {kind.suffix} 再导入"
        )
    if _WORD_STREAM in data:
        return "这是旧版 Word 文件（.doc），请用 Word 或 WPS 另存为 .docx 后再导入"
    if any(stream in data for stream in _EXCEL_STREAMS):
        return "这是旧版 Excel 文件（.xls），请用 Excel 或 WPS 另存为 .xlsx 后再导入"
    return (
        f"这是旧版 Office 文件（{kind.old_suffix} 等），请用 {kind.name} 或 WPS 另存为 "
        f"{kind.suffix} 后再导入"
    )


def _check_parts(package: zipfile.ZipFile, kind: Kind, inspect: Inspect | None) -> None:
    infos = package.infolist()  # no more than MAX_PARTS (open_package counted them)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names and "OFD.xml" in names:
        raise ReadError(
            "这是 OFD 版式文件，本程序不能读取；请用 OFD 阅读器（如数科、福昕）另存为 PDF 后"
            "再导入，或向报送单位索取 Word 版"
        )
    if "[Content_Types].xml" not in names:
        raise ReadError(f"这不是 Office 文件（{kind.suffix}）：缺少内容类型说明，文件可能已损坏")
    if not any(name.startswith(kind.main_part) for name in names):
        other = next(
            (k for k in (WORD, EXCEL) if any(n.startswith(k.main_part) for n in names)), None
        )
        if other is not None:
            raise ReadError(f"这是 {other.name} 文件，不是 {kind.name} 文件；请检查扩展名")
        raise ReadError(f"这不是 {kind.name} 文件（{kind.suffix}），或文件已损坏")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError("文件内部经过加密，无法读取；请取消密码后另存再导入")
        if info.compress_type not in ACCEPTED_METHODS:
            method = METHOD_NAMES.get(info.compress_type, f"编号 {info.compress_type}")
            raise ReadError(
                f"文件内部使用了 Office 不会使用的压缩方式（{method}），可能是恶意"
                f"构造的文件，已拒绝读取；请在 {kind.name} 中打开后重新保存"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ReadError(_bomb_message())
    types = _content_types(package, package.getinfo("[Content_Types].xml"), kind)
    tags = 0
    for info in infos:
        declared = info.file_size
        content_type = _content_type(info.filename, types)
        if _is_carried(info.filename, content_type):
            # A picture (a scanned seal as BMP may shrink a thousandfold) is never parsed;
            # zipfile reads it no further than its stated size, so the size is what counts.
            if declared > MAX_MEDIA_BYTES:
                raise ReadError(_bomb_message())
            if content_type.startswith("image/") or not _is_xml(
                info.filename, _inflate(package, info, PEEK_BYTES)
            ):
                continue
        if declared > kind.max_part or (
            declared > RATIO_FLOOR and declared > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ReadError(_bomb_message())
        content = _inflate(package, info)
        if not _is_xml(info.filename, content):
            continue
        text = xml_text(content)
        if _has_doctype(text):
            raise ReadError(
                "文件中含有 Office 不会写入的 XML 声明（DOCTYPE/ENTITY），"
                "可能是恶意构造的文件，已拒绝读取"
            )
        tags += text.count("<")
        if tags > kind.max_elements:
            raise ReadError(
                f"文件内部的结构异常庞大，不像是一份年度报告，已拒绝读取（如确是报告，"
                f"请在 {kind.name} 中删去多余的内容后重新保存）"
            )
        if inspect is not None:
            inspect(info.filename, text)


def _content_types(package: zipfile.ZipFile, info: zipfile.ZipInfo, kind: Kind) -> dict[str, str]:
    """[Content_Types].xml as {"/word/document.xml": type, "png": type} (part names and
    extensions, lower case)."""
    if info.file_size > kind.max_part:
        raise ReadError(_bomb_message())
    text = xml_text(_inflate(package, info))
    if _has_doctype(text):
        raise ReadError(
            "文件中含有 Office 不会写入的 XML 声明（DOCTYPE/ENTITY），"
            "可能是恶意构造的文件，已拒绝读取"
        )
    types: dict[str, str] = {}
    for element in _TYPE_ELEMENT.finditer(text):
        attributes = {name: a or b for name, a, b in _ATTRIBUTE.findall(element.group(1))}
        key = attributes.get("PartName") or attributes.get("Extension")
        if key:
            types[key.lower()] = attributes.get("ContentType", "").strip().lower()
    return types


def _content_type(name: str, types: dict[str, str]) -> str:
    found = types.get("/" + name.lower())
    if found is None:
        found = types.get(name.rpartition(".")[2].lower(), "")
    return found


def _inflate(package: zipfile.ZipFile, info: zipfile.ZipInfo, peek: int | None = None) -> bytes:
    """The part's bytes (or its first `peek` bytes), read no further than it says it is long (a
    part that lies about its size is a bomb or damage)."""
    limit = min(info.file_size, MAX_PART_BYTES)
    try:
        with package.open(info) as stream:
            if peek is not None:
                return stream.read(min(peek, limit))
            content = stream.read(limit + 1)
    except Exception:  # BadZipFile, zlib.error, EOFError, NotImplementedError (odd methods)…
        raise ReadError("文件已损坏（内部压缩数据有误），请在 Office 中打开后重新保存") from None
    if len(content) > limit:
        raise ReadError(_bomb_message())
    return content


def _bomb_message() -> str:
    return "文件解压后的大小异常（可能是恶意构造的“压缩炸弹”），已拒绝读取"


def _is_carried(name: str, content_type: str) -> bool:
    """Pictures and embedded files: carried by the Office library, never parsed as XML (an
    SVG logo may well have a DOCTYPE, and is harmless). Only what is declared a picture is
    never looked into; anything else kept where pictures live is checked if it is XML."""
    lower = name.lower()
    return content_type.startswith("image/") or "/media/" in lower or "/embeddings/" in lower


def _is_xml(name: str, content: bytes) -> bool:
    """A part the Office library will parse as XML."""
    if name.lower().endswith((".xml", ".rels")):
        return True
    head = content[:16].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t")
    return head.startswith(b"<")


def xml_text(content: bytes) -> str:
    """The part as the XML parser will read it, for searching: UTF-16 decoded, anything
    ASCII-based byte for byte (as Latin-1). ReadError for an encoding Office never writes,
    which could hide a DOCTYPE from the search."""
    if content.startswith(_UTF32_STARTS):
        raise ReadError(_encoding_message("UTF-32"))
    if content.startswith(_EBCDIC_START):
        raise ReadError(_encoding_message("EBCDIC"))
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace")
    if content.startswith(b"\x00<"):
        return content.decode("utf-16-be", errors="replace")
    if content.startswith(b"<\x00"):
        return content.decode("utf-16-le", errors="replace")
    declared = _DECLARED.match(content[:256].removeprefix(b"\xef\xbb\xbf"))
    if declared is not None:
        name = declared.group(1).decode("latin-1")
        if re.sub(r"[-_\s]", "", name).lower() not in _ACCEPTED_ENCODINGS:
            raise ReadError(_encoding_message(name))
    return content.decode("latin-1")


def _encoding_message(name: str) -> str:
    return f"文件中有 Office 不会使用的文字编码（{name[:20]}），可能是恶意构造的文件，已拒绝读取"


def _has_doctype(text: str) -> bool:
    return any(p in text for p in _DOCTYPE)
