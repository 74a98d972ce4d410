"""Answering the program's dialogs from a test, as a user would, through ui.modal.

Every UI test runs with an `Answers` in place (tests/ui/conftest.py). A test says what the next
dialog, file chooser or popup menu gets (`answers().next_dialog(handler)`,
`answers().next_file(path)`); the dialog runs as in the program, the handler clicks in it once it
is up, and the code under test carries on with its result. A dialog nobody answers, or an answer left over at the end of
the test, fails the test: no test hangs on a modal loop it did not expect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from ui import modal

MenuHandler = Callable[[QMenu], None]


@dataclass
class FileAsked:
    """What a file chooser was opened with."""

    kind: str  # "open", "save" or "folder"
    title: str
    start: str  # the folder (open) or the suggested path (save)
    file_filter: str


def describe(widget: QWidget) -> str:
    if isinstance(widget, QMessageBox):
        return f"{type(widget).__name__} “{widget.windowTitle()}”：{widget.text()}"
    return f"{type(widget).__name__} “{widget.windowTitle()}”"


class Answers(modal.Opener):
    def __init__(self) -> None:
        self._queue: list[tuple[str, object]] = []
        self.files_asked: list[FileAsked] = []  # every file chooser opened, in order
        self.shown: list[str] = []  # every dialog and menu answered, described

    # --- what the test says ------------------------------------------------------------

    def next_dialog(self, handler: Callable[[QWidget], None]) -> None:
        """The next dialog (or message box) is given to `handler`, shown; it clicks."""
        self._queue.append(("dialog", handler))

    def next_button(self, text: str) -> None:
        """The next message box is answered by clicking its button labelled `text`."""

        def click(box: QWidget) -> None:
            assert isinstance(box, QMessageBox), describe(box)
            [button] = [b for b in box.buttons() if b.text() == text]
            button.click()

        self.next_dialog(click)

    def next_file(self, path: Path | str | None) -> None:
        """The next file (or folder) chooser returns `path` (None: the user cancels)."""
        self._queue.append(("file", "" if path is None else str(path)))

    def next_menu(self, handler: MenuHandler) -> None:
        """The next popup menu is given to `handler` (which may trigger one of its actions)."""
        self._queue.append(("menu", handler))

    def pending(self) -> int:
        return len(self._queue)

    # --- what the program asks ---------------------------------------------------------

    def _take(self, kind: str, what: str) -> object:
        assert self._queue, f"the test did not expect {what}"
        wanted, answer = self._queue.pop(0)
        assert wanted == kind, f"the test expected a {wanted}, not {what}"
        self.shown.append(what)
        return answer

    def run(self, dialog: QDialog) -> int:
        handler = self._take("dialog", describe(dialog))
        assert callable(handler)

        def answer() -> None:
            try:
                handler(dialog)
            finally:
                if dialog.isVisible():  # looked at but not answered (or the handler failed)
                    dialog.reject()

        # Run as the program runs it (modal, in its own event loop), answered once it is up.
        QTimer.singleShot(0, dialog, answer)
        return dialog.exec()

    def popup(self, menu: QMenu, at: QPoint) -> QAction | None:
        handler = self._take("menu", f"menu {[a.text() for a in menu.actions()]}")
        assert callable(handler)

        def answer() -> None:
            try:
                handler(menu)
            finally:
                menu.close()

        QTimer.singleShot(0, menu, answer)
        return menu.exec(at)

    def open_file(self, parent: QWidget, title: str, folder: str, file_filter: str) -> str:
        self.files_asked.append(FileAsked("open", title, folder, file_filter))
        answer = self._take("file", f"file chooser “{title}”")
        assert isinstance(answer, str)
        return answer

    def open_folder(self, parent: QWidget, title: str, folder: str) -> str:
        self.files_asked.append(FileAsked("folder", title, folder, ""))
        answer = self._take("file", f"folder chooser “{title}”")
        assert isinstance(answer, str)
        return answer

    def save_file(self, parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
        self.files_asked.append(FileAsked("save", title, suggested, file_filter))
        answer = self._take("file", f"file chooser “{title}”")
        assert isinstance(answer, str)
        return answer


def answers() -> Answers:
    """The answers in place for this test."""
    opener = modal.current()
    assert isinstance(opener, Answers), "tests/ui/conftest.py puts Answers in place"
    return opener
