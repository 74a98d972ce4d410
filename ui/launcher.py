"""The `nianbao` executable: a subcommand runs on the command line, anything else opens the window.

Qt is imported only on the way to the window, so `nianbao dump/check/import/export` start fast and
work on a machine without a display (or without Qt at all).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.cli_args import ChineseArgumentParser
from app.cli_output import print_err, use_utf8_output
from ui.qt_environment import use_system_fonts_offscreen

if TYPE_CHECKING:
    from app.document.profile import LayoutProfile
    from app.domain.report import Report

SUBCOMMANDS = frozenset({"dump", "check", "import", "export", "audit", "rollup"})


@dataclass(frozen=True)
class GuiOptions:
    """How to open the window."""

    db: Path | None = None  # None: NIANBAO_DB or the user data folder (app.store.default_db_path)
    demo: bool = False  # open a fresh copy of the demo database (app.demo.demo_db_path)
    screenshot: Path | None = None  # render the main window to this PNG and exit
    smoke: bool = False  # open, wait for the first paint, exit 0


def gui_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(
        prog="nianbao",
        usage="nianbao [gui] [--db 数据库 | --demo] [--screenshot PNG] [--smoke]\n"
        "       nianbao {dump,check,import,export,audit,rollup} ...",
        description="年报编制器：编制政府信息公开工作年度报告。不带子命令时打开编制窗口。\n"
        "命令行子命令：dump 读取并输出 JSON，check 校验，import 存入数据库，export 导出，"
        "audit 批量校验多个单位的报告，rollup 汇总下级单位的报告；"
        "用 nianbao 子命令 --help 查看各自的用法。",
    )
    parser.add_argument("gui", nargs="?", choices=["gui"], help=" 打开编制窗口（默认）")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--db",
        type=Path,
        metavar="数据库",
        help="数据库文件（默认：环境变量 NIANBAO_DB，否则用户数据文件夹中的 nianbao.sqlite3）",
    )
    source.add_argument("--demo", action="store_true", help="打开内置示例数据库的全新副本")
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="打开后把主窗口保存为 PNG 图片，然后退出"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="打开窗口，画出第一帧后退出（用于测试）"
    )
    parser.add_argument(
        "--version", action="version", version=f"nianbao {__version__}", help="显示版本号并退出"
    )
    return parser


def parse_gui_options(argv: Sequence[str]) -> GuiOptions:
    """The window's options; exits with status 2 and a Chinese message on bad arguments."""
    args = gui_parser().parse_args(list(argv))
    return GuiOptions(db=args.db, demo=args.demo, screenshot=args.screenshot, smoke=args.smoke)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Before anything prints, the window's --help and argument errors included: the frozen
    # program ignores PYTHONIOENCODING and PYTHONUTF8, and a Windows pipe would take GBK or
    # cp1252 (which cannot even encode the Chinese help) from the code page.
    use_utf8_output()
    if args and args[0] in SUBCOMMANDS:
        from app.cli import main as cli_main

        register_pdf_export()
        return cli_main(args)
    if args and not args[0].startswith("-") and args[0] != "gui":
        names = "、".join(["gui", *sorted(SUBCOMMANDS)])
        print_err(f"nianbao：不认识的子命令“{args[0]}”（可用：{names}；nianbao --help 查看用法）")
        return 2
    options = parse_gui_options(args)
    problem = _display_problem()
    if problem:
        return _cannot_open_window(problem)
    _import_core_before_qt()
    use_system_fonts_offscreen()
    try:
        from ui.app import run_gui
    except ImportError as exc:
        return _no_qt(exc)
    status: int = run_gui(options)
    return status


def _import_core_before_qt() -> None:
    """Import the core the window needs before Qt, for a faster start.

    Once PySide6 is imported, every later import goes through its feature hook, which makes
    importing the core (the store, the rules, the layouts: about 75 modules with the standard
    library's) measurably slower.
    """
    import app.rules
    import app.store  # noqa: F401


def register_pdf_export() -> None:
    """Let `nianbao export … -o OUT.pdf` write PDF through the preview's painter.

    The core cannot import Qt, so the exporter is handed to it from here; Qt itself loads only
    when a .pdf is asked for, and other exports stay as fast as without it.
    """
    from app.exporters import EXPORTERS

    EXPORTERS.setdefault(".pdf", _export_pdf)


def _export_pdf(report: Report, target: Path, profile: LayoutProfile) -> None:
    from app.writing import ExportError

    try:
        from ui.preview.pdf import export_pdf
    except ImportError as exc:
        raise ExportError(f"无法导出 PDF：缺少图形界面组件（{exc}）") from None
    export_pdf(report, target, profile)


def _display_problem() -> str:
    """Why no window can open here (Qt would abort with an English message), or ""."""
    if not sys.platform.startswith(("linux", "freebsd")):
        return ""
    if any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return ""
    return "没有可用的图形显示（未设置 DISPLAY）"


def _no_qt(exc: ImportError) -> int:
    return _cannot_open_window(f"缺少图形界面组件：{exc}")


def _cannot_open_window(reason: str) -> int:
    print_err(f"无法打开编制窗口（{reason}）；命令行子命令仍可使用，见 nianbao --help")
    return 2


if __name__ == "__main__":
    sys.exit(main())
