"""Saving without a Save button: every change reaches the database file within a second.

The timer is started by the first change and not restarted by the next ones, so steady typing
still saves every `DELAY_MS`; "已保存" is shown only after the store's transaction committed, so
a killed process loses nothing that was shown as saved.

A save is based on the revision the report was loaded at (ReportSession.revision): when another
window or the command line saved the report since, the store refuses it, nothing is written,
and `stale` asks the window to show the stored report instead of overwriting it. A damaged
database is `damaged`, for the window to offer a backup; neither is retried.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from app.store import DamagedStore, StaleReport, Store, StoreError
from ui.session import ReportSession

DELAY_MS = 400
RETRY_MS = 3000


class SaveState(Enum):
    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return {"saved": "已保存", "pending": "正在保存…", "failed": "保存失败"}[self.value]


class AutoSaver(QObject):
    saved = Signal()
    state_changed = Signal(object)  # SaveState
    failed = Signal(str)  # the store's Chinese message
    stale = Signal(str)  # the report was saved elsewhere meanwhile: the message for the user
    damaged = Signal(object)  # DamagedStore

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session: ReportSession | None = None
        # Called before each save so text still being typed is on the stack too.
        self.before_save: Callable[[], None] = lambda: None
        self.state = SaveState.SAVED
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def attach(self, session: ReportSession | None) -> None:
        """Follow another report; the previous one is saved first."""
        self.flush()
        if self.session is not None:
            self.session.changed.disconnect(self.mark_changed)
        self.session = session
        if session is not None:
            session.changed.connect(self.mark_changed)

    def mark_changed(self, *_: object) -> None:
        self._dirty = True
        self._set_state(SaveState.PENDING)
        if not self._timer.isActive():
            self._timer.start(DELAY_MS)

    def text_pending(self) -> None:
        """Typing not yet pushed: show it as unsaved and make sure a save follows."""
        self._set_state(SaveState.PENDING)
        if not self._timer.isActive():
            self._timer.start(DELAY_MS)

    def flush(self) -> bool:
        """Save now if anything changed (Ctrl+S, switching reports, closing). True when saved."""
        self.before_save()
        self._timer.stop()
        if self.session is None or not self._dirty:
            if self.state is SaveState.PENDING:
                self._set_state(SaveState.SAVED)
            return self.state is not SaveState.FAILED
        return self._save(self.session)

    def _save(self, session: ReportSession) -> bool:
        try:
            session.revision = self.store.save(session.report, base_revision=session.revision)
        except StaleReport as exc:
            self._dirty = False  # never to be written over what was saved elsewhere
            self._set_state(SaveState.FAILED)
            self.stale.emit(
                f"{exc}。\n\n已重新打开数据库中的这份报告；本窗口最后一次保存之后"
                "的修改没有存入，请核对后重新输入。"
            )
            return False
        except DamagedStore as exc:
            self._set_state(SaveState.FAILED)
            self.failed.emit(f"保存失败：{exc}")
            self.damaged.emit(exc)
            return False
        except StoreError as exc:
            self._set_state(SaveState.FAILED)
            self.failed.emit(f"保存失败：{exc}。修改仍在窗口中，稍后自动重试。")
            self._timer.start(RETRY_MS)
            return False
        self._dirty = False
        self._set_state(SaveState.SAVED)
        self.saved.emit()
        return True

    def _set_state(self, state: SaveState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)
