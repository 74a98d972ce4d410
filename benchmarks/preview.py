"""The preview refreshing after an edit, and the PDF export, against rendering the same block list
once (lay it out and paint every page on an image), in the same run.

Prints medians and ratios; run from the repository root:
    QT_QPA_PLATFORM=offscreen python benchmarks/preview.py [REPEAT]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import median_seconds  # noqa: E402

from app.demo import demo_seed_report  # noqa: E402
from app.document.blocks import build_blocks  # noqa: E402
from app.document.pagination import PAGE_HEIGHT_PT, PAGE_WIDTH_PT, paginate  # noqa: E402
from app.document.profile import OFFICIAL  # noqa: E402
from app.domain.edits import SetChapter  # noqa: E402
from ui.preview.metrics import TWIPS_PER_PT  # noqa: E402
from ui.preview.painter import paint_page  # noqa: E402
from ui.preview.pane import REFRESH_DELAY_MS, PreviewPane  # noqa: E402
from ui.preview.pdf import export_pdf, qt_fonts  # noqa: E402
from ui.session import ReportSession  # noqa: E402

SCREEN_DPI = 96


def whole_process(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    app = QApplication.instance() or QApplication(["benchmark"])
    report = demo_seed_report()
    fonts = qt_fonts(OFFICIAL)
    scale = SCREEN_DPI / 72
    image = QImage(
        round(PAGE_WIDTH_PT * scale),
        round(PAGE_HEIGHT_PT * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )

    def render_once() -> None:
        document = paginate(build_blocks(report, OFFICIAL), OFFICIAL, fonts)
        for page in document.pages:
            painter = QPainter(image)
            painter.scale(scale / TWIPS_PER_PT, scale / TWIPS_PER_PT)
            paint_page(painter, page, fonts, paper=True)
            painter.end()

    session = ReportSession(demo_seed_report())
    pane = PreviewPane(session)
    pane.resize(760, 1000)
    pane.show()
    app.processEvents()
    edits = iter(range(10**6))

    def refresh_after_edit() -> None:
        # What the pane does once typing pauses: lay out again and paint what is in view.
        session.push(SetChapter("6", f"本单位无其他报告事项。（第{next(edits)}次修改）"))
        pane.refresh_now()
        pane.scroll_area.viewport().grab()

    folder = Path(tempfile.mkdtemp())
    target = folder / "demo.pdf"
    render_once()  # warm the font caches all three share
    baseline = median_seconds(render_once, repeat)
    refresh = median_seconds(refresh_after_edit, repeat)
    pdf = median_seconds(lambda: export_pdf(report, target, OFFICIAL), repeat)
    pages = len(paginate(build_blocks(report), OFFICIAL, fonts).pages)
    print(f"demo report, {pages} pages, {repeat} runs each, medians")
    print(f"  lay out + paint every page once   {baseline * 1e3:8.1f} ms   ratio 1.0")
    print(
        f"  preview refresh after an edit     {refresh * 1e3:8.1f} ms   ratio "
        f"{refresh / baseline:5.2f}   (+ {REFRESH_DELAY_MS} ms pause before it starts)"
    )
    print(f"  PDF export to a file              {pdf * 1e3:8.1f} ms   ratio {pdf / baseline:5.2f}")
    unit_year = ("--demo", "--unit", "高青县行政审批服务局", "--year", "2020")
    runs = max(3, repeat // 5)
    docx = statistics.median(
        whole_process("export", *unit_year, "-o", str(folder / "d.docx")) for _ in range(runs)
    )
    cli_pdf = statistics.median(
        whole_process("export", *unit_year, "-o", str(folder / "d.pdf")) for _ in range(runs)
    )
    print(f"whole process, {runs} runs each, medians")
    print(f"  nianbao export -o .docx           {docx * 1e3:8.1f} ms   ratio 1.0")
    print(
        f"  nianbao export -o .pdf            {cli_pdf * 1e3:8.1f} ms   ratio {cli_pdf / docx:5.2f}"
    )


if __name__ == "__main__":
    main()
