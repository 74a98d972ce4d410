"""Reading a report from a file, whatever its kind: .json, .txt (pasted text), .docx, .xlsx,
.pdf and saved web pages (.html, .htm). The first bytes say what a file is where they can:
a PDF or a web page under another name is read as what it is."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain.report import Report, with_tables_of
from app.readers import json_form, text_reader
from app.readers.errors import ReadError
from app.readers.package_check import MAX_FILE_BYTES, ZIP_MAGIC
from app.writing import describe_os_error

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_OFFICE_BYTES = MAX_FILE_BYTES
_TOO_LARGE = "文件太大，不像是一份年度报告"
OLD_WORD_SUFFIXES = (".doc", ".wps")
WORD_SUFFIXES = (".docx", ".docm", ".dotx", *OLD_WORD_SUFFIXES)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
# What a saved web page starts with, after any byte order mark, blank lines and comments.
_HTML_START = re.compile(
    rb"^(\xef\xbb\xbf)?(\s|<!--.*?-->)*(<!doctype\s+html|<html|<\?xml[^>]*>\s*"
    rb"(<!doctype\s+html|<html))",
    re.IGNORECASE | re.DOTALL,
)
TEXT_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def read_report_file(path: Path) -> Report:
    """The report in `path`; ReadError with a Chinese message (naming the file) otherwise."""
    try:
        return _parse(path, _file_bytes(path))
    except ReadError as exc:
        raise ReadError(f"{path.name}：{exc}") from None


def read_tables_file(report: Report, path: Path) -> Report:
    """A copy of `report` whose three tables are those in `path` (a workbook a colleague
    filled in, or any report file); its text, title and signature stay as they are."""
    try:
        data = _file_bytes(path)
        if path.suffix.lower() in EXCEL_SUFFIXES and not is_pdf(data):
            from app.readers.xlsx_reader import read_xlsx_tables  # openpyxl only when needed

            merged = read_xlsx_tables(report, data)
        else:
            merged = with_tables_of(report, _parse(path, data))
        if not merged.cells:
            raise ReadError("文件中没有读到三张表格中的数字")
        return merged
    except ReadError as exc:
        raise ReadError(f"{path.name}：{exc}") from None


def _file_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except OSError as exc:
        raise ReadError(f"无法打开文件（{describe_os_error(exc)}）") from None
    if path.is_dir():
        raise ReadError("这是一个文件夹，不是报告文件")
    if not path.is_file():  # a pipe would never end, a device (/dev/zero) never stop
        raise ReadError("这不是普通文件（而是设备或管道），不能作为报告读取")
    office = suffix in (*WORD_SUFFIXES, *EXCEL_SUFFIXES, *PDF_SUFFIXES)
    limit = MAX_OFFICE_BYTES if office else MAX_TEXT_BYTES
    if size > limit:
        raise ReadError(_TOO_LARGE)
    return _read_bytes(path, limit)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def is_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:4096]))


def _parse(path: Path, data: bytes) -> Report:
    suffix = path.suffix.lower()
    zipped = data.startswith(ZIP_MAGIC)
    if is_pdf(data) or (suffix in PDF_SUFFIXES and not zipped):
        return _read_pdf(data)
    if suffix in EXCEL_SUFFIXES:
        from app.readers.xlsx_reader import read_xlsx_report  # openpyxl only when needed

        return read_xlsx_report(data)
    # A web page saved as .doc (as Word and the portals' editors do) is read as the page it is.
    if not zipped and (suffix in HTML_SUFFIXES or is_html(data)):
        from app.readers.html_reader import read_html

        return read_html(data)
    if suffix in OLD_WORD_SUFFIXES and not zipped:
        raise ReadError("这是旧版 Word 文件（.doc），请用 Word 或 WPS 另存为 .docx 后再导入")
    # A .docx renamed .doc or .txt is still read: the first bytes say what it is.
    if suffix in WORD_SUFFIXES or zipped:
        from app.readers.docx_reader import read_docx  # python-docx only when needed

        return read_docx(data)
    if suffix == ".json":
        return json_form.loads(_decode(data))
    return text_reader.read_text(_decode(data))


def _read_pdf(data: bytes) -> Report:
    try:
        from app.readers.pdf_reader import read_pdf  # PDFium only when a PDF is opened
    except ImportError:
        raise ReadError("这一版程序不能读取 PDF 文件，请导入 Word 文件或网页") from None
    return read_pdf(data)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)  # a file still growing stops at the limit too
    except PermissionError:
        raise ReadError("没有读取该文件的权限") from None
    except OSError as exc:
        raise ReadError(f"无法读取文件（{describe_os_error(exc)}）") from None
    if len(data) > limit:
        raise ReadError(_TOO_LARGE)
    return data


# What a file that is not text is, by its first bytes: the message names it.
KNOWN_KINDS = (
    (
        b"\xd0\xcf\x11\xe0",
        "这是旧版 Office 文件（.doc、.xls 或 .wps），不是文本；请用 Word 或 WPS 另存为 .docx",
    ),
    (b"\x89PNG", "这是 PNG 图片，不是文本，也不是报告"),
    (b"\xff\xd8\xff", "这是 JPEG 图片，不是文本，也不是报告"),
    (b"GIF8", "这是 GIF 图片，不是文本，也不是报告"),
    (b"Rar!", "这是 RAR 压缩包，不是文本；请先解压"),
    (b"7z\xbc\xaf", "这是 7z 压缩包，不是文本；请先解压"),
)


def _decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise ReadError("这是压缩包或 Office 文件，不是文本；Word 文件请用 .docx 扩展名")
    for magic, message in KNOWN_KINDS:
        if data.startswith(magic):
            raise ReadError(message)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("这不是文本文件")
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("无法识别文件的文字编码（请保存为 UTF-8 或 GBK 文本）")
