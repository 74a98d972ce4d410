"""`nianbao audit` as spec/interfaces.md §5 says, on a generated county in every readable form,
with errors put in and files that are not reports."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TypedDict

import openpyxl
import pytest

from app import cli
from app.county.status import Status
from app.domain.report import Report
from app.readers.json_form import loads
from app.store import Store
from tests.app.county.county_data import (
    DEPARTMENTS,
    FORMS,
    PRINTED_BROKEN,
    PRINTED_FOLDER,
    PRINTED_UNITS,
    TOWNSHIPS,
    County,
    break_sum,
    copy_chapter,
    copy_tables,
    loaded,
    next_year_of,
    printed_file,
    printed_reports,
    unit_report,
    write_county,
    write_report,
)

TEXT_RULES_OF_A_WORKBOOK = {"R12", "R14"}  # an .xlsx holds the tables only


class AuditedCounty(TypedDict):
    folder: Path
    made: County
    broken: list[str]  # units whose sums were broken
    copied: list[str]  # the unit whose chapter 5 was copied, and the one that copied it


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> AuditedCounty:
    """A county of 2022: clean units in every form, two with broken sums, two whose chapter 5
    is the same, and files that are no reports."""
    folder = tmp_path_factory.mktemp("县直部门2022")
    units = (*DEPARTMENTS[:10], *TOWNSHIPS[:2])
    made = write_county(folder, 2022, units)
    broken = [DEPARTMENTS[1], DEPARTMENTS[6]]
    for unit in broken:
        report = made.reports[unit]
        break_sum(report)
        write_report(report, made.files[unit])
    source, copier = made.reports[DEPARTMENTS[4]], made.reports[DEPARTMENTS[7]]
    copy_chapter(copier, source)
    write_report(copier, made.files[DEPARTMENTS[7]])
    junk = folder / "其他"
    junk.mkdir()
    (junk / "通知.txt").write_text("请各单位于1月20日前报送年度报告。", encoding="utf-8")
    (junk / "坏文件.docx").write_bytes(b"PK\x03\x04 damaged")
    (junk / "空.json").write_bytes(b"")
    return {"folder": folder, "made": made, "broken": broken, "copied": [source.unit, copier.unit]}


def expected_rules(unit: str, path: Path, county: AuditedCounty) -> set[str]:
    rules = set(TEXT_RULES_OF_A_WORKBOOK) if path.suffix == ".xlsx" else set()
    if unit in county["broken"]:
        rules |= {"R2", "R3"}
    if unit in county["copied"] and path.suffix != ".xlsx":
        rules.add("R21")
    return rules


def test_audit_reads_every_form_and_finds_what_was_put_in(
    county: AuditedCounty, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "audit", county["folder"], "--json")
    assert status == 1
    data = json.loads(out)
    made = county["made"]
    by_source = {Path(r["source"]).name: r for r in data["reports"]}
    for unit, path in made.files.items():
        report = by_source[path.name]
        assert report["unit"] == unit
        assert (report["year"], report["layout"]) == (2022, "2021")
        assert {f["rule"] for f in report["findings"]} == expected_rules(unit, path, county), unit
    assert {Path(u["source"]).name for u in data["unreadable"]} == {
        "通知.txt",
        "坏文件.docx",
        "空.json",
    }
    assert all(Path(u["source"]).name in u["message"] for u in data["unreadable"])
    assert "正在读取" in err and "Traceback" not in err


def test_the_findings_are_those_of_check_for_each_report(
    county: AuditedCounty, capsys: pytest.CaptureFixture[str]
) -> None:
    made = county["made"]
    unit = DEPARTMENTS[1]
    path = made.files[unit]
    _, out, _ = run(capsys, "audit", path, "--json")
    [report] = json.loads(out)["reports"]
    _, single, _ = run(capsys, "check", path, "--json")
    assert report["findings"] == json.loads(single)["findings"]


def test_one_line_per_report_and_a_summary(
    county: AuditedCounty, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "audit", county["folder"])
    assert status == 1
    lines = out.splitlines()
    made = county["made"]
    for unit, path in made.files.items():
        [line] = [ln for ln in lines if path.name in ln]
        assert unit in line and "2022年度" in line
    assert "共读取 12 份报告" in out
    assert "无法读取 3 个文件" in out
    assert sum("无法读取：" in ln for ln in lines) == 3


def test_the_workbook_has_the_three_sheets_frozen_filtered_and_errors_in_red(
    county: AuditedCounty, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "校验汇总.xlsx"
    status, _, err = run(capsys, "audit", county["folder"], "-o", target)
    assert status == 1
    assert "已写入校验汇总" in err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["汇总", "问题明细", "无法读取"]
    summary = book["汇总"]
    assert [c.value for c in summary[1]] == [
        "文件",
        "单位",
        "年度",
        "表格格式",
        "错误",
        "警告",
        "提示",
        "结论",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    rows = {row[1].value: row for row in summary.iter_rows(min_row=2)}
    assert len(rows) == 12
    for unit in county["broken"]:
        row = rows[unit]
        assert row[7].value == Status.ERRORS.label
        assert row[4].value >= 2  # R2 and R3
        assert row[0].font.color.rgb.endswith("C62828")
    clean = rows[DEPARTMENTS[0]]  # a .docx, clean
    assert (clean[4].value, clean[5].value, clean[7].value) == (0, 0, "通过")
    assert clean[0].font.color is None or not str(clean[0].font.color.rgb).endswith("C62828")
    details = book["问题明细"]
    assert [c.value for c in details[1]] == ["文件", "单位", "规则", "级别", "单元格", "说明"]
    r2 = [
        row
        for row in details.iter_rows(min_row=2, values_only=True)
        if row[1] == DEPARTMENTS[1] and row[2] == "R2"
    ]
    assert r2 and r2[0][3] == "错误"
    assert r2[0][4].startswith("表三 （一）予以公开·总计")
    unreadable = [row for row in book["无法读取"].iter_rows(min_row=2, values_only=True)]
    assert {Path(row[0]).name for row in unreadable} == {"通知.txt", "坏文件.docx", "空.json"}
    assert all(row[1] for row in unreadable)


def test_last_years_reports_bring_the_cross_year_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_county(tmp_path / "2021", 2021, DEPARTMENTS[:3], form=".json")
    now = {u: next_year_of(r, 3) for u, r in old.reports.items()}
    copy_tables(now[DEPARTMENTS[1]], old.reports[DEPARTMENTS[1]])
    now[DEPARTMENTS[2]].set("table3:carried_in.total", 999)
    folder = tmp_path / "2022"
    folder.mkdir()
    for i, report in enumerate(now.values()):
        write_report(report, folder / f"{i}{FORMS[i]}")
    _, out, _ = run(capsys, "audit", folder, "--previous-dir", tmp_path / "2021", "--json")
    rules = {r["unit"]: {f["rule"] for f in r["findings"]} for r in json.loads(out)["reports"]}
    assert "R8" not in rules[DEPARTMENTS[0]] and "R22" not in rules[DEPARTMENTS[0]]
    assert "R22" in rules[DEPARTMENTS[1]]
    assert "R8" in rules[DEPARTMENTS[2]]
    _, out, _ = run(capsys, "audit", folder, "--json")  # without: no cross-year rule at all
    assert not any(
        f["rule"] in ("R8", "R22") for r in json.loads(out)["reports"] for f in r["findings"]
    )


def test_clean_reports_exit_0_and_nothing_readable_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = write_county(tmp_path / "ok", 2023, DEPARTMENTS[:3], form=".json")
    status, out, _ = run(capsys, "audit", *made.files.values())
    assert status == 0
    assert "通过 3 份" in out
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "a.txt").write_text("不是报告", encoding="utf-8")
    status, out, err = run(capsys, "audit", tmp_path / "none", tmp_path / "没有这个文件夹")
    assert status == 2
    assert "没有读到任何报告" in err
    assert "没有这个文件夹：文件或文件夹不存在" in out


def test_the_duplicates_of_one_unit_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = unit_report(DEPARTMENTS[3], 2022, 0)
    write_report(report, tmp_path / "第一次.json")
    write_report(report, tmp_path / "第二次.docx")
    _, out, _ = run(capsys, "audit", tmp_path)
    assert f"注意：“{DEPARTMENTS[3]}”有 2 份2022年度报告" in out
    assert "R21" not in out


@pytest.mark.parametrize("argv", [["-o", "汇总.csv"], ["--previous-dir", "没有的文件夹"]])
def test_bad_options_give_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, "audit", tmp_path, *argv)
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# -- rollup ----------------------------------------------------------------------------------------


def independent_sums(reports: list[Report]) -> dict[str, int | Decimal]:
    """Every cell of every table added up, straight from the generated reports (in both
    layouts every cell of the three tables is summed)."""
    layout = reports[0].layout
    return {
        spec.ref: sum((r.number(spec.ref) or 0 for r in reports), start=0)
        for table in layout.tables
        for spec in table.cells
    }


@pytest.mark.parametrize("form", FORMS)
def test_rollup_adds_up_every_form_exactly(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = (*DEPARTMENTS[:5], *TOWNSHIPS[:2])
    made = write_county(tmp_path / "报告", 2022, units, form=form, seed=11)
    target = tmp_path / "汇总.json"
    status, out, err = run(
        capsys,
        "rollup",
        tmp_path / "报告",
        "--unit",
        "青山县人民政府",
        "--year",
        "2022",
        "-o",
        target,
    )
    assert status == (1 if form == ".xlsx" else 0), err  # a workbook has no chapters: R14
    assert "已汇总 7 个单位的2022年度报告" in out
    data = json.loads(target.read_text(encoding="utf-8"))
    rolled = loads(target.read_text(encoding="utf-8"))
    for ref, expected in independent_sums(list(made.reports.values())).items():
        assert rolled.get(ref) == expected, ref
    assert sorted(s["unit"] for s in data["rollup"]["sources"]) == sorted(units)
    assert data["rollup"]["hand_edited"] == []
    assert {Path(s["source"]).name for s in data["rollup"]["sources"]} == {
        p.name for p in made.files.values()
    }
    assert "现行有效件数" in err  # flagged


def test_a_county_that_printed_its_reports_to_pdf_is_audited_and_added_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PDFs printed by LibreOffice from our .docx (kept in the fixtures): the audit finds the
    error put in and nothing else, and the roll-up equals the sums of the reports printed."""
    printed = printed_reports()
    status, out, _ = run(capsys, "audit", PRINTED_FOLDER, "--json")
    assert status == 1
    data = json.loads(out)
    assert data["unreadable"] == []
    found = {r["unit"]: {f["rule"] for f in r["findings"]} for r in data["reports"]}
    assert found == {u: {"R2", "R3"} if u == PRINTED_BROKEN else set() for u in PRINTED_UNITS}
    target = tmp_path / "汇总.json"
    status, out, err = run(
        capsys, "rollup", PRINTED_FOLDER, "--unit", "青山县人民政府", "--year", "2022", "-o", target
    )
    assert status == 1, err  # the unit with the broken sum is named, and summed as written
    assert f"“{PRINTED_BROKEN}”（2 个错误）" in err
    rolled = loads(target.read_text(encoding="utf-8"))
    for ref, expected in independent_sums(list(printed.values())).items():
        assert rolled.get(ref) == expected, ref
    sources = json.loads(target.read_text(encoding="utf-8"))["rollup"]["sources"]
    assert {s["unit"]: Path(s["source"]).name for s in sources} == {
        u: printed_file(u).name for u in PRINTED_UNITS
    }


def test_rollup_of_mixed_years_or_unreadable_files_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "报告"
    write_county(folder, 2022, DEPARTMENTS[:3], form=".json")
    odd = write_report(unit_report(DEPARTMENTS[3], 2020, 0), folder / "旧格式.json")
    target = tmp_path / "汇总.docx"
    status, out, err = run(
        capsys, "rollup", folder, "--unit", "青山县人民政府", "--year", "2022", "-o", target
    )
    assert (status, out) == (2, "")
    assert f"“{DEPARTMENTS[3]}”（2020年度）" in err
    assert not target.exists()
    odd.unlink()
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 damaged")
    status, _, err = run(
        capsys, "rollup", folder, "--unit", "青山县人民政府", "--year", "2022", "-o", target
    )
    assert status == 2 and "坏.docx" in err
    assert not target.exists()


def test_rollup_names_the_sources_with_errors_and_the_blanks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = [unit_report(u, 2022, 4) for u in DEPARTMENTS[:3]]
    break_sum(reports[0])
    reports[1].set("table3:open.legal", None)
    paths = [write_report(r, tmp_path / f"{i}.json") for i, r in enumerate(reports)]
    status, _, err = run(
        capsys,
        "rollup",
        *paths,
        "--unit",
        "青山县人民政府",
        "--year",
        "2022",
        "-o",
        tmp_path / "汇总.xlsx",
    )
    assert status == 1
    assert f"“{DEPARTMENTS[0]}”（2 个错误）" in err
    assert f"“{DEPARTMENTS[1]}”有 1 格空白，按 0 计入" in err
    assert (tmp_path / "汇总.xlsx").is_file()


def test_rollup_from_the_database_sums_the_subordinate_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "县.sqlite3"
    reports = {u: unit_report(u, 2022, 5) for u in DEPARTMENTS[:4]}
    with Store.open(db) as store:
        store.add_unit("青山县人民政府", "county")
        for unit in DEPARTMENTS[:5]:  # the fifth has not reported
            store.add_unit(unit, parent="青山县人民政府")
        for report in reports.values():
            store.save(report)
        store.add_unit("别的县的局")
        store.save(unit_report("别的县的局", 2022, 5))
        own = Report(unit="青山县人民政府", year=2022, level="county")
        own.chapters["5"] = "本县的问题。"
        store.save(own)
    target = tmp_path / "汇总.json"
    status, _, err = run(
        capsys, "rollup", "--db", db, "--unit", "青山县人民政府", "--year", "2022", "-o", target
    )
    assert status == 0, err
    assert f"未计入：{DEPARTMENTS[4]}" in err
    rolled = loads(target.read_text(encoding="utf-8"))
    assert rolled.chapter("5") == "本县的问题。"
    for ref, expected in independent_sums(list(reports.values())).items():
        assert rolled.get(ref) == expected, ref


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--unit", "某县", "--year", "2022", "-o", "x.txt"], "不能写成“x.txt”"),
        (["--unit", "某县", "--year", "2022", "-o", "x.json"], "请给出要汇总的报告"),
    ],
)
def test_rollup_bad_arguments_give_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    status, out, err = run(capsys, "rollup", *argv)
    assert (status, out) == (2, "")
    assert words in err and len(err.strip().splitlines()) == 1


def test_a_report_imported_is_received_and_the_roll_up_above_is_made_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.county.in_store import county_report, roll_up_into

    db = tmp_path / "县.sqlite3"
    units = DEPARTMENTS[:3]
    with Store.open(db) as store:
        store.add_unit("青山县人民政府", "county")
        for unit in units:
            store.add_unit(unit, parent="青山县人民政府")
            store.save(unit_report(unit, 2022, 1))
        made, _ = roll_up_into(store, county_report(store, "青山县人民政府", 2022), units)
        store.save(made)
    newer = unit_report(units[1], 2022, 2)
    path = write_report(newer, tmp_path / "更正后的报告.json")
    status, _, err = run(capsys, "import", path, "--unit", units[1], "--db", db, "--replace")
    assert status == 0
    assert "“青山县人民政府”2022年度汇总报告已按此报告重新汇总" in err
    with Store.open(db) as store:
        rolled = store.load("青山县人民政府", 2022)
        expected = sum(loaded(store, u, 2022).number("table3:new.total") or 0 for u in units)
        assert rolled is not None and rolled.get("table3:new.total") == expected
        assert [r.source for r in store.receipts(2022)] == ["更正后的报告.json"]


def test_the_executable_rolls_up_into_a_pdf(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.paths import REPO

    made = write_county(tmp_path / "报告", 2022, DEPARTMENTS[:3], form=".json")
    target = tmp_path / "汇总.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.launcher",
            "rollup",
            *map(str, made.files.values()),
            "--unit",
            "青山县人民政府",
            "--year",
            "2022",
            "-o",
            str(target),
        ],
        cwd=REPO,
        capture_output=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert target.read_bytes().startswith(b"%PDF")
