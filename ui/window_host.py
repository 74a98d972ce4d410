"""What every part of the window reaches of it: the database and the report open. Each part's
own Protocol (FileHost, UnitHost…) adds what else it uses, so none sees more of the window
than it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.store import Store
    from ui.session import ReportSession


class WindowHost(Protocol):
    @property
    def store(self) -> Store: ...
    @property
    def session(self) -> ReportSession | None: ...
