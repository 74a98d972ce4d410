"""The PDF library decision, measured: pypdfium2, pdfplumber and pdfminer.six alone, each
feeding the same page geometry (characters with their boxes, straight edges) to the same
table finding and label reading, on the same PDFs.

For each library present it prints, per PDF, how many figures of the three tables were read
right (against the report the PDF was made from), the median time to read the report, and
once: the installed size of the library with what it pulls in, its licence, and the time to
import it. The PDFs come with their source: DIR holds NAME.pdf and NAME.json (spec §1), as
`python benchmarks/read_pdf.py --keep DIR` leaves them (add PDFs made by Word, WPS or
LibreOffice beside them, each with its .json).

Run from the repository root, in an environment that has the libraries to compare:
    python benchmarks/pdf_libraries.py DIR [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import io
import itertools
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402

from app.domain.report import Report  # noqa: E402
from app.readers import json_form  # noqa: E402
from app.readers.docx_body import block_lines  # noqa: E402
from app.readers.pdf_geometry import Char, Edge, Page  # noqa: E402
from app.readers.pdf_layout import page_blocks  # noqa: E402
from app.readers.text_reader import read_lines  # noqa: E402

THIN = 3.0
Pages = Callable[[bytes], list[Page]]


def _edges_of_box(x0: float, top: float, x1: float, bottom: float) -> list[Edge]:
    if x1 - x0 <= THIN and bottom - top > x1 - x0:
        return [Edge(False, (x0 + x1) / 2, top, bottom)]
    if bottom - top <= THIN and x1 - x0 > bottom - top:
        return [Edge(True, (top + bottom) / 2, x0, x1)]
    return [
        Edge(True, top, x0, x1),
        Edge(True, bottom, x0, x1),
        Edge(False, x0, top, bottom),
        Edge(False, x1, top, bottom),
    ]


def pdfium_pages(data: bytes) -> list[Page]:
    from app.readers.pdf_reader import read_pages

    return read_pages(data)


def pdfminer_pages(data: bytes) -> list[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTCurve, LTImage, LTLine, LTRect

    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=None):
        height = layout.height
        page = Page(layout.width, height)
        stack = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                text = item.get_text()
                if text.strip():
                    page.chars.append(
                        Char(text, item.x0, height - item.y1, item.x1, height - item.y0)
                    )
            elif isinstance(item, LTImage):
                page.pictures.append((item.x0, height - item.y1, item.x1, height - item.y0))
            elif isinstance(item, LTRect | LTLine):
                page.edges += _edges_of_box(item.x0, height - item.y1, item.x1, height - item.y0)
            elif isinstance(item, LTCurve):
                points = [(x, height - y) for x, y in item.pts]
                for (ax, ay), (bx, by) in itertools.pairwise(points):
                    if abs(ay - by) < 0.5 < abs(ax - bx):
                        page.edges.append(Edge(True, ay, min(ax, bx), max(ax, bx)))
                    elif abs(ax - bx) < 0.5 < abs(ay - by):
                        page.edges.append(Edge(False, ax, min(ay, by), max(ay, by)))
            elif hasattr(item, "__iter__"):
                stack += list(item)
        pages.append(page)
    return pages


def pdfplumber_pages(data: bytes) -> list[Page]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            page = Page(float(p.width), float(p.height))
            page.pictures = [
                (float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"]))
                for i in p.images
            ]
            page.chars = [
                Char(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
                for c in p.chars
                if c["text"].strip()
            ]
            for e in p.edges:
                if e["orientation"] == "h":
                    page.edges.append(Edge(True, float(e["top"]), float(e["x0"]), float(e["x1"])))
                else:
                    page.edges.append(
                        Edge(False, float(e["x0"]), float(e["top"]), float(e["bottom"]))
                    )
            pages.append(page)
    return pages


LIBRARIES: dict[str, tuple[str, list[str], Pages]] = {
    # name: (module to import, distributions it installs, pages)
    "pypdfium2": ("pypdfium2", ["pypdfium2"], pdfium_pages),
    "pdfplumber": (
        "pdfplumber",
        [
            "pdfplumber",
            "pdfminer.six",
            "pypdfium2",
            "pillow",
            "charset-normalizer",
            "cryptography",
            "cffi",
            "pycparser",
        ],
        pdfplumber_pages,
    ),
    "pdfminer.six": (
        "pdfminer",
        ["pdfminer.six", "charset-normalizer", "cryptography", "cffi", "pycparser"],
        pdfminer_pages,
    ),
}


def installed_mb(distributions: list[str]) -> float:
    total = 0
    for name in distributions:
        try:
            files = importlib.metadata.distribution(name).files or []
        except importlib.metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in files if f.size)
    return total / 1e6


def licence(name: str) -> str:
    meta = importlib.metadata.metadata(name)
    # The metadata is an email Message, which has get(); the stubs declare it from 3.12 only.
    found = meta.get("License-Expression") or meta.get("License") or ""  # type: ignore[attr-defined]
    if not found or len(found) > 40:
        classifiers = [
            c.split("::")[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License")
        ]
        found = ", ".join(classifiers) or found[:40]
    return found


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return sorted(times)[1] * 1000


def read(pages: Pages, data: bytes) -> Report:
    return read_lines(block_lines(page_blocks(pages(data))), structured=True)


def figures_right(report: Report, source: Report) -> tuple[int, int]:
    refs = [ref for ref in source.cells if ref.startswith("table")]
    return sum(1 for ref in refs if report.get(ref) == source.get(ref)), len(refs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    samples = [
        (pdf, json_form.loads(pdf.with_suffix(".json").read_text("utf-8")))
        for pdf in sorted(args.folder.glob("*.pdf"))
        if pdf.with_suffix(".json").exists()
    ]
    if not samples:
        sys.exit(f"{args.folder}: no NAME.pdf with its NAME.json")
    for name, (module, distributions, pages) in LIBRARIES.items():
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"{name}: not installed here, skipped\n")
            continue
        version = importlib.metadata.version(distributions[0])
        print(
            f"{name} {version}: licence {licence(distributions[0])}; installed with what it "
            f"pulls in {installed_mb(distributions):.1f} MB; import {import_ms(module):.0f} ms"
        )
        right_all = total_all = 0
        for pdf, source in samples:
            data = pdf.read_bytes()
            try:
                report = read(pages, data)
                right, total = figures_right(report, source)
            except Exception as exc:  # a library that fails on a file fails the comparison
                print(f"  {pdf.name}: failed ({type(exc).__name__}: {exc})")
                continue
            seconds = timing.median_seconds(partial(read, pages, data), args.repeat)
            right_all, total_all = right_all + right, total_all + total
            print(f"  {pdf.name}: {right}/{total} figures right, {seconds * 1000:.0f} ms")
        print(f"  all: {right_all}/{total_all} figures right\n")


if __name__ == "__main__":
    main()
