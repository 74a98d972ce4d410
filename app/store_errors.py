"""The store's errors, on their own so that code which only reports them need not load SQLite."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The database cannot be opened, read or written; str(error) is shown to the user."""


class DamagedStore(StoreError):
    """The database file is damaged (SQLite says so, a report's checksum disagrees, the file is
    empty or cut short): a backup may put it right. `path` is the file, when known."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class StaleReport(StoreError):
    """The report was saved elsewhere (another window, the command line) since it was loaded:
    saving it would undo that, so nothing was written."""
