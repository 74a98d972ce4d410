"""Writing a block list to a .docx file with python-docx."""

from __future__ import annotations

import datetime as dt
import io
import os
from html import escape
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from app.document.model import DocumentBlocks, Paragraph, Signature, Table
from app.document.profile import LayoutProfile
from app.docx_writer import body, tables
from app.docx_writer.page import add_page_numbers, set_up_page, tune_settings
from app.docx_writer.styles import font_table_xml, replace_styles

APPLICATION = "年报编制器"
# Template parts with nothing for a 公文: Word 2010 style copies on theme fonts, list
# definitions, a sample custom XML item, and a thumbnail of an empty Latin page.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED_PARTS = (STYLES_WITH_EFFECTS, RT.CUSTOM_XML, RT.NUMBERING)


def write_docx(
    blocks: DocumentBlocks, profile: LayoutProfile, path: Path, now: dt.datetime | None = None
) -> None:
    document = docx.Document()
    _drop_template_parts(document)
    replace_styles(document.styles.element, profile)
    _part(document, RT.FONT_TABLE)._blob = font_table_xml(profile)
    tune_settings(document)
    set_up_page(document, profile)
    add_page_numbers(document, profile)
    _write_body(document, blocks, profile)
    _set_properties(document, blocks, now or dt.datetime.now(dt.UTC))
    buffer = io.BytesIO()
    document.save(buffer)
    _write_file(path, buffer.getbuffer())


def _write_file(path: Path, data: memoryview) -> None:
    """Write in one unbuffered pass and flush to disk before the file is moved into place.

    Saving straight to the path lets zipfile meet a full disk while closing, and then again
    while being collected; here the error comes once, where the caller can report it.
    """
    with open(path, "wb", buffering=0) as file:
        while data:
            written = file.write(data)
            data = data[written:]
        os.fsync(file.fileno())


def _write_body(document: Any, blocks: DocumentBlocks, profile: LayoutProfile) -> None:
    sect_pr = document.element.body.sectPr  # stays the body's last child
    for block in blocks.blocks:
        if isinstance(block, Paragraph):
            sect_pr.addprevious(body.paragraph(block, profile))
        elif isinstance(block, Table):
            sect_pr.addprevious(tables.table(block, profile))
        elif isinstance(block, Signature):
            for p in body.signature(block, profile):
                sect_pr.addprevious(p)


def _drop_template_parts(document: Any) -> None:
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in DROPPED_PARTS:
            part.drop_rel(r_id)
    package_rels = part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[r_id]


def _part(document: Any, reltype: str, package: bool = False) -> Any:
    rels = document.part.package.rels if package else document.part.rels
    for rel in rels.values():
        if rel.reltype == reltype:
            return rel.target_part
    raise LookupError(reltype)


def _set_properties(document: Any, blocks: DocumentBlocks, now: dt.datetime) -> None:
    props = document.core_properties
    props.title = blocks.title
    props.author = blocks.author
    props.last_modified_by = blocks.author
    props.subject = "政府信息公开工作年度报告"
    props.keywords = "政府信息公开;年度报告"
    props.comments = ""
    props.category = ""
    props.language = "zh-CN"
    props.revision = 1
    stamp = now.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = stamp
    props.modified = stamp
    app = _part(document, RT.EXTENDED_PROPERTIES, package=True)
    app._blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Template>Normal.dotm</Template>'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(blocks.author)}</Company></Properties>"
    ).encode()
