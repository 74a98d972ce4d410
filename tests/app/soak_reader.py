"""The soak test's reader: every file of a folder read in this process, as the window reads them
(read, checked, written out as JSON, stored), each case's seconds and growth of peak memory
printed as one JSON line. A process of its own, so the memory measured is the readers' alone.

Run as `python -m tests.app.soak_reader FOLDER`.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from app.readers import json_form
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.rules import check
from app.store import Store, StoreError


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(folder: str) -> None:
    with tempfile.TemporaryDirectory() as db_folder:
        store = Store.open(Path(db_folder) / "soak.sqlite3")
        print(json.dumps({"baseline_mb": _peak_mb()}), flush=True)
        for path in sorted(Path(folder).iterdir()):
            started = time.process_time()  # the processor's time, whatever else runs
            message = ""
            try:
                report = read_report_file(path)
                check(report)
                json_form.dumps(report)
                outcome = "read"
                try:
                    store.save(report)
                except StoreError as exc:
                    outcome, message = "not stored", f"{path.name}：{exc}"
            except ReadError as exc:
                outcome, message = "refused", str(exc)
            except Exception as exc:  # the test fails on it, naming the file
                outcome, message = "fault", f"{type(exc).__name__}: {exc}"
            print(
                json.dumps(
                    {
                        "file": path.name,
                        "outcome": outcome,
                        "message": message,
                        "seconds": time.process_time() - started,
                        "peak_mb": _peak_mb(),
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
        store.close()


if __name__ == "__main__":
    main(sys.argv[1])
