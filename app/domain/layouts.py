"""The registry of official layouts: which one a report year uses.

Each layout is one data module (layout_2019, layout_2021); a new revision of the format is one
more module named in `_DATA`. `registered` adds a layout for a while (a test's made-up one), and
`per_registry` lets readers keep what they work out from all the layouts until that changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from app.domain import layout_2019, layout_2021
from app.domain.layout import Layout
from app.domain.layout_builders import build_layout

T = TypeVar("T")

_DATA = (layout_2019.LAYOUT, layout_2021.LAYOUT)
LAYOUTS: dict[str, Layout] = {layout.id: layout for layout in map(build_layout, _DATA)}
_generation = 0  # counts the changes to LAYOUTS


def layout_for_year(year: int) -> Layout:
    """The newest layout whose first year is not after the report year."""
    chosen = min(LAYOUTS.values(), key=lambda lay: lay.first_year)
    for layout in sorted(LAYOUTS.values(), key=lambda lay: lay.first_year):
        if layout.first_year <= year:
            chosen = layout
    return chosen


def newest_layout() -> Layout:
    return max(LAYOUTS.values(), key=lambda lay: lay.first_year)


def get_layout(layout_id: str) -> Layout:
    try:
        return LAYOUTS[layout_id]
    except KeyError:
        raise KeyError(f"未知的表格格式：{layout_id}") from None


@contextmanager
def registered(layout: Layout) -> Iterator[Layout]:
    """`layout` is known inside the block, by its id and for its years, then forgotten."""
    global _generation
    if layout.id in LAYOUTS:
        raise ValueError(f"已有表格格式：{layout.id}")
    if any(other.first_year == layout.first_year for other in LAYOUTS.values()):
        raise ValueError(f"已有从{layout.first_year}年起使用的表格格式")
    LAYOUTS[layout.id] = layout
    _generation += 1
    try:
        yield layout
    finally:
        del LAYOUTS[layout.id]
        _generation += 1


def per_registry(work_out: Callable[[], T]) -> Callable[[], T]:
    """`work_out()` done once for the layouts known, and again when they change."""
    done: dict[int, T] = {}

    @functools.wraps(work_out)
    def get() -> T:
        if _generation not in done:
            done.clear()
            done[_generation] = work_out()
        return done[_generation]

    return get
