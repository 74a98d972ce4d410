"""Making the text of Qt's PDFs copy and search as the characters the user typed.

Qt's PDF writer names the character of each embedded glyph by the lowest code point that the
font maps to that glyph. CJK fonts share glyphs between code points: an ideograph and its
Kangxi radical (一 U+4E00 and ⼀ U+2F00), simplified and traditional forms drawn alike (户 and
戶). So a Qt PDF searched for "一、总体情况" or "门户" finds nothing. The writer of the PDF knows
which characters it drew; `fix_to_unicode` puts them back into the ToUnicode maps.

The maps are written uncompressed with four hex digits per code, so codes are replaced in
place: same length, no offsets in the file move.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_SECTION = re.compile(rb"(begin(bfrange|bfchar))(.*?)(end\2)", re.S)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")
_ARRAY = re.compile(rb"\[[^\]]*\]")


def fix_to_unicode(pdf: bytes, true_characters: Mapping[int, int]) -> bytes:
    """`pdf` with each code of `true_characters` in its character maps replaced by the code
    it stands for; the result has the same length."""
    if not true_characters:
        return pdf

    def fix_code(match: re.Match[bytes]) -> bytes:
        code = true_characters.get(int(match.group(1), 16))
        return match.group(0) if code is None or code > 0xFFFF else b"<%04X>" % code

    def fix_section(match: re.Match[bytes]) -> bytes:
        lines = []
        for line in match.group(3).split(b"\n"):
            codes = _CODE.findall(line)
            if b"[" in line:  # <first> <last> [<code> <code> …]: one code a glyph
                line = _ARRAY.sub(lambda m: _CODE.sub(fix_code, m.group(0)), line)
            elif (match.group(2) == b"bfchar" and len(codes) == 2) or (
                len(codes) == 3 and codes[0] == codes[1]
            ):
                # One glyph: its last code is the character. (A range of several glyphs on
                # consecutive codes is left alone; Qt writes shared glyphs one by one.)
                head, _, last = line.rpartition(b"<")
                line = head + _CODE.sub(fix_code, b"<" + last)
            lines.append(line)
        return match.group(1) + b"\n".join(lines) + match.group(4)

    fixed = _CMAP.sub(lambda m: _SECTION.sub(fix_section, m.group(0)), pdf)
    assert len(fixed) == len(pdf)
    return fixed
