"""Names of WordprocessingML, for the .docx reader modules that walk lxml elements themselves
(only `docx_reader` imports python-docx)."""

from __future__ import annotations

from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

Element = Any  # an lxml element; lxml ships no type information


_CLARK: dict[str, str] = {}


def w(tag: str) -> str:
    """The Clark name of a w: element or attribute."""
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = f"{{{W_NS}}}{tag}"
    return name


def mc(tag: str) -> str:
    return f"{{{MC_NS}}}{tag}"


def val(element: Element | None, default: str | None = None) -> str | None:
    """The w:val attribute of an element that may be absent."""
    if element is None:
        return default
    value = element.get(w("val"))
    return default if value is None else str(value)


def child(element: Element | None, *path: str) -> Element | None:
    """The first w: descendant along `path` (tag names without prefix), or None."""
    for tag in path:
        if element is None:
            return None
        element = next(element.iterchildren(w(tag)), None)  # faster than find() in lxml
    return element


def is_on(element: Element | None) -> bool:
    """A w:ST_OnOff toggle such as <w:vanish/> or <w:vanish w:val="0"/>."""
    if element is None:
        return False
    return val(element, "true") not in ("0", "false", "off", "none")


def int_val(element: Element | None, default: int) -> int:
    try:
        return int(val(element) or default)
    except ValueError:
        return default
