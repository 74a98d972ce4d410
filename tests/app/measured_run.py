"""Running the command line as a separate process and measuring what it took: its exit status,
its output, the seconds and its peak memory (of that process alone).

Linux counts in a process's peak memory the memory of the process that started it, as it was
when the new program was loaded (exec records the old address space's peak): a test process
grown large would make every process it starts look as large. So the program is started by a
small launcher process, which measures it with wait4 and writes the figures to a file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.paths import REPO

# Started from the test: starts the program, kills it after the timeout, writes what it took.
# Windows has no wait4: there the peak is the process's peak working set, asked of the system
# while its handle is still open.
_LAUNCHER = """
import json, os, subprocess, sys, threading, time
report, timeout, *command = sys.argv[1:]
started = time.perf_counter()
proc = subprocess.Popen(command)
killer = threading.Timer(float(timeout), proc.kill)
killer.daemon = True
killer.start()
if hasattr(os, "wait4"):
    _, raw, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(raw)
    peak_mb = usage.ru_maxrss / 1024
else:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
            (name, ctypes.c_size_t) for name in (
                "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
                "PagefileUsage", "PeakPagefileUsage")]

    proc.wait()
    counters = Counters(cb=ctypes.sizeof(Counters))
    if not ctypes.windll.kernel32.K32GetProcessMemoryInfo(
            int(proc._handle), ctypes.byref(counters), counters.cb):
        raise OSError("GetProcessMemoryInfo failed")
    peak_mb = counters.PeakWorkingSetSize / 2**20
killer.cancel()
with open(report, "w") as f:
    json.dump({"status": proc.returncode, "seconds": time.perf_counter() - started,
               "peak_mb": peak_mb}, f)
"""


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


def run_cli(args: Sequence[str], *, timeout: float, env: dict[str, str] | None = None) -> Run:
    """`python -m app.cli ARGS`; killed (status -9) when it runs past `timeout` seconds."""
    return run_cli_module("app.cli", args, timeout=timeout, env=env)


def run_cli_module(
    module: str, args: Sequence[str], *, timeout: float, env: dict[str, str] | None = None
) -> Run:
    """`python -m MODULE ARGS`, measured as run_cli."""
    with tempfile.TemporaryDirectory() as folder:
        out, err, report = (Path(folder, name) for name in ("out", "err", "report.json"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _LAUNCHER,
                    str(report),
                    str(timeout),
                    sys.executable,
                    "-m",
                    module,
                    *args,
                ],
                cwd=REPO,
                stdout=stdout,
                stderr=stderr,
                check=True,
                timeout=timeout + 60,
                env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
            )
        took = json.loads(report.read_text())
        return Run(
            took["status"],
            out.read_text("utf-8", "replace"),
            err.read_text("utf-8", "replace"),
            took["seconds"],
            took["peak_mb"],
        )
