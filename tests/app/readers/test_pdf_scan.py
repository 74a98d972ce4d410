"""Scans run through text recognition, as scanners and the portals' tools make them: each page
a picture of the printed page, askew as paper lies in a scanner, with the recognised text laid
over it unseen. Their tables' lines are only in the picture: they are read from it, the text is
straightened with it, and every figure is read. A picture no scanner makes costs no time."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import pytest

from app.readers import pdf_paths, pdf_picture, pdf_scan
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.readers.pdf_geometry import Char, find_grids
from app.readers.pdf_reader import RECOGNISED_SCAN_NOTE
from tests.app.readers.expected_fixtures import EXPECTED
from tests.app.readers.pdf_made import PDF_FIXTURES
from tests.app.readers.published import ocr_scan, scan_over_letters

# (printed as, report, degrees the paper lay askew, dots an inch, pictures a page, ink)
SCANS = [
    ("word", "report_2020_pingtan", 0.0, 100, 1, 1.0),
    ("word", "report_2021_pingtan", 0.4, 100, 1, 1.0),
    ("word", "report_2022_pingtan", -0.8, 100, 1, 1.0),
    ("word", "seed_2020_gaoqing_xzsp", 1.2, 100, 1, 1.0),
    ("ours", "report_2022_pingtan", -1.5, 100, 1, 1.0),
    ("ours", "seed_2020_gaoqing_xzsp", 0.6, 100, 5, 1.0),
    # A faded print scanned finely: its thin lines, scaled down, are a light grey.
    ("word", "report_2021_pingtan", 0.3, 300, 1, 0.4),
]


@pytest.mark.parametrize(("kind", "stem", "skew", "dpi", "strips", "ink"), SCANS)
def test_every_figure_of_a_recognised_scan_is_read(
    kind: str, stem: str, skew: float, dpi: int, strips: int, ink: float, tmp_path: Path
) -> None:
    path = tmp_path / "扫描件.pdf"
    source = (PDF_FIXTURES / f"{kind}-{stem}.pdf").read_bytes()
    path.write_bytes(ocr_scan(source, skew, dpi=dpi, strips=strips, ink=ink))
    report = read_report_file(path)
    expected = EXPECTED[f"{stem}.txt"]
    assert report.unit == expected["unit"]
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table
    assert report.headings_found == ["1", "2", "3", "4", "5", "6"]
    # What recognition made of the figures may still be wrong: the reader is told to check.
    assert report.reader_notes[0] == RECOGNISED_SCAN_NOTE


def test_only_so_many_scanned_pages_have_their_pictures_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan of hundreds of pages is no report: past MAX_SCANNED_PAGES the pictures are not
    drawn. The text laid over them is still straightened, and the tables on those pages are
    read from where their figures and labels stand (pdf_ruleless), figure for figure."""
    path = tmp_path / "扫描件.pdf"
    source = (PDF_FIXTURES / "word-report_2022_pingtan.pdf").read_bytes()
    path.write_bytes(ocr_scan(source, 0.8))
    drawn: list[object] = []
    rendered = pdf_picture.rendered

    def counted(*args: Any) -> Any:
        drawn.append(args)
        return rendered(*args)

    monkeypatch.setattr(pdf_paths, "MAX_SCANNED_PAGES", 1)
    monkeypatch.setattr(pdf_picture, "rendered", counted)
    report = read_report_file(path)
    assert len(drawn) == 1
    expected = EXPECTED["report_2022_pingtan.txt"]
    for table in ("table2", "table3", "table4"):
        assert report.table_cells(table) == expected[table], table


@pytest.mark.parametrize("pixels", [(40_000, 40_000), (9_000, 9_000)])
def test_a_picture_larger_than_any_scan_is_not_decoded(
    pixels: tuple[int, int], tmp_path: Path
) -> None:
    """Its dictionary claims billions of pixels: PDFium would decode them all to draw it."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_over_letters(*pixels, ["Notice of the meeting on Monday"] * 3))
    started = time.perf_counter()
    with pytest.raises(ReadError, match="不像是一份政府信息公开工作年度报告"):
        read_report_file(path)
    assert time.perf_counter() - started < 5.0


def _on_a_line(angle: float, n: int = 30) -> list[Char]:
    """Figures 40 points apart along a line sloping by `angle` (as shown, clockwise)."""
    out = []
    for k in range(n):
        x, y = 72 + 40 * k * math.cos(angle), 300 + 40 * k * math.sin(angle)
        out.append(Char(str(k % 10), x - 3, y - 5, x + 3, y + 5))
    return out


def test_the_skew_is_told_by_the_lines_of_text() -> None:
    for degrees in (0.3, -0.8, 1.5, 2.5):
        told = math.degrees(pdf_scan.skew(_on_a_line(math.radians(degrees))))
        assert told == pytest.approx(degrees, abs=0.01)
    assert pdf_scan.skew(_on_a_line(0.0)) == 0.0
    # Text set slanting on purpose, or too little of it, is no paper askew.
    assert pdf_scan.skew(_on_a_line(math.radians(10))) == 0.0
    assert pdf_scan.skew(_on_a_line(math.radians(1), n=6)) == 0.0


def test_straightening_turns_back_what_lay_askew() -> None:
    angle, width, height = math.radians(1.2), 595.0, 842.0
    a, b, c, d, e, f = pdf_scan.straightening(pdf_paths.IDENTITY, angle, width, height)
    # A corner of a table, where the paper askew by `angle` put it.
    x, y = 100.0 - width / 2, 200.0 - height / 2
    askew = (
        math.cos(angle) * x - math.sin(angle) * y + width / 2,
        math.sin(angle) * x + math.cos(angle) * y + height / 2,
    )
    back = (a * askew[0] + c * askew[1] + e, b * askew[0] + d * askew[1] + f)
    assert back == pytest.approx((100.0, 200.0))


def _picture(columns: int, rows: int) -> bytearray:
    return bytearray(b"\xf0" * (columns * rows))  # off-white paper


def test_the_lines_in_a_picture_make_its_table() -> None:
    """A 3 × 4 table ruled two pixels thick, letters in its cells (short runs of ink): the
    table's cells are where its lines are, the letters make none."""
    columns, rows = 600, 400  # pixels: 1 pixel a point
    pixels = _picture(columns, rows)
    xs, ys = [100, 200, 300, 400, 500], [100, 150, 200, 250]
    for y in ys:
        for dy in (0, 1):
            pixels[(y + dy) * columns + xs[0] : (y + dy) * columns + xs[-1] + 2] = b"\x30" * (
                xs[-1] + 2 - xs[0]
            )
    for x in xs:
        for y in range(ys[0], ys[-1] + 2):
            pixels[y * columns + x : y * columns + x + 2] = b"\x30\x30"
    for y in range(120, 132):  # a figure "1" and a letter's bar in two cells
        pixels[y * columns + 150] = 0x20
    pixels[170 * columns + 210 : 170 * columns + 230] = b"\x20" * 20
    edges = pdf_scan.ruling_edges(bytes(pixels), columns, rows, columns, 600.0, 400.0)
    (grid,) = find_grids(edges)
    assert [round(x) for x in grid.xs] == [101, 201, 301, 401, 501]
    assert [round(y) for y in grid.ys] == [101, 151, 201, 251]
    assert len(grid.cells) == 12


def test_a_picture_of_hatching_is_no_table() -> None:
    """Ink in runs as long as a ruling line's, thousands of them: a photograph or a pattern,
    not the lines of a table, and no time is spent on them."""
    columns, rows = 800, 1100
    pixels = _picture(columns, rows)
    for y in range(rows):
        for x in range(y % 75, columns - 30, 75):
            pixels[y * columns + x : y * columns + x + 30] = b"\x00" * 30
    edges = pdf_scan.ruling_edges(bytes(pixels), columns, rows, columns, 800.0, 1100.0)
    assert edges == []
    # Its runs are lines' all the same: fewer of them are read as such.
    pixels[columns * 100 :] = b"\xf0" * (columns * (rows - 100))
    assert len(pdf_scan.ruling_edges(bytes(pixels), columns, rows, columns, 800.0, 1100.0)) > 500


def test_a_faded_print_and_a_blank_page() -> None:
    """The ink is told from the page's own greys: a faded table's grey lines are its lines,
    and a page of paper alone has none (its unevenness is no ink)."""
    columns, rows = 400, 300
    pixels = _picture(columns, rows)
    for y in (50, 100, 150, 200):
        pixels[y * columns + 50 : y * columns + 350] = b"\xb4" * 300  # grey 180 on 240
    for x in (50, 200, 350):
        for y in range(50, 201):
            pixels[y * columns + x] = 0xB4
    (grid,) = find_grids(pdf_scan.ruling_edges(bytes(pixels), columns, rows, columns, 400.0, 300.0))
    assert len(grid.cells) == 6
    paper = bytes(0xE8 + (k * 7919) % 16 for k in range(columns * rows))  # 232 to 247
    assert pdf_scan.ruling_edges(paper, columns, rows, columns, 400.0, 300.0) == []
