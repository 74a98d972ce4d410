"""`nianbao export … -o OUT.docx`: the command line writes the official document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from app import cli
from app.domain.report import Report
from app.readers.json_form import dumps
from tests.app.document.reports import demo_2021
from tests.paths import REPO

HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def export_from(db: Path, report: Report, target: Path, *options: str) -> int:
    """`nianbao export` of `report` as stored in the database `db`, to `target`."""
    args = ["export", "--db", str(db), "--unit", report.unit, "--year", str(report.year)]
    return cli.main([*args, *options, "-o", str(target)])


def headings(path: Path) -> list[str]:
    return [
        p.text
        for p in docx.Document(str(path)).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]


def test_the_demo_exports_with_its_errors_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "高青2020.docx"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "export",
            "--demo",
            "--unit",
            "高青县行政审批服务局",
            "--year",
            "2020",
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # The published report breaks R2 and R3: exported all the same, and said so.
    assert "R2" in result.stderr and "R3" in result.stderr
    assert "Traceback" not in result.stderr
    assert headings(target) == HEADINGS
    assert docx.Document(str(target)).core_properties.author == "高青县行政审批服务局"


def test_a_json_report_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "2021.json"
    source.write_text(dumps(demo_2021()), encoding="utf-8")
    target = tmp_path / "2021.docx"
    assert cli.main(["export", str(source), "-o", str(target)]) == 0
    out, _ = capsys.readouterr()
    assert "已导出" in out
    assert headings(target) == HEADINGS
    tables = docx.Document(str(target)).tables
    assert len(tables) == 3


def test_a_bad_name_is_one_chinese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "2021.json"
    source.write_text(dumps(demo_2021()), encoding="utf-8")
    assert cli.main(["export", str(source), "-o", str(tmp_path / "年报|2021.docx")]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "文件名" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2021.json"]


def test_export_from_the_database_uses_the_units_profile(tmp_path: Path) -> None:
    from app.document.profile import WINDOWS
    from app.store import Store

    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        report = demo_2021()
        store.save(report)
        store.set_unit_profile(report.unit, WINDOWS.to_dict())
    target = tmp_path / "win.docx"
    assert export_from(db, report, target) == 0
    body = docx.Document(str(target)).element.xml
    assert 'w:eastAsia="仿宋"' in body
    assert "仿宋_GB2312" not in body


def test_a_damaged_profile_falls_back_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.store import Store

    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        report = demo_2021()
        store.save(report)
        store.set_unit_profile(report.unit, {"name": "official", "margin_top_mm": "很宽"})
    target = tmp_path / "x.docx"
    assert export_from(db, report, target) == 0
    assert "版式设置无法使用" in capsys.readouterr().err
    assert target.exists()


def test_fonts_windows_chooses_the_fonts_windows_ships_keeping_the_units_margins(
    tmp_path: Path,
) -> None:
    from app.document.profile import OFFICIAL
    from app.store import Store

    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        report = demo_2021()
        store.save(report)
        store.set_unit_profile(report.unit, {**OFFICIAL.to_dict(), "margin_left_mm": 30.0})
    target = tmp_path / "win.docx"
    assert export_from(db, report, target, "--fonts", "windows") == 0
    document = docx.Document(str(target))
    styles = document.styles.element.xml
    assert 'w:eastAsia="仿宋"' in styles and "仿宋_GB2312" not in styles
    assert "<w:b/>" in document.styles["Title"].element.xml  # 宋体 bold for 小标宋
    margin = document.sections[0].left_margin
    assert margin is not None and round(margin.mm) == 30


def test_without_a_profile_the_command_line_writes_the_official_fonts(tmp_path: Path) -> None:
    source = tmp_path / "2021.json"
    source.write_text(dumps(demo_2021()), encoding="utf-8")
    target = tmp_path / "2021.docx"
    assert cli.main(["export", str(source), "-o", str(target)]) == 0
    title = docx.Document(str(target)).styles["Title"].element.xml
    assert 'w:eastAsia="方正小标宋简体"' in title and "<w:b/>" not in title
