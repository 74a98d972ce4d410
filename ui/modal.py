"""Every modal dialog, file chooser and popup menu the program opens goes through here.

The program's own `Opener` runs them as Qt does, blocking until the user answers. Tests put a
different opener in place (tests/ui/answers.py) that answers the next dialog as the test says,
so no test waits on a modal loop or polls for a dialog with timers.

File choosers open in the folder last used (the window keeps it in its settings), at first in
the user's 文档 folder, never in the program's working folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from ui.qt_texts import ChineseDates


class Opener:
    """Runs dialogs as Qt does: modally, until the user closes them."""

    def run(self, dialog: QDialog) -> int:
        """The dialog's result (a QDialog.DialogCode, or a message box's button)."""
        return dialog.exec()

    def popup(self, menu: QMenu, at: QPoint) -> QAction | None:
        return menu.exec(at)

    def open_file(self, parent: QWidget, title: str, folder: str, file_filter: str) -> str:
        """The file chosen ("" when cancelled)."""
        return self._choose(file_dialog(parent, title, folder, file_filter, save=False))

    def save_file(self, parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
        """Where to write ("" when cancelled); `suggested` is a full path."""
        return self._choose(file_dialog(parent, title, suggested, file_filter, save=True))

    def open_folder(self, parent: QWidget, title: str, folder: str) -> str:
        """The folder chosen ("" when cancelled)."""
        dialog = file_dialog(parent, title, folder, "", save=False)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        return self._choose(dialog)

    def _choose(self, dialog: QFileDialog) -> str:
        try:
            if self.run(dialog) != QDialog.DialogCode.Accepted:
                return ""
            files = dialog.selectedFiles()
            return files[0] if files else ""
        finally:
            dialog.deleteLater()


def file_dialog(
    parent: QWidget, title: str, start: str, file_filter: str, *, save: bool
) -> QFileDialog:
    """A file chooser as the system draws it (Windows, UOS), or else Qt's own, in Chinese."""
    dialog = QFileDialog(parent, title, start, file_filter)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setProxyModel(ChineseDates(dialog))
    return dialog


_opener = Opener()
_folder = ""  # the folder a file was last chosen in


def start_folder() -> str:
    """Where the next file chooser opens: the folder last used, or the user's 文档."""
    if _folder and os.path.isdir(_folder):
        return _folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else str(Path.home())


def remember_folder(folder: str) -> None:
    global _folder
    _folder = folder


def last_folder() -> str:
    return _folder


def install(opener: Opener) -> Opener:
    """Put `opener` in place of the current one, which is returned (to be put back)."""
    global _opener
    previous, _opener = _opener, opener
    return previous


def current() -> Opener:
    return _opener


def run(dialog: QDialog) -> int:
    return _opener.run(dialog)


def popup(menu: QMenu, at: QPoint) -> QAction | None:
    return _opener.popup(menu, at)


def open_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    return _chosen(_opener.open_file(parent, title, start_folder(), file_filter))


def save_file(parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
    """Where to write a file first offered as `name`, in the folder last used."""
    suggested = os.path.join(start_folder(), name)
    return _chosen(_opener.save_file(parent, title, suggested, file_filter))


def open_folder(parent: QWidget, title: str) -> Path | None:
    """A folder (of reports to read), starting where the last file was chosen."""
    chosen = _opener.open_folder(parent, title, start_folder())
    if not chosen:
        return None
    remember_folder(chosen)
    return Path(chosen)


def _chosen(path: str) -> Path | None:
    if not path:
        return None
    remember_folder(str(Path(path).parent))
    return Path(path)
