"""Reading a report from a .docx file, whoever made it (spec/interfaces.md §4).

The file is checked first (package_check: old .doc, password, damage, zip bomb, DOCTYPE), then
opened with python-docx; its body becomes lines and table rows (docx_body) and the same reader
as for pasted text finds the title, the chapters by their headings, the signature and the
three tables by their labels.
"""

from __future__ import annotations

import io
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.package import Package

from app.domain.report import Report
from app.readers.docx_body import body_lines
from app.readers.docx_numbering import Numbering
from app.readers.docx_outline import Outline
from app.readers.errors import ReadError
from app.readers.package_check import WORD, open_package
from app.readers.text_reader import MAX_LINES, read_lines
from app.readers.wordml import Element, w

# A macro-enabled document or a template holds the same body as a .docx.
WORD_MAIN_TYPES = {
    CT.WML_DOCUMENT_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def read_docx(data: bytes) -> Report:
    """The report in a .docx file's bytes; ReadError (Chinese) when it cannot be read."""
    try:
        return _read(data)
    except ReadError:
        raise
    except (RecursionError, MemoryError):
        raise ReadError("Word 文件的结构异常复杂，无法读取") from None
    except Exception as exc:  # whatever a strange file trips, the user gets a sentence
        raise ReadError(f"读取 Word 文件时出错，文件可能已损坏（{type(exc).__name__}）") from None


def _read(data: bytes) -> Report:
    open_package(data, WORD).close()
    part = _main_part(data)
    document = _element(part)
    body = document.find(w("body"))
    if body is None:
        raise ReadError("Word 文件中没有正文，文件可能已损坏")
    # Each paragraph and table row becomes a line; counting them first (in lxml, quickly)
    # spares walking a million of them to find there are too many.
    if sum(1 for _ in body.iter(w("p"), w("tr"))) > MAX_LINES:
        raise ReadError(f"Word 文件中的段落超过 {MAX_LINES:,} 个，不像是一份年度报告")
    numbering_part, styles = _numbering_and_styles(part)
    lines = body_lines(body, Numbering(numbering_part, styles), Outline(styles))
    try:
        return read_lines(lines, structured=True)
    except ReadError as exc:
        raise ReadError(f"{exc}（Word 文件中没有找到报告的标题、章节或表格）") from None


def _main_part(data: bytes) -> Any:
    try:
        package = Package.open(io.BytesIO(data))
    except Exception:  # python-docx raises KeyError, ValueError, XMLSyntaxError… on damage
        raise ReadError(
            "文件已损坏，无法作为 Word 文件打开（请在 Word 中打开后重新保存）"
        ) from None
    self_rels = {rel.reltype for rel in package.rels.values()}
    if RT.OFFICE_DOCUMENT not in self_rels:
        if any("purl.oclc.org/ooxml" in reltype for reltype in self_rels):
            raise ReadError(
                "这是 Word 的“Strict Open XML”格式，请用 Word 另存为普通的"
                "“Word 文档（*.docx）”后再导入"
            )
        raise ReadError("这不是 Word 文档（找不到正文部分），文件可能已损坏")
    part = package.main_document_part
    if part.content_type not in WORD_MAIN_TYPES:
        raise ReadError("这不是 Word 文档（可能是改了扩展名的 Excel 或 PowerPoint 文件）")
    return part


def _element(part: Any) -> Element:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return parse_xml(part.blob)
    except Exception:
        raise ReadError("Word 文件的正文已损坏，无法读取") from None


def _numbering_and_styles(part: Any) -> tuple[Element | None, Element | None]:
    found: dict[str, Element | None] = {RT.NUMBERING: None, RT.STYLES: None}
    for rel in part.rels.values():
        if rel.reltype in found and not rel.is_external:
            try:
                found[rel.reltype] = _element(rel.target_part)
            except ReadError:
                continue  # a damaged numbering part costs the numbers, not the report
    return found[RT.NUMBERING], found[RT.STYLES]
