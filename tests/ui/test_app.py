"""Starting the program as a user does: `nianbao --smoke`, `--screenshot`, a refused database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from app.store import Store
from tests.paths import REPO
from tests.user_folders import user_folder_env
from ui.app import CJK_FAMILIES, choose_cjk_family
from ui.window_position import LAST_PART

# Runs the launcher and reports which of the modules that the first window does without had
# been imported at the first paint (with --smoke) and by the time it returned: python-docx, the
# preview's layout, sqlite-utils, the grid, the PDF and web page readers and their libraries.
RUN = (
    "import sys\n"
    "import ui.app\n"
    "from ui.launcher import main\n"
    "LATE = ('docx', 'app.document.pagination', 'ui.preview.pane', 'sqlite_utils', 'ui.grid',\n"
    "        'app.readers.pdf_reader', 'pypdfium2', 'app.readers.html_reader', 'lxml.html')\n"
    "def loaded(when):\n"
    "    print(when, *[name for name in LATE if name in sys.modules])\n"
    "def painted():\n"
    "    from PySide6.QtWidgets import QApplication\n"
    "    print('style:', QApplication.style().name())\n"
    "    loaded('at first paint:')\n"
    "    say_painted()\n"
    "say_painted, ui.app._say_painted = ui.app._say_painted, painted\n"
    "status = main(sys.argv[1:])\n"
    "loaded('at exit:')\n"
    "sys.exit(status)\n"
)


def nianbao(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        **user_folder_env(tmp_path),
        NIANBAO_DB=str(tmp_path / "user.sqlite3"),
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_smoke_opens_paints_and_exits_without_importing_docx(tmp_path: Path) -> None:
    result = nianbao(tmp_path, "--smoke", "--db", str(tmp_path / "new.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert "docx" not in result.stdout  # a new database is made with sqlite-utils
    assert (tmp_path / "new.sqlite3").exists()
    assert "style: fusion" in result.stdout  # the same look on every desktop


def test_the_next_start_loads_only_what_the_first_window_shows(tmp_path: Path) -> None:
    # The demo database is made at the first start; at the next one the window reopens its
    # report on the front page. No export, no preview (its dock starts hidden), no table and no
    # write happen before the window is painted, so their code is not loaded on the way.
    first = nianbao(tmp_path, "--demo", "--smoke")
    assert first.returncode == 0, first.stderr
    db = tmp_path / "data" / "Nianbao" / "demo.sqlite3"
    again = nianbao(tmp_path, "--smoke", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "at first paint:\n" in again.stdout


def test_reopening_on_a_table_writes_nothing_before_the_first_paint(tmp_path: Path) -> None:
    # The user left table 3 open. Reopening it must not first store the front page as where
    # they were (a write, and sqlite-utils loaded, on the way to the window).
    first = nianbao(tmp_path, "--demo", "--smoke")
    assert first.returncode == 0, first.stderr
    db = tmp_path / "data" / "Nianbao" / "demo.sqlite3"
    with Store.open(db) as store:
        store.set_setting(LAST_PART, "3")
    again = nianbao(tmp_path, "--smoke", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "at first paint: ui.grid\n" in again.stdout
    with Store.open(db) as store:
        assert store.get_setting(LAST_PART) == "3"


def test_screenshot_of_an_empty_database_shows_the_demo_at_full_size(tmp_path: Path) -> None:
    png = tmp_path / "window.png"
    result = nianbao(tmp_path, "--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)
    assert "docx" not in result.stdout


def test_a_database_that_is_not_ours_is_refused_in_chinese(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("这不是数据库", encoding="utf-8")
    result = nianbao(tmp_path, "--smoke", "--db", str(bad))
    assert result.returncode == 2
    assert "无法打开数据库" in result.stderr and "Traceback" not in result.stderr
    assert bad.read_text(encoding="utf-8") == "这不是数据库"


def test_an_unwritable_screenshot_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = nianbao(tmp_path, "--demo", "--screenshot", str(tmp_path / "missing" / "x.png"))
    assert result.returncode == 2
    assert "无法写入截图文件" in result.stderr and "Traceback" not in result.stderr


def test_the_first_installed_cjk_font_is_chosen() -> None:
    assert choose_cjk_family(["DejaVu Sans", "Noto Sans CJK SC", "SimSun"]) == "Noto Sans CJK SC"
    assert choose_cjk_family(["Microsoft YaHei UI", "Noto Sans CJK SC"]) == CJK_FAMILIES[0]
    assert choose_cjk_family(["DejaVu Sans"]) is None
