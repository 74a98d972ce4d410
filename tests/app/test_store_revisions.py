"""A save based on a revision that is no longer the stored one is refused, so neither another
window nor the command line has its saved work undone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.readers.json_form import report_to_json
from app.store import StaleReport, Store
from tests.app.store_samples import sample_report
from tests.paths import REPO


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "nianbao.sqlite3")


def test_each_save_counts_the_revision_up(store: Store) -> None:
    report = sample_report(21)
    assert store.save(report, base_revision=0) == 1
    stored = store.load_stored(report.unit, report.year)
    assert stored is not None and stored.revision == 1
    stored.report.set("table3:new.natural", 5)
    assert store.save(stored.report, base_revision=1) == 2
    assert store.save(sample_report(21)) == 3  # a save without a base: an import, a new year


def test_a_save_on_an_older_revision_changes_nothing(store: Store) -> None:
    store.save(sample_report(21))
    first = store.load_stored("测试单位0", 2021)
    second = store.load_stored("测试单位0", 2021)
    assert first is not None and second is not None
    first.report.set("table3:new.natural", 111)
    store.save(first.report, base_revision=first.revision)
    second.report.set("table3:new.natural", 222)
    with pytest.raises(StaleReport, match="已在别处"):
        store.save(second.report, base_revision=second.revision)
    loaded = store.load("测试单位0", 2021)
    assert loaded is not None and loaded.get("table3:new.natural") == 111


def test_a_new_report_made_twice_is_refused_the_second_time(store: Store) -> None:
    store.save(sample_report(21), base_revision=0)
    with pytest.raises(StaleReport):
        store.save(sample_report(21), base_revision=0)


def test_renaming_a_unit_is_a_new_revision_and_keeps_the_report_sound(store: Store) -> None:
    store.save(sample_report(21))
    store.rename_unit("测试单位0", "改名单位")
    stored = store.load_stored("改名单位", 2021)
    assert stored is not None and stored.revision == 2
    assert stored.report.unit == "改名单位"


def _editor(db: Path, ref: str, rounds: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.app.store_editor",
            str(db),
            "测试单位0",
            "2021",
            ref,
            str(rounds),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_two_processes_editing_one_report_lose_no_saved_edit(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        store.save(sample_report(21))
    rounds = 40
    editors = {
        ref: _editor(db, ref, rounds) for ref in ("table3:new.natural", "table3:new.business")
    }
    for proc in editors.values():
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    said: dict[str, list[str]] = {}
    for ref, proc in editors.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        said[ref] = out.split("\n")
    with Store.open(db) as store:
        final = store.load("测试单位0", 2021)
        stored = store.load_stored("测试单位0", 2021)
    assert final is not None and stored is not None
    for ref, lines in said.items():
        saved = [int(line.split()[1]) for line in lines if line.startswith("saved")]
        assert saved == list(range(1, rounds + 1))
        assert final.get(ref) == rounds  # each one's last saved edit is there
    # Every save that returned counted once: the other cells are as they were.
    assert stored.revision == 1 + 2 * rounds
    expected = sample_report(21)
    for ref in said:
        expected.set(ref, rounds)
    assert report_to_json(final) == report_to_json(expected)
