"""Word's automatic numbering shows the labels the reader needs ("一、", "（二）", "3.")."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.readers.docx_numbering import Numbering, chinese_count, format_number

NUMBERING = parse_xml(
    f"<w:numbering {nsdecls('w')}>"
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    "</w:numbering>"
)
STYLES = parse_xml(
    f"<w:styles {nsdecls('w')}>"
    '<w:style w:styleId="ChapterHeading"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
    "</w:pPr></w:style>"
    '<w:style w:styleId="MyHeading"><w:basedOn w:val="ChapterHeading"/></w:style>'
    "</w:styles>"
)


def _ppr(num_id: str | None = None, ilvl: int | None = None, style: str | None = None) -> object:
    inner = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        inner += "<w:numPr>"
        inner += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        inner += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        inner += "</w:numPr>"
    return parse_xml(f"<w:pPr {nsdecls('w')}>{inner}</w:pPr>")


def test_chapters_sections_and_items_are_counted_as_word_shows_them() -> None:
    n = Numbering(NUMBERING, STYLES)
    shown = [
        n.label(_ppr("1", 0)),
        n.label(_ppr("1", 1)),
        n.label(_ppr("1", 2)),
        n.label(_ppr("1", 2)),
        n.label(_ppr("1", 1)),
        n.label(_ppr("1", 2)),
        n.label(_ppr("1", 0)),
        n.label(_ppr("1", 1)),
    ]
    assert shown == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"]


def test_numbering_through_a_style_and_its_descendants() -> None:
    n = Numbering(NUMBERING, STYLES)
    assert [n.label(_ppr(style="ChapterHeading")), n.label(_ppr(style="MyHeading"))] == [
        "一、",
        "二、",
    ]


def test_restart_bullets_and_unnumbered() -> None:
    n = Numbering(NUMBERING, STYLES)
    assert n.label(_ppr("1", 0)) == "一、"
    assert n.label(_ppr("2", 0)) == "五、"  # a list restarted at 5 on the same definition
    assert n.label(_ppr("2", 0)) == "六、"
    assert n.label(_ppr("3", 0)) == ""  # bullets are not labels
    assert n.label(_ppr("0", 0)) == ""  # numId 0 switches numbering off
    assert n.label(_ppr()) == ""
    assert n.label(None) == ""
    assert Numbering(None, None).label(_ppr("1", 0)) == ""


def test_number_formats() -> None:
    assert [chinese_count(k) for k in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
        "一百",
        "一百零五",
        "一百一十",
    ]
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(7, "decimalFullWidth") == "７"


def test_numbers_no_format_can_show_briefly_are_shown_in_digits() -> None:
    assert format_number(3999, "upperRoman") == "MMMCMXCIX"
    assert format_number(4000, "upperRoman") == "4000"
    assert format_number(2**31 - 1, "lowerLetter") == str(2**31 - 1)
    assert format_number(52, "upperLetter") == "ZZ"


def test_a_start_beyond_words_own_range_is_held_to_it() -> None:
    numbering = parse_xml(
        f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="upperRoman"/>'
        f'<w:lvlText w:val="%1{"、" * 5000}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    n = Numbering(numbering, None)
    label = n.label(_ppr("1", 0))
    assert label.startswith("32767、") and len(label) < 80
