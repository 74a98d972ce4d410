"""Answering the pane's modal dialogs from a test, as a user would click them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMessageBox


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
