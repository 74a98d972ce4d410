"""Soak: real reports in every kind the program reads, mutated a few hundred times, fed to the
readers (called directly, in a worker process of their own: tests/app/soak_reader.py) and to
the command line. Each case ends in a report (which
can be checked, written out and stored) or in one Chinese sentence, within 10 s of processor
time (not of the clock, which other work on the machine holds up) and 500 MB: never exit status
3, never a traceback. The counts are printed (pytest -s shows them).

Marked `soak` (pytest -m "not soak" leaves it out); build/test.sh runs it.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from app.readers import json_form
from app.readers.files import read_report_file
from tests.app.measured_run import run_cli, run_cli_module
from tests.app.readers.hostile import good_docx, good_xlsx
from tests.app.readers.mutations import Seed, mutated
from tests.app.readers.published import web_page
from tests.paths import FIXTURES

pytestmark = pytest.mark.soak

CASES = 260
SECONDS = 10.0  # of processor time for a case; the clock's only to stop a hung run
MEGABYTES = 500
BATCH = 26  # files per command line run
RANDOM_SEED = 2024_0116


def _seeds() -> list[Seed]:
    texts = sorted(FIXTURES.glob("*.txt"))
    seeds = [Seed(path.name, path.read_bytes()) for path in texts]
    seeds += [
        Seed(path.with_suffix(".json").name, json_form.dumps(read_report_file(path)).encode())
        for path in texts
    ]
    seeds += [
        Seed("word.docx", good_docx()),
        Seed("numbered.docx", good_docx(numbered=True)),
        Seed("tables.xlsx", good_xlsx()),
    ]
    from app.docx_writer import export_docx

    for path in texts[:2]:
        out = Path(f"{path.stem}.docx")
        data = _written(export_docx, read_report_file(path), out)
        seeds.append(Seed(out.name, data))
    seeds.append(Seed("portal.html", web_page(read_report_file(texts[0]))))
    pdf = FIXTURES / "pdf" / "word-report_2021_pingtan.pdf"
    seeds.append(Seed(pdf.name, pdf.read_bytes()))
    return seeds


def _written(export: object, report: object, name: Path) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / name
        export(report, target)  # type: ignore[operator]
        return target.read_bytes()


def _chinese_sentence(line: str, names: set[str]) -> bool:
    """One line naming the file, then Chinese (file names, suffixes and DOCTYPE aside)."""
    name, _, message = line.partition("：")
    if name not in names or not message:
        return False
    return not re.search(r"\b(?:Error|Traceback|Exception|line \d+|object|None)\b", message)


def test_mutated_reports_end_in_a_report_or_a_chinese_sentence(tmp_path: Path) -> None:
    seeds = _seeds()
    rng = random.Random(RANDOM_SEED)
    folder = tmp_path / "cases"
    folder.mkdir()
    made: dict[str, str] = {}  # file name -> how it was made, to make it again
    for n in range(CASES):
        case_seed = rng.randrange(2**32)
        seed = seeds[n % len(seeds)]
        name, data, done = mutated(seed, random.Random(case_seed))
        path = folder / f"{n:03d}-{name}"
        path.write_bytes(data)
        made[path.name] = f"seed {seed.name}, case seed {case_seed}: {done}"

    # The readers, called directly (in a process of their own, whose memory is theirs alone).
    run = run_cli_module("tests.app.soak_reader", [str(folder)], timeout=SECONDS * CASES)
    assert run.status == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    baseline = lines[0]["baseline_mb"]
    counts: Counter[str] = Counter()
    for case in lines[1:]:
        where = f"{case['file']} ({made[case['file']]})"
        assert case["outcome"] != "fault", (where, case["message"])
        if case["message"]:
            assert _chinese_sentence(case["message"], set(made)), (where, case["message"])
        assert case["seconds"] < SECONDS, where
        counts[f"{case['file'].rsplit('.', 1)[-1]} {case['outcome']}"] += 1
    assert len(lines) == CASES + 1
    grown = lines[-1]["peak_mb"] - baseline
    assert grown < MEGABYTES
    slowest = max(lines[1:], key=lambda case: case["seconds"])

    # The command line, on the same files.
    files = sorted(folder.iterdir())
    runs = Counter[str]()
    worst_mb = 0.0
    for at in range(0, len(files), BATCH):
        batch = files[at : at + BATCH]
        checked = run_cli(["check", *map(str, batch)], timeout=SECONDS * len(batch))
        assert checked.status in (0, 1, 2), checked.stderr
        assert "Traceback" not in checked.stderr and "程序内部错误" not in checked.stderr
        for line in checked.stderr.splitlines():
            assert _chinese_sentence(line, set(made)), line
        assert checked.peak_mb < MEGABYTES
        worst_mb = max(worst_mb, checked.peak_mb)
        runs[f"status {checked.status}"] += 1
    print(
        f"\nsoak: {CASES} files read in-process {dict(sorted(counts.items()))}; peak memory "
        f"grew {grown:.0f} MB; slowest {slowest['seconds']:.2f} s ({slowest['file']})"
    )
    print(
        f"soak: the same files through the command line in {sum(runs.values())} runs "
        f"{dict(runs)}; the largest took {worst_mb:.0f} MB"
    )
