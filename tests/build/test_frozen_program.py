"""The one-file program as users get it: the command line, the window, the user data folder."""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from tests.build.frozen import CLI, ONEFILE, frozen_only, native_window_env, run, user_env

pytestmark = frozen_only

DEMO_EXPORT = ["export", "--demo", "--unit", "高青县行政审批服务局", "--year", "2020", "-o"]
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def headings(path: Path) -> list[str]:
    return [
        p.text
        for p in docx.Document(str(path)).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]


def data_folder(home: Path) -> Path:
    """The program's folder among the user's data folders (which one depends on the system)."""
    (folder,) = {path.parent for path in home.rglob("*.sqlite3")}
    assert folder.name == "Nianbao"
    return folder


def test_the_demo_exports_to_word(tmp_path: Path) -> None:
    target = tmp_path / "高青2020.docx"
    result = run([CLI, *DEMO_EXPORT, target], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout
    # The published report breaks R2 and R3: exported all the same, and said so in Chinese.
    assert "R2" in result.stderr and "R3" in result.stderr
    assert "Traceback" not in result.stderr
    assert headings(target) == HEADINGS
    assert len(docx.Document(str(target)).tables) == 3


def test_the_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    result = run([ONEFILE, "--demo", "--smoke"], user_env(home), work)
    assert result.returncode == 0, result.stderr
    shutil.copy(data_folder(home) / "demo.sqlite3", work / "demo.sqlite3")
    exported = run(
        [
            CLI,
            "export",
            "--db",
            "demo.sqlite3",
            "--unit",
            "高青县行政审批服务局",
            "--year",
            "2021",
            "-o",
            "2021.json",
        ],
        user_env(home),
        work,
    )
    assert exported.returncode == 0, exported.stderr
    imported = run(
        [CLI, "import", "2021.json", "--unit", "高青县行政审批服务局"], user_env(home), work
    )
    assert imported.returncode == 0, imported.stderr
    assert (data_folder(home) / "nianbao.sqlite3").is_file()
    assert sorted(p.name for p in work.iterdir()) == ["2021.json", "demo.sqlite3"]


def test_the_window_opens_and_paints(tmp_path: Path) -> None:
    result = run([ONEFILE, "--demo", "--smoke"], native_window_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_window_is_drawn_with_its_chinese_text(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run(
        [ONEFILE, "--demo", "--screenshot", shot], native_window_env(tmp_path / "home"), tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert shot.stat().st_size > 20_000  # a window full of text and grid lines, not a blank


def test_a_bad_subcommand_is_one_chinese_line(tmp_path: Path) -> None:
    result = run([CLI, "report.docx"], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 2
    assert "不认识的子命令" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_file_is_one_chinese_line(tmp_path: Path) -> None:
    broken = tmp_path / "报告.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run([CLI, "dump", broken], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 2
    assert "报告.docx" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("program", [CLI, ONEFILE], ids=["command line", "window"])
def test_the_help_is_chinese(tmp_path: Path, program: Path) -> None:
    # In a pipe, whatever the code page (build/windows.sh runs Wine with cp1252's), and with
    # no PYTHONIOENCODING (which the frozen program would ignore anyway).
    result = run([program, "--help"], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：nianbao")
    assert "\r\n" not in result.stdout


def test_the_offscreen_screenshot_has_text(tmp_path: Path) -> None:
    # Qt's offscreen platform on Windows reads no system fonts unless the program points it
    # at them: the window would be drawn without a single character.
    shot = tmp_path / "offscreen.png"
    result = run([ONEFILE, "--demo", "--screenshot", shot], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 20_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only X11/Wayland need a DISPLAY")
def test_without_a_display_the_window_says_so(tmp_path: Path) -> None:
    env = user_env(tmp_path / "home")
    del env["QT_QPA_PLATFORM"]
    result = run([ONEFILE], env, tmp_path)
    assert result.returncode == 2
    assert "无法打开编制窗口（没有可用的图形显示" in result.stderr


def test_the_pages_are_numbered_in_the_footers(tmp_path: Path) -> None:
    # python-docx finds its footer template through docx/parts/../templates, a path the
    # build has to keep working.
    target = tmp_path / "x.docx"
    result = run([CLI, *DEMO_EXPORT, target], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as z:
        assert z.testzip() is None
        footers = [
            z.read(name).decode("utf-8") for name in z.namelist() if name.startswith("word/footer")
        ]
    assert len(footers) == 2
    assert all("PAGE" in footer for footer in footers)


def test_a_word_file_reads_back(tmp_path: Path) -> None:
    # The .docx reader is imported only when a .docx is read: it must be in the build all
    # the same.
    target = tmp_path / "x.docx"
    env = user_env(tmp_path / "home")
    assert run([CLI, *DEMO_EXPORT, target], env, tmp_path).returncode == 0
    result = run([CLI, "dump", target], env, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unit"] == "高青县行政审批服务局"
    assert report["year"] == 2020
    assert report["table3"]["new.natural"] == 3


@pytest.mark.parametrize("platform", ["", "offscreen"], ids=["default platform", "offscreen"])
def test_the_demo_exports_to_pdf(tmp_path: Path, platform: str) -> None:
    # Without QT_QPA_PLATFORM the command line needs no display for a PDF either; with
    # offscreen (as on a server, or in the tests) the PDF must carry its text all the same.
    target = tmp_path / "高青2020.pdf"
    env = user_env(tmp_path / "home", QT_QPA_PLATFORM=platform)
    if not platform:
        del env["QT_QPA_PLATFORM"]
    result = run([CLI, *DEMO_EXPORT, target], env, tmp_path)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/FontFile" in data  # the fonts the text is drawn in are embedded
    # ...Chinese ones among them: the PDF maps glyphs back to 高, 青 and 县 (its ToUnicode
    # tables are not compressed), so the text is there to read, search and copy.
    assert all(f"<{ord(c):04x}>".encode() in data.lower() for c in "高青县")


def test_a_published_pdf_and_web_page_read(tmp_path: Path) -> None:
    # PDFium (through ctypes) and lxml.html are loaded only when a PDF or a web page is read:
    # they must be in the build all the same, PDFium's library too.
    from app.demo import demo_seed_report
    from tests.app.readers.published import web_page

    env = user_env(tmp_path / "home")
    del env["QT_QPA_PLATFORM"]
    pdf = tmp_path / "高青2020.pdf"
    assert run([ONEFILE, *DEMO_EXPORT, pdf], env, tmp_path).returncode == 0
    page = tmp_path / "高青2020.html"
    page.write_bytes(web_page(demo_seed_report()))
    # The PDF read with the compiled walk, which must be in the bundle (=1: or fail).
    env["NIANBAO_PDF_NATIVE"] = "1"
    for source in (pdf, page):
        result = run([ONEFILE, "dump", source], env, tmp_path)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["table3"]["new.natural"] == 3


def test_a_workbook_reads(tmp_path: Path) -> None:
    # openpyxl is imported only when a workbook is read: it must be in the build all the same.
    from app.demo import demo_seed_report
    from app.xlsx.writer import export_xlsx

    workbook = tmp_path / "高青2020.xlsx"
    export_xlsx(demo_seed_report(), workbook)
    result = run([CLI, "dump", workbook], user_env(tmp_path / "home"), tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["table3"]["new.natural"] == 3


def _files_opened(command: list[str | Path], tmp_path: Path) -> str:
    trace = tmp_path / "trace.txt"
    env = user_env(tmp_path / "home")
    result = run(["strace", "-f", "-e", "trace=open,openat", "-o", trace, *command], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return trace.read_text(encoding="utf-8", errors="replace")


def loaded(name: str, opened: str) -> bool:
    """Whether the trace shows `name` opened for reading (a one-file program first writes
    every file it carries, when it unpacks itself)."""
    return re.search(re.escape(name) + r'[^"]*", O_RDONLY', opened) is not None


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_qt_speaks_chinese_in_the_window(tmp_path: Path) -> None:
    # Qt's own texts (dialog buttons, context menus) come from its Chinese translation.
    opened = _files_opened([ONEFILE, "--demo", "--smoke"], tmp_path)
    assert loaded("qtbase_zh_CN.qm", opened)
    assert loaded("libqoffscreen", opened)


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_the_command_line_does_not_load_qt(tmp_path: Path) -> None:
    opened = _files_opened([ONEFILE, *DEMO_EXPORT, tmp_path / "x.docx"], tmp_path)
    assert not loaded("libQt6Core", opened)
    assert loaded("lxml/etree", opened)  # the trace does see the libraries the export loads


def test_audit_reads_a_folder_in_worker_processes_of_the_frozen_program(tmp_path: Path) -> None:
    # Enough files for the workers to start: the frozen program must take its own copies,
    # started with multiprocessing's arguments, for workers (build/entry.py).
    from tests.app.county.county_data import DEPARTMENTS, write_county

    write_county(tmp_path / "报告", 2022, DEPARTMENTS[:14], form=".json")
    result = run(
        [ONEFILE, "audit", tmp_path / "报告", "--json"], user_env(tmp_path / "home"), tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(r["unit"] for r in data["reports"]) == sorted(DEPARTMENTS[:14])
    assert "Traceback" not in result.stderr
