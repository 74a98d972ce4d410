"""Reading a report from a file, whatever its kind: .json, .txt (pasted text), .docx, .xlsx."""

from __future__ import annotations

from pathlib import Path

from app.domain.report import Report
from app.readers import json_form, text_reader
from app.readers.errors import ReadError
from app.readers.package_check import MAX_FILE_BYTES, ZIP_MAGIC

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_OFFICE_BYTES = MAX_FILE_BYTES
OLD_WORD_SUFFIXES = (".doc", ".wps")
WORD_SUFFIXES = (".docx", ".docm", ".dotx", *OLD_WORD_SUFFIXES)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
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
        if path.suffix.lower() in EXCEL_SUFFIXES:
            from app.xlsx.reader import read_xlsx_tables  # openpyxl only when needed

            merged = read_xlsx_tables(report, data)
        else:
            merged = with_tables_of(report, _parse(path, data))
        if not merged.cells:
            raise ReadError("文件中没有读到三张表格中的数字")
        return merged
    except ReadError as exc:
        raise ReadError(f"{path.name}：{exc}") from None


def with_tables_of(report: Report, source: Report) -> Report:
    """`report` with the figures of `source`, each table keeping the layout it was read in."""
    merged = report.copy()
    merged.cells = dict(source.cells)
    merged.money_units = dict(source.money_units)
    merged.table_layouts = {t: source.table_layout_id(t) for t in ("table2", "table3", "table4")
                            if source.table_layout_id(t) != report.layout_id}
    merged.reader_notes = list(source.reader_notes)
    return merged


def _file_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except OSError as exc:
        raise ReadError(f"无法打开文件（{exc.strerror}）") from None
    if path.is_dir():
        raise ReadError("这是一个文件夹，不是报告文件")
    office = suffix in WORD_SUFFIXES or suffix in EXCEL_SUFFIXES
    if size > (MAX_OFFICE_BYTES if office else MAX_TEXT_BYTES):
        raise ReadError("文件太大，不像是一份年度报告")
    return _read_bytes(path)


def _parse(path: Path, data: bytes) -> Report:
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        from app.xlsx.reader import read_xlsx_report  # openpyxl only when needed

        return read_xlsx_report(data)
    if suffix in OLD_WORD_SUFFIXES and not data.startswith(ZIP_MAGIC):
        raise ReadError("这是旧版 Word 文件（.doc），请用 Word 或 WPS 另存为 .docx 后再导入")
    # A .docx renamed .doc or .txt is still read: the first bytes say what it is.
    if suffix in WORD_SUFFIXES or data.startswith(ZIP_MAGIC):
        from app.readers.docx_reader import read_docx  # python-docx only when needed

        return read_docx(data)
    if suffix == ".json":
        return json_form.loads(_decode(data))
    return text_reader.read_text(_decode(data))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise ReadError("没有读取该文件的权限") from None
    except OSError as exc:
        raise ReadError(f"无法读取文件（{exc.strerror}）") from None


def _decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise ReadError("这是压缩包或 Office 文件，不是文本；Word 文件请用 .docx 扩展名")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("这不是文本文件")
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("无法识别文件的文字编码（请保存为 UTF-8 或 GBK 文本）")
