"""The command line as a new user meets it: the version, a wrong --previous said out loud, the
demo and the file naming the unit without being told twice, files that are not reports named
for what they are, and help whose columns line up beside Chinese words."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from app import __version__, cli
from app.cli_args import display_width
from app.demo import DEMO_UNIT
from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.report_form import dumps
from app.readers.files import read_report_file
from app.store import Store
from tests.paths import FIXTURES, REPO, SEED
from ui import launcher

PINGTAN_2021 = FIXTURES / "report_2021_pingtan.txt"
PINGTAN_2022 = FIXTURES / "report_2022_pingtan.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_version_is_printed_as_the_interfaces_say(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        launcher.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"nianbao {__version__}\n"
    with (REPO / "pyproject.toml").open("rb") as f:
        assert tomllib.load(f)["project"]["version"] == __version__


def test_a_previous_report_of_another_year_is_said_not_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "check", PINGTAN_2022, "--previous", SEED)
    assert "seed_2020_gaoqing_xzsp.txt 是2020年度的报告" in err
    assert "应给2021年度的报告" in err and "跨年度的校验" in err
    assert status == 0 and "Traceback" not in err
    # The year before: nothing to say.
    assert run(capsys, "check", PINGTAN_2022, "--previous", PINGTAN_2021)[2] == ""


def test_export_of_the_demo_needs_no_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "示例.docx"
    status, _, err = run(capsys, "export", "--demo", "--year", "2020", "-o", target)
    assert status == 0 and target.exists(), err
    status, _, err = run(capsys, "export", "--demo", "-o", target)
    assert status == 2
    assert f"请用 --year 指定导出“{DEMO_UNIT}”哪一年的报告（该单位已有：2021、2020）" in err


def test_import_takes_the_unit_the_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nianbao.sqlite3"
    status, out, err = run(capsys, "import", PINGTAN_2022, "--db", db)
    assert status == 0, err
    assert "存为“平潭综合实验区”2022年的报告" in out
    with Store.open(db) as store:
        assert store.years("平潭综合实验区") == [2022]


def test_a_draft_is_named_by_check_and_by_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, _ = start_next_year(read_report_file(PINGTAN_2021))
    path = tmp_path / "平潭2022草稿.json"
    path.write_text(dumps(draft), encoding="utf-8")
    status, out, _ = run(capsys, "check", path)
    assert status == 1
    marks = [line for line in out.splitlines() if line.startswith("[错误] R20")]
    assert any(DRAFT_MARK in line and "一、总体情况" in line for line in marks), out
    assert any("没有填写" in line for line in marks), out  # figures never filled in

    db = tmp_path / "nianbao.sqlite3"
    with Store.open(db) as store:
        store.save(draft)
    target = tmp_path / "草稿.docx"
    status, _, err = run(
        capsys, "export", "--db", db, "--unit", draft.unit, "--year", "2022", "-o", target
    )
    assert status == 0 and target.exists()
    assert "报告未通过校验" in err and DRAFT_MARK in err


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00", "PDF 文件"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "这是 JPEG 图片"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "旧版 Office 文件"),
    ],
)
def test_a_file_that_is_not_a_report_is_named_for_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    status, _, err = run(capsys, "check", path)
    assert status == 2 and err.startswith("x.txt：") and words in err


def test_an_unwritable_database_folder_is_said_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("", encoding="utf-8")
    status, _, err = run(capsys, "import", SEED, "--db", blocker / "sub" / "db.sqlite3")
    assert status == 2
    assert "路径中有一部分不是文件夹" in err
    assert not any(word in err for word in ("Not a directory", "Errno", "denied"))


def _help_columns(text: str) -> set[int]:
    """The display column where each option's help starts, on the lines holding both."""
    columns = set()
    for line in text.splitlines():
        match = re.match(r"^(  \S.*?)(\s{2,})\S", line)
        if match:
            columns.add(display_width(match.group(1)) + len(match.group(2)))
    return columns


@pytest.mark.parametrize("command", [["export"], ["import"], ["check"]])
def test_help_texts_line_up_beside_chinese_option_names(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main([*command, "--help"])
    out = capsys.readouterr().out
    assert len(_help_columns(out)) == 1, out
