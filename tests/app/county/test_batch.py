"""Reading a batch of files in worker processes: every file gets an outcome, in order, with
progress; cancel stops it; a worker that dies costs only its file."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from app.county.batch import (
    Cancelled,
    Outcome,
    ReadReport,
    Unreadable,
    previous_by_unit,
    read_files,
    read_one,
    report_files,
)
from tests.app.county.county_data import DEPARTMENTS, next_year_of, write_county, write_report

DIES_ON = "会让读取进程崩溃"


def dying_reader(source: str) -> Outcome:
    """A reader whose process is killed by one file, as the OS kills a worker out of memory."""
    if DIES_ON in source:
        os._exit(3)
    return read_one(source)


@pytest.fixture(scope="module")
def county_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("county")
    write_county(folder / "2022", 2022, DEPARTMENTS[:14])
    (folder / "2022" / "说明.txt").write_text("请各单位于1月20日前报送。", encoding="utf-8")
    (folder / "2022" / "~$青山县教育局2022年报告.docx").write_bytes(b"\x00" * 162)
    return folder / "2022"


def test_every_file_in_the_folder_tree_is_listed_once_in_order(tmp_path: Path) -> None:
    (tmp_path / "乙" / "丙").mkdir(parents=True)
    for name in ("乙/丙/3.txt", "乙/2.docx", "1.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, missing = report_files([tmp_path, tmp_path / "1.json", tmp_path / "没有.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "1.json",
        "乙/2.docx",
        "乙/丙/3.txt",
        "1.json",
    ]
    assert [m.message for m in missing] == ["没有.txt：文件或文件夹不存在"]


def test_workers_read_every_file_in_order_with_progress(county_folder: Path) -> None:
    files, _ = report_files([county_folder])
    seen: list[tuple[int, int]] = []
    outcomes = read_files(files, workers=2, progress=lambda d, t, _n: seen.append((d, t)))
    assert [o.source for o in outcomes] == [str(f) for f in files]
    assert seen[-1] == (len(files), len(files))
    assert [d for d, _ in seen] == list(range(1, len(files) + 1))
    read = [o for o in outcomes if isinstance(o, ReadReport)]
    assert sorted(r.unit for r in read) == sorted(DEPARTMENTS[:14])
    assert all(r.report is None for r in read)  # findings only, unless asked
    unreadable = {Path(o.source).name: o.message for o in outcomes if isinstance(o, Unreadable)}
    assert set(unreadable) == {"说明.txt", "~$青山县教育局2022年报告.docx"}
    assert "临时文件" in unreadable["~$青山县教育局2022年报告.docx"]
    assert "说明.txt" in unreadable["说明.txt"]
    # Every worker has left by the time the reading returns: one still starting when the
    # program exits prints a traceback at the user (seen in `nianbao audit`).
    assert multiprocessing.active_children() == []


def test_the_same_files_read_here_and_in_workers_give_the_same_findings(
    county_folder: Path,
) -> None:
    files, _ = report_files([county_folder])
    here = read_files(files, workers=1)
    there = read_files(files, workers=2)
    assert here == there


def test_reports_are_kept_whole_when_asked(county_folder: Path) -> None:
    files = [f for f in report_files([county_folder])[0] if f.name.startswith("青山县")][:3]
    outcomes = read_files(files, keep=True)
    assert all(isinstance(o, ReadReport) and o.report is not None for o in outcomes)


def test_cancel_stops_the_reading(county_folder: Path) -> None:
    files, _ = report_files([county_folder])
    stop = threading.Event()

    def progress(done: int, _total: int, _name: str) -> None:
        if done == 2:
            stop.set()

    with pytest.raises(Cancelled):
        read_files(files * 3, workers=2, progress=progress, cancelled=stop.is_set)
    assert multiprocessing.active_children() == []  # the workers are stopped, not left reading


def test_a_worker_that_dies_costs_only_its_file(county_folder: Path, tmp_path: Path) -> None:
    files, _ = report_files([county_folder])
    doomed = tmp_path / f"{DIES_ON}.txt"
    doomed.write_text("x", encoding="utf-8")
    reports = [f for f in files if f.name.startswith("青山县")]
    batch = [*reports[:6], doomed, *reports[6:12]]
    outcomes = read_files(batch, workers=2, reader=dying_reader)
    assert len(outcomes) == len(batch)
    [crashed] = [o for o in outcomes if isinstance(o, Unreadable)]
    assert DIES_ON in crashed.source
    assert "异常中止" in crashed.message
    assert [o.source for o in outcomes if isinstance(o, ReadReport)] == [
        str(f) for f in [*reports[:6], *reports[6:12]]
    ]


def test_last_years_reports_feed_the_cross_year_rules(tmp_path: Path) -> None:
    old = write_county(tmp_path / "2021", 2021, DEPARTMENTS[:2], form=".json")
    now = {u: next_year_of(r, 5) for u, r in old.reports.items()}
    good, broken = (now[u] for u in DEPARTMENTS[:2])
    broken.set("table3:carried_in.natural", (broken.number("table3:carried_in.natural") or 0) + 7)
    paths = [write_report(r, tmp_path / f"{r.unit}.json") for r in (good, broken)]
    previous = previous_by_unit(read_files(report_files([tmp_path / "2021"])[0], keep=True))
    outcomes = read_files(paths, previous=previous)
    rules = [{f.rule for f in o.findings} for o in outcomes if isinstance(o, ReadReport)]
    assert "R8" not in rules[0]
    assert "R8" in rules[1]
