"""Compile the PDF reader's C walk (app/readers/pdf_walk.c) into the library app.readers.pdf_native
loads, beside the sources.

    python build/native.py [--windows] [--if-possible]

With --windows it is built for Windows with MinGW (x86_64-w64-mingw32-gcc, on Linux for the
program built under Wine; on Windows, a gcc on PATH); otherwise with the system's C compiler
($CC, else cc or gcc). --if-possible leaves it out, with a line on stderr, where there is no
compiler: the reader then makes the same calls from Python, only slower. A library older than
its source is built again; a library up to date is left alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "app" / "readers" / "pdf_walk.c"
# No fused multiply-adds: the edges must be the Python reader's to the last bit.
FLAGS = ["-O2", "-shared", "-ffp-contract=off", "-fvisibility=hidden", "-Wall", "-Wextra"]


def target(windows: bool) -> Path:
    name = "nianbao_pdfwalk.dll" if windows else "libnianbao_pdfwalk.so"
    return SOURCE.with_name(name)


def compiler(windows: bool) -> str | None:
    if windows:
        names = ["x86_64-w64-mingw32-gcc"] + (["gcc"] if sys.platform == "win32" else [])
    else:
        names = [os.environ.get("CC", ""), "cc", "gcc"]
    return next((found for name in names if name and (found := shutil.which(name))), None)


def build(windows: bool = False, if_possible: bool = False) -> Path | None:
    """The library, built if it is missing or older than its source; None (with
    `if_possible`) where no compiler is found."""
    out = target(windows)
    if out.exists() and out.stat().st_mtime >= SOURCE.stat().st_mtime:
        return out
    cc = compiler(windows)
    if cc is None:
        if if_possible:
            print("（未找到 C 编译器：PDF 读取改用较慢的 Python 调用）", file=sys.stderr)
            return None
        raise SystemExit("no C compiler found (install gcc, or gcc-mingw-w64-x86-64 for Windows)")
    extra = ["-static-libgcc", "-s"] if windows else ["-fPIC", "-s"]
    partial = out.with_name(out.name + ".part")
    subprocess.run([cc, *FLAGS, *extra, "-o", str(partial), str(SOURCE)], check=True)
    partial.replace(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", action="store_true")
    parser.add_argument("--if-possible", action="store_true")
    args = parser.parse_args()
    built = build(args.windows, args.if_possible)
    if built is not None:
        print(f"PDF walk: {built.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
