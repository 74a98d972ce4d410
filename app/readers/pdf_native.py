"""The PDF reader's per-object loops in C (pdf_walk.c), where the compiled library is there.

A page's drawn objects, path segments and characters cost one call into PDFium each, and
through ctypes a call costs more than PDFium's own work in it: in C the walk over a page's
paths takes a tenth of the time (benchmarks/read_pdf.py). build/native.py compiles pdf_walk.c
beside this file (a source checkout) or into the one-file program; without it — no compiler
where the sources were set up, a library built from another version of pdf_walk.c, or
NIANBAO_PDF_NATIVE=0 — pdf_paths and pdf_reader make the same calls from Python and find the
same edges and boxes (tests/app/readers/test_pdf_native.py holds the two to each other).
NIANBAO_PDF_NATIVE=1 makes a missing library an error, for testing a build.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Any

from app.readers import pdfium_calls

LIBRARY = "nianbao_pdfwalk.dll" if sys.platform == "win32" else "libnianbao_pdfwalk.so"
# The PDFium functions pdf_walk.c calls, in the order of its Api struct.
API_FUNCTIONS = (
    "FPDFPage_CountObjects",
    "FPDFPage_GetObject",
    "FPDFFormObj_CountObjects",
    "FPDFFormObj_GetObject",
    "FPDFPageObj_GetType",
    "FPDFPageObj_GetMatrix",
    "FPDFPath_GetDrawMode",
    "FPDFPageObj_GetFillColor",
    "FPDFPageObj_GetStrokeColor",
    "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment",
    "FPDFPathSegment_GetPoint",
    "FPDFPathSegment_GetType",
    "FPDFPathSegment_GetClose",
    "FPDFText_GetLooseCharBox",
    "FPDFText_IsGenerated",
)
WALK_VERSION = 3  # pdf_walk.c's nb_version(): a library built from another source is not used
# nb_page_edges' answers other than 0 (done).
OUT_OF_OBJECTS, OUT_OF_SEGMENTS, OUT_OF_MEMORY = 1, 2, 3


class _Api(ctypes.Structure):
    _fields_ = [(name, ctypes.c_void_p) for name in API_FUNCTIONS]


class Limits(ctypes.Structure):
    """pdf_walk.c's Limits: the document's budgets (spent by the call) and pdf_paths' limits."""

    _fields_ = [
        ("objects_left", ctypes.c_long),
        ("segments_left", ctypes.c_long),
        ("max_paths_per_page", ctypes.c_int),
        ("max_form_depth", ctypes.c_int),
        ("thin", ctypes.c_double),
        ("straight", ctypes.c_double),
    ]


def _places() -> list[Path]:
    places = [Path(__file__).with_name(LIBRARY)]
    bundle = getattr(sys, "_MEIPASS", None)  # the frozen program's folder
    if bundle:
        places.insert(0, Path(bundle) / LIBRARY)
    return places


def _load() -> Any:
    wanted = os.environ.get("NIANBAO_PDF_NATIVE")  # 0: never; 1: always (a test of the build)
    if wanted == "0":
        return None
    for place in _places():
        if place.is_file():
            try:
                library = ctypes.CDLL(str(place))
                library.nb_version.restype = ctypes.c_int
                if library.nb_version() != WALK_VERSION:
                    continue  # built from an older pdf_walk.c
            except (OSError, AttributeError):
                continue  # built for another system, or damaged: the calls from Python it is
            _declare(library)
            return library
    if wanted == "1":
        raise ImportError(f"{LIBRARY} not found in {[str(p) for p in _places()]}")
    return None


def _declare(library: Any) -> None:
    double_p = ctypes.POINTER(ctypes.c_double)
    library.nb_page_edges.restype = ctypes.c_int
    library.nb_page_edges.argtypes = [
        ctypes.POINTER(_Api),
        ctypes.c_void_p,
        double_p,
        ctypes.POINTER(Limits),
        ctypes.POINTER(double_p),
        ctypes.POINTER(ctypes.c_long),
        ctypes.POINTER(double_p),
        ctypes.POINTER(ctypes.c_int),
    ]
    library.nb_page_chars.restype = ctypes.c_int
    library.nb_page_chars.argtypes = [
        ctypes.POINTER(_Api),
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_char_p,
        double_p,
        double_p,
        ctypes.POINTER(ctypes.c_ubyte),
        ctypes.POINTER(ctypes.c_int),
    ]
    library.nb_free.restype = None
    library.nb_free.argtypes = [ctypes.c_void_p]


_library = _load()
_api = _Api(*pdfium_calls.addresses(API_FUNCTIONS)) if _library is not None else None


def loaded() -> bool:
    """Whether the compiled library is in use."""
    return _library is not None


def page_edges(
    page: pdfium_calls.Pointer, view: tuple[float, ...], limits: Limits
) -> tuple[int, list[float], list[float]]:
    """What nb_page_edges answers, the page's edges as a flat list (horizontal as 1.0 or 0.0,
    at, start, end; four an edge) and its pictures' boxes (x0, y0, x1, y1 as shown; four a
    picture). Only when loaded()."""
    assert _library is not None and _api is not None
    values, boxes = ctypes.POINTER(ctypes.c_double)(), ctypes.POINTER(ctypes.c_double)()
    count, images = ctypes.c_long(0), ctypes.c_int(0)
    status = _library.nb_page_edges(
        ctypes.byref(_api),
        page,
        (ctypes.c_double * 6)(*view),
        ctypes.byref(limits),
        ctypes.byref(values),
        ctypes.byref(count),
        ctypes.byref(boxes),
        ctypes.byref(images),
    )
    flat: list[float] = values[: 4 * count.value] if count.value else []
    pictures: list[float] = boxes[: 4 * images.value] if images.value else []
    _library.nb_free(values)
    _library.nb_free(boxes)
    return status, flat, pictures


def page_chars(
    textpage: pdfium_calls.Pointer, text: str, view: tuple[float, ...]
) -> tuple[list[float], bytes, list[int]]:
    """What nb_page_chars answers for the page's text (one character a string index): every
    character's box as shown (x0, y0, x1, y1, four a character), whether PDFium has one (1 or
    0 a character), and the pieces the reader makes its characters of (start, end, kind; three
    a piece: pdf_reader._pieces). Only when loaded()."""
    assert _library is not None and _api is not None
    count = len(text)
    boxes = (ctypes.c_double * (4 * count))()
    known = (ctypes.c_ubyte * count)()
    pieces = (ctypes.c_int * (3 * count))()
    found = _library.nb_page_chars(
        ctypes.byref(_api),
        textpage,
        count,
        text.encode("utf-32-le", "surrogatepass"),
        (ctypes.c_double * 6)(*view),
        boxes,
        known,
        pieces,
    )
    return boxes[:], bytes(known), pieces[: 3 * found]
