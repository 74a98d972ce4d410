"""Reading a published report as PDF or as a saved web page, against the library alone, in the
same run.

The PDFs are the fixture reports as this program exports them (Qt's PDF writer) and, with
--libreoffice, as LibreOffice prints the .docx this program writes. For each PDF it prints the
median time of reading the report (tables, text, checks of the file) and of PDFium alone
opening the same PDF and taking every page's text (pypdfium2: document, pages, text pages),
and the ratio (target: at most 2×, and at most 0.2 s a report), then where the time goes:
the characters and lines taken from PDFium, the tables and paragraphs made of them, and the
label reading that Word files go through as well. The same for a saved web page
of each report against lxml.html parsing it alone (held to the 0.2 s only), and of each
report as a scan run through text recognition (tests.app.readers.published.ocr_scan: a picture
of each page, 0.5° askew, the text over it), whose tables are read from the picture's lines
(shown, not held to a target: the issue sets none for scans). The kept PDFs whose tables
were printed without lines (tests/fixtures/pdf/unruled-*.pdf, cells rebuilt from where the
texts stand) are held to the PDF targets. Where the PDF
reader's C walk is built (build/native.py) it is used; NIANBAO_PDF_NATIVE=0 measures the
reader without it.

Run from the repository root:
    python benchmarks/read_pdf.py [--libreoffice] [--keep DIR] [--repeat N]
--keep leaves the PDFs with their reports as .json in DIR, for benchmarks/pdf_libraries.py.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
import timing  # noqa: E402

from app.domain import report_form  # noqa: E402
from app.exporters import export_report  # noqa: E402
from app.readers import pdf_native  # noqa: E402
from app.readers.docx_body import block_lines  # noqa: E402
from app.readers.files import read_report_file  # noqa: E402
from app.readers.pdf_layout import page_blocks  # noqa: E402
from app.readers.pdf_reader import read_pages  # noqa: E402
from app.readers.text_reader import read_lines  # noqa: E402
from tests.app.readers.published import ocr_scan, web_page  # noqa: E402
from tests.paths import FIXTURES  # noqa: E402

RATIO_TARGET, SECONDS_TARGET = 2.0, 0.2


def pdfium_alone(path: Path) -> None:
    document = pdfium.PdfDocument(path.read_bytes())
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def lxml_alone(path: Path) -> None:
    lxml.html.document_fromstring(path.read_bytes())


def make_pdfs(folder: Path, libreoffice: bool) -> list[Path]:
    from ui.preview.pdf import export_pdf

    made = []
    for source in sorted(FIXTURES.glob("*.txt")):
        report = read_report_file(source)
        (folder / f"qt-{source.stem}.json").write_text(report_form.dumps(report), "utf-8")
        export_pdf(report, folder / f"qt-{source.stem}.pdf")
        made.append(folder / f"qt-{source.stem}.pdf")
        if libreoffice:
            docx = folder / f"lo-{source.stem}.docx"
            export_report(report, docx)
            (folder / f"lo-{source.stem}.json").write_text(report_form.dumps(report), "utf-8")
    soffice = shutil.which("soffice")
    if libreoffice and soffice:
        docs = sorted(folder.glob("lo-*.docx"))
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, docs),
            ],
            capture_output=True,
            check=True,
            timeout=900,
        )
        made += [d.with_suffix(".pdf") for d in docs]
    elif libreoffice:
        print("(LibreOffice is not installed: only the program's own PDFs are measured)")
    return made


def line(name: str, read: float, alone: float, what: str, ratio_target: bool = True) -> None:
    """One file's medians; the ratio is held to RATIO_TARGET for PDFs only (a web page's
    parsing alone takes a millisecond: its ratio is shown, the target is the time)."""
    ratio = read / alone
    over = read > SECONDS_TARGET or (ratio_target and ratio > RATIO_TARGET)
    print(
        f"{name}: read {read * 1000:.0f} ms, {what} alone {alone * 1000:.0f} ms, "
        f"ratio {ratio:.2f} ({'OVER TARGET' if over else 'ok'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--libreoffice", action="store_true")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="nianbao-read-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"medians of {args.repeat} runs each; targets: ratio ≤ {RATIO_TARGET}, "
        f"≤ {SECONDS_TARGET} s a report; the C walk "
        + ("in use" if pdf_native.loaded() else "not in use (build/native.py)")
    )
    # Then the kept PDFs whose tables were printed without lines (pdf_ruleless).
    unruled = sorted((FIXTURES / "pdf").glob("unruled-*.pdf"))
    for pdf in make_pdfs(folder, args.libreoffice) + unruled:
        read_report_file(pdf)  # the first read imports the readers
        read, alone = timing.interleaved_medians(
            [partial(read_report_file, pdf), partial(pdfium_alone, pdf)], args.repeat
        )
        line(f"{pdf.name} ({pdf.stat().st_size // 1024} KB)", read, alone, "PDFium")
        data = pdf.read_bytes()
        pages = read_pages(data)
        lines = block_lines(page_blocks(pages))
        parts = [
            timing.median_seconds(partial(read_pages, data), args.repeat),
            timing.median_seconds(partial(page_blocks, pages), args.repeat),
            timing.median_seconds(partial(read_lines, lines, structured=True), args.repeat),
        ]
        print(
            "  of which: characters and lines from PDFium {:.0f} ms, tables and paragraphs "
            "{:.0f} ms, labels and figures (as for Word files) {:.0f} ms".format(
                *(x * 1000 for x in parts)
            )
        )
    for source in sorted(FIXTURES.glob("*.txt")):
        page = folder / f"{source.stem}.html"
        page.write_bytes(web_page(read_report_file(source)))
        read, alone = timing.interleaved_medians(
            [partial(read_report_file, page), partial(lxml_alone, page)], args.repeat
        )
        line(f"{page.name} ({page.stat().st_size // 1024} KB)", read, alone, "lxml.html", False)
    for source in sorted((FIXTURES / "pdf").glob("word-*.pdf")):
        scan = folder / f"scan-{source.stem}.pdf"
        scan.write_bytes(ocr_scan(source.read_bytes(), skew=0.5))
        read, alone = timing.interleaved_medians(
            [partial(read_report_file, scan), partial(pdfium_alone, scan)], args.repeat
        )
        print(
            f"{scan.name} ({scan.stat().st_size // 1024} KB): read {read * 1000:.0f} ms, "
            f"PDFium alone {alone * 1000:.0f} ms, ratio {read / alone:.2f} (a scan: no target)"
        )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
