"""The command line's arguments and help, in Chinese."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

PROG = "nianbao"

EPILOG = """\
退出状态：0 完成（check：没有错误级别的问题）；1 发现错误级别的问题，或要导出的报告不存在；
2 文件无法读取或无法使用；3 程序内部错误。
数据库：--db 指定，否则用环境变量 NIANBAO_DB，否则用本机用户数据文件夹中的 nianbao.sqlite3。
不带子命令运行 nianbao 打开编制窗口（nianbao --help 查看窗口的选项）。"""

CHECK_EPILOG = """\
--json 时每个文件输出一行 JSON 对象（JSON Lines）：
{"source": 文件, "layout": "2021", "year": 2021, "findings": [{"rule", "severity", "cells", "message"}]}
无法读取的文件不输出对象，只在标准错误输出一行说明，退出状态为 2。"""

# argparse's own messages, in the words a user of this program reads.
_MESSAGES = [
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"不认识的参数：\1"),
    (r"argument (\S+): invalid int value: (.*)", r"参数 \1 应为整数，而不是 \2"),
    (r"argument 子命令: invalid choice: (.*?) \(choose from (.*)\)", r"不认识的子命令 \1（可选：\2）"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 不能为 \2（可选：\3）"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"不认识的子命令 \1（可选：\2）"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面缺少值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 后面至少要有一个值"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是：\2"),
]


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions, groups, prefix: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{translate(message)}（用 {self.prog} --help 查看用法）\n")


def translate(message: str) -> str:
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def build_parser() -> ChineseArgumentParser:
    # Here, not at the top: the window's launcher uses this module's parser class and needs
    # none of the exporters on the way to the first window.
    from app.exporters import EXPORTERS

    parser = ChineseArgumentParser(
        prog=PROG, description="年报编制器：政府信息公开工作年度报告的读取、校验、保存与导出。",
        epilog=EPILOG,
    )
    commands = parser.add_subparsers(dest="command", title="子命令", metavar="子命令",
                                     parser_class=ChineseArgumentParser)

    dump = commands.add_parser(
        "dump", help="读取一份报告并以 JSON 输出", formatter_class=ChineseHelpFormatter,
        description="读取一份报告（.docx、.txt 网页或 Word 复制的文本、.json）并以 JSON 输出。",
    )
    dump.add_argument("file", metavar="文件", help="报告文件")
    dump.add_argument("--json", action="store_true", help="以 JSON 输出（默认，也是目前唯一的格式）")

    check = commands.add_parser(
        "check", help="校验报告的勾稽关系和格式", formatter_class=ChineseHelpFormatter,
        description="读取报告并列出发现的问题，每个问题一行，如“[错误] R2 表三 ……”。",
        epilog=CHECK_EPILOG,
    )
    check.add_argument("files", nargs="+", metavar="文件", help="一个或多个报告文件")
    check.add_argument("--previous", metavar="上年文件",
                       help="同一单位上一年度的报告，用于跨年度校验（上年结转等）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出（见下）")

    imp = commands.add_parser(
        "import", help="把报告文件存入数据库", formatter_class=ChineseHelpFormatter,
        description="读取报告文件，以 --unit 指定的单位名称存入数据库。",
    )
    imp.add_argument("file", metavar="文件", help="报告文件")
    imp.add_argument("--unit", required=True, metavar="单位名称", help="存入哪个单位（取代文件中的单位名称）")
    imp.add_argument("--year", type=int, metavar="年度", help="存为哪一年的报告（默认为文件中的年度）")
    imp.add_argument("--db", metavar="数据库", help="数据库文件")
    imp.add_argument("--replace", action="store_true", help="数据库中已有该年度的报告时覆盖它")

    kinds = "、".join(sorted(EXPORTERS))
    export = commands.add_parser(
        "export", help=f"导出报告（{kinds}）", formatter_class=ChineseHelpFormatter,
        description="导出数据库中某单位某年度的报告，或一个报告文件。先写入同一文件夹中的临时文件，"
                    "完成后再替换目标文件；出错时原文件保持不变。",
    )
    export.add_argument("file", nargs="?", metavar="文件", help="要导出的报告文件（如 .json）")
    export.add_argument("--unit", metavar="单位名称", help="数据库中的单位")
    export.add_argument("--year", type=int, metavar="年度", help="报告年度")
    source = export.add_mutually_exclusive_group()
    source.add_argument("--db", metavar="数据库", help="数据库文件")
    source.add_argument("--demo", action="store_true", help="使用内置示例数据（高青县行政审批服务局）")
    export.add_argument("-o", "--output", required=True, metavar="输出文件",
                        help=f"输出文件；格式由扩展名决定（{kinds}）")
    return parser
