"""Reading a .docx report, against python-docx opening the same file alone, in the same run.

Two files unless one is given: the demo report as this program exports it, and a published
report typed into Word the way agencies do (merged labels, table 3 split in two, a 小计 column).
Prints the medians and the ratios; run from the repository root:
    python benchmarks/read_docx.py [FILE.docx]
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
import timing  # noqa: E402

from app.readers.files import read_report_file  # noqa: E402
from app.rules import check  # noqa: E402
from tests.paths import FIXTURES  # noqa: E402

FIXTURE = FIXTURES / "report_2022_pingtan.txt"
REPEAT = 100


def median_seconds(work: Callable[[], object], repeat: int = REPEAT) -> float:
    return timing.median_seconds(work, repeat)


def sample_files(folder: Path) -> list[Path]:
    files = []
    try:
        from app.demo import demo_seed_report
        from app.docx_writer import export_docx

        exported = folder / "exported_demo.docx"
        export_docx(demo_seed_report(), exported)
        files.append(exported)
    except ImportError:
        print("(the .docx writer is not there: only the Word-made file is measured)")
    from tests.app.readers.word_made import Style, word_report

    agency = folder / "word_made_pingtan_2022.docx"
    report = read_report_file(FIXTURE)
    agency.write_bytes(word_report(report, Style(split_table3_at=14, subtotal=True)))
    files.append(agency)
    return files


def measure(path: Path) -> None:
    opened = median_seconds(lambda: docx.Document(str(path)))
    read = median_seconds(lambda: read_report_file(path))
    checked = median_seconds(lambda: check(read_report_file(path)))
    size = path.stat().st_size / 1024
    print(f"file: {path.name} ({size:.0f} KB), {REPEAT} runs each, medians")
    print(f"  python-docx opens it alone   {opened * 1e3:8.2f} ms")
    print(f"  read as a report             {read * 1e3:8.2f} ms   ratio {read / opened:5.2f}")
    print(f"  read + check all rules       {checked * 1e3:8.2f} ms   ratio {checked / opened:5.2f}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(sys.argv[1])] if len(sys.argv) > 1 else sample_files(Path(folder))
        for path in paths:
            measure(path)


if __name__ == "__main__":
    main()
