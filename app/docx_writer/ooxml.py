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


def fonts(east_asian: str, latin: str) -> Any:
    """rFonts naming both scripts. The eastAsia hint makes Word set curly quotes and dashes,
    which Unicode leaves ambiguous, in the Chinese font, as Chinese readers expect."""
    return el("w:rFonts", {
        "w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": east_asian, "w:cs": latin,
        "w:hint": "eastAsia",
    })
