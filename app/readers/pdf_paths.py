"""A PDF page's drawn objects as the ruling lines and pictures pdf_geometry and the scan check
need: paths become horizontal and vertical edges in the page's view space, also inside forms.

Nearly every object on a report's page is text, which comes from the text page instead; each
is looked at only for its type. Where the compiled walk (pdf_native) is loaded it does all of
this in C, to the same edges. What the objects may cost is bounded by a budget over the
whole document (forms used over and over would multiply without end).
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator

from app.readers import pdf_native
from app.readers import pdfium_calls as pdfium
from app.readers.errors import ReadError
from app.readers.pdf_geometry import Box, Edge

MAX_PATHS_PER_PAGE = 20_000
MAX_FORM_DEPTH = 8
# Over the whole document: the reports in tests/fixtures/pdf have up to 3,000 drawn objects.
MAX_OBJECTS = 30_000  # objects looked at, text and forms' contents included
MAX_SEGMENTS = 200_000
# Scanned pages whose lines are read from their picture (pdf_scan), some 25 ms each: a
# scanned report has a dozen.
MAX_SCANNED_PAGES = 40
_THIN = 3.0  # points: a filled rectangle this thin is a drawn line (Word's borders)
_STRAIGHT = 0.5
# x' = a·x + c·y + e, y' = b·x + d·y + f, as PDF writes a matrix.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Budget:
    """What is left to read of the document; ReadError once a kind of thing runs out."""

    def __init__(self) -> None:
        self.left = {"objects": MAX_OBJECTS, "segments": MAX_SEGMENTS}
        self.scans_left = MAX_SCANNED_PAGES  # scanned pages whose lines are read (pdf_scan)

    def spend(self, kind: str, amount: int) -> None:
        self.left[kind] -= amount
        if self.left[kind] < 0:
            raise ReadError(self.message(kind))

    @staticmethod
    def message(kind: str) -> str:
        what = {"objects": "图形", "segments": "线条"}[kind]
        return f"PDF 中的{what}数量异常庞大，不像是一份年度报告，已停止读取"


def view_matrix(left: float, bottom: float, right: float, top: float, rotation: int) -> Matrix:
    """PDF space (y up, from the media box's corner) to the page as shown (y down)."""
    if rotation == 90:  # turned clockwise: the left edge is at the top
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right)
    return (1.0, 0.0, 0.0, -1.0, -left, top)


def picture_box(matrix: Matrix) -> Box:
    """Where an image is shown: PDF draws it in the unit square, through its matrix."""
    a, b, c, d, e, f = matrix
    corners = [(a * px + c * py + e, b * px + d * py + f) for px, py in _UNIT_SQUARE]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


_UNIT_SQUARE = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0))


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` applied first, then `outer`."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def page_drawing(
    page: pdfium.Pointer, view: Matrix, budget: Budget
) -> tuple[list[Edge], list[Box]]:
    """A page's edges and its pictures' boxes: from the compiled walk where it is loaded, else
    from PageDrawing (the same, call by call from Python)."""
    if not pdf_native.loaded():
        drawing = PageDrawing(page, view, budget)
        return drawing.edges, drawing.pictures
    limits = pdf_native.Limits(
        budget.left["objects"],
        budget.left["segments"],
        MAX_PATHS_PER_PAGE,
        MAX_FORM_DEPTH,
        _THIN,
        _STRAIGHT,
    )
    status, flat, boxes = pdf_native.page_edges(page, view, limits)
    budget.left["objects"], budget.left["segments"] = limits.objects_left, limits.segments_left
    if status == pdf_native.OUT_OF_OBJECTS:
        raise ReadError(budget.message("objects"))
    if status == pdf_native.OUT_OF_SEGMENTS:
        raise ReadError(budget.message("segments"))
    if status != 0:
        raise MemoryError
    # Made column by column and without Edge's Python constructor: a page has hundreds.
    rows = zip(map((1.0).__eq__, flat[0::4]), flat[1::4], flat[2::4], flat[3::4], strict=True)
    edges: list[Edge] = list(map(tuple.__new__, itertools.repeat(Edge), rows))
    pictures = [
        (boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3]) for k in range(0, len(boxes), 4)
    ]
    return edges, pictures


class PageDrawing:
    """The edges and the pictures' boxes of one page. The buffers PDFium writes into are
    made once a page, not once a call."""

    def __init__(self, page: pdfium.Pointer, view: Matrix, budget: Budget) -> None:
        self.edges: list[Edge] = []
        self.pictures: list[Box] = []
        self._budget = budget
        self._matrix = pdfium.Matrix()
        self._fill, self._stroke = ctypes.c_int(0), ctypes.c_int(0)
        self._rgba = [ctypes.c_uint(0) for _ in range(4)]
        self._x, self._y = ctypes.c_float(0), ctypes.c_float(0)
        self._matrix_ref = ctypes.byref(self._matrix)
        self._mode_refs = ctypes.byref(self._fill), ctypes.byref(self._stroke)
        self._rgba_refs = [ctypes.byref(v) for v in self._rgba]
        self._point_at = ctypes.addressof(self._x), ctypes.addressof(self._y)
        paths = 0
        for obj, kind, matrix in self._objects(page, 0, view):
            if kind == pdfium.PAGEOBJ_IMAGE:
                self.pictures.append(picture_box(matrix))
            elif paths < MAX_PATHS_PER_PAGE:  # a path
                paths += 1
                self.edges += self._path_edges(obj, matrix)

    def _objects(
        self, parent: pdfium.Pointer, depth: int, outer: Matrix
    ) -> Iterator[tuple[pdfium.Pointer, int, Matrix]]:
        """The paths and pictures under `parent` (the page, or a form at `depth`), with the
        matrix from their space to the page as shown."""
        form = depth > 0
        count = max((pdfium.count_form_objects if form else pdfium.count_objects)(parent), 0)
        self._budget.spend("objects", count)
        get = pdfium.form_object if form else pdfium.page_object
        objects = list(map(get, itertools.repeat(parent, count), range(count)))
        kinds = list(map(pdfium.object_type, objects))
        if kinds.count(pdfium.PAGEOBJ_TEXT) == count:
            return  # a page of text only, as most of a report's are
        for obj, kind in zip(objects, kinds, strict=True):
            if kind == pdfium.PAGEOBJ_TEXT:
                continue
            handle = pdfium.Pointer(obj)
            if kind == pdfium.PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH:
                    yield from self._objects(handle, depth + 1, compose(self._own(handle), outer))
            elif kind in (pdfium.PAGEOBJ_PATH, pdfium.PAGEOBJ_IMAGE):
                yield handle, kind, compose(self._own(handle), outer)

    def _own(self, obj: pdfium.Pointer) -> Matrix:
        m = self._matrix
        if not pdfium.object_matrix(obj, self._matrix_ref):
            return IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _path_edges(self, obj: pdfium.Pointer, matrix: Matrix) -> list[Edge]:
        """The straight horizontal and vertical pieces a path draws."""
        fill, stroke = self._fill, self._stroke
        if not pdfium.draw_mode(obj, *self._mode_refs) or (not fill.value and not stroke.value):
            return []  # a path nobody sees (a clip, a placeholder)
        if self._white(obj, bool(stroke.value)):
            return []
        count = max(pdfium.count_segments(obj), 0)
        self._budget.spend("segments", count)
        segments = list(map(pdfium.segment, itertools.repeat(obj, count), range(count)))
        kinds = list(map(pdfium.segment_type, segments))
        a, b, c, d, e, f = matrix
        x, y = self._x, self._y
        x_at, y_at = self._point_at
        if kinds[:1] == [pdfium.SEGMENT_MOVETO] and kinds.count(pdfium.SEGMENT_LINETO) == count - 1:
            # One outline of straight lines (a cell, a border, a rule): no pieces to sort out.
            outline = []
            for segment in segments:
                if not pdfium.segment_point(segment, x_at, y_at):
                    break
                px, py = x.value, y.value
                outline.append((a * px + c * py + e, b * px + d * py + f))
            else:
                if count > 1 and pdfium.segment_closes(segments[-1]):
                    outline.append(outline[0])
                return _subpath_edges(outline, closed=bool(fill.value))
        subpaths: list[list[tuple[float, float]]] = []
        for i, segment in enumerate(segments):
            if not segment or not pdfium.segment_point(segment, x_at, y_at):
                continue
            px, py = x.value, y.value
            point = (a * px + c * py + e, b * px + d * py + f)
            kind = kinds[i]
            if kind == pdfium.SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
            elif kind == pdfium.SEGMENT_LINETO:
                subpaths[-1].append(point)
            else:
                subpaths.append([point])  # a curve: a rounded corner, no ruling line
            # Only a subpath's last segment closes it (a call saved on each of the others).
            last = i + 1 == count or kinds[i + 1] == pdfium.SEGMENT_MOVETO
            if last and len(subpaths[-1]) > 1 and pdfium.segment_closes(segment):
                subpaths[-1].append(subpaths[-1][0])
        edges: list[Edge] = []
        for points in subpaths:
            edges += _subpath_edges(points, closed=bool(fill.value))
        return edges

    def _white(self, obj: pdfium.Pointer, stroked: bool) -> bool:
        r, g, b, alpha = self._rgba
        if not (pdfium.stroke_color if stroked else pdfium.fill_color)(obj, *self._rgba_refs):
            return False
        return alpha.value == 0 or min(r.value, g.value, b.value) >= 250


def _subpath_edges(points: list[tuple[float, float]], closed: bool) -> list[Edge]:
    if len(points) < 2:
        return []
    if closed:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if len(points) >= 4 and (x1 - x0 <= _THIN or y1 - y0 <= _THIN):
            # A thin filled rectangle is a line (Word draws each border so); a dot is nothing.
            if x1 - x0 > y1 - y0:
                return [Edge(True, (y0 + y1) / 2, x0, x1)]
            if y1 - y0 > x1 - x0:
                return [Edge(False, (x0 + x1) / 2, y0, y1)]
            return []
        if points[0] != points[-1]:
            points = [*points, points[0]]
    edges = []
    # Written out rather than with min() and abs(): a page's paths have thousands of sides.
    ax, ay = points[0]
    for bx, by in itertools.islice(points, 1, None):
        if -_STRAIGHT <= ay - by <= _STRAIGHT:
            if not -_STRAIGHT <= ax - bx <= _STRAIGHT:
                edges.append(
                    Edge(True, (ay + by) / 2, ax, bx)
                    if ax < bx
                    else Edge(True, (ay + by) / 2, bx, ax)
                )
        elif -_STRAIGHT <= ax - bx <= _STRAIGHT:
            edges.append(
                Edge(False, (ax + bx) / 2, ay, by)
                if ay < by
                else Edge(False, (ax + bx) / 2, by, ay)
            )
        ax, ay = bx, by
    return edges
