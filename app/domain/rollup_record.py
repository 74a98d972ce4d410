"""What a roll-up report remembers: which reports it summed and which cells the user typed.

Kept in the report's JSON as `"rollup": {"sources": [{"unit", "year", "source", "figures"}],
"hand_edited": ["table3:new.total", …]}` (spec/interfaces.md §5), so it travels with the report
through the store, the JSON export and back. `figures` holds each source's share of the figures
a text may name (app.document.placeholders: "其中县教育局12件、…"), not its whole tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.report import Report

KEY = "rollup"
Figure = int | Decimal


@dataclass(frozen=True)
class RollupSource:
    unit: str
    year: int
    source: str  # the file read, or "数据库"
    figures: dict[str, Figure] = field(default_factory=dict)  # ref -> this unit's value


@dataclass(frozen=True)
class RollupRecord:
    sources: tuple[RollupSource, ...]
    hand_edited: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "sources": [
                {
                    "unit": s.unit,
                    "year": s.year,
                    "source": s.source,
                    "figures": {ref: _json_figure(v) for ref, v in sorted(s.figures.items())},
                }
                for s in self.sources
            ],
            "hand_edited": sorted(self.hand_edited),
        }


def rollup_record(report: Report) -> RollupRecord | None:
    """The record of a roll-up report; None for any other report (or a record unreadable)."""
    data = report.extra.get(KEY)
    if not isinstance(data, dict):
        return None
    sources = []
    for item in data.get("sources") or []:
        if not isinstance(item, dict) or not isinstance(item.get("unit"), str):
            continue
        year = item.get("year")
        figures = item.get("figures")
        figures = figures if isinstance(figures, dict) else {}
        sources.append(
            RollupSource(
                item["unit"],
                year if isinstance(year, int) else report.year,
                str(item.get("source") or ""),
                {str(ref): v for ref, raw in figures.items() if (v := _figure(raw)) is not None},
            )
        )
    edited = data.get("hand_edited") or []
    return RollupRecord(
        tuple(sources),
        frozenset(str(r) for r in edited) if isinstance(edited, list) else frozenset(),
    )


def set_rollup_record(report: Report, record: RollupRecord | None) -> None:
    extra = {k: v for k, v in report.extra.items() if k != KEY}
    if record is not None:
        extra[KEY] = record.to_json()
    report.extra = extra  # a new dict: copies of the report keep theirs


def _json_figure(value: Figure) -> int | str:
    return str(value) if isinstance(value, Decimal) else value


def _figure(raw: Any) -> Figure | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):
        try:
            return Decimal(raw)
        except InvalidOperation:
            return None
    return None
