"""Reading the parts of a written .docx for comparison, as text a person can diff."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(path: Path, name: str) -> Any:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def footer_names(path: Path) -> dict[str, str]:
    """ "odd" and "even" -> the part names of the two footers."""
    document = part(path, "word/document.xml")
    rels = part(path, "word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{{{REL}}}Relationship")}
    names = {}
    for ref in document.iter(w("footerReference")):
        kind = {"default": "odd", "even": "even"}[ref.get(w("type"))]
        names[kind] = "word/" + targets[ref.get(f"{{{R}}}id")]
    return names


def normalised(element: Any) -> str:
    """Indented XML: stable across runs (no timestamps live in these parts)."""
    element = etree.fromstring(etree.tostring(element))
    etree.indent(element, space="  ")
    text: str = etree.tostring(element, encoding="unicode")
    return text + "\n"


def compared_parts(path: Path) -> dict[str, str]:
    """The parts the golden tests keep: body, styles, settings, the two footers."""
    footers = footer_names(path)
    names = {
        "document.xml": "word/document.xml",
        "styles.xml": "word/styles.xml",
        "settings.xml": "word/settings.xml",
        "footer_odd.xml": footers["odd"],
        "footer_even.xml": footers["even"],
    }
    return {short: normalised(part(path, name)) for short, name in names.items()}
