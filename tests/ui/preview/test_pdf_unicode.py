"""Restoring the characters a Qt PDF names by look-alikes (⼀ for 一), in place."""

from __future__ import annotations

from ui.preview.pdf_unicode import fix_to_unicode

CMAP = b"""stream
/CIDInit /ProcSet findresource begin
begincmap
2 beginbfrange
<0000> <0000> <0000>
<0001> <0004> [<2F00> <2F06> <6236> <4FE1> ]
<0005> <0005> <2F2F>
<0006> <0007> <0031>
endbfrange
1 beginbfchar
<0008> <2F8F>
endbfchar
endcmap
endstream
<2F00> outside a cmap stays
"""
TRUE = {
    0x2F00: 0x4E00,
    0x2F06: 0x4E8C,
    0x6236: 0x6237,
    0x2F2F: 0x5DE5,
    0x2F8F: 0x884C,
    0x0031: 0x0032,
}


def test_shared_glyphs_get_the_characters_that_were_drawn() -> None:
    fixed = fix_to_unicode(CMAP, TRUE)
    assert len(fixed) == len(CMAP)
    assert b"[<4E00> <4E8C> <6237> <4FE1> ]" in fixed
    assert b"<0005> <0005> <5DE5>" in fixed
    assert b"<0008> <884C>" in fixed


def test_ranges_of_several_glyphs_and_text_outside_the_maps_are_left_alone() -> None:
    fixed = fix_to_unicode(CMAP, TRUE)
    assert b"<0006> <0007> <0031>" in fixed
    assert fixed.endswith(b"<2F00> outside a cmap stays\n")
    assert fix_to_unicode(CMAP, {}) == CMAP
