"""A county's roll-up open in the window: its sums kept up to date, cells typed over by hand
remembered, and each summed cell's drill-down (who gave what) on the grid's tooltips.

The sums are made from the reports in the database (app.county.in_store). A cell the user types
a figure into that differs from the sum is hand-edited: it stays as typed when the sums are made
again, and is tinted in the grid; typing the sum back (or 恢复为各单位之和) makes it a sum again.
Making the sums again is not an undo step: it is what the units' reports say.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from app.county.in_store import roll_up_into
from app.county.places import place_name
from app.county.rollup import Part, Summed, notes
from app.domain.edits import Edit, SetCells
from app.domain.report import CellValue, format_value
from app.domain.rollup_record import RollupRecord, rollup_record, set_rollup_record
from app.store import Store
from ui.session import CellNote, ReportSession

SHOWN_PARTS = 8  # units a tooltip names, the largest first; the side panel shows them all


class RollupController(QObject):
    updated = Signal()  # the sums, the units summed or the hand-edited cells changed

    def __init__(self, session: ReportSession, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        record = rollup_record(session.report)
        self.units: list[str] = [s.unit for s in record.sources] if record else []
        self.summed: Summed | None = None
        self.notes: list[str] = []
        session.changed.connect(self._edited)

    @property
    def record(self) -> RollupRecord:
        return rollup_record(self.session.report) or RollupRecord(())

    @property
    def hand_edited(self) -> frozenset[str]:
        return self.record.hand_edited

    def recompute(self, units: list[str] | None = None) -> int:
        """Make the sums again from the units' current reports (or from `units` instead);
        the number of cells whose figure changed. RollupRefused or StoreError when it
        cannot be made; nothing changes then."""
        report = self.session.report
        chosen = list(self.units if units is None else units)
        made, summed = roll_up_into(self.store, report, chosen)
        changes: list[tuple[str, CellValue | None]] = [
            (ref, made.get(ref)) for ref in summed.cells if made.get(ref) != report.get(ref)
        ]
        money = tuple(
            (ref, made.money_units.get(ref))
            for ref in summed.money_units
            if made.money_units.get(ref) != report.money_units.get(ref)
        )
        self.summed, self.units, self.notes = summed, chosen, notes(summed)
        set_rollup_record(report, rollup_record(made))
        # Applied, not pushed: the figures are the units', not an edit to take back. The
        # change signal still reaches the grid, the findings and the autosave.
        self.session.apply_edit(SetCells(tuple(changes), money, "重新汇总"))
        self._notes_to_grid()
        self.updated.emit()
        return len(changes)

    def parts(self, ref: str) -> tuple[Part, ...]:
        return self.summed.parts(ref) if self.summed is not None else ()

    def sum_of(self, ref: str) -> int | Decimal | None:
        return self.summed.cells.get(ref) if self.summed is not None else None

    def restore_sum(self, ref: str) -> None:
        """The cell back to the units' sum (one undo step)."""
        if self.summed is None or ref not in self.summed.cells:
            return
        money = ((ref, self.summed.money_units[ref]),) if ref in self.summed.money_units else ()
        self.session.push(SetCells(((ref, self.summed.cells[ref]),), money, "恢复为各单位之和"))

    def _edited(self, edit: Edit) -> None:
        if self.summed is None or not isinstance(edit, SetCells):
            return
        touched = [ref for ref in edit.refs if ref in self.summed.cells]
        if not touched:
            return
        edited = set(self.hand_edited)
        for ref in touched:
            if self.session.report.get(ref) == self.summed.cells[ref]:
                edited.discard(ref)
            else:
                edited.add(ref)
        if edited != self.hand_edited:
            record = self.record
            set_rollup_record(self.session.report, RollupRecord(record.sources, frozenset(edited)))
            self._notes_to_grid()
            self.updated.emit()

    def _notes_to_grid(self) -> None:
        summed = self.summed
        if summed is None:
            return
        cell_notes = {}
        for ref, total in summed.cells.items():
            unit = summed.money_units.get(ref, "")
            parts = sorted((p for p in summed.parts(ref) if p.counted), key=lambda p: -p.counted)
            lines = [f"汇总：{len(summed.sources)} 个单位之和 {format_value(total, unit)}"]
            lines += [
                f"　{p.unit} {format_value(p.value, p.unit_of_money)}" for p in parts[:SHOWN_PARTS]
            ]
            if len(parts) > SHOWN_PARTS:
                lines.append(f"　……等 {len(parts)} 个单位（全部见“汇总明细”）")
            kind = "summed"
            if ref in self.hand_edited:
                kind = "hand_edited"
                lines.insert(0, "【手工填写】本格不再随各单位的报告更新")
            elif ref in summed.flagged:
                kind = "flagged"
                lines.append("同一文件可能由几个单位重复计算，请核对")
            cell_notes[ref] = CellNote(kind, tuple(lines))
        self.session.set_cell_notes(cell_notes)

    def describe(self, ref: str) -> str:
        """The cell as people name it, for the side panel."""
        return place_name(ref, self.session.report.layout_id)
