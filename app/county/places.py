"""Cells and parts of a report named as people name them, for lists and notes."""

from __future__ import annotations

from app.domain.layouts import LAYOUTS, get_layout

CHAPTER_NUMERALS = "一二三四五六"
TABLE_WORDS = {"table2": "表二", "table3": "表三", "table4": "表四"}
OTHER_PLACES = {"title": "标题", "preamble": "开头", "signature": "落款"}


def place_name(ref: str, layout_id: str) -> str:
    """A cell reference as people say it: 表三 （四）1.本机关不掌握相关政府信息·总计."""
    where, _, key = ref.partition(":")
    if where == "chapter" and key.isdigit() and 1 <= int(key) <= len(CHAPTER_NUMERALS):
        return f"第{CHAPTER_NUMERALS[int(key) - 1]}部分"
    if where in TABLE_WORDS:
        for layout in (get_layout(layout_id) if layout_id in LAYOUTS else None, *LAYOUTS.values()):
            if layout is not None and layout.table(where).has(key):
                spec = layout.table(where).spec(key)
                return f"{TABLE_WORDS[where]} {spec.row_label}·{spec.column_label}"
        return f"{TABLE_WORDS[where]} {key}"
    return OTHER_PLACES.get(where, ref)
