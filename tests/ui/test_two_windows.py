"""Two real windows on one database, and the command line writing while one is open: the second
window is told and writes nothing, the command line's report is never undone by the window,
and no edit the window showed as saved is lost, whatever the order of saves.

Each window is a process of its own (tests/ui/window_process.py), started as the program starts.
"""

from __future__ import annotations

import json
import os
import queue
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.readers.json_form import report_to_json
from app.store import Store
from tests.paths import REPO
from tests.ui.window_helpers import UNIT, seed
from ui.single_window import READ_ONLY_TEXT, SWITCH_TEXT

TIMEOUT = 60.0
REFS = ("table3:np_repeat.natural", "table3:np_repeat.business", "table3:carried_in.natural")


class Window:
    """A window process, and what it has said."""

    def __init__(self, db: Path, answer: str = READ_ONLY_TEXT) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.window_process", str(db), answer],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",  # what the window prints, whatever the code page (Windows)
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
        )
        self.said: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put("")  # the process ended

    def expect(self, *starts: str) -> str:
        """The next line starting with one of `starts` (those before it are kept in `said`)."""
        while True:
            try:
                line = self._lines.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {starts} from the window; it said {self.said}") from None
            self.said.append(line)
            if line.startswith(starts):
                return line
            if not line and self.proc.poll() is not None:
                raise AssertionError(f"the window ended: {self.said} {self.errors()}")

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def edit(self, ref: str, value: int) -> str:
        self.send(f"edit {ref} {value}")
        return self.expect("saved", "refused", "stale")

    def value(self, ref: str) -> str:
        self.send(f"value {ref}")
        return self.expect("value").split(" ", 2)[2]

    def errors(self) -> str:
        return self.proc.stderr.read() if self.proc.stderr and self.proc.poll() is not None else ""

    def end(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        elif self.proc.poll() is None:
            self.send("quit")
        self.proc.communicate(timeout=TIMEOUT)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nianbao.sqlite3"
    with Store.open(path) as store:
        store.save(seed())
    return path


def _import(db: Path, values: dict[str, int], tmp_path: Path) -> None:
    """`nianbao import --replace` of the report with these figures, as a colleague might run."""
    report = seed()
    for ref, value in values.items():
        report.set(ref, value)
    path = tmp_path / "替换.json"
    path.write_text(json.dumps(report_to_json(report), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "import",
            str(path),
            "--unit",
            UNIT,
            "--db",
            str(db),
            "--replace",
        ],
        cwd=REPO,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _stored(db: Path) -> dict[str, object]:
    with Store.open(db) as store:
        report = store.load(UNIT, 2020)
    assert report is not None
    return {ref: report.get(ref) for ref in REFS}


def test_the_second_window_is_told_and_writes_nothing(db: Path) -> None:
    first = Window(db)
    try:
        assert first.expect("ready") == "ready writable"
        second = Window(db, READ_ONLY_TEXT)
        try:
            asked = second.expect("asked")
            assert "已经在另一个年报编制器窗口中打开" in asked
            assert second.expect("ready") == "ready read-only"
            assert second.edit(REFS[0], 5) == "refused"
            assert first.edit(REFS[0], 6) == f"saved {REFS[0]} 6"
        finally:
            second.end()
        # Asked to switch instead, a later start brings the first window forward and ends.
        third = Window(db, SWITCH_TEXT)
        assert third.expect("exit") == "exit 0"
        third.end()
        assert first.expect("shown") == "shown"
    finally:
        first.end(kill=True)  # as a crash would end it
    assert _stored(db)[REFS[0]] == 6
    # The system let go of the lock with the process: the next start writes.
    again = Window(db)
    assert again.expect("ready") == "ready writable"
    again.end()


def test_no_edit_shown_as_saved_is_lost_whatever_the_order_of_saves(
    db: Path, tmp_path: Path
) -> None:
    rng = random.Random(16)
    window = Window(db)
    expected = dict(_stored(db))  # what the database must hold, step by step
    counts = {"saved": 0, "stale": 0, "imports": 0}
    try:
        assert window.expect("ready") == "ready writable"
        for step in range(24):
            if rng.random() < 0.3:
                # The command line replaces the report under the open window.
                values = {ref: rng.randrange(1000, 2000) for ref in REFS}
                _import(db, values, tmp_path)
                expected = dict(values)
                counts["imports"] += 1
                continue
            ref, value = rng.choice(REFS), step + 1
            said = window.edit(ref, value)
            if said == "stale":
                # Refused, nothing written; the window shows the stored report again.
                counts["stale"] += 1
                window.expect("asked 报告已在别处修改")
                assert all(window.value(r) == str(expected[r]) for r in REFS)
                said = window.edit(ref, value)  # the user types it again
            assert said == f"saved {ref} {value}"
            expected[ref] = value
            counts["saved"] += 1
            assert _stored(db) == expected  # shown as saved: in the file, nothing undone
    finally:
        window.end()
    assert _stored(db) == expected
    assert counts["imports"] and counts["stale"]
    print(f"\ntwo writers: {counts}")
