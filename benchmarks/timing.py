"""What the benchmarks share: the median of repeated runs, and the bare window they compare with."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(works: list[Callable[[], object]], repeat: int) -> list[float]:
    """Each work's median over `repeat` rounds, the works taking turns within each round, so
    that the load of a shared machine falls on them alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, measured in zip(works, times, strict=True):
            start = time.perf_counter()
            work()
            measured.append(time.perf_counter() - start)
    return [statistics.median(measured) for measured in times]


# The baseline program: a bare PySide6 window that prints "painted" at its first paint and exits.
BARE_WINDOW = '''"""A bare PySide6 window: opens, paints once, exits."""
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def painted():
    print("painted", flush=True)
    QApplication.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
'''
