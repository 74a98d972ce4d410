"""The styles part and the font table, rewritten from the profile.

python-docx's template defines some 160 styles on theme fonts (Calibri, MS Mincho): any text
that reached them would print in a font no 公文 uses. So the styles part is replaced by the
few styles the document uses, and the document defaults name the profile's fonts explicitly.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from docx.oxml import parse_xml

from app.document.model import TextRole
from app.document.profile import LayoutProfile
from app.docx_writer.ooxml import half_points, indent_xml, pt_to_twips

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING_STYLES = {
    TextRole.TITLE: "Title",
    TextRole.HEADING1: "Heading1",
    TextRole.HEADING2: "Heading2",
    TextRole.HEADING3: "Heading3",
    TextRole.HEADING4: "Heading4",
}
TABLE_TEXT_STYLE = "TableText"
TABLE_GRID_STYLE = "TableGrid"  # what Word gives a table the user inserts
FOOTER_STYLE = "Footer"


def quoteattr(value: str) -> str:
    """An XML attribute value in double quotes (html.escape: xml.sax.saxutils would pull in
    urllib and cost a tenth of a second at start-up)."""
    return f'"{escape(value, quote=True)}"'


def _fonts(east_asian: str, latin: str) -> str:
    return (
        f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} "
        f'w:eastAsia={quoteattr(east_asian)} w:cs={quoteattr(latin)} w:hint="eastAsia"/>'
    )


def _size(pt: float) -> str:
    return f'<w:sz w:val="{half_points(pt)}"/><w:szCs w:val="{half_points(pt)}"/>'


def char_spacing(profile: LayoutProfile) -> int:
    """Extra advance per character, in twentieths of a point, that sets `chars_per_line`
    characters on a line (28 in 156 mm at 3号 needs each one 0.25 pt narrower).

    Word's own way, a character grid (docGrid linesAndChars), is read differently by
    LibreOffice, which then sets 18 characters a line; per-character spacing means the same
    in Word, WPS and LibreOffice. Rounded down so the last character still fits.
    """
    return math.floor((profile.char_pitch_pt - profile.body_pt) * 20)


def line_spacing(profile: LayoutProfile) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{pt_to_twips(profile.line_pitch_pt)}" w:lineRule="exact"/>'


def table_line_spacing(profile: LayoutProfile) -> str:
    """Table text on an exact line, so that a row is as high in Word, WPS and LibreOffice
    whichever font stands in for 仿宋_GB2312 (an automatic line follows the font's own)."""
    return (
        f'<w:spacing w:before="0" w:after="0" w:line="{pt_to_twips(profile.table_line_pt)}" '
        'w:lineRule="exact"/>'
    )


# What a table a user inserts in Word (Table Grid, the default for new tables) sets its text
# in: no first-line indent and single lines, not the body's. It lives in the table styles and
# wins over the document defaults, where the body's indent and line pitch are for that reason
# (a paragraph style's would win over the table style).
_TABLE_PARAGRAPHS = (
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    f"{indent_xml(0)}</w:pPr>"
)
_GRID_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _heading(style_id: str, name: str, level: int, font: str, profile: LayoutProfile) -> str:
    return f"""
  <w:style w:type="paragraph" w:styleId="{style_id}">
    <w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="9"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:outlineLvl w:val="{level}"/></w:pPr>
    <w:rPr>{_fonts(font, profile.fonts.latin)}</w:rPr>
  </w:style>"""


def styles_xml(profile: LayoutProfile) -> str:
    f = profile.fonts
    latin = f.latin
    bold = "<w:b/><w:bCs/>" if f.title_bold else ""
    headings = "".join(
        (
            _heading("Heading1", "heading 1", 0, f.heading1, profile),
            _heading("Heading2", "heading 2", 1, f.heading2, profile),
            _heading("Heading3", "heading 3", 2, f.body, profile),
            _heading("Heading4", "heading 4", 3, f.body, profile),
        )
    )
    return f"""<w:styles xmlns:w="{W_NS}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr>{_fonts(f.body, latin)}{_size(profile.body_pt)}
      <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr>{line_spacing(profile)}{indent_xml(2, profile.body_pt)}
      <w:jc w:val="both"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal"/><w:qFormat/>
    <w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr>
    <w:rPr>{_fonts(f.body, latin)}<w:spacing w:val="{char_spacing(profile)}"/>
      <w:kern w:val="2"/>{_size(profile.body_pt)}
      <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
    <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>
    <w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal">
    <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
    {_TABLE_PARAGRAPHS}
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>
      <w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
      <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
    </w:tblCellMar></w:tblPr>
  </w:style>
  <w:style w:type="table" w:styleId="{TABLE_GRID_STYLE}">
    <w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>
    {_TABLE_PARAGRAPHS}
    <w:tblPr><w:tblBorders>{_GRID_BORDERS}</w:tblBorders></w:tblPr>
  </w:style>
  <w:style w:type="numbering" w:default="1" w:styleId="NoList">
    <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Title">
    <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="10"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:snapToGrid w:val="0"/>{indent_xml(0)}
      <w:jc w:val="center"/></w:pPr>
    <w:rPr>{_fonts(f.title, latin)}{bold}<w:spacing w:val="0"/>{_size(profile.title_pt)}</w:rPr>
  </w:style>{headings}
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="{TABLE_TEXT_STYLE}">
    <w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:qFormat/>
    <w:pPr><w:snapToGrid w:val="0"/>{table_line_spacing(profile)}
      {indent_xml(0)}<w:jc w:val="center"/></w:pPr>
    <w:rPr><w:spacing w:val="0"/>{_size(profile.table_pt)}</w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="{FOOTER_STYLE}">
    <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:snapToGrid w:val="0"/>{footer_spacing(profile)}{indent_xml(0)}</w:pPr>
    <w:rPr>{_fonts(f.page_number, f.page_number)}<w:spacing w:val="0"/>
      {_size(profile.page_number_pt)}</w:rPr>
  </w:style>
</w:styles>"""


def footer_line_pt(profile: LayoutProfile) -> float:
    """A fixed line for the page number, so its position below the text is known."""
    return round(profile.page_number_pt * 1.2, 1)


def footer_spacing(profile: LayoutProfile) -> str:
    twips = pt_to_twips(footer_line_pt(profile))
    return f'<w:spacing w:before="0" w:after="0" w:line="{twips}" w:lineRule="exact"/>'


def replace_styles(styles_element: Any, profile: LayoutProfile) -> None:
    """Swap the template's styles for ours, keeping the part (and its relationships)."""
    fresh = parse_xml(styles_xml(profile))
    for child in list(styles_element):
        styles_element.remove(child)
    for child in list(fresh):
        styles_element.append(child)


# Font table entries tell Word and WPS what a missing font is like (a GB2312 font, fixed
# pitch) and, through altName, which installed font to use instead: a PC without
# 仿宋_GB2312 then prints in 仿宋 rather than in a Latin fallback.
ALT_NAMES = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "方正小标宋_GBK": "宋体",
}


def font_table_xml(profile: LayoutProfile) -> bytes:
    f = profile.fonts
    entries = []
    for name in dict.fromkeys((f.body, f.title, f.heading1, f.heading2, f.page_number)):
        alt = ALT_NAMES.get(name)
        alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
        entries.append(
            f'<w:font w:name={quoteattr(name)}>{alt_xml}<w:charset w:val="86"/>'
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    entries.append(
        f'<w:font w:name={quoteattr(f.latin)}><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>'
    )
    return xml.encode("utf-8")
