"""Small helpers to build WordprocessingML elements and convert units."""

from __future__ import annotations

import itertools
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TWIPS_PER_MM = 1440 / 25.4


def el(tag: str, attrs: dict[str, str] | None = None, *children: Any) -> Any:
    """`el("w:jc", {"w:val": "center"})`: an element with namespaced attributes."""
    element = OxmlElement(tag)
    if attrs:
        for name, value in attrs.items():
            element.set(qn(name), value)
    for child in children:
        element.append(child)
    return element


def val(tag: str, value: str) -> Any:
    return el(tag, {"w:val": value})


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def pt_to_twips(pt: float) -> int:
    return round(pt * 20)


def half_points(pt: float) -> str:
    return str(round(pt * 2))


def split_twips(widths_mm: tuple[float, ...], total_mm: float) -> list[int]:
    """Column widths in twips that add up exactly to the block, so Word and WPS agree on the
    table's width (rounding each one alone can leave it a twip wider than the text)."""
    total = mm_to_twips(total_mm)
    scale = total / sum(widths_mm)
    edges = [0]
    acc = 0.0
    for w in widths_mm:
        acc += w * scale
        edges.append(round(acc))
    edges[-1] = total
    return [b - a for a, b in itertools.pairwise(edges)]


def indent_attrs(
    first_chars: float = 0.0,
    size_pt: float = 16.0,
    *,
    right_chars: float = 0.0,
    left_chars: float = 0.0,
) -> dict[str, str]:
    """w:ind in characters (w:firstLineChars…, hundredths of a character), which Word and WPS
    follow when the body size changes, and in twips of `size_pt` for programs that read only
    those. A chars attribute of 0 is written too: it overrides a style's own."""
    attrs: dict[str, str] = {}
    for side, chars in (("left", left_chars), ("right", right_chars)):
        if chars:
            attrs[f"w:{side}"] = str(pt_to_twips(chars * size_pt))
            attrs[f"w:{side}Chars"] = str(round(chars * 100))
    attrs["w:firstLine"] = str(pt_to_twips(first_chars * size_pt))
    attrs["w:firstLineChars"] = str(round(first_chars * 100))
    return attrs


def indent(
    first_chars: float = 0.0,
    size_pt: float = 16.0,
    *,
    right_chars: float = 0.0,
    left_chars: float = 0.0,
) -> Any:
    return el(
        "w:ind", indent_attrs(first_chars, size_pt, right_chars=right_chars, left_chars=left_chars)
    )


def indent_xml(first_chars: float = 0.0, size_pt: float = 16.0) -> str:
    """The same w:ind as text, for the styles part."""
    attrs = " ".join(
        f'{name}="{value}"' for name, value in indent_attrs(first_chars, size_pt).items()
    )
    return f"<w:ind {attrs}/>"


def fonts(east_asian: str, latin: str) -> Any:
    """rFonts naming both scripts. The eastAsia hint makes Word set curly quotes and dashes,
    which Unicode leaves ambiguous, in the Chinese font, as Chinese readers expect."""
    return el(
        "w:rFonts",
        {
            "w:ascii": latin,
            "w:hAnsi": latin,
            "w:eastAsia": east_asian,
            "w:cs": latin,
            "w:hint": "eastAsia",
        },
    )
