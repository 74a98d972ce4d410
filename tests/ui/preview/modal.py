"""Answering the pane's modal dialogs from a test, as a user would click them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot


def answer_dialogs(steps: list[str], seen: list[str]) -> None:
    """Answer the modal dialogs as they come, one step each: a button's text for a question,
    "cancel" for the print dialog. What each dialog was is noted in `seen`; the watching stops
    with the last step."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog) and steps[0] == "cancel":
            steps.pop(0)
            seen.append("print dialog")
            dialog.reject()
        elif isinstance(dialog, QMessageBox) and steps[0] != "cancel":
            seen.append(dialog.text().splitlines()[0])
            wanted = steps.pop(0)
            [button] = [b for b in dialog.buttons() if b.text() == wanted]
            button.click()
        if steps:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


ERRORS_QUESTION = "报告还有未改正的错误（见“校验结果”）。仍要继续吗？"


def ctrl_p_then_cancel(qtbot: QtBot, window: QWidget, focus: QWidget) -> list[str]:
    """Press Ctrl+P in `focus` of the active `window`, say 是 to printing a report with errors
    and cancel the print dialog; the dialogs seen, in order."""
    seen: list[str] = []
    answer_dialogs(["是", "cancel"], seen)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(focus, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    return seen
