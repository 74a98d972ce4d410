"""Changes made to the database by another program while the window is open: a report stored
with `nianbao import`, or by a second window on the same file. The window looks when it becomes
active again, as a user comes back to it after the command line."""

from __future__ import annotations

from typing import Protocol

from app.domain.report_form import report_to_json
from app.store import StoreError
from ui.window_host import WindowHost


class WatchHost(WindowHost, Protocol):
    """What the watch uses of the window."""

    def nothing_to_save(self) -> bool: ...
    def forget_session(self) -> None: ...
    def refresh_units(self) -> None: ...
    def open_report(self, unit: str, year: int) -> bool: ...
    def show_status(self, message: str, timeout_ms: int) -> None: ...


class OutsideChanges:
    def __init__(self, window: WatchHost) -> None:
        self.window = window
        self._seen = self._version()

    def _version(self) -> int | None:
        try:
            return self.window.store.data_version()
        except StoreError:
            return None

    def store_replaced(self) -> None:
        """The window opened another database: what it holds now is what was seen."""
        self._seen = self._version()

    def check(self) -> bool:
        """Show what another program stored since the last look; True when it had."""
        version = self._version()
        if version is None or version == self._seen:
            return False
        self._seen = version
        window = self.window
        if not self._reopen_if_replaced():
            window.refresh_units()
        return True

    def _reopen_if_replaced(self) -> bool:
        """The open report, when another program replaced it and none of the user's own
        changes is waiting to be saved (those are never thrown away)."""
        window = self.window
        session = window.session
        if session is None or not window.nothing_to_save():
            return False
        unit, year = session.report.unit, session.report.year
        try:
            stored = window.store.load(unit, year)
        except StoreError:
            return False
        if stored is None or report_to_json(stored) == report_to_json(session.report):
            return False
        window.forget_session()
        window.refresh_units()
        window.open_report(unit, year)
        window.show_status(f"{unit}{year}年度报告已由另一程序更新，已重新打开", 8000)
        return True
