"""Where the user was: the report, part and cell last open, the window's size and its panes.

All of it lives in the database's settings table, so the program opens where it was left on
any computer the database file is copied to.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QObject, QTimer

from app.store import StoreError
from ui import modal
from ui.report_view import PART_KEYS, ReportView
from ui.window_host import WindowHost

POSITION_DELAY_MS = 800  # after the last move: walking through cells writes once, not per cell

# Keys of the store's settings table.
LAST_UNIT = "last.unit"
LAST_YEAR = "last.year"
LAST_PART = "last.part"
LAST_CELL = "last.cell"
GEOMETRY = "window.geometry"
WINDOW_STATE = "window.state"
LAST_FOLDER = "last.folder"  # where the file choosers open (ui.modal)


def _base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


class PositionHost(WindowHost, Protocol):
    """What the position memory uses of the window (the last four are QMainWindow's)."""

    @property
    def view(self) -> ReportView | None: ...
    def store_error(self, exc: StoreError) -> None: ...
    def open_report(self, unit: str, year: int, *, remember: bool = True) -> bool: ...
    def saveGeometry(self, /) -> QByteArray: ...
    def restoreGeometry(self, geometry: QByteArray, /) -> bool: ...
    def saveState(self, /) -> QByteArray: ...
    def restoreState(self, state: QByteArray, /) -> bool: ...


class PositionMemory(QObject):
    """Remembers and restores the open report, part, cell, and the window's geometry.

    `parent` owns it (and its timer), so nothing fires after the window is gone."""

    def __init__(self, window: PositionHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(POSITION_DELAY_MS)
        self.timer.timeout.connect(self.remember)

    def moved(self, *_: object) -> None:
        """The part or cell changed: remember it once the user stops moving."""
        self.timer.start()

    def restore_last(self) -> bool:
        """Reopen the last report, part and cell; False when there is none to reopen."""
        window = self.window
        try:
            unit = window.store.get_setting(LAST_UNIT)
            year_text = window.store.get_setting(LAST_YEAR)
            part = window.store.get_setting(LAST_PART)
            cell = window.store.get_setting(LAST_CELL)
        except StoreError as exc:
            window.store_error(exc)
            return False
        # Nothing is written on the way: the report, part and cell restored are the ones stored
        # (remembering at once would store the front page, before the part is shown).
        if (
            not unit
            or not year_text.isdigit()
            or not window.open_report(unit, int(year_text), remember=False)
        ):
            return False
        assert window.view is not None
        if part in PART_KEYS:
            window.view.show_part(part)
        if cell and part == cell.partition(":")[0].removeprefix("table"):
            window.view.select_refs([cell])
        return True

    def remember(self) -> None:
        self.timer.stop()
        window = self.window
        if window.session is None or window.view is None:
            return
        values = {
            LAST_UNIT: window.session.report.unit,
            LAST_YEAR: str(window.session.report.year),
            LAST_PART: window.view.current_part(),
            LAST_CELL: window.view.current_cell(),
        }
        try:
            for key, value in values.items():
                if window.store.get_setting(key) != value:
                    window.store.set_setting(key, value)
        except StoreError:
            pass  # where the cursor was is not worth an error message; the report is

    def restore_geometry(self) -> None:
        """The window's size and place, which panes were shown where (the preview too), and
        the folder files were last chosen in."""
        try:
            geometry = self.window.store.get_setting(GEOMETRY)
            state = self.window.store.get_setting(WINDOW_STATE)
            folder = self.window.store.get_setting(LAST_FOLDER)
        except StoreError:
            return
        if folder:
            modal.remember_folder(folder)
        if geometry:
            self.window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.window.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def save_geometry(self) -> None:
        try:
            self.window.store.set_setting(GEOMETRY, _base64(self.window.saveGeometry()))
            self.window.store.set_setting(WINDOW_STATE, _base64(self.window.saveState()))
            if modal.last_folder():
                self.window.store.set_setting(LAST_FOLDER, modal.last_folder())
        except StoreError:
            pass
