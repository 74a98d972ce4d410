"""The reproducers of issue 16: small files that claim enormous things end, quickly and in little
memory, in a report or one Chinese sentence — in the readers, and through the command line."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from app.readers.errors import ReadError
from app.readers.files import read_report_file
from tests.app.measured_run import run_cli
from tests.app.readers.hostile import HOSTILE, many_empty_entries

SECONDS = 10.0
MEGABYTES = 500


def _has_latin_words(text: str) -> bool:
    """English left in a message ("Traceback", "ValueError"), not a file name or "DOCTYPE"."""
    return bool(re.search(r"\b(?:Error|Traceback|Exception|exceeds|limit)\b", text, re.I))


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_read_or_refused_quickly(case: str, tmp_path: Path) -> None:
    make, words = HOSTILE[case]
    name, data = make()
    path = tmp_path / name
    path.write_bytes(data)
    started = time.process_time()  # the processor's time: not held up by other work
    try:
        report = read_report_file(path)
    except ReadError as exc:
        message = str(exc)
        assert message.startswith(f"{name}："), message
        assert words in message, message
        assert "\n" not in message and not _has_latin_words(message), message
    else:
        assert not words, f"{case}: read, but should have been refused ({words})"
        assert report.year >= 2000
        from app.readers.json_form import dumps

        dumps(report)  # every figure read can be written out again
    assert time.process_time() - started < SECONDS


def test_the_command_line_takes_every_hostile_file_in_one_run_in_bounded_memory(
    tmp_path: Path,
) -> None:
    paths: dict[str, Path] = {}
    for case, (make, _) in HOSTILE.items():
        name, data = make()
        paths[case] = tmp_path / f"{len(paths):02d}-{name}"
        paths[case].write_bytes(data)
    run = run_cli(["check", *map(str, paths.values())], timeout=SECONDS * len(paths))
    complaints = run.stderr.splitlines()
    assert run.status == 2, run.stderr  # some files are unreadable: never 3, a fault
    assert run.peak_mb < MEGABYTES
    names = {path.name: case for case, path in paths.items()}
    for line in complaints:
        assert line.split("：", 1)[0] in names, line
        assert not _has_latin_words(line), line
    refused = {names[line.split("：", 1)[0]] for line in complaints}
    assert refused >= {case for case, (_, words) in HOSTILE.items() if words}


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_zip_of_countless_entries_is_refused_before_they_are_listed(
    suffix: str, tmp_path: Path
) -> None:
    """Listing 400,000 entries takes some 250 MB and seconds (an object for each): the
    refusal comes while the memory in use is little more than the file's bytes."""
    import tracemalloc

    name, data = many_empty_entries(suffix)()
    path = tmp_path / name
    path.write_bytes(data)
    del data
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="部件数量"):
            read_report_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * path.stat().st_size
