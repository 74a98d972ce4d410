"""The preview pane over a real session: pages, following edits and parts, zoom and pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.document.pagination import PagedDocument
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.edits import SetCells, SetChapter
from tests.app.document.reports import demo_2020, demo_2021
from tests.ui.preview.modal import answer_dialogs
from ui.preview.pane import PreviewPane
from ui.session import ReportSession

OFFICIAL_FONTS = [
    "仿宋_GB2312",
    "楷体_GB2312",
    "方正小标宋简体",
    "黑体",
    "宋体",
    "Times New Roman",
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
]


@pytest.fixture
def session() -> ReportSession:
    return ReportSession(demo_2020())


@pytest.fixture
def pane(qtbot: QtBot, session: ReportSession) -> PreviewPane:
    widget = PreviewPane(session)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lines_of(document: PagedDocument | None) -> list[str]:
    assert document is not None
    return ["".join(p.text for p in line.pieces) for page in document.pages for line in page.lines]


def test_the_pages_are_shown_with_a_page_count(pane: PreviewPane) -> None:
    assert pane.page_count >= 5
    assert pane.page_count_label.text() == f"/ 共 {pane.page_count} 页"
    assert pane.current_page() == 1
    assert [line for line in lines_of(pane.document) if line in CHAPTER_HEADINGS] == list(
        CHAPTER_HEADINGS
    )
    assert pane.canvas.height() > pane.page_count * pane.canvas.page_size_px().height()


def test_an_edit_shows_in_the_pages(
    qtbot: QtBot, pane: PreviewPane, session: ReportSession
) -> None:
    # How soon it shows (under half a second) is measured in benchmarks/preview.py.
    with qtbot.waitSignal(pane.refreshed, timeout=5000):
        session.push(SetChapter("6", "本年度未收取信息处理费，特此说明。"))
    assert "本年度未收取信息处理费，特此说明。" in lines_of(pane.document)


def test_typing_is_never_held_up_by_the_layout(
    qtbot: QtBot, pane: PreviewPane, session: ReportSession
) -> None:
    """Edits in quick succession each return before any layout; the pages are laid out once, after."""
    layouts: list[int] = []
    pane.refreshed.connect(layouts.append)
    text = session.report.chapter("5")
    for ch in "进一步加强培训":
        text += ch
        session.push(SetChapter("5", text))
        assert layouts == []
    qtbot.waitUntil(lambda: len(layouts) == 1, timeout=5000)
    # The chapter as typed is on the pages, wherever the fonts at hand break its lines.
    assert "".join(text.split()) in "".join(lines_of(pane.document))


def test_a_changed_figure_appears_in_its_cell(
    qtbot: QtBot, pane: PreviewPane, session: ReportSession
) -> None:
    with qtbot.waitSignal(pane.refreshed, timeout=2000):
        session.push(SetCells((("table3:new.natural", 12345),)))
    assert pane.document is not None
    cells = {
        c.ref: "".join(p.text for line in c.lines for p in line.pieces)
        for page in pane.document.pages
        for c in page.cells
        if c.ref
    }
    assert cells["table3:new.natural"] == "12345"


def test_it_follows_the_part_being_edited(pane: PreviewPane) -> None:
    document = pane.document
    assert document is not None
    for part in ("chapter:5", "5", "table3", "table3:carried_out.total", "signature"):
        page, _ = document.locate(part) or (-1, 0.0)
        assert pane.show_part(part)
        assert pane.current_page() == page + 1, part
    assert pane.show_part("front") and pane.current_page() == 1
    assert not pane.show_part("table9")


def test_a_part_asked_for_during_an_edit_is_shown_once_the_pages_are_ready(
    qtbot: QtBot, pane: PreviewPane, session: ReportSession
) -> None:
    session.push(SetChapter("6", "本年度未收取信息处理费。"))
    pane.show_part("signature")
    with qtbot.waitSignal(pane.refreshed, timeout=2000):
        pass
    assert pane.current_page() == pane.page_count


def test_zoom_in_out_and_fit_to_width(pane: PreviewPane) -> None:
    fitted = pane.canvas.page_size_px().width()
    assert abs(fitted - (pane.scroll_area.viewport().width() - 32)) <= 2
    assert pane.canvas.width() <= pane.scroll_area.viewport().width()  # no sideways scrolling
    assert pane.fit_button.isChecked()
    pane.zoom_in()
    assert pane.canvas.page_size_px().width() > fitted
    assert not pane.fit_button.isChecked()
    pane.set_zoom(1.0)
    assert pane.zoom_label.text() == "100%"
    pane.zoom_out()
    assert pane.zoom < 1.0 and pane.zoom_label.text() == f"{round(pane.zoom * 100)}%"
    pane.set_zoom(0.01)
    assert not pane.zoom_out_button.isEnabled()
    pane.fit_width()
    assert pane.canvas.page_size_px().width() == fitted
    pane.resize(500, 900)  # the dock made narrower: the page follows, no sideways scrolling
    QApplication.processEvents()
    assert pane.canvas.width() <= pane.scroll_area.viewport().width()
    assert pane.canvas.page_size_px().width() < fitted


def test_page_navigation_and_the_current_page(pane: PreviewPane) -> None:
    pane.go_to_page(3)
    assert pane.current_page() == 3 and pane.page_box.value() == 3
    pane.next_button.click()
    assert pane.current_page() == 4
    pane.previous_button.click()
    pane.previous_button.click()
    assert pane.current_page() == 2
    pane.page_box.setValue(pane.page_count)
    assert pane.current_page() == pane.page_count
    assert not pane.next_button.isEnabled()
    pane.go_to_page(99)
    assert pane.current_page() == pane.page_count


def test_zooming_keeps_the_page_being_read(pane: PreviewPane) -> None:
    pane.go_to_page(4)
    pane.set_zoom(1.5)
    assert pane.current_page() == 4
    pane.fit_width()
    assert pane.current_page() == 4


def test_missing_official_fonts_are_named_in_a_banner(qtbot: QtBot, session: ReportSession) -> None:
    lacking = PreviewPane(session, families=["Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun"])
    qtbot.addWidget(lacking)
    lacking.show()
    assert lacking.banner.isVisible()
    assert "未安装方正小标宋简体，预览以SimSun（加粗）代替" in lacking.banner.text()
    lacking.banner_close.click()
    assert not lacking.banner.isVisible()
    complete = PreviewPane(session, families=OFFICIAL_FONTS)
    qtbot.addWidget(complete)
    complete.show()
    assert not complete.banner.isVisible()


def test_another_report_or_none(qtbot: QtBot, pane: PreviewPane) -> None:
    other = ReportSession(demo_2021())
    pane.set_session(other)
    assert "2022年1月20日" in lines_of(pane.document)
    with qtbot.waitSignal(pane.refreshed, timeout=2000):
        other.push(SetChapter("5", "改进措施。"))
    pane.set_session(None)
    assert pane.page_count == 0 and pane.page_count_label.text() == "/ 共 0 页"
    assert not pane.print_action.isEnabled() and not pane.pdf_action.isEnabled()
    assert not pane.show_part("chapter:5") or pane.document is None


def test_pdf_from_the_pane_and_a_folder_that_is_gone(
    qtbot: QtBot, pane: PreviewPane, tmp_path: Path
) -> None:
    assert pane.export_pdf_to(tmp_path / "年度报告")
    assert (tmp_path / "年度报告.pdf").read_bytes().startswith(b"%PDF")
    seen: list[str] = []
    answer_dialogs(["确定"], seen)
    assert not pane.export_pdf_to(tmp_path / "不在了" / "年度报告.pdf")
    assert seen and seen[0].endswith("不存在")
