"""The preview beside the report's editor, as the window will show them, saved as PNG.

Set NIANBAO_SCREENSHOTS to a folder to keep the pictures for a look (they are not kept in git).
The tests check what a glance would: the editor's part is the page in view, and the page is
white paper with black text on it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from app.document.pagination import PagedDocument
from app.domain.edits import SetChapter
from tests.app.document.reports import demo_2020
from ui.preview.pane import PreviewPane
from ui.report_view import ReportView
from ui.session import ReportSession


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    keep = os.environ.get("NIANBAO_SCREENSHOTS")
    return Path(keep) if keep else tmp_path


def ink_and_paper(image: QImage) -> tuple[float, float]:
    """Shares of near-black and of white pixels, sampled."""
    dark = white = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = QColor(image.pixel(x, y))
            total += 1
            dark += colour.lightness() < 90
            white += colour.lightness() > 245
    return dark / total, white / total


def expected_page(document: PagedDocument | None, part: str) -> int:
    assert document is not None
    page, _ = document.locate(part) or (-1, 0.0)
    return page + 1


def test_the_preview_follows_the_editor_part_by_part(qtbot: QtBot, folder: Path) -> None:
    session = ReportSession(demo_2020())
    view = ReportView(session)
    pane = PreviewPane(session)
    view.part_changed.connect(pane.show_part)  # as the window connects them
    splitter = QSplitter()
    splitter.addWidget(view)
    splitter.addWidget(pane)
    qtbot.addWidget(splitter)
    splitter.resize(1440, 900)
    splitter.setSizes([760, 680])
    splitter.show()
    qtbot.waitExposed(splitter)
    for part, name in (
        ("front", "front"),
        ("3", "table3"),
        ("5", "chapter5"),
        ("signature", "signature"),
    ):
        view.show_part(part)
        assert pane.current_page() == expected_page(pane.document, part), part
        QApplication.processEvents()  # scroll bars settle before the picture
        splitter.grab().save(str(folder / f"preview_beside_editor_{name}.png"))
    dark, white = ink_and_paper(pane.canvas.grab().toImage())
    assert dark > 0.01 and white > 0.4  # a page of text, not an empty or grey box


def test_an_edit_in_the_editor_reaches_the_page(qtbot: QtBot, folder: Path) -> None:
    session = ReportSession(demo_2020())
    pane = PreviewPane(session)
    qtbot.addWidget(pane)
    pane.resize(760, 1000)
    pane.show()
    qtbot.waitExposed(pane)
    with qtbot.waitSignal(pane.refreshed, timeout=2000):
        session.push(
            SetChapter("6", "本年度未收取信息处理费。本单位将于2022年继续做好政府信息公开工作。")
        )
    pane.show_part("signature")
    pane.set_zoom(1.0)
    pane.show_part("signature")
    QApplication.processEvents()
    pane.grab().save(str(folder / "preview_signature_100.png"))
    pane.set_zoom(1.5)
    pane.show_part("table3:new.total")
    QApplication.processEvents()
    pane.grab().save(str(folder / "preview_table3_150.png"))
    assert pane.current_page() == expected_page(pane.document, "table3:new.total")
