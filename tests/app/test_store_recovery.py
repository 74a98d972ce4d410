"""A damaged database is caught, never read as if it were sound, and put right from a backup.

Damage made on purpose (pages overwritten, a figure changed where SQLite cannot see it, the
file cut short or emptied) and damage at random: every open and read of the damaged file ends
in the same reports as before or in a Chinese sentence, and the latest sound backup gives back
exactly what was saved.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.readers.json_form import report_to_json
from app.store import DamagedStore, Store, StoreError, backups
from app.store.connection import create_file
from tests.app.store_samples import sample_report

NOW = dt.datetime(2022, 1, 21, 9, 30)
NUMBERS = (21, 22, 121, 222)


def everything(db: Path) -> dict[str, object]:
    """All a user can see of the database: units, their years, the reports."""
    with Store.open(db) as store:
        units = store.units()
        seen: dict[str, object] = {"units": [(u.name, u.level, u.parent) for u in units]}
        for unit in units:
            for year in store.years(unit.name):
                report = store.load(unit.name, year)
                seen[f"{unit.name}/{year}"] = report_to_json(report) if report else None
        return seen


@pytest.fixture
def pristine(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        for number in NUMBERS:
            store.save(sample_report(number))
        assert store.make_daily_backup(NOW) is not None
    return db, everything(db)


def _pages(data: bytearray) -> bytearray:
    size = int.from_bytes(data[16:18], "big")
    for offset in range(size, len(data), size):
        data[offset + 100 : offset + 400] = bytes(
            random.Random(offset).randrange(256) for _ in range(300)
        )
    return data


def _figure(data: bytearray) -> bytearray:
    # A figure of report 21, one digit changed: the page stays well formed.
    at = data.find(b'"new.natural": 21')
    assert at > 0
    digit = at + len('"new.natural": 21')
    data[digit] = ord("9") if data[digit] != ord("9") else ord("8")
    return data


DAMAGE: dict[str, Callable[[bytearray], bytearray]] = {
    "pages overwritten": _pages,
    "a figure changed": _figure,
    "cut short": lambda data: data[: len(data) // 2],
    "cut to a few bytes": lambda data: data[:60],
    "emptied": lambda data: bytearray(),
    "the header overwritten": lambda data: bytearray(b"\xa5" * 100) + data[100:],
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damage_is_caught_and_the_backup_gives_everything_back(
    pristine: tuple[Path, dict[str, object]], damage: str
) -> None:
    db, before = pristine
    damaged = bytes(DAMAGE[damage](bytearray(db.read_bytes())))
    db.write_bytes(damaged)
    with pytest.raises(DamagedStore) as caught:
        everything(db)
    assert caught.value.path == db
    assert _chinese(str(caught.value))
    assert db.read_bytes() == damaged  # refused, not touched

    found = backups.latest_sound(db)
    assert found is not None
    backup, held = found
    assert held.describe().startswith(f"3 个单位，{len(NUMBERS)} 份报告")
    kept = backups.restore(db, backup, NOW + dt.timedelta(minutes=5))
    assert everything(db) == before
    assert kept.path.read_bytes() == damaged  # the damaged file is kept, not thrown away
    assert "不可用" in backups.contents(kept.path).describe()


def _chinese(message: str) -> bool:
    """A sentence for the user: no English words once the file's name is taken off."""
    text = message.split("：", 1)[1] if "：" in message else message
    return not re.search(r"[A-Za-z]{2,}", text)


def test_damage_at_random_is_never_read_as_sound_nor_told_in_english(
    pristine: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    db, before = pristine
    pristine_bytes = db.read_bytes()
    rng = random.Random(16)
    outcomes = {"unharmed": 0, "refused": 0}
    trial = tmp_path / "trial.sqlite3"
    for _ in range(200):
        data = bytearray(pristine_bytes)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            data[at : at + rng.randint(1, 64)] = bytes(rng.randrange(256) for _ in range(64))
        trial.write_bytes(bytes(data[: len(pristine_bytes)]))
        try:
            seen = everything(trial)
        except StoreError as exc:
            assert _chinese(str(exc)), str(exc)
            outcomes["refused"] += 1
            continue
        assert seen == before  # read whole or not at all: never a figure silently changed
        outcomes["unharmed"] += 1
    print(f"random damage: {outcomes}")
    assert outcomes["refused"] > 100


def test_a_new_database_is_made_whole_or_not_at_all(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.sqlite3"

    def fails(_: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(StoreError, match="磁盘空间不足"):
        create_file(db, fails)
    assert list(tmp_path.iterdir()) == []  # no empty file left to be taken for a database
    with Store.open(db) as store:
        store.save(sample_report(21))
    assert [p.name for p in tmp_path.iterdir()] == ["nianbao.sqlite3"]


def test_a_backup_from_before_an_upgrade_still_restores(
    pristine: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    db, before = pristine
    folder = backups.folder_for(db)
    older = folder / "20220120-080000-upgrade.sqlite3"
    shutil.copy(backups.backups(db)[0].path, older)
    assert [b.path for b in backups.backups(db)][-1] == older
    db.write_bytes(b"")
    backups.restore(db, backups.backups(db)[-1], NOW)
    assert everything(db) == before
