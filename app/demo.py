"""The demo: a real published report (高青县行政审批服务局, 2020) and next year's draft from it.

The seed is the report exactly as published, errors included (it breaks R2 and R3), so a new user
sees the checks at work on the first screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.carry import start_next_year
from app.domain.report import Report
from app.readers import json_form
from app.resources import resource_path
from app.store import Store, user_data_folder

DEMO_UNIT = "高青县行政审批服务局"
DEMO_SEED = ("demo", "gaoqing_2020.json")
DEMO_DB_NAME = "demo.sqlite3"
JOURNAL_SUFFIXES = ("", "-journal", "-wal", "-shm")


def demo_seed_report() -> Report:
    """The 2020 report as published (layout 2019)."""
    text = resource_path(*DEMO_SEED).read_text(encoding="utf-8")
    return json_form.loads(text)


def build_demo(store: Store) -> list[str]:
    """Put the demo unit with its 2020 report and a 2021 report started from it into `store`.

    Returns the notes of starting 2021 from 2020 (the change of layout). Building again
    resets the demo unit's two reports and leaves everything else alone.
    """
    seed = demo_seed_report()
    seed.level = "department"
    following, notes = start_next_year(seed)
    store.save(seed)
    store.save(following)
    return notes


def demo_db_path() -> Path:
    """A freshly built demo database in the user data folder, for `nianbao --demo`.

    Each call starts again from the bundled seed, so whatever a user typed into the demo last
    time is gone. When the usual file cannot be removed (another window still has it open on
    Windows) a file of this process's own is used instead.
    """
    path = user_data_folder() / DEMO_DB_NAME
    try:
        _remove_database(path)
    except OSError:
        path = path.with_name(f"demo-{os.getpid()}.sqlite3")
        _remove_database(path)
    with Store.open(path) as store:
        build_demo(store)
    return path


def _remove_database(path: Path) -> None:
    # The journal goes too: a journal left by a crash must never be played into a new file.
    for suffix in JOURNAL_SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
