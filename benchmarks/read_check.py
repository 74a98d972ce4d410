"""Reading and checking a pasted-text report, against reading the same file's bytes alone.

Prints the median of each and their ratio; run from the repository root:
    python benchmarks/read_check.py [FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_seconds  # noqa: E402

from app.readers.files import read_report_file  # noqa: E402
from app.rules import check  # noqa: E402
from tests.paths import FIXTURES  # noqa: E402

DEFAULT = FIXTURES / "report_2022_pingtan.txt"  # the repository's own copy


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    repeat = 200
    baseline = median_seconds(lambda: path.read_text(encoding="utf-8"), repeat)
    read_only = median_seconds(lambda: read_report_file(path), repeat)
    full = median_seconds(lambda: check(read_report_file(path)), repeat)
    print(f"file: {path.name}, {repeat} runs each, medians")
    print(f"  read the file alone       {baseline * 1e3:9.3f} ms")
    print(
        f"  read as a report          {read_only * 1e3:9.3f} ms   ratio {read_only / baseline:8.1f}"
    )
    print(f"  read + check all rules    {full * 1e3:9.3f} ms   ratio {full / baseline:8.1f}")


if __name__ == "__main__":
    main()
