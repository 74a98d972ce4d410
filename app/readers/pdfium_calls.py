"""The PDFium calls the PDF reader makes once a drawn object, path segment or character, made
as cheap as ctypes allows.

pypdfium2's functions take and return typed pointers, and converting those costs more than
PDFium's own work in these small calls (a page holds thousands of objects). These are the same
functions of the same library, called through prototypes of their addresses, of two kinds:
- with argument types, taking a handle as a plain int (the kind map() feeds a list of);
- bare, without argument types (converting through those is what costs most in ctypes): a
  handle is passed as a ctypes.c_void_p, a buffer through ctypes.byref, a number as an int
  (a C int). Their types below say so, and mypy holds every call to them (an int handle
  would be cut to 32 bits).
Handles come back as an int (0 for NULL, which every call here takes as "none"), through
size_t: the width of an address, and quicker for ctypes to convert than c_void_p.

PDFium owns what a handle points to: a page object or a path segment is valid while its page
is open, a character index while its text page is, so the reader keeps both open until it has
read the page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

_HANDLE = ctypes.c_size_t
_INT = ctypes.c_int

Handle = int
Pointer = ctypes.c_void_p  # a handle as the bare calls take it
Ref = Any  # what ctypes.byref() gives


def address(handle: Any) -> int:
    """A pypdfium2 handle (page, text page) or function as the address it stands for."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def addresses(names: tuple[str, ...]) -> list[int]:
    """The addresses of PDFium's functions of these names (for the compiled walk,
    pdf_native)."""
    return [address(getattr(pdfium_c, name)) for name in names]


def pointer(handle: Any) -> Pointer:
    """A pypdfium2 handle (page, text page) as the bare calls take it."""
    return ctypes.c_void_p(address(handle))


def _typed(function: Any, restype: Any, *argtypes: Any) -> Any:
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(function))


def _bare(function: Any, restype: Any) -> Any:
    bare = ctypes.CFUNCTYPE(restype)(address(function))
    bare.argtypes = None  # type: ignore[assignment]  # (typeshed leaves out None)
    return bare


# Once an object: the page's or a form's objects, and each one's type.
count_objects: Callable[[Pointer], int] = _bare(pdfium_c.FPDFPage_CountObjects, _INT)
page_object: Callable[[Pointer, int], Handle] = _bare(pdfium_c.FPDFPage_GetObject, _HANDLE)
count_form_objects: Callable[[Pointer], int] = _bare(pdfium_c.FPDFFormObj_CountObjects, _INT)
# Typed: its index is an unsigned long, which a bare call would pass as a C int.
form_object: Callable[[Pointer, int], Handle] = _typed(
    pdfium_c.FPDFFormObj_GetObject, _HANDLE, ctypes.c_void_p, ctypes.c_ulong
)
object_type: Callable[[Handle], int] = _typed(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
# Once a path or form.
object_matrix: Callable[[Pointer, Ref], int] = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
draw_mode: Callable[[Pointer, Ref, Ref], int] = _bare(pdfium_c.FPDFPath_GetDrawMode, _INT)
fill_color: Callable[[Pointer, Ref, Ref, Ref, Ref], int] = _bare(
    pdfium_c.FPDFPageObj_GetFillColor, _INT
)
stroke_color: Callable[[Pointer, Ref, Ref, Ref, Ref], int] = _bare(
    pdfium_c.FPDFPageObj_GetStrokeColor, _INT
)
count_segments: Callable[[Pointer], int] = _bare(pdfium_c.FPDFPath_CountSegments, _INT)
segment: Callable[[Pointer, int], Handle] = _bare(pdfium_c.FPDFPath_GetPathSegment, _HANDLE)
# Once a segment. The point is written to two floats at the addresses given (their
# ctypes.addressof), which ctypes passes on quicker than the floats themselves.
segment_point: Callable[[Handle, int, int], int] = _typed(
    pdfium_c.FPDFPathSegment_GetPoint, _INT, _HANDLE, _HANDLE, _HANDLE
)
segment_type: Callable[[Handle], int] = _typed(pdfium_c.FPDFPathSegment_GetType, _INT, _HANDLE)
segment_closes: Callable[[Handle], int] = _typed(pdfium_c.FPDFPathSegment_GetClose, _INT, _HANDLE)
# Once a character.
char_box: Callable[[Pointer, int, Ref], int] = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT)
char_generated: Callable[[Pointer, int], int] = _bare(pdfium_c.FPDFText_IsGenerated, _INT)

PAGEOBJ_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
PAGEOBJ_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
PAGEOBJ_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
PAGEOBJ_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
SEGMENT_LINETO = pdfium_c.FPDF_SEGMENT_LINETO
SEGMENT_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
Matrix = pdfium_c.FS_MATRIX
Rect = pdfium_c.FS_RECTF
