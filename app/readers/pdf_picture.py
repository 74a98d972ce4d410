"""A scanned page drawn as a grey picture, for reading its lines (pdf_scan): PDFium renders it,
straightened where the paper lay askew, at pdf_scan's resolution. A page whose pictures are
larger than any scanner makes is not drawn: PDFium would decode them whole, whatever the file's
few bytes hold."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

from app.readers import pdf_scan
from app.readers.pdf_paths import IDENTITY


def rendered(
    page: Any, angle: float, width: float, height: float
) -> tuple[bytes, int, int, int] | None:
    """The page (a PDFium page handle; `width` × `height` points as shown) in grey, turned by
    -`angle` about its middle: its pixels (one byte each), the picture's columns, rows and
    bytes a row. None where its pictures are larger than any scan (PDFium would decode them
    whole) or PDFium cannot make the picture."""
    if not _scan_sized(page):
        return None
    scale = pdf_scan.scale_for(width, height)
    columns, rows = max(int(width * scale), 1), max(int(height * scale), 1)
    bitmap = pdfium_c.FPDFBitmap_CreateEx(columns, rows, pdfium_c.FPDFBitmap_Gray, None, 0)
    if not bitmap:
        return None
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, columns, rows, 0xFFFFFFFF)
        # PDFium's matrix takes the page as shown (y down, its own turn applied) to pixels.
        a, b, c, d, e, f = (
            scale * v for v in pdf_scan.straightening(IDENTITY, angle, width, height)
        )
        matrix = pdfium_c.FS_MATRIX(a, b, c, d, e, f)
        clip = pdfium_c.FS_RECTF(0, 0, columns, rows)
        pdfium_c.FPDF_RenderPageBitmapWithMatrix(
            bitmap, page, ctypes.byref(matrix), ctypes.byref(clip), 0
        )
        stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
        pixels = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bitmap), stride * rows)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)
    return pixels, columns, rows, stride


MAX_SCAN_PIXELS = 60_000_000  # an A4 page scanned at 600 dpi in colour has 35 million
_MAX_SCAN_OBJECTS = 2_000  # a scanned page has a picture or a few, and its text


def _scan_sized(raw: Any) -> bool:
    """Whether every picture on the page (and in its forms, one deep) is of a scan's size."""
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if not 0 <= count <= _MAX_SCAN_OBJECTS:
        return False
    pictures = []
    for obj in (pdfium_c.FPDFPage_GetObject(raw, i) for i in range(count)):
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pictures.append(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = pdfium_c.FPDFFormObj_CountObjects(obj)
            if not 0 <= inner <= _MAX_SCAN_OBJECTS:
                return False
            for k in range(inner):
                held = pdfium_c.FPDFFormObj_GetObject(obj, k)
                kind = pdfium_c.FPDFPageObj_GetType(held)
                if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                    return False  # forms in forms: no scanner writes these
                if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                    pictures.append(held)
    width, height = ctypes.c_uint(0), ctypes.c_uint(0)
    for picture in pictures:
        if not pdfium_c.FPDFImageObj_GetImagePixelSize(
            picture, ctypes.byref(width), ctypes.byref(height)
        ):
            return False
        if width.value * height.value > MAX_SCAN_PIXELS:
            return False
    return True
