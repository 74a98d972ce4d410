"""Answering the pane's modal dialogs from a test, as a user would click them."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.answers import answers
from ui.preview.printing import NO_PRINTER, printers_to_offer


def answer_dialogs(steps: list[str], seen: list[str]) -> None:
    """Answer the next dialogs, one step each: a button's text for a question, "cancel" for
    the print dialog (or, where there is no printer, 确定 to the message that says so). What
    each dialog was is noted in `seen`."""

    def answer(step: str, dialog: QWidget) -> None:
        if isinstance(dialog, QPrintDialog):
            seen.append("print dialog")
            assert step == "cancel", f"the print dialog came where “{step}” was expected"
            dialog.reject()
        elif isinstance(dialog, QMessageBox) and step == "cancel" and dialog.text() == NO_PRINTER:
            seen.append("no printer")
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            seen.append(dialog.text().splitlines()[0])
            [button] = [b for b in dialog.buttons() if b.text() == step]
            button.click()

    for step in steps:
        answers().next_dialog(functools.partial(answer, step))


ERRORS_QUESTION = "报告还有未改正的错误（见“校验结果”）。仍要继续吗？"


def print_dialog_seen() -> str:
    """What Ctrl+P shows once the errors question is answered: the print dialog, or on a
    Windows PC without printers (as under Wine) the message that says so."""
    return "print dialog" if printers_to_offer() else "no printer"


def ctrl_p_then_cancel(qtbot: QtBot, window: QWidget, focus: QWidget) -> list[str]:
    """Press Ctrl+P in `focus` of the active `window`, say 是 to printing a report with errors
    and cancel the print dialog; the dialogs seen, in order."""
    seen: list[str] = []
    answer_dialogs(["是", "cancel"], seen)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(focus, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    return seen
