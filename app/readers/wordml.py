"""Names of WordprocessingML, for the .docx reader modules that walk lxml elements themselves
(only `docx_reader` imports python-docx)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

Element = Any  # an lxml element; lxml ships no type information
T = TypeVar("T")


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


def style_values(styles: Element, own_value: Callable[[Element], T | None]) -> dict[str, T]:
    """Each style's value in the styles part: what `own_value` finds in the style itself, else
    what it finds in the nearest style it is based on (inherited)."""
    own: dict[str, T] = {}
    based_on: dict[str, str] = {}
    for style in styles.iterfind(w("style")):
        style_id = style.get(w("styleId"))
        if style_id is None:
            continue
        parent = val(child(style, "basedOn"))
        if parent:
            based_on[style_id] = parent
        value = own_value(style)
        if value is not None:
            own[style_id] = value
    return inherited(own, based_on)


def inherited(own: dict[str, T], based_on: dict[str, str]) -> dict[str, T]:
    """Each style's value: its own, else that of the nearest style it is based on (w:basedOn)
    that has one. Each style is looked at once, whatever the chains: 20,000 styles each based
    on the next, walked from every one of them, took over 30 s."""
    found: dict[str, T | None] = {}
    for start in based_on:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while (
            current is not None
            and current not in own
            and current not in found
            and current not in on_path
        ):
            path.append(current)
            on_path.add(current)
            current = based_on.get(current)
        if current is None or current in on_path:  # the chain ends bare, or loops
            value: T | None = None
        else:
            value = own[current] if current in own else found[current]
        for style_id in path:
            found[style_id] = value
    return {**{s: v for s, v in found.items() if v is not None}, **own}
