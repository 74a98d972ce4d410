"""Autosave on its own: debounced saves, Ctrl+S-style flushes, and a save that fails."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.domain.edits import SetCells
from app.store import Store
from tests.ui.window_helpers import UNIT, db_path, seed, store
from ui.autosave import DELAY_MS, AutoSaver, SaveState
from ui.session import ReportSession

__all__ = ["db_path", "store"]  # fixtures


def test_several_quick_edits_are_saved_together_within_the_delay(
    qtbot: QtBot, store: Store, db_path: Path
) -> None:
    session = ReportSession(seed())
    saver = AutoSaver(store)
    saver.attach(session)
    saves: list[None] = []
    saver.saved.connect(lambda: saves.append(None))
    with qtbot.waitSignal(saver.saved, timeout=DELAY_MS + 300):
        for value in (1, 2, 3):
            session.push(SetCells((("table3:np_repeat.natural", value),)))
        assert saver.state is SaveState.PENDING
    assert len(saves) == 1
    with Store.open(db_path) as other:
        report = other.load(UNIT, 2020)
    assert report is not None and report.get("table3:np_repeat.natural") == 3


def state_now(saver: AutoSaver) -> SaveState:
    """The state read afresh: mypy keeps `saver.state` at what an earlier assert said, not
    knowing that waiting for a signal runs the saver."""
    return saver.state


def test_flush_saves_at_once_and_a_failed_save_keeps_the_edit_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    broken = Store.open(tmp_path / "x.sqlite3")
    session = ReportSession(seed())
    saver = AutoSaver(broken)
    saver.attach(session)
    session.push(SetCells((("table3:np_repeat.natural", 4),)))
    broken.close()  # the file went away under us (a network drive, a locked copy)
    with qtbot.waitSignal(saver.failed) as blocker:
        assert not saver.flush()
    assert saver.state is SaveState.FAILED
    assert "保存失败" in blocker.args[0]
    assert session.report.get("table3:np_repeat.natural") == 4

    saver.store = Store.open(tmp_path / "x.sqlite3")
    with qtbot.waitSignal(saver.saved, timeout=5000):  # the automatic retry
        pass
    assert state_now(saver) is SaveState.SAVED
    saver.store.close()


def test_a_save_on_a_report_saved_elsewhere_meanwhile_is_refused_and_said(
    qtbot: QtBot, store: Store, db_path: Path
) -> None:
    store.save(seed())
    stored = store.load_stored(UNIT, 2020)
    assert stored is not None
    session = ReportSession(stored.report, revision=stored.revision)
    saver = AutoSaver(store)
    saver.attach(session)
    with Store.open(db_path) as command_line:  # `nianbao import --replace` meanwhile
        replaced = seed()
        replaced.set("table3:np_repeat.natural", 77)
        command_line.save(replaced)
    session.push(SetCells((("table3:np_repeat.natural", 5),)))
    with qtbot.waitSignal(saver.stale) as blocker:
        assert not saver.flush()
    assert "已在别处" in blocker.args[0] and "没有存入" in blocker.args[0]
    assert saver.state is SaveState.FAILED
    with Store.open(db_path) as other:
        kept = other.load(UNIT, 2020)
    assert kept is not None and kept.get("table3:np_repeat.natural") == 77
    # Not tried again: what the command line stored is never written over.
    assert not saver._timer.isActive()


def test_each_save_moves_the_sessions_revision_on(qtbot: QtBot, store: Store) -> None:
    store.save(seed())
    stored = store.load_stored(UNIT, 2020)
    assert stored is not None
    session = ReportSession(stored.report, revision=stored.revision)
    saver = AutoSaver(store)
    saver.attach(session)
    for value in (1, 2, 3):
        session.push(SetCells((("table3:np_repeat.natural", value),)))
        assert saver.flush()
    assert session.revision == stored.revision + 3
