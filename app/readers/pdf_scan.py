"""The ruling lines of a scanned page, read from a picture of it.

A scan run through text recognition (a picture of each page, the recognised text laid over it)
has text but no drawn lines: its tables' lines are in the picture. pdf_reader renders such a
page in grey, straightened where its text says the paper lay askew in the scanner, and here the
picture's long runs of ink become the edges pdf_geometry finds tables among, as if they had been
drawn. The text is straightened with the picture (through the matrix the reader takes its
characters' boxes by), so that both stand square to each other.

This module knows no PDF library: it works on the characters' boxes and on the grey pixels.
"""

from __future__ import annotations

import itertools
import math
import statistics

from app.readers.pdf_geometry import Char, Edge
from app.readers.pdf_paths import Matrix, compose

DPI = 100  # a 0.5 pt line is still a pixel wide; the page renders in some 20 ms
MAX_RENDERED = 3_000_000  # pixels: an A3 page at DPI; a larger page is drawn coarser
# Ink is what is darker than the paper by this share of the way to the darkest ink on the
# page: paper is off-white and not even, a thin line in a picture scaled down is grey, and a
# faded print's lines are greyer still.
INK_SHARE = 0.3
_LEAST_CONTRAST = 40  # grey levels between paper and the darkest ink: less is a blank page
_SAMPLE_EVERY = 97  # pixels: the page's greys are told from one in so many
RULE_ACROSS = 24.0  # points: a run of ink this long across is a ruling line, not a letter
RULE_DOWN = 16.0  # and down (a column's lines are broken at every merged cell)
MAX_EDGES = 20_000  # a page of a table has some hundreds; more is a picture of something else
# A slope beyond this is no paper askew (a table turned on the page, a word set slanting).
MAX_SKEW = math.radians(3.0)
MIN_SKEW = math.radians(0.05)  # less than this is square: a line across the page moves ½ pt
_SLOPES_NEEDED = 8  # pairs of characters on one line, for the skew to be told at all


def scale_for(width: float, height: float) -> float:
    """Pixels a point for rendering a page of this size (points): DPI, less for a page so
    large that DPI would make more than MAX_RENDERED pixels."""
    scale = DPI / 72
    pixels = width * height * scale * scale
    if pixels > MAX_RENDERED:
        scale *= math.sqrt(MAX_RENDERED / pixels)
    return scale


def skew(chars: list[Char]) -> float:
    """The angle (radians, clockwise as shown) by which the page's text lines slope: what
    text recognition writes follows the picture, so this is how the paper lay. Told from
    neighbouring characters of one line; 0 where it cannot be told or the page is square."""
    slopes = []
    for before, after in itertools.pairwise(chars):
        height = max(before.height, after.height, 1.0)
        across = after.cx - before.cx
        if across > 2 * height and abs(after.cy - before.cy) < 0.6 * height:
            slopes.append((after.cy - before.cy) / across)
    if len(slopes) < _SLOPES_NEEDED:
        return 0.0
    angle = math.atan(statistics.median(slopes))
    return angle if MIN_SKEW <= abs(angle) <= MAX_SKEW else 0.0


def straightening(view: Matrix, angle: float, width: float, height: float) -> Matrix:
    """`view` (PDF space to the page as shown) followed by turning the page about its middle
    by -`angle`: what is askew by `angle` stands square."""
    cos, sin = math.cos(angle), math.sin(angle)
    mx, my = width / 2, height / 2
    # As shown (y down): x' = cos x + sin y, y' = -sin x + cos y, the middle staying put.
    turn = (cos, -sin, sin, cos, mx - (cos * mx + sin * my), my - (-sin * mx + cos * my))
    return compose(view, turn)


def ruling_edges(
    pixels: bytes, columns: int, rows: int, stride: int, width: float, height: float
) -> list[Edge]:
    """The edges of the lines in a grey picture of the page (one byte a pixel, `stride` bytes
    a row of `columns`; `width` × `height` the page in points, which the picture shows whole):
    each run of ink at least RULE_ACROSS long in a row of pixels, RULE_DOWN in a column.

    A line a few pixels thick is a few edges, and a line left askew by a fraction of a degree
    steps from one row of pixels to the next: pdf_geometry takes those as one line, as it does
    a double border. Gaps in a worn line are not bridged: that would join letters' strokes
    into lines. None where the picture holds more runs than any table (MAX_EDGES)."""
    if stride != columns:  # the bytes that pad each row are no pixels
        pixels = b"".join(pixels[y * stride : y * stride + columns] for y in range(rows))
    threshold = _ink_below(pixels)
    if threshold is None:
        return []
    ink = pixels.translate(bytes(1 if level < threshold else 0 for level in range(256)))
    across, down = width / columns, height / rows
    edges: list[Edge] = []
    lines = [ink[y * columns : (y + 1) * columns] for y in range(rows)]
    if not _runs(lines, RULE_ACROSS / across, True, down, across, edges):
        return []
    lines = [ink[x::columns] for x in range(columns)]
    if not _runs(lines, RULE_DOWN / down, False, across, down, edges):
        return []
    return edges


def _ink_below(pixels: bytes) -> int | None:
    """The grey level below which a pixel is ink: INK_SHARE of the way from the paper (the
    middle grey, most of any page being paper) to the darkest ink (the darkest half percent);
    None for a page without ink."""
    sample = sorted(pixels[::_SAMPLE_EVERY])
    if not sample:
        return None
    paper, darkest = sample[len(sample) // 2], sample[len(sample) // 200]
    if paper - darkest < _LEAST_CONTRAST:
        return None
    return round(paper - INK_SHARE * (paper - darkest))


def _runs(
    lines: list[bytes],
    shortest: float,
    horizontal: bool,
    at: float,
    along: float,
    edges: list[Edge],
) -> bool:
    """The runs of ink at least `shortest` pixels long along each of `lines` (rows or columns
    of pixels, 1 for ink), as edges; False once the page has more than MAX_EDGES."""
    needle = b"\x01" * max(int(shortest), 2)
    for k, line in enumerate(lines):
        start = line.find(needle)
        while start >= 0:
            end = line.find(b"\x00", start + len(needle))
            if end < 0:
                end = len(line)
            edges.append(Edge(horizontal, (k + 0.5) * at, start * along, end * along))
            if len(edges) > MAX_EDGES:
                return False
            start = line.find(needle, end)
    return True
