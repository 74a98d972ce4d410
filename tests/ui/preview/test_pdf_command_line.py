"""`nianbao export … -o OUT.pdf`: the real executable, without a display, Qt loaded only for PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.readers import json_form
from tests.app.document.reports import demo_2021
from tests.paths import REPO
from tests.ui.preview.pdf_tools import need_poppler, page_texts


def nianbao(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def test_the_demo_exports_as_pdf_without_a_display(tmp_path: Path) -> None:
    need_poppler()
    target = tmp_path / "高青.pdf"
    proc = nianbao(
        "export", "--demo", "--unit", "高青县行政审批服务局", "--year", "2020", "-o", target
    )
    assert proc.returncode == 0, proc.stderr
    assert f"已导出：{target}" in proc.stdout
    assert "R2" in proc.stderr  # the published report's errors are still pointed out
    assert "一、总体情况" in "".join(page_texts(target))


def test_a_json_report_exports_as_pdf(tmp_path: Path) -> None:
    need_poppler()
    source = tmp_path / "2021.json"
    source.write_text(json_form.dumps(demo_2021()), encoding="utf-8")
    proc = nianbao("export", source, "-o", tmp_path / "2021.pdf")
    assert proc.returncode == 0, proc.stderr
    assert "2022年1月20日" in "".join(page_texts(tmp_path / "2021.pdf"))


def test_a_bad_pdf_target_is_one_chinese_line_and_status_2(tmp_path: Path) -> None:
    proc = nianbao(
        "export",
        "--demo",
        "--unit",
        "高青县行政审批服务局",
        "--year",
        "2020",
        "-o",
        tmp_path / "没有" / "报告.pdf",
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("不存在") and "Traceback" not in proc.stderr


def test_qt_loads_only_when_a_pdf_is_asked_for(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from ui.launcher import main\n"
        f"status = main(['export', '--demo', '--unit', '高青县行政审批服务局', '--year', '2020',"
        f" '-o', {str(tmp_path / 'r.json')!r}])\n"
        "print(status, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.stdout.split()[-2:] == ["0", "False"], proc.stderr
    help_text = nianbao("export", "--help").stdout
    assert ".pdf" in help_text
