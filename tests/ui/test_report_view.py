"""The report's parts: each page is made when first shown, and then kept."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.edits import SetChapter
from tests.ui.window_helpers import seed
from ui.chapter_editor import PageTexts, TextPage
from ui.report_pages import FrontPage, SignaturePage, TablePage
from ui.report_view import PART_KEYS, ReportView
from ui.session import ReportSession


def test_only_the_front_page_is_made_until_another_part_is_shown(qtbot: QtBot) -> None:
    session = ReportSession(seed())
    made: list[PageTexts] = []
    view = ReportView(session, on_texts=made.append)
    qtbot.addWidget(view)
    assert [t.editors for t in made] == [(view.front.preamble,)]
    assert [type(view.stack.widget(row)) for row in range(len(PART_KEYS))] == [
        FrontPage,
        *[QWidget] * (len(PART_KEYS) - 1),
    ]  # the others are stand-ins

    # An edit to a chapter nobody has opened yet is there when it is opened.
    session.push(SetChapter("5", "本年度没有需要改进的问题。"))
    view.show_part("5")
    page = view.text_page("5")
    assert view.stack.currentWidget() is page
    assert page.editor.toPlainText() == "本年度没有需要改进的问题。"
    assert made[-1].editors == (page.editor,) and made[-1].figures

    view.show_part("3")
    view.show_part("5")
    view.show_part("signature")
    assert view.text_page("5") is page  # made once
    assert len(made) == 3 and made[-1].lines == (view.signature_page().unit,)
    made_pages = {
        key: type(view.stack.widget(row))
        for row, key in enumerate(PART_KEYS)
        if type(view.stack.widget(row)) is not QWidget
    }
    assert made_pages == {
        "front": FrontPage,
        "3": TablePage,
        "5": TextPage,
        "signature": SignaturePage,
    }


def test_a_finding_on_the_signature_opens_its_page_at_the_date(qtbot: QtBot) -> None:
    report = seed()
    report.signature_date = dt.date(report.year + 1, 6, 30)  # after the deadline
    session = ReportSession(report)
    view = ReportView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    [late] = [f for f in session.findings if f.rule == "R19"]
    view.go_to(late)
    assert view.current_part() == "signature"
    page = view.signature_page()
    assert view.stack.currentWidget() is page
    qtbot.waitUntil(page.date.hasFocus)
    assert page.deadline.text().startswith("落款日期晚于公布期限")


def test_the_header_shows_the_units_name_as_written(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    report = seed()
    report.unit = "<b>某局</b>"
    view = ReportView(ReportSession(report), on_texts=lambda texts: None)
    qtbot.addWidget(view)
    assert view.header.textFormat() is Qt.TextFormat.PlainText
    assert view.header.text().startswith("<b>某局</b>")
