"""The real `nianbao` executable: UTF-8 output whatever the locale, no Qt for subcommands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from app.readers.files import read_report_file
from app.readers.json_form import report_to_json
from tests.paths import REPO, SEED


def nianbao(*args: str | Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_the_console_script_is_the_launcher() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["nianbao"] == "ui.launcher:main"


def test_output_is_utf8_even_where_the_locale_is_not(tmp_path: Path) -> None:
    # A Chinese Windows console or pipe defaults to GBK; ASCII is the harshest case.
    for encoding in ("gbk", "ascii"):
        proc = nianbao("check", SEED, PYTHONIOENCODING=encoding, LC_ALL="C")
        assert proc.returncode == 1
        assert "[错误] R2 表三" in proc.stdout.decode("utf-8")
        bad = tmp_path / "坏报告.txt"
        bad.write_text("不是报告", encoding="utf-8")
        proc = nianbao("dump", bad, PYTHONIOENCODING=encoding, LC_ALL="C")
        assert proc.returncode == 2
        assert "坏报告.txt" in proc.stderr.decode("utf-8")


def test_dump_through_the_executable(tmp_path: Path) -> None:
    proc = nianbao("dump", SEED)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert json.loads(proc.stdout) == report_to_json(read_report_file(SEED))


def test_subcommands_never_import_qt_and_check_needs_no_database() -> None:
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        f"status = main(['check', '--json', {str(SEED)!r}])\n"
        "heavy = ('PySide6', 'shiboken6', 'sqlite_utils')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print('LOADED:', loaded, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8").strip() == "LOADED: []"


def test_import_and_export_with_the_environment_database(tmp_path: Path) -> None:
    db = tmp_path / "数据" / "nianbao.sqlite3"
    proc = nianbao("import", SEED, "--unit", "某局", NIANBAO_DB=str(db))
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    out = tmp_path / "某局2020.json"
    proc = nianbao("export", "--unit", "某局", "--year", "2020", "-o", out, NIANBAO_DB=str(db))
    assert proc.returncode == 0
    assert "未通过校验" in proc.stderr.decode("utf-8")
    assert read_report_file(out).get("table3:new.total") == 3


def test_demo_export_through_the_executable(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    proc = nianbao(
        "export", "--demo", "--unit", "高青县行政审批服务局", "--year", "2021", "-o", out
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    report = read_report_file(out)
    assert (report.year, report.layout_id) == (2021, "2021")
    assert list(tmp_path.iterdir()) == [out]


def test_the_windows_help_prints_in_any_code_page() -> None:
    # A pipe on an English Windows takes cp1252, which cannot encode the Chinese help: the
    # window's own options (--help) are parsed before any subcommand sets up the output.
    proc = nianbao("--help", PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout.decode("utf-8").startswith("用法：nianbao")
    proc = nianbao("--no-such-option", PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    assert proc.returncode == 2
    assert "用法：nianbao" in proc.stderr.decode("utf-8")


def test_json_lines_end_the_same_on_every_system() -> None:
    # `nianbao dump x.docx > x.json` gives the same bytes on Windows as on Linux.
    proc = nianbao("dump", SEED)
    assert proc.returncode == 0
    assert b"\r\n" not in proc.stdout
    assert proc.stdout.endswith(b"}\n")
