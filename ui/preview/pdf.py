"""The report as a PDF through Qt's own PDF writer: no Office or LibreOffice needed.

The pages are the preview's pages, drawn by the same painter. The PDF is made in memory, then
written to a temporary file beside the target and moved into place (app.writing), so a full
disk or a file held open by a PDF reader gives the same Chinese messages as the .docx export
and never leaves half a file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter

from app.document.blocks import build_blocks
from app.document.line_breaking import FontSpec
from app.document.pagination import PagedDocument, paginate
from app.document.profile import OFFICIAL, LayoutProfile
from app.domain.report import Report
from app.writing import ExportError, check_target, write_bytes_replacing
from ui.preview.fonts import installed_families, resolve_fonts
from ui.preview.metrics import QtFonts
from ui.preview.painter import paint_document
from ui.preview.pdf_unicode import fix_to_unicode
from ui.qt_environment import use_system_fonts_offscreen

PDF_DPI = 1440  # one device unit a twip, the painter's own unit
CREATOR = "年报编制器"

_app: QGuiApplication | None = None  # the application made for a command-line export
_lowest_codes: dict[tuple[str, bool], dict[int, int]] = {}
# Every code point of the Basic Multilingual Plane but the surrogates, lowest first.
_BMP = "".join(chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code < 0xE000)


def ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line has none, and maybe no display."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    use_system_fonts_offscreen()
    _app = QGuiApplication(["nianbao"])


def lay_out(report: Report, profile: LayoutProfile, fonts: QtFonts) -> PagedDocument:
    return paginate(build_blocks(report, profile), profile, fonts)


def qt_fonts(profile: LayoutProfile) -> QtFonts:
    return QtFonts(resolve_fonts(profile, installed_families()))


def render_pdf(paged: PagedDocument, fonts: QtFonts, title: str = "", author: str = "") -> bytes:
    """The pages as PDF bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(PDF_DPI)
    writer.setCreator(CREATOR)
    writer.setTitle(title)
    if hasattr(writer, "setAuthor"):  # Qt 6.8 and later
        writer.setAuthor(author)
    if not paint_document(writer, paged.pages, fonts, PDF_DPI):
        raise ExportError("无法生成 PDF（Qt 的 PDF 输出不可用）")
    del writer  # finishes the file
    buffer.close()
    return fix_to_unicode(bytes(data.data()), true_characters(paged, fonts))


def true_characters(paged: PagedDocument, fonts: QtFonts) -> dict[int, int]:
    """For each code Qt will write for a glyph we drew (the lowest code point the font maps
    to it), the character we drew with it, where the two differ (see pdf_unicode)."""
    drawn: dict[FontSpec, set[str]] = {}
    for page in paged.pages:
        lines = [*page.lines, page.folio, *(line for cell in page.cells for line in cell.lines)]
        for line in lines:
            for piece in line.pieces:
                drawn.setdefault(piece.font, set()).update(piece.text)
    everything = set().union(*drawn.values()) if drawn else set()
    found: dict[int, int] = {}
    for spec, characters in drawn.items():
        lowest = _lowest_code_of_glyphs(spec, fonts)
        raw = fonts.raw_font(spec)
        text = "".join(sorted(characters))
        for ch, glyph in zip(text, raw.glyphIndexesForString(text), strict=False):
            code = lowest.get(glyph)
            if code is not None and code != ord(ch) and chr(code) not in everything:
                found[code] = ord(ch)
    return found


def _lowest_code_of_glyphs(spec: FontSpec, fonts: QtFonts) -> dict[int, int]:
    key = (fonts.report.choice(spec.family).family, spec.bold)
    lowest = _lowest_codes.get(key)
    if lowest is None:
        lowest = {}
        glyphs = fonts.raw_font(spec).glyphIndexesForString(_BMP)
        for ch, glyph in zip(_BMP, glyphs, strict=False):
            if glyph and glyph not in lowest:
                lowest[glyph] = ord(ch)
        _lowest_codes[key] = lowest
    return lowest


def export_pdf(
    report: Report, target: Path, profile: LayoutProfile = OFFICIAL, *, fonts: QtFonts | None = None
) -> None:
    """Write `report` to `target` (.pdf); ExportError with a Chinese message when it cannot,
    leaving any old file as it was. `fonts`: the preview's, to reuse what it measured."""
    if target.suffix.lower() != ".pdf":
        raise ExportError(f"文件名“{target.name}”应以 .pdf 结尾")
    check_target(target)
    ensure_gui_application()
    fonts = fonts or qt_fonts(profile)
    paged = lay_out(report, profile, fonts)
    data = render_pdf(paged, fonts, " ".join(report.title.split()), report.unit)
    write_bytes_replacing(target, data)
