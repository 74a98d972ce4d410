"""The page: A4, the GB/T 9704 margins and line grid, and the "— N —" page numbers."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from app.document.profile import MM_PER_PT, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, LayoutProfile
from app.docx_writer.ooxml import el, fonts, indent_attrs, mm_to_twips, pt_to_twips, val
from app.docx_writer.styles import FOOTER_STYLE, TABLE_GRID_STYLE, footer_line_pt


def set_up_page(document: Any, profile: LayoutProfile) -> None:
    section = document.sections[0]
    sect_pr = section._sectPr
    for child in list(sect_pr):
        if child.tag in (qn("w:pgSz"), qn("w:pgMar"), qn("w:cols"), qn("w:docGrid")):
            sect_pr.remove(child)
    # Header and footer references come first in sectPr; the page geometry follows them.
    sect_pr.append(
        el(
            "w:pgSz",
            {"w:w": str(mm_to_twips(PAGE_WIDTH_MM)), "w:h": str(mm_to_twips(PAGE_HEIGHT_MM))},
        )
    )
    sect_pr.append(
        el(
            "w:pgMar",
            {
                "w:top": str(mm_to_twips(profile.margin_top_mm)),
                "w:right": str(mm_to_twips(profile.margin_right_mm)),
                "w:bottom": str(mm_to_twips(profile.margin_bottom_mm)),
                "w:left": str(mm_to_twips(profile.margin_left_mm)),
                "w:header": str(mm_to_twips(15)),
                "w:footer": str(mm_to_twips(footer_distance_mm(profile))),
                "w:gutter": "0",
            },
        )
    )
    sect_pr.append(el("w:cols", {"w:space": "425"}))
    sect_pr.append(
        el("w:docGrid", {"w:type": "lines", "w:linePitch": str(pt_to_twips(profile.line_pitch_pt))})
    )


def footer_distance_mm(profile: LayoutProfile) -> float:
    """From the paper's edge to the foot of the page-number line, so that the middle of that
    line (where the dashes sit) is `page_number_gap_mm` below the text block."""
    half_line_mm = footer_line_pt(profile) * MM_PER_PT / 2
    return round(profile.margin_bottom_mm - profile.page_number_gap_mm - half_line_mm, 1)


def add_page_numbers(document: Any, profile: LayoutProfile) -> None:
    """Odd pages right, even pages left, one character in from the edge (GB/T 9704 7.5)."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    inset = str(pt_to_twips(profile.page_number_pt))
    _fill_footer(section.footer, profile, {"w:jc": "right", "w:ind": ("w:right", inset)})
    section.even_page_footer.is_linked_to_previous = False
    _fill_footer(section.even_page_footer, profile, {"w:jc": "left", "w:ind": ("w:left", inset)})


def _fill_footer(footer: Any, profile: LayoutProfile, place: dict[str, Any]) -> None:
    root = footer._element
    for child in list(root):
        root.remove(child)
    side, inset = place["w:ind"]
    ppr = el(
        "w:pPr",
        None,
        val("w:pStyle", FOOTER_STYLE),
        el("w:ind", {side: inset, **indent_attrs(0)}),
        val("w:jc", place["w:jc"]),
    )
    font = profile.fonts.page_number
    root.append(
        el(
            "w:p",
            None,
            ppr,
            _run(font, text="— "),
            _run(font, field="begin"),
            _run(font, instr=" PAGE "),
            _run(font, field="separate"),
            _run(font, text="1"),
            _run(font, field="end"),
            _run(font, text=" —"),
        )
    )


def _run(font: str, *, text: str = "", field: str = "", instr: str = "") -> Any:
    run = el("w:r", None, el("w:rPr", None, fonts(font, font)))
    if field:
        run.append(el("w:fldChar", {"w:fldCharType": field}))
    elif instr:
        node = el("w:instrText", {"xml:space": "preserve"})
        node.text = instr
        run.append(node)
    else:
        node = el("w:t", {"xml:space": "preserve"})
        node.text = text
        run.append(node)
    return run


def tune_settings(document: Any) -> None:
    """Chinese text: no punctuation squeezing (it breaks the 28-character grid) and Chinese
    as the East Asian language Word assumes for theme fonts."""
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013 and later, not "compatibility mode"
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:  # the template's editing-session ids mean nothing in our file
        settings.remove(rsids)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:  # the schema requires w:percent; the page opens at its printed size
        for name in list(zoom.attrib):
            del zoom.attrib[name]
        zoom.set(qn("w:percent"), "100")
    # A table the user inserts gets Table Grid (styles.py), its text unindented, single-spaced.
    default_table = val("w:defaultTableStyle", TABLE_GRID_STYLE)
    settings.find(qn("w:defaultTabStop")).addnext(default_table)
