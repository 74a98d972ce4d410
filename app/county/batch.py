"""Reading and checking many report files at once, on every core, with progress and cancel.

Each file is read and checked in a worker process (reading a .docx is CPU-bound Python, so
threads would share one core). Workers are started fresh ("spawn", as Windows always does; a
forked copy of a window's process is not safe); they keep nothing of a file once it is read and
send back only what the caller needs — findings and the two chapters R21 compares, or the whole
report when it is to be stored — so memory stays flat however many files there are. (Workers
are not replaced every N files: Python 3.11's max_tasks_per_child can hang the pool.) A worker
that dies on a file (the operating system killed it) costs only that file, which is named as
unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from app.county.cross_unit import COMPARED_CHAPTERS, UnitTexts
from app.county.names import names_in, normal_name
from app.domain.findings import Finding
from app.domain.report import Report
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.rules import check

IN_PROCESS_BELOW = 12  # fewer files than this are read here: starting workers costs more
LOCK_FILE_PREFIX = "~$"  # Word and WPS leave "~$name.docx" beside a file they have open


@dataclass(frozen=True)
class ReadReport:
    """One file read and checked."""

    source: str
    unit: str
    year: int
    layout_id: str
    findings: tuple[Finding, ...]
    texts: UnitTexts
    report: Report | None = None  # kept only when asked for (to be stored)


@dataclass(frozen=True)
class Unreadable:
    source: str
    message: str  # Chinese, naming what is wrong


Outcome = ReadReport | Unreadable
Progress = Callable[[int, int, str], None]  # files done, files in all, the file just done


class Cancelled(Exception):
    """The user stopped the reading; nothing read is kept."""


@dataclass
class _Settings:
    previous: dict[str, Report] = field(default_factory=dict)  # by normal_name of the unit
    keep_reports: bool = False


_settings = _Settings()


def report_files(paths: Iterable[Path]) -> tuple[list[Path], list[Unreadable]]:
    """The files named and those inside the folders named (recursively), in a stable order;
    and the paths that are neither."""
    files: list[Path] = []
    missing: list[Unreadable] = []
    for path in paths:
        if path.is_dir():
            files += sorted((p for p in path.rglob("*") if p.is_file()), key=_natural)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Unreadable(str(path), f"{path.name}：文件或文件夹不存在"))
    return files, missing


def _natural(path: Path) -> tuple[str, ...]:
    return tuple(p.lower() for p in path.parts)


def previous_by_unit(outcomes: Iterable[Outcome]) -> dict[str, Report]:
    """Last year's reports (read with keep=True), by each name they give for their unit."""
    found: dict[str, Report] = {}
    for outcome in outcomes:
        if isinstance(outcome, ReadReport) and outcome.report is not None:
            for name in names_in(outcome.report):
                found.setdefault(normal_name(name), outcome.report)
    return found


def read_files(
    files: Sequence[Path],
    *,
    previous: dict[str, Report] | None = None,
    keep: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    reader: Callable[[str], Outcome] | None = None,
) -> list[Outcome]:
    """Read and check every file; an outcome for each, in the order given.

    `previous` (see previous_by_unit) gives each report last year's for the cross-year rules;
    `keep` sends the reports back whole; `cancelled` is asked after each file and raises
    Cancelled when it says so. `reader` (read_one unless given) must be a module-level
    function, for the workers to import.
    """
    settings = _Settings(previous or {}, keep)
    reader = reader or read_one
    workers = workers or os.cpu_count() or 1
    results: dict[int, Outcome] = {}
    pending = list(range(len(files)))
    one_at_a_time = False
    while pending:
        if workers == 1 or len(files) < IN_PROCESS_BELOW:
            _read_here(files, pending, settings, reader, results, progress, cancelled)
            break
        try:
            crashed = _read_in_workers(
                files,
                pending,
                settings,
                1 if one_at_a_time else workers,
                reader,
                results,
                progress,
                cancelled,
            )
        except _NoWorkers:
            workers = 1  # this process it is, then
            continue
        if crashed and one_at_a_time:
            culprit = crashed[0]  # one worker takes the files in order: the first unfinished
            results[culprit] = Unreadable(
                str(files[culprit]), f"{files[culprit].name}：读取该文件时程序异常中止"
            )
            _tell(progress, len(results), len(files), files[culprit])
            crashed = crashed[1:]
        pending, one_at_a_time = crashed, True
    return [results[i] for i in range(len(files))]


class _NoWorkers(Exception):
    """No worker process could be started here."""


def _read_here(
    files: Sequence[Path],
    indexes: list[int],
    settings: _Settings,
    reader: Callable[[str], Outcome],
    results: dict[int, Outcome],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    global _settings
    before, _settings = _settings, settings
    try:
        for i in indexes:
            if cancelled is not None and cancelled():
                raise Cancelled
            results[i] = reader(str(files[i]))
            _tell(progress, len(results), len(files), files[i])
    finally:
        _settings = before


def _read_in_workers(
    files: Sequence[Path],
    indexes: list[int],
    settings: _Settings,
    workers: int,
    reader: Callable[[str], Outcome],
    results: dict[int, Outcome],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[int]:
    """Read the files at `indexes` into `results`; the indexes lost to a dead worker."""
    executor = ProcessPoolExecutor(
        max_workers=min(workers, len(indexes)),
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings,),
    )
    futures: dict[Future[Outcome], int] = {}
    crashed: list[int] = []
    try:
        try:
            executor.submit(os.getpid).result()
        except BrokenProcessPool:
            raise _NoWorkers from None
        futures = {executor.submit(reader, str(files[i])): i for i in indexes}
        waiting = set(futures)
        while waiting:
            done, waiting = wait(waiting, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                i = futures[future]
                try:
                    results[i] = future.result()
                except BrokenProcessPool:
                    crashed.append(i)
                    continue
                _tell(progress, len(results), len(files), files[i])
            if cancelled is not None and cancelled():
                raise Cancelled
    except BaseException:
        _stop_now(executor)
        raise
    # Every worker is let finish starting and leave before this returns: a worker still
    # starting when the program exits finds the pool's queues gone and prints a traceback.
    executor.shutdown(wait=True)
    return sorted(crashed)


def _stop_now(executor: ProcessPoolExecutor) -> None:
    """Stop the workers without waiting for the files they are reading (the user cancelled,
    or something failed here)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)  # shutdown forgets it
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    # The pool's own manager thread joins the workers too. Two threads reaping one process race
    # (the loser sees it still "alive" and leaves it listed as a child): let that thread finish
    # first, then make sure of every worker here.
    if manager is not None:
        manager.join(10)
    for process in processes:
        process.join(5)


def _start_worker(settings: _Settings) -> None:
    global _settings
    _settings = settings


def _tell(progress: Progress | None, done: int, total: int, path: Path) -> None:
    if progress is not None:
        progress(done, total, path.name)


def read_one(source: str) -> Outcome:
    """Read and check one file (in a worker process, with the worker's settings)."""
    path = Path(source)
    if path.name.startswith(LOCK_FILE_PREFIX):
        return Unreadable(source, f"{path.name}：Word 或 WPS 打开文件时留下的临时文件，不是报告")
    try:
        report = read_report_file(path)
    except ReadError as exc:
        return Unreadable(source, str(exc))
    except Exception as exc:  # one strange file must not stop a batch of a thousand
        return Unreadable(source, f"{path.name}：读取时出错（{type(exc).__name__}）")
    previous = next(
        (
            _settings.previous[normal_name(n)]
            for n in names_in(report)
            if normal_name(n) in _settings.previous
        ),
        None,
    )
    texts = UnitTexts(report.unit, report.year, {n: report.chapter(n) for n in COMPARED_CHAPTERS})
    return ReadReport(
        source,
        report.unit,
        report.year,
        report.layout_id,
        tuple(check(report, previous)),
        texts,
        report if _settings.keep_reports else None,
    )
