"""The preview lays out a report in the made-up layout from that layout: its pages show the row
more, with its figures, and the renamed column heading."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.document.pagination import CellBox, PagedDocument
from app.domain.layout import Layout
from app.domain.report import Report
from ui.preview.pane import PreviewPane
from ui.session import ReportSession


def cell_texts(document: PagedDocument | None) -> list[str]:
    assert document is not None
    return [cell_text(cell) for page in document.pages for cell in page.cells]


def cell_text(cell: CellBox) -> str:
    return "".join(p.text for line in cell.lines for p in line.pieces)


def test_the_pages_show_the_row_more_and_the_renamed_heading(
    qtbot: QtBot, made_up_layout: Layout, made_up_report: Report
) -> None:
    pane = PreviewPane(ReportSession(made_up_report))
    qtbot.addWidget(pane)
    pane.resize(700, 900)
    pane.show()
    qtbot.waitExposed(pane)
    texts = cell_texts(pane.document)
    assert "4.申请人撤回申请" in texts
    assert "本年宣布失效件数" in texts and "本年废止件数" not in texts
    assert pane.document is not None
    shown = {
        cell.ref: cell_text(cell)
        for page in pane.document.pages
        for cell in page.cells
        if cell.ref.startswith("table3:other_withdrawn.")
    }
    assert shown == {
        f"table3:other_withdrawn.{c}": str(made_up_report.get(f"table3:other_withdrawn.{c}"))
        for c in made_up_layout.table3.column_keys
    }
