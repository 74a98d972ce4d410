"""Written .docx files as a reader sees them: rendered by LibreOffice to PDF and read back
with poppler, line by line (with where each line stands) and run by run (with its font).

Offices print from Word or WPS; LibreOffice is the renderer a test machine has, and it reads
the same WordprocessingML. A fontconfig file maps the official font names (仿宋_GB2312 …) to
the Noto CJK fonts, as a PC without them would substitute; the 楷体 names get a face of their
own (Droid Sans Fallback), so that a test can tell a second-level heading from body text. Set
NIANBAO_RENDER_KEEP to a folder to keep the PDFs for a look at the pages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFTOHTML = shutil.which("pdftohtml")
MM_PER_PT = 25.4 / 72
TEXT_TOP_MM, TEXT_BOTTOM_MM = 37.0, 297.0 - 35.0
TEXT_LEFT_MM, TEXT_RIGHT_MM = 28.0, 210.0 - 26.0
SERIF, SANS, KAI = "Noto Serif CJK SC", "Noto Sans CJK SC", "Droid Sans Fallback"
FONT_ALIASES = {
    "仿宋_GB2312": SERIF,
    "楷体_GB2312": KAI,
    "方正小标宋简体": SERIF,
    "宋体": SERIF,
    "仿宋": SERIF,
    "楷体": KAI,
    "黑体": SANS,
    # Metric-compatible with Times New Roman (fonts-liberation2): digits as wide as in Word.
    "Times New Roman": "Liberation Serif",
}


@dataclass(frozen=True)
class Line:
    text: str  # without spaces
    x0: float  # millimetres from the page's top left corner
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Drawn:
    """A piece of a line drawn in one font."""

    page: int  # from 1
    text: str
    family: str  # as the PDF names the embedded font ("BAAAAA+DroidSansFallback")


def fontconfig_file(folder: Path) -> Path:
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{name}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{font}</string></edit>'
        "</match>"
        for name, font in FONT_ALIASES.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"{rules}</fontconfig>",
        encoding="utf-8",
    )
    return path


def render(sources: list[Path], folder: Path) -> list[Path]:
    """The .docx files as PDFs, in one LibreOffice run (skips the test without it)."""
    if not SOFFICE or not PDFTOTEXT or not PDFTOHTML:
        pytest.skip(
            "rendering needs LibreOffice (soffice) and poppler-utils (pdftotext, "
            "pdftohtml); install libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
        )
    faces = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    assert KAI in faces, f"the tests' stand-in for 楷体 ({KAI}) is missing: fonts-droid-fallback"
    pdfs = libreoffice_to_pdf(sources, folder)
    keep = os.environ.get("NIANBAO_RENDER_KEEP")
    if keep:
        for pdf in pdfs:
            shutil.copy(pdf, Path(keep) / pdf.name)
    return pdfs


def libreoffice_to_pdf(
    sources: list[Path], folder: Path, *, fonts_mapped: bool = True, timeout: float = 600
) -> list[Path]:
    """The files as PDFs in `folder`, in one LibreOffice run (soffice must be there). With
    `fonts_mapped` the official font names print in FONT_ALIASES' faces; without, in the
    system's own substitutes, as a PC without the official fonts prints."""
    assert SOFFICE
    env = dict(os.environ, HOME=str(folder))
    if fonts_mapped:
        env["FONTCONFIG_FILE"] = str(fontconfig_file(folder))
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(folder / 'lo').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    pdfs = [folder / f"{source.stem}.pdf" for source in sources]
    for pdf in pdfs:
        assert pdf.exists(), result.stdout + result.stderr
    return pdfs


def pages(pdf: Path) -> list[list[Line]]:
    """Each page's lines, top to bottom."""
    html = subprocess.run(
        [str(PDFTOTEXT), "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(html)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    out = []
    for page in root.iterfind(".//h:page", ns):
        lines = []
        for line in page.iterfind(".//h:line", ns):
            text = "".join(w.text or "" for w in line.iterfind("h:word", ns))
            x0, y0, x1, y1 = (
                float(line.get(k)) * MM_PER_PT for k in ("xMin", "yMin", "xMax", "yMax")
            )
            lines.append(Line(re.sub(r"\s+", "", text), x0, y0, x1, y1))
        out.append(sorted(lines, key=lambda ln: (round(ln.y0, 1), ln.x0)))
    return out


def drawn(pdf: Path) -> list[Drawn]:
    """The text of the pages in reading order, in pieces of one font each."""
    xml = subprocess.run(
        [str(PDFTOHTML), "-xml", "-i", "-q", "-stdout", str(pdf)], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    out = []
    families: dict[str | None, str] = {}  # a font is declared on the first page it is used on
    for page in root.iterfind("page"):
        families.update(
            (spec.get("id"), spec.get("family", "")) for spec in page.iterfind("fontspec")
        )
        number = int(page.get("number", "0"))
        pieces = sorted(
            page.iterfind("text"), key=lambda t: (int(t.get("top", "0")), int(t.get("left", "0")))
        )
        for piece in pieces:
            text = re.sub(r"\s+", "", "".join(piece.itertext()))
            if text:
                out.append(Drawn(number, text, families.get(piece.get("font"), "")))
    return out


def page_text(lines: list[Line]) -> str:
    return "".join(line.text for line in lines)


def body_lines(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.y0 > TEXT_TOP_MM - 1 and ln.y1 < TEXT_BOTTOM_MM + 1]
