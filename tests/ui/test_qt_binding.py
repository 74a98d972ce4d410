"""The Qt binding itself: a broken release is refused here before it reaches users."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_emitting_signals_keeps_python_true_alive() -> None:
    # PySide6 6.12.0 returned True from Signal.emit() without taking a reference; every edit
    # emits several signals, so on Python 3.11 (where True is an ordinary object) the window
    # aborted with "bool_dealloc" after a few hundred edits.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.ping.emit()
    assert sys.getrefcount(True) >= before - 5
