"""A real window in a process of its own, started as the program starts it (the database's lock,
a second start's question, the first window's socket), and driven by a test line by line.

Run as `python -m tests.ui.window_process DB ANSWER` with QT_QPA_PLATFORM=offscreen. ANSWER is
the button the second start's question gets, should it be asked. On stdin:

  edit REF VALUE   the figure typed into the open report's cell REF (an edit through the session,
                   as the grid makes it); prints "saved REF VALUE" once the autosave has saved
                   it, "refused" when the window may not edit, "stale" when the store refused
                   the save because the report was saved elsewhere meanwhile
  value REF        prints "value REF VALUE", the cell as the window holds it
  quit             closes the window

It prints "ready writable" or "ready read-only" at its first paint, "exit N" when no window
opens, "asked TITLE: TEXT" for every message box (answered with ANSWER, or its first button),
and "shown" when a later start asks it to come forward.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from app.domain.edits import SetCells
from ui import modal
from ui.app import FirstPaint, application, settle
from ui.main_window import MainWindow
from ui.single_window import FirstWindow
from ui.window_start import open_for_window


def say(*words: object) -> None:
    print(*words, flush=True)


class Answering(modal.Opener):
    """Answers every message box: with the button named on the command line, or its first."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def run(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            say(f"asked {dialog.windowTitle()}: {dialog.text()}".replace("\n", " "))
            buttons = {button.text(): button for button in dialog.buttons()}
            chosen = buttons.get(self.answer) or dialog.buttons()[0]
            QTimer.singleShot(0, chosen.click)
        return dialog.exec()


class Commands(QObject):
    line = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.waiting: tuple[str, int] | None = None
        self.line.connect(self.run)
        window.autosave.saved.connect(self._saved)
        window.autosave.stale.connect(lambda _: say("stale"))

    def run(self, line: str) -> None:
        words = line.split()
        session = self.window.session
        if not words:
            return
        if words[0] == "quit":
            self.window.close()
        elif words[0] == "value" and session is not None:
            say("value", words[1], session.report.get(words[1]))
        elif words[0] == "edit" and session is not None:
            ref, value = words[1], int(words[2])
            if session.read_only:
                say("refused")
                return
            self.waiting = (ref, value)
            session.push(SetCells(((ref, value),)))

    def _saved(self) -> None:
        session = self.window.session
        if self.waiting is not None and session is not None:
            ref, value = self.waiting
            if session.report.get(ref) == value:
                say("saved", ref, value)
                self.waiting = None


def main(db: str, answer: str) -> int:
    modal.install(Answering(answer))
    app = application()
    opened = open_for_window(Path(db))
    if isinstance(opened, int):
        say("exit", opened)
        return opened
    window = MainWindow(opened.store)
    if not window.restore_last():
        window.open_first()
    commands = Commands(window)

    def up() -> None:
        settle(window, opened)
        first = window.findChild(FirstWindow)
        if first is not None:
            first.show_requested.connect(lambda: say("shown"))
        say("ready", "read-only" if opened.store.read_only else "writable")

    FirstPaint(window, up)

    def read() -> None:
        for line in sys.stdin:
            commands.line.emit(line)

    threading.Thread(target=read, daemon=True).start()
    window.show()
    app.exec()
    window.store.close()
    opened.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
