"""The compiled walk over a PDF page's objects and characters (pdf_walk.c) against the same
calls made from Python: the same edges, pictures and character boxes to the last bit, the same
budgets spent, the same refusals."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from app.readers import pdf_native
from app.readers.errors import ReadError
from app.readers.pdf_geometry import Page
from app.readers.pdf_reader import read_pages
from tests.app.readers.hostile import pdf_forms_in_forms, pdf_many_paths
from tests.app.readers.published import ocr_scan, ruled_pdf, scanned_pdf
from tests.paths import FIXTURES

ROWS = [["Name", "A", "B"], ["x", "12", "345"], ["y", "6", "78"]]
# A white page behind it all, a grey cell, a rounded frame (curves between its sides), two
# rules in one path, a closed triangle, a thin bar drawn as a filled outline, a white rule.
SHAPES = b"""q 1 1 1 rg 0 0 595 842 re f Q
q 0.9 g 132 660 60 20 re f Q
q 0.3 w 60 600 m 300 600 l 310 600 310 590 310 580 c 310 520 l 300 510 l 60 510 l h S Q
q 0.3 w 60 480 m 300 480 l 60 470 m 300 470 l S Q
q 0.3 w 100 440 m 140 440 l 120 420 l h S Q
q 0 g 72 400 m 372 400 l 372 401 l 72 401 l h f Q
q 1 1 1 RG 72 380 m 372 380 l S Q"""
MADE = {
    "ruled": lambda: ruled_pdf(ROWS),
    "turned 90": lambda: ruled_pdf(ROWS, rotate=90),
    "turned 270": lambda: ruled_pdf(ROWS, rotate=270),
    "inside three forms": lambda: ruled_pdf(ROWS, forms=3),
    "Word's bars": lambda: ruled_pdf(ROWS, borders="bars"),
    "Qt's cell outlines": lambda: ruled_pdf(ROWS, borders="cells"),
    "scanned": lambda: scanned_pdf(2),
    "shaded and shaped": lambda: ruled_pdf(ROWS, drawn=SHAPES),
    # Its lines read from its picture, its characters' boxes through a turning matrix.
    "recognised scan askew": lambda: ocr_scan(
        (FIXTURES / "pdf" / "word-report_2021_pingtan.pdf").read_bytes(), skew=0.7
    ),
}

PDFS = sorted((FIXTURES / "pdf").glob("*.pdf")) + sorted((FIXTURES / "county_pdf").glob("*.pdf"))


def test_the_compiled_walk_is_built_where_the_tests_run() -> None:
    """build/test.sh builds it (build/native.py); without it PDFs read at half the speed."""
    if os.environ.get("NIANBAO_PDF_NATIVE") == "0":
        pytest.skip("NIANBAO_PDF_NATIVE=0 turns the compiled walk off")
    assert pdf_native.loaded(), f"{pdf_native.LIBRARY} missing: run python build/native.py"


def in_python(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[Page]:
    with monkeypatch.context() as patched:
        patched.setattr(pdf_native, "loaded", lambda: False)
        return read_pages(data)


def shape(pages: list[Page]) -> list[object]:
    return [
        (
            page.width,
            page.height,
            page.pictures,
            page.edges,
            [(c.text, c.x0, c.y0, c.x1, c.y1) for c in page.chars],
            [(g.xs, g.ys, len(g.cells)) for g in page.grids or []],
        )
        for page in pages
    ]


needs_walk = pytest.mark.skipif(not pdf_native.loaded(), reason="the compiled walk is not built")


@needs_walk
@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_published_pdfs_give_the_same_pages(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    native = read_pages(data)
    if not path.name.startswith("unruled-"):  # tables printed without borders have none
        assert sum(len(p.edges) for p in native) > 0  # a table's lines were found at all
    assert shape(native) == shape(in_python(data, monkeypatch))


@needs_walk
@pytest.mark.parametrize("case", list(MADE))
def test_turned_formed_and_differently_ruled_pages_are_the_same(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = MADE[case]()
    assert shape(read_pages(data)) == shape(in_python(data, monkeypatch))


@needs_walk
@pytest.mark.parametrize("make", [pdf_forms_in_forms, pdf_many_paths])
def test_the_budgets_stop_both_alike(make: object, monkeypatch: pytest.MonkeyPatch) -> None:
    _, data = make()  # type: ignore[operator]
    with pytest.raises(ReadError) as native:
        read_pages(data)
    with pytest.raises(ReadError) as python:
        in_python(data, monkeypatch)
    assert str(native.value) == str(python.value)
    assert "数量异常庞大" in str(native.value)


@needs_walk
def test_a_library_built_from_another_source_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A library older than pdf_walk.c (a checkout updated, the library not rebuilt) might
    take other arguments: it is not loaded, and the reader makes its calls from Python."""
    assert pdf_native._load() is not None
    monkeypatch.setattr(pdf_native, "WALK_VERSION", pdf_native.WALK_VERSION + 1)
    assert pdf_native._load() is None


@needs_walk
def test_drawings_mutated_at_random_give_the_same_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Path operators and numbers swapped, put in and taken out at random (fixed seed), in
    every kind of ruling, turned and inside forms: the C walk and the Python calls agree on
    each page, or on the sentence that refuses it."""
    rng = random.Random(13)
    words = SHAPES.split() + b"m l c h re f S B b n W 0 1 -1 1e30 -1e30 0.0001 q Q cm 2 g w".split()

    def outcome(data: bytes, native: bool) -> object:
        with monkeypatch.context() as patched:
            if not native:
                patched.setattr(pdf_native, "loaded", lambda: False)
            try:
                return shape(read_pages(data))
            except ReadError as exc:
                return str(exc)

    for _ in range(150):
        drawn = SHAPES.split()
        for _ in range(rng.randint(1, 30)):
            k, change = rng.randrange(len(drawn)), rng.random()
            if change < 0.5:
                drawn[k] = rng.choice(words)
            elif change < 0.8:
                drawn.insert(k, rng.choice(words))
            else:
                del drawn[k]
        data = ruled_pdf(
            ROWS,
            rotate=rng.choice([0, 90, 270]),
            forms=rng.choice([0, 0, 1, 2]),
            borders=rng.choice(["lines", "bars", "cells"]),
            drawn=b" ".join(drawn),
        )
        assert outcome(data, True) == outcome(data, False)
