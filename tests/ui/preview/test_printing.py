"""Printing: the print dialog on Ctrl+P, and the pages reaching a printer (a PDF printer here,
the one every system has), drawn by the preview's painter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.app.document.reports import demo_2020
from tests.ui.preview.modal import (
    ERRORS_QUESTION,
    answer_dialogs,
    ctrl_p_then_cancel,
    print_dialog_seen,
)
from tests.ui.preview.pdf_tools import need_poppler, page_count, page_texts
from ui.preview.pane import PreviewPane
from ui.preview.printing import make_printer, print_pages
from ui.session import ReportSession


def pane_for(qtbot: QtBot) -> PreviewPane:
    pane = PreviewPane(ReportSession(demo_2020()))
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def pdf_printer(path: Path) -> QPrinter:
    printer = make_printer("高青县行政审批服务局2020年政府信息公开工作年度报告")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_all_pages_go_to_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    need_poppler()
    pane = pane_for(qtbot)
    assert pane.document is not None
    target = tmp_path / "printed.pdf"
    assert print_pages(pdf_printer(target), pane.document, pane._fonts)
    assert page_count(target) == pane.page_count
    texts = page_texts(target)
    assert texts[0].startswith("高青县行政审批服务局2020年政府信息公开工作年度报告")
    assert "—1—" in texts[0] and f"—{pane.page_count}—" in texts[-1]


def test_a_page_range_prints_only_those_pages(qtbot: QtBot, tmp_path: Path) -> None:
    need_poppler()
    pane = pane_for(qtbot)
    assert pane.document is not None
    target = tmp_path / "range.pdf"
    printer = pdf_printer(target)
    printer.setFromTo(2, 3)
    assert print_pages(printer, pane.document, pane._fonts)
    assert page_count(target) == 2
    assert "—2—" in page_texts(target)[0] and "—3—" in page_texts(target)[1]


def test_ctrl_p_asks_about_errors_then_opens_the_print_dialog(qtbot: QtBot) -> None:
    pane = pane_for(qtbot)  # the published 2020 report: it breaks R2 and R3
    flushed: list[bool] = []
    pane.before_output = lambda: flushed.append(True)
    seen = ctrl_p_then_cancel(qtbot, pane, pane.scroll_area)
    assert seen == [ERRORS_QUESTION, print_dialog_seen()]
    assert flushed == [True]  # text being typed reaches the report before it prints


def test_saying_no_to_printing_a_report_with_errors_prints_nothing(qtbot: QtBot) -> None:
    pane = pane_for(qtbot)
    seen: list[str] = []
    answer_dialogs(["否"], seen)
    assert pane.print_report() is None
    assert seen == [ERRORS_QUESTION]


def test_with_no_printer_the_user_is_told_so(qtbot: QtBot) -> None:
    # A Windows PC with no printer, or with the print spooler stopped: Windows' print dialog
    # would fail at once, which Qt reports as a cancel; the user must see why nothing happens.
    from ui.preview.printing import ask_and_print

    pane = pane_for(qtbot)
    assert pane.document is not None
    seen: list[str] = []
    answer_dialogs(["确定"], seen)
    assert ask_and_print(pane, pane.document, pane._fonts, "报告", can_print=lambda: False) is None
    assert seen == [
        "这台电脑上没有可用的打印机（或 Windows 的“Print Spooler（打印后台处理程序）”服务未启动）。"
    ]
