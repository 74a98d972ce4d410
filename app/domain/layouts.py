"""The registry of official layouts: which one a report year uses."""

from app.domain import layout_2019, layout_2021
from app.domain.layout import Layout

LAYOUTS: dict[str, Layout] = {
    layout.id: layout for layout in (layout_2019.LAYOUT, layout_2021.LAYOUT)
}


def layout_for_year(year: int) -> Layout:
    """The newest layout whose first year is not after the report year."""
    chosen = min(LAYOUTS.values(), key=lambda lay: lay.first_year)
    for layout in sorted(LAYOUTS.values(), key=lambda lay: lay.first_year):
        if layout.first_year <= year:
            chosen = layout
    return chosen


def get_layout(layout_id: str) -> Layout:
    try:
        return LAYOUTS[layout_id]
    except KeyError:
        raise KeyError(f"未知的表格格式：{layout_id}") from None
