"""The command line, called in-process: what it prints and the exit status, for each subcommand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli
from app.demo import DEMO_UNIT, demo_seed_report
from app.readers.files import read_report_file
from app.readers.json_form import dumps, report_to_json
from app.store import SCHEMA_VERSION, Store, backups
from tests.paths import FIXTURES, SEED

PINGTAN_2021 = FIXTURES / "report_2021_pingtan.txt"
PINGTAN_2022 = FIXTURES / "report_2022_pingtan.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_clean_line(err: str, *words: str) -> None:
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err


# -- dump --------------------------------------------------------------------------------------


def test_dump_prints_the_report_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "dump", SEED)
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data == report_to_json(read_report_file(SEED))
    assert data["schema"] == "nianbao.report/1"
    assert data["table3"]["new.total"] == 3
    assert run(capsys, "dump", SEED, "--json")[1] == out


def test_dump_of_a_json_report_gives_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.json"
    path.write_text(dumps(read_report_file(PINGTAN_2021)), encoding="utf-8")
    status, out, _ = run(capsys, "dump", path)
    assert status == 0
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("乱码.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, ["乱码.txt", "不是文本"]),
        ("购物清单.txt", "苹果 3\n香蕉 5\n".encode(), ["购物清单.txt"]),
        ("坏.json", b'{"schema": ', ["坏.json", "JSON"]),
        ("坏.docx", b"PK\x03\x04 not really a zip", ["坏.docx"]),
        ("空.txt", b"", ["空.txt"]),
    ],
)
def test_an_unreadable_file_gives_one_chinese_line_and_status_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    words: list[str],
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    status, out, err = run(capsys, "dump", path)
    assert status == 2
    assert out == ""
    assert_one_clean_line(err, *words)


def test_a_missing_file_or_a_folder_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "dump", tmp_path / "没有.txt")
    assert status == 2
    assert_one_clean_line(err, "没有.txt", "文件不存在")
    status, _, err = run(capsys, "dump", tmp_path)
    assert status == 2
    assert_one_clean_line(err, "文件夹")


# -- check -------------------------------------------------------------------------------------


def test_check_prints_one_line_per_finding_and_fails_on_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "check", SEED)
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert "[错误] R2 表三 （四）1.本机关不掌握相关政府信息：总计 0 ≠ 各类申请人之和 3" in lines
    assert any(line.startswith("[错误] R3 表三") for line in lines)
    assert lines[-1] == "共 2 个错误、0 个警告、0 个提示。"


def test_check_passes_a_report_without_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", PINGTAN_2021)
    assert status == 0
    assert "[错误]" not in out


def test_check_json_prints_the_findings_object(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--json", SEED)
    assert status == 1
    (line,) = out.splitlines()
    data = json.loads(line)
    assert data["source"] == str(SEED)
    assert (data["layout"], data["year"]) == ("2019", 2020)
    r2 = next(f for f in data["findings"] if f["rule"] == "R2")
    assert r2["severity"] == "error"
    assert r2["cells"][0] == "table3:na_not_held.total"
    assert r2["message"] == "（四）1.本机关不掌握相关政府信息：总计 0 ≠ 各类申请人之和 3"


def test_check_json_of_several_files_prints_one_object_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "check", "--json", SEED, PINGTAN_2021, PINGTAN_2022)
    assert status == 1
    objects = [json.loads(line) for line in out.splitlines()]
    assert [o["year"] for o in objects] == [2020, 2021, 2022]


def test_check_of_several_files_names_each(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", SEED, PINGTAN_2021)
    assert f"【{SEED}】" in out
    assert f"【{PINGTAN_2021}】" in out


def test_check_uses_the_previous_year_for_cross_year_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "check", PINGTAN_2022, "--previous", PINGTAN_2021)
    assert status == 0
    assert "R8" not in out  # 平潭 2021→2022 carries over correctly
    previous = read_report_file(PINGTAN_2021)
    previous.set("table3:carried_out.total", 99)
    changed = tmp_path / "2021.json"
    changed.write_text(dumps(previous), encoding="utf-8")
    status, out, _ = run(capsys, "check", PINGTAN_2022, "--previous", changed)
    assert any(line.startswith("[警告] R8 表三") for line in out.splitlines())
    assert "R8" not in run(capsys, "check", PINGTAN_2022)[1]


def test_check_goes_on_past_an_unreadable_file_and_ends_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "坏.txt"
    bad.write_text("不是报告", encoding="utf-8")
    status, out, err = run(capsys, "check", bad, PINGTAN_2021)
    assert status == 2
    assert_one_clean_line(err, "坏.txt")
    assert f"【{PINGTAN_2021}】" in out


def test_check_with_an_unreadable_previous_year_is_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "check", SEED, "--previous", tmp_path / "没有.txt")
    assert (status, out) == (2, "")
    assert_one_clean_line(err, "没有.txt")


# -- import ------------------------------------------------------------------------------------


def test_import_stores_the_report_under_the_given_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    status, out, _ = run(capsys, "import", SEED, "--unit", "某县某局", "--db", db)
    assert status == 0
    assert "某县某局" in out
    with Store.open(db) as store:
        report = store.load("某县某局", 2020)
        assert [u.name for u in store.units()] == ["某县某局"]
    assert report is not None
    assert report.unit == "某县某局"
    assert report_to_json(report)["table3"] == report_to_json(read_report_file(SEED))["table3"]


def test_import_of_a_file_naming_no_real_unit_says_which_file_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    data = report_to_json(read_report_file(SEED))
    for name, unit in (("段落.json", "某" * 300), ("控制.json", "某县\x1b[31m某局")):
        source = tmp_path / name
        source.write_text(json.dumps({**data, "unit": unit}, ensure_ascii=False), "utf-8")
        status, out, err = run(capsys, "import", source, "--db", db)
        assert status == 2 and out == ""
        assert_one_clean_line(err, f"{name}：单位名称")
        assert "\x1b" not in err and "某" * 101 not in err
    assert not db.exists()


def test_import_does_not_overwrite_without_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    assert run(capsys, "import", SEED, "--unit", "某局", "--db", db)[0] == 0
    status, _, err = run(
        capsys, "import", PINGTAN_2021, "--unit", "某局", "--year", "2020", "--db", db
    )
    assert status == 2
    assert_one_clean_line(err, "已有", "--replace")
    with Store.open(db) as store:
        report = store.load("某局", 2020)
    assert report is not None and report.layout_id == "2019"
    status, _, err = run(
        capsys, "import", PINGTAN_2021, "--unit", "某局", "--year", "2020", "--db", db, "--replace"
    )
    assert status == 0
    assert "已按 --year 存为 2020 年" in err
    with Store.open(db) as store:
        report = store.load("某局", 2020)
    assert report is not None and report.layout_id == "2021"


def test_import_uses_the_environment_variable_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("NIANBAO_DB", str(db))
    assert run(capsys, "import", SEED, "--unit", "某局")[0] == 0
    with Store.open(db) as store:
        assert store.years("某局") == [2020]


def test_import_into_a_database_from_a_newer_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    Store.open(db).close()
    import sqlite3

    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 5),)
        )
    conn.close()
    before = db.read_bytes()
    status, out, err = run(capsys, "import", SEED, "--unit", "某局", "--db", db)
    assert (status, out) == (2, "")
    assert_one_clean_line(err, "nianbao.sqlite3", "更新版本", f"版本 {SCHEMA_VERSION + 5}")
    assert db.read_bytes() == before


def test_import_into_a_file_that_is_not_a_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_text("这是一份笔记", encoding="utf-8")
    status, _, err = run(capsys, "import", SEED, "--unit", "某局", "--db", db)
    assert status == 2
    assert_one_clean_line(err, "notes.sqlite3", "不是年报编制器的数据库")
    assert db.read_text(encoding="utf-8") == "这是一份笔记"


def test_import_backs_the_database_up_before_the_days_first_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    assert run(capsys, "import", SEED, "--unit", "某局", "--db", db)[0] == 0
    assert run(capsys, "import", PINGTAN_2021, "--unit", "另一局", "--db", db)[0] == 0
    with Store.open(db) as store:
        made = store.backups()
    assert len(made) == 1 and made[0].reason == "daily"
    assert backups.contents(made[0].path).reports == 1  # as it was before the second import


def test_a_damaged_database_is_refused_with_where_to_get_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    run(capsys, "import", SEED, "--unit", "某局", "--db", db)
    run(capsys, "import", PINGTAN_2021, "--unit", "另一局", "--db", db)
    data = bytearray(db.read_bytes())
    at = data.find(b'"new.total": ')
    data[at + len('"new.total": ')] ^= 1  # one figure, one bit: SQLite sees nothing wrong
    db.write_bytes(bytes(data))
    status, out, err = run(
        capsys,
        "export",
        "--unit",
        "某局",
        "--year",
        "2020",
        "--db",
        db,
        "-o",
        tmp_path / "out.json",
    )
    assert (status, out) == (2, "")
    assert_one_clean_line(err, "nianbao.sqlite3", "已损坏", "恢复备份", "1 个单位，1 份报告")
    assert not (tmp_path / "out.json").exists()


# -- export ------------------------------------------------------------------------------------


def test_export_of_the_demo_writes_the_report_and_warns_of_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "高青2020.json"
    status, out, err = run(
        capsys, "export", "--demo", "--unit", DEMO_UNIT, "--year", "2020", "-o", out_file
    )
    assert status == 0
    assert "已导出" in out
    assert "未通过校验（2 个错误）" in err
    assert "[错误] R2 表三" in err
    assert report_to_json(read_report_file(out_file)) == report_to_json(demo_seed_report())


def test_export_of_the_demo_2021_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "2021.json"
    assert (
        run(capsys, "export", "--demo", "--unit", DEMO_UNIT, "--year", "2021", "-o", out_file)[0]
        == 0
    )
    assert read_report_file(out_file).layout_id == "2021"


def test_export_from_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nianbao.sqlite3"
    run(capsys, "import", PINGTAN_2021, "--unit", "平潭", "--db", db)
    out_file = tmp_path / "平潭2021.json"
    status, _, err = run(
        capsys, "export", "--unit", "平潭", "--year", "2021", "--db", db, "-o", out_file
    )
    assert (status, err) == (0, "")
    exported = read_report_file(out_file)
    assert exported.unit == "平潭"
    assert (
        report_to_json(exported)["table3"]
        == report_to_json(read_report_file(PINGTAN_2021))["table3"]
    )


def test_export_of_a_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_text(dumps(read_report_file(PINGTAN_2022)), encoding="utf-8")
    out_file = tmp_path / "out.json"
    assert run(capsys, "export", source, "-o", out_file)[0] == 0
    assert out_file.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_export_of_a_report_not_in_the_database_is_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    run(capsys, "import", SEED, "--unit", "某局", "--db", db)
    status, out, err = run(
        capsys, "export", "--unit", "某局", "--year", "2019", "--db", db, "-o", tmp_path / "x.json"
    )
    assert (status, out) == (1, "")
    assert_one_clean_line(err, "某局", "2019", "该单位已有：2020")
    status, _, err = run(
        capsys,
        "export",
        "--unit",
        "别的局",
        "--year",
        "2020",
        "--db",
        db,
        "-o",
        tmp_path / "x.json",
    )
    assert status == 1
    assert_one_clean_line(err, "没有这个单位")
    assert not (tmp_path / "x.json").exists()


def test_export_from_a_missing_database_is_2_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "没有.sqlite3"
    status, _, err = run(
        capsys, "export", "--unit", "某局", "--year", "2020", "--db", db, "-o", tmp_path / "x.json"
    )
    assert status == 2
    assert_one_clean_line(err, "没有.sqlite3", "数据库文件不存在")
    assert not db.exists()


@pytest.mark.parametrize("name", ["报告.xyz", "报告.docm", "报告"])
def test_export_to_an_unsupported_kind_is_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    status, _, err = run(
        capsys, "export", "--demo", "--unit", DEMO_UNIT, "--year", "2020", "-o", tmp_path / name
    )
    assert status == 2
    assert_one_clean_line(err, "不支持导出")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "报告.json").mkdir()
    status, _, err = run(
        capsys,
        "export",
        "--demo",
        "--unit",
        DEMO_UNIT,
        "--year",
        "2020",
        "-o",
        tmp_path / "报告.json",
    )
    assert status == 2
    assert_one_clean_line(err, "文件夹")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "-o", "x.json"], ["--unit", "--year"]),
        (["export", "x.json", "--unit", "某局", "-o", "y.json"], ["不能同时指定"]),
    ],
)
def test_export_needs_exactly_one_source(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert_one_clean_line(err, *words)


# -- arguments and faults ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check"], ["缺少参数"]),
        (
            ["export", "--demo", "--unit", "某局", "--year", "二〇二〇", "-o", "x.json"],
            ["--year", "应为整数"],
        ),
        (
            ["export", "--demo", "--db", "x", "--unit", "a", "--year", "1", "-o", "x.json"],
            ["不能与"],
        ),
        (["dump", "a.txt", "--bogus"], ["不认识的参数"]),
        (["frobnicate"], ["不认识的子命令"]),
    ],
)
def test_bad_arguments_are_explained_in_chinese_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert "--help" in err


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：")
    assert "JSON Lines" in out
    assert "显示本帮助并退出" in out


def test_no_subcommand_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    assert "退出状态" in out


def test_a_fault_of_the_program_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.delenv("NIANBAO_DEBUG", raising=False)
    monkeypatch.setitem(cli.COMMANDS, "dump", broken)
    status, _, err = run(capsys, "dump", SEED)
    assert status == 3
    assert_one_clean_line(err, "程序内部错误", "ZeroDivisionError")
