"""Reading PDFs back as a reader would: poppler's pdftotext, pdffonts and pdfinfo; and the
page count LibreOffice gives the same report's .docx (the render test's font aliases)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.docx_writer import export_docx
from app.domain.report import Report
from tests.app.docx_writer.rendered import SOFFICE, libreoffice_to_pdf

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")


def need_poppler() -> None:
    if not POPPLER:
        pytest.skip("reading PDFs back needs poppler-utils (pdftotext, pdffonts, pdfinfo)")


def page_texts(pdf: Path, raw: bool = False) -> list[str]:
    """The text of each page, spaces and line breaks removed. `raw`: in the order it was
    drawn (a table cell's lines one after the other), not as pdftotext reads lines across a
    row whose cells hold two and three lines."""
    options = ["-raw"] if raw else []
    out = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [re.sub(r"\s+", "", page) for page in pages]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) of each font in the file."""
    out = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    found = []
    for line in out:
        fields = line.split()
        # name type… encoding emb sub uni object ID: emb is the 5th field from the end
        found.append((fields[0], fields[-5] == "yes"))
    return found


def libreoffice_pages(report: Report, folder: Path) -> int:
    """Pages of LibreOffice's rendering of the report's .docx, official fonts mapped to Noto."""
    if not SOFFICE:
        pytest.skip("comparing with LibreOffice needs soffice (libreoffice-writer-nogui)")
    source = folder / "report.docx"
    export_docx(report, source)
    return page_count(libreoffice_to_pdf([source], folder, timeout=300)[0])
