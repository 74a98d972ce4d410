"""Checking an Office file (.docx, .xlsx) before any XML library sees it.

A .docx or .xlsx is a zip of XML parts. Before python-docx or openpyxl parse one, this module
says in Chinese what is wrong with files people really send: an old binary Word or Excel file
(or a password-protected one, which Office saves in the same binary container), a damaged zip,
a zip bomb (parts that inflate to gigabytes), and XML with a DOCTYPE (entity expansion tricks;
Office never writes one). Every part is inflated here once, never past the size it states (zipfile
then finds the checksum wrong, so a part that lies about its size is refused as damaged).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from app.readers.errors import ReadError

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .xls, encrypted OOXML
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 30 * 1024 * 1024  # document.xml of a long report is well under 1 MB
MAX_MEDIA_BYTES = 100 * 1024 * 1024  # one picture
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2000
# Deflate can shrink at most about 1000:1; XML of a real report shrinks 5–30:1.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small parts may shrink a lot (a run of spaces) without harm
_DOCTYPE = (b"<!DOCTYPE", b"<!ENTITY")
_DOCTYPE_WIDE = tuple(p.decode("ascii").encode(enc) for p in _DOCTYPE
                      for enc in ("utf-16-le", "utf-16-be"))
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


# openpyxl builds every cell of a sheet in memory, so a sheet gets less room than a document.
WORD = Kind("Word", ".docx", ".doc", "word/", MAX_PART_BYTES)
EXCEL = Kind("Excel", ".xlsx", ".xls", "xl/", 8 * 1024 * 1024)


def open_package(data: bytes, kind: Kind) -> zipfile.ZipFile:
    """The zip inside `data`, checked; ReadError with a Chinese message when it is not a sound
    Office file of `kind`."""
    _check_container(data, kind)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ReadError(f"文件已损坏，无法作为 {kind.suffix} 文件打开（请在 {kind.name} "
                        f"中打开后重新保存）") from None
    _check_parts(package, kind)
    return package


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
        raise ReadError(f"这是网页（HTML/MHT）格式的文件，只是扩展名为 {kind.suffix}；"
                        f"请用 {kind.name} 打开后另存为 {kind.suffix} 再导入")
    if data.startswith(b"%PDF"):
        raise ReadError("这是 PDF 文件，不能读取其中的表格；请导入 Word 文件或网页上复制的文字")
    raise ReadError(f"这不是 {kind.name} 文件（{kind.suffix}），或文件已损坏")


def _binary_office_message(data: bytes, kind: Kind) -> str:
    if _ENCRYPTED in data:
        return (f"文件设置了打开密码，无法读取；请在 {kind.name} 中打开，取消密码"
                f"（文件→信息→保护文档→用密码进行加密，清空密码）后另存为 {kind.suffix} 再导入")
    if _WORD_STREAM in data:
        return "这是旧版 Word 文件（.doc），请用 Word 或 WPS 另存为 .docx 后再导入"
    if any(stream in data for stream in _EXCEL_STREAMS):
        return "这是旧版 Excel 文件（.xls），请用 Excel 或 WPS 另存为 .xlsx 后再导入"
    return (f"这是旧版 Office 文件（{kind.old_suffix} 等），请用 {kind.name} 或 WPS 另存为 "
            f"{kind.suffix} 后再导入")


def _check_parts(package: zipfile.ZipFile, kind: Kind) -> None:
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise ReadError("文件内部的部件数量异常，可能是恶意构造的文件，已拒绝读取")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise ReadError(f"这不是 Office 文件（{kind.suffix}）：缺少内容类型说明，文件可能已损坏")
    if not any(name.startswith(kind.main_part) for name in names):
        other = next((k for k in (WORD, EXCEL) if any(n.startswith(k.main_part) for n in names)),
                     None)
        if other is not None:
            raise ReadError(f"这是 {other.name} 文件，不是 {kind.name} 文件；请检查扩展名")
        raise ReadError(f"这不是 {kind.name} 文件（{kind.suffix}），或文件已损坏")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError("文件内部经过加密，无法读取；请取消密码后另存再导入")
        declared = info.file_size
        total += declared
        if total > MAX_TOTAL_BYTES:
            raise ReadError(_bomb_message())
        if _is_carried(info.filename):
            # A picture (a scanned seal as BMP may shrink a thousandfold) is never parsed;
            # zipfile reads it no further than its stated size, so the size is what counts.
            if declared > MAX_MEDIA_BYTES:
                raise ReadError(_bomb_message())
            continue
        if declared > kind.max_part or (
            declared > RATIO_FLOOR and declared > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ReadError(_bomb_message())
        content = _inflate(package, info)
        if _is_xml(info.filename, content) and _has_doctype(content):
            raise ReadError("文件中含有 Office 不会写入的 XML 声明（DOCTYPE/ENTITY），"
                            "可能是恶意构造的文件，已拒绝读取")


def _inflate(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, read no further than it says it is long (a part that lies about its
    size is a bomb or damage)."""
    limit = min(info.file_size, MAX_PART_BYTES)
    try:
        with package.open(info) as stream:
            content = stream.read(limit + 1)
    except Exception:  # BadZipFile, zlib.error, EOFError, NotImplementedError (odd methods)…
        raise ReadError("文件已损坏（内部压缩数据有误），请在 Office 中打开后重新保存") from None
    if len(content) > limit:
        raise ReadError(_bomb_message())
    return content


def _bomb_message() -> str:
    return "文件解压后的大小异常（可能是恶意构造的“压缩炸弹”），已拒绝读取"


def _is_carried(name: str) -> bool:
    """Pictures and embedded files: carried by the Office library, never parsed as XML (an
    SVG logo may well have a DOCTYPE, and is harmless)."""
    lower = name.lower()
    return "/media/" in lower or "/embeddings/" in lower


def _is_xml(name: str, content: bytes) -> bool:
    """A part the Office library will parse as XML."""
    if name.lower().endswith((".xml", ".rels")):
        return True
    head = content[:8].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t")
    return head.startswith(b"<")


def _has_doctype(content: bytes) -> bool:
    return any(p in content for p in _DOCTYPE) or any(p in content for p in _DOCTYPE_WIDE)
