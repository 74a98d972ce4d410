"""Exporting the demo report as .docx, against a bare python-docx script of the same size.

Both are timed in the same run, as whole processes (start Python, import, write the file) and
in-process (the writing alone), several times each; medians and ratios are printed. The bare
script writes the same paragraph texts and the same number of table cells with python-docx's
plain API and none of the official layout, so the ratio is what the layout, the merged cells
and reading the file back cost. Run from the repository root:
    python benchmarks/export_docx.py [REPEAT]
Python's own start-up is timed too, for scale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_seconds  # noqa: E402

from app.demo import demo_seed_report  # noqa: E402
from app.document.blocks import build_blocks  # noqa: E402
from app.document.model import Paragraph, Signature  # noqa: E402
from app.docx_writer import export_docx  # noqa: E402

DEMO_JSON = ROOT / "resources" / "demo" / "gaoqing_2020.json"

BARE_SCRIPT = """
import json, sys
import docx
spec = json.load(open(sys.argv[1], encoding="utf-8"))
document = docx.Document()
for text in spec["paragraphs"]:
    document.add_paragraph(text)
for rows, cols, texts in spec["tables"]:
    table = document.add_table(rows=rows, cols=cols)
    cells = iter(texts)
    for row in table.rows:
        for cell in row.cells:
            cell.text = next(cells)
document.save(sys.argv[2])
"""


def same_size_spec() -> dict[str, object]:
    """The demo document's paragraph texts and, per table, its grid with a text per cell."""
    blocks = build_blocks(demo_seed_report())
    paragraphs: list[str] = []
    for block in blocks.blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Signature):
            paragraphs += [""] * block.blank_lines_before + [block.unit, block.date]
    tables = []
    for table in blocks.tables():
        covering = table.covering()
        texts = [covering[(r, c)].text for r in range(table.n_rows) for c in range(table.n_cols)]
        tables.append([table.n_rows, table.n_cols, texts])
    return {"paragraphs": paragraphs, "tables": tables}


def bare_in_process(spec: dict[str, object], target: Path) -> None:
    namespace = {"__name__": "bare"}
    sys.argv[1:3] = [str(target.with_suffix(".json")), str(target)]
    target.with_suffix(".json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    exec(BARE_SCRIPT, namespace)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    spec = same_size_spec()
    n_cells = sum(rows * cols for rows, cols, _ in spec["tables"])  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spec_file = folder / "spec.json"
        spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        bare_file = folder / "bare.py"
        bare_file.write_text(BARE_SCRIPT, encoding="utf-8")
        ours_cmd = [
            sys.executable,
            "-m",
            "app.cli",
            "export",
            str(DEMO_JSON),
            "-o",
            str(folder / "ours.docx"),
        ]
        bare_cmd = [sys.executable, str(bare_file), str(spec_file), str(folder / "bare.docx")]

        # Both processes may cache bytecode, in a folder of their own (not the checkout), so
        # neither pays for compiling its modules on every start while the other does not.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")

        def run(cmd: list[str]) -> None:
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)

        report = demo_seed_report()
        # Warm both paths once (disk cache, .pyc files) before timing.
        run(ours_cmd)
        run(bare_cmd)
        export_docx(report, folder / "warm.docx")
        python_start = median_seconds(lambda: run([sys.executable, "-c", "pass"]), repeat)
        process_bare = median_seconds(lambda: run(bare_cmd), repeat)
        process_ours = median_seconds(lambda: run(ours_cmd), repeat)
        inner_bare = median_seconds(lambda: bare_in_process(spec, folder / "bare2.docx"), repeat)
        inner_ours = median_seconds(lambda: export_docx(report, folder / "ours2.docx"), repeat)
    paragraphs = len(spec["paragraphs"])  # type: ignore[arg-type]
    print(
        f"demo report: {paragraphs} paragraphs, 3 tables with {n_cells} grid cells; "
        f"{repeat} runs each, medians"
    )
    print(f"  python -c pass (start-up alone)  {python_start * 1e3:8.1f} ms")
    print(f"  whole process, bare python-docx  {process_bare * 1e3:8.1f} ms")
    print(
        f"  whole process, nianbao export    {process_ours * 1e3:8.1f} ms"
        f"   ratio {process_ours / process_bare:5.2f}"
    )
    print(f"  in-process,    bare python-docx  {inner_bare * 1e3:8.1f} ms")
    print(
        f"  in-process,    export_docx       {inner_ours * 1e3:8.1f} ms"
        f"   ratio {inner_ours / inner_bare:5.2f}   (includes reading the file back)"
    )


if __name__ == "__main__":
    main()
