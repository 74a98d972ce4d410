"""A process killed while saving loses nothing the store said was saved, and never corrupts."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.readers.json_form import report_to_json
from app.store import Store
from tests.app.store_samples import sample_report
from tests.paths import REPO

ROUNDS = 25


def _start_writer(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.app.store_kill_writer", str(db)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    return proc


def _kill_while_saving(proc: subprocess.Popen[str], rng: random.Random) -> list[int]:
    """Let the writer save a random number of reports, kill it, return what it reported saved."""
    assert proc.stdout is not None
    saved = [int(proc.stdout.readline()) for _ in range(rng.randint(1, 40))]
    # Kill right after a save returned (the next save is then starting) or a moment later.
    if rng.random() < 0.5:
        time.sleep(rng.uniform(0, 0.01))
    proc.kill()
    proc.wait(timeout=30)
    saved += [int(line) for line in proc.stdout.read().split()]
    return saved


def test_killed_writer_leaves_every_saved_report_intact(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"
    rng = random.Random(20240131)
    promised: set[int] = set()
    hot_journals = 0
    for _ in range(ROUNDS):
        proc = _start_writer(db)
        try:
            promised.update(_kill_while_saving(proc, rng))
        finally:
            proc.kill()
            proc.wait(timeout=30)
            for stream in (proc.stdout, proc.stderr):
                if stream:
                    stream.close()
        journal = db.with_name(db.name + "-journal")
        if journal.exists() and journal.stat().st_size > 0:
            hot_journals += 1

        with Store.open(db) as store:
            stored = {
                (unit.name, year) for unit in store.units() for year in store.years(unit.name)
            }
            for number in promised:
                expected = sample_report(number)
                loaded = store.load(expected.unit, expected.year)
                assert loaded is not None, f"report {number} was lost"
                assert report_to_json(loaded) == report_to_json(expected)
            # A report being written when the process died is either absent or whole.
            for unit, year in stored:
                number = int(unit.removeprefix("测试单位")) * 100 + year - 2000
                loaded = store.load(unit, year)
                assert loaded is not None
                assert report_to_json(loaded) == report_to_json(sample_report(number))
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    assert len(promised) >= ROUNDS
    # The kills did land inside writes (a transaction's journal left behind), not only between.
    print(f"{hot_journals} of {ROUNDS} kills interrupted a transaction")
    assert hot_journals > 0
