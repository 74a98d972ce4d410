"""PDFs made as agencies make them, for the PDF reader tests: Word files (ours, and the ways
agencies type theirs) printed to PDF by LibreOffice, with page numbers and a running head in
the footer and header as Word and WPS put them; reports of other agencies with other figures;
tables without borders, or with the rules between rows only.

LibreOffice takes seconds a file (minutes on a busy machine), so the PDFs are made once and
kept in tests/fixtures/pdf/; to make them again (after a change to the .docx writer, or to
add a case):  python -m tests.app.readers.pdf_made
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from app.docx_writer import export_docx
from app.domain.layout import ValueKind
from app.domain.layouts import get_layout
from app.domain.report import Report
from app.readers.files import read_report_file
from tests.app.docx_writer.rendered import SOFFICE, libreoffice_to_pdf
from tests.app.readers.expected_fixtures import EXPECTED
from tests.app.readers.published import Page, web_page, with_old_table3
from tests.app.readers.word_made import Style, word_report
from tests.paths import FIXTURES


def libreoffice_pdf(docx_file: Path, timeout: float = 300) -> Path:
    """The .docx (or web page) printed to PDF by LibreOffice beside it (one run a file: a run over many
    files has been seen to hang on one of them)."""
    if not SOFFICE:
        pytest.skip("making PDFs needs LibreOffice (soffice): install libreoffice-writer-nogui")
    # The system's own font substitutes (Noto CJK for the official names), as a PC without
    # the official fonts prints.
    [pdf] = libreoffice_to_pdf([docx_file], docx_file.parent, fonts_mapped=False, timeout=timeout)
    return pdf


def _page_field() -> object:
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )


def with_furniture(data: bytes, number: str = "- {} -", head: str | None = None) -> bytes:
    """The Word file with a page number in each page's footer ("- 4 -", "— 4 —") and, when
    given, a running head in the header."""
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.text = ""
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, after = number.split("{}")
        p.add_run(before)
        p._p.append(_page_field())
        p.add_run(after)
        for footer_part in (section.even_page_footer, section.first_page_footer):
            footer_part.is_linked_to_previous = True
        if head:
            header = section.header
            header.is_linked_to_previous = False
            h = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            h.text = head
            h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


AGENCIES = (
    "青山县市场监督管理局",
    "城东街道办事处",
    "河西区教育局",
    "南湖镇人民政府",
    "北城市卫生健康委员会",
    "东江县交通运输局",
)


def other_agency(source: Report, seed: int) -> Report:
    """The report under another agency's name, every figure drawn anew (some large: they
    wrap in table 3's narrow columns), the text kept."""
    rng = random.Random(seed)
    report = source.copy()
    unit = AGENCIES[seed % len(AGENCIES)]
    report.title = report.title.replace(source.unit, unit) if source.unit else unit + report.title
    report.unit = unit
    if report.signature_unit:
        report.signature_unit = unit
    report.cells = {k: v for k, v in report.cells.items() if not k.startswith("table")}
    report.money_units = {}
    for name in ("table2", "table3", "table4"):
        for spec in get_layout(report.table_layout_id(name)).table(name).cells:
            if spec.kind is ValueKind.COUNT:
                report.set(
                    spec.ref, rng.choice([0, 0, 1, rng.randint(2, 99), rng.randint(100, 99999)])
                )
            elif spec.kind is ValueKind.SIGNED_COUNT:
                report.set(spec.ref, rng.randint(-500, 500))
            else:
                places = rng.randint(0, 6)
                report.set(spec.ref, Decimal(rng.randint(0, 10**9)).scaleb(-places))
                if spec.kind is ValueKind.MONEY_WITH_UNIT:
                    report.money_units[spec.ref] = rng.choice(["元", "万元"])
    return report


# ---- the PDFs kept in tests/fixtures/pdf/ --------------------------------------------------

PDF_FIXTURES = FIXTURES / "pdf"
SOURCES = {Path(name).stem: read_report_file(FIXTURES / name) for name in sorted(EXPECTED)}
# One way of typing the Word file for each fixture.
WORD_STYLES = dict(
    zip(
        sorted(SOURCES),
        [
            Style(merge="repeat"),
            Style(merge="once", subtotal=True),
            Style(split_table3_at=14, continued_text="续表"),
            Style(split_table3_at=9, repeat_header=False, continued_text="（续表）"),
        ],
        strict=True,
    )
)
PAGE_NUMBERS = ("- {} -", "— {} —")
RUNNING_HEAD = "政府信息公开年报专栏"
HYBRID = "report_2021_pingtan"  # a 2021 report whose table 3 is still in the 2019 layout
AGENCY_SAMPLES = 2  # other agencies' reports, other figures
PICTURE = "report_2021_pingtan"  # a report whose table 2 is a picture
UNRULED_WEB = {"report_2020_pingtan": "merge", "report_2022_pingtan": "once"}
PRINTED = ("report_2021_pingtan", "seed_2020_gaoqing_xzsp")  # portal pages printed to PDF


def source_of(name: str) -> Report:
    """The report a kept PDF was made from."""
    kind, _, rest = name.partition("-")
    if kind == "agency":
        return other_agency(list(SOURCES.values())[int(rest)], int(rest))
    if kind == "hybrid":
        return with_old_table3(SOURCES[HYBRID])
    if kind == "unruled":
        return SOURCES[rest.partition("-")[2]]
    return SOURCES[rest]


def grid_png(width: int = 600, height: int = 240, rows: int = 8, cols: int = 6) -> bytes:
    """A picture of a ruled table (black lines on white), as a screenshot of one is."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ruled_x = {round(k * (width - 1) / cols) for k in range(cols + 1)}
    ruled_y = {round(k * (height - 1) / rows) for k in range(rows + 1)}
    lines = []
    for y in range(height):
        row = bytes(0 if y in ruled_y or x in ruled_x else 255 for x in range(width))
        lines.append(b"\x00" + row)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(lines)))
        + chunk(b"IEND", b"")
    )


def with_table_as_picture(data: bytes, index: int = 0) -> bytes:
    """The Word file with its `index`-th table replaced by a picture of a table, as a unit
    pastes a screenshot of the table it filled in elsewhere."""
    document = docx.Document(io.BytesIO(data))
    table = document.tables[index]._tbl
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(grid_png()), width=Cm(15), height=Cm(6))
    table.addprevious(paragraph._p)
    table.getparent().remove(table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NO_BORDERS = "top left bottom right insideH insideV"
# Only the rules between rows, as a web page's style sheet or a 三线表 draws them: no grid.
_ROW_RULES = {"top": "single", "bottom": "single", "insideH": "single"}


def without_borders(data: bytes, rules_between_rows: bool = False) -> bytes:
    """The Word file with its tables' borders taken off (all of them, or all but the rules
    between rows), as some agencies' tables are printed: no grid for the reader to find."""
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        properties = table._tbl.tblPr
        for old in properties.findall(qn("w:tblStyle")) + properties.findall(qn("w:tblBorders")):
            properties.remove(old)
        sides = "".join(
            f'<w:{side} w:val="{_ROW_RULES.get(side, "nil") if rules_between_rows else "nil"}"'
            ' w:sz="6"/>'
            for side in _NO_BORDERS.split()
        )
        properties.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{sides}</w:tblBorders>"))
        for tc in table._tbl.iter(qn("w:tc")):
            for old in tc.get_or_add_tcPr().findall(qn("w:tcBorders")):
                tc.tcPr.remove(old)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_files(folder: Path) -> dict[str, bytes]:
    """The Word file of each kept PDF, by the PDF's name."""

    def ours(report: Report) -> bytes:
        path = folder / "ours.docx"
        export_docx(report, path)
        return path.read_bytes()

    files: dict[str, bytes] = {}
    for k, (stem, report) in enumerate(SOURCES.items()):
        # Our own file, with the page numbers and running head an agency's template adds.
        files[f"ours-{stem}"] = with_furniture(
            ours(report), PAGE_NUMBERS[k % 2], RUNNING_HEAD if k % 2 else None
        )
        files[f"word-{stem}"] = with_furniture(
            word_report(report, WORD_STYLES[stem]), PAGE_NUMBERS[(k + 1) % 2]
        )
    files["hybrid-2021"] = word_report(source_of("hybrid-2021"))
    # The portal's page printed from the browser: its navigation above the report, its share
    # buttons, related links and footer below the signature.
    for stem in PRINTED:
        files[f"printed-{stem}"] = web_page(SOURCES[stem])
    # Table 2 as a picture: table 3 then breaks over a page within its merged label
    # "三、本年度办理结果" (LibreOffice sets "三、本" above the break, the rest below).
    files[f"picture-{PICTURE}"] = with_table_as_picture(ours(SOURCES[PICTURE]))
    for seed in range(AGENCY_SAMPLES):
        files[f"agency-{seed}"] = ours(source_of(f"agency-{seed}"))
    # Tables without a grid: our own file (labels and figures centred) and the agency's Word
    # file (set flush left and at the top), one without borders, the other with rules between
    # rows only.
    for k, (stem, report) in enumerate(SOURCES.items()):
        mine = with_furniture(ours(report), PAGE_NUMBERS[k % 2], RUNNING_HEAD if k % 2 else None)
        files[f"unruled-ours-{stem}"] = without_borders(mine, k % 2 == 1)
        theirs = with_furniture(word_report(report, WORD_STYLES[stem]), PAGE_NUMBERS[(k + 1) % 2])
        files[f"unruled-word-{stem}"] = without_borders(theirs, k % 2 == 0)
    # A portal's page printed without its tables' borders: cells without padding, their texts
    # touching where they fill their columns.
    for stem, merge in UNRULED_WEB.items():
        page = web_page(SOURCES[stem], Page(merge=merge))
        files[f"unruled-web-{stem}"] = page.replace(b'border="1"', b'border="0"')
    return files


def main() -> None:
    """Every kept PDF made again, or those named: python -m tests.app.readers.pdf_made NAME…"""
    import shutil
    import sys
    import tempfile

    PDF_FIXTURES.mkdir(exist_ok=True)
    wanted = set(sys.argv[1:])
    with tempfile.TemporaryDirectory() as work:
        for name, data in word_files(Path(work)).items():
            if wanted and name not in wanted:
                continue
            suffix = ".html" if data.startswith(b"<!DOCTYPE html") else ".docx"
            source = Path(work) / f"{name}{suffix}"
            source.write_bytes(data)
            shutil.copyfile(libreoffice_pdf(source), PDF_FIXTURES / f"{name}.pdf")
            print(f"{name}.pdf")


if __name__ == "__main__":
    main()
