"""The command line's arguments and help, in Chinese."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
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
    (
        r"argument 子命令: invalid choice: (.*?) \(choose from (.*)\)",
        r"不认识的子命令 \1（可选：\2）",
    ),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"参数 \1 不能为 \2（可选：\3）",
    ),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"不认识的子命令 \1（可选：\2）"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面缺少值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 后面至少要有一个值"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是：\2"),
]


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# A run of Latin letters, digits and their punctuation is not broken; Chinese breaks anywhere.
_TOKENS = re.compile(r"[A-Za-z0-9_.,:;=/+*#%-]+|\s+|.")


def wrap_display(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns (a longer word keeps a line to itself)."""
    lines, line = [], ""
    for token in _TOKENS.findall(" ".join(text.split())):
        if line and display_width(line + token) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help, with the help texts lined up in one column beside Chinese option names
    (argparse counts characters, and a Chinese one is two columns wide)."""

    def add_usage(self, usage: str | None, actions, groups, prefix: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is argparse.SUPPRESS:
            return
        shown = [action, *self._iter_indented_subactions(action)]
        widest = max(display_width(self._format_action_invocation(a)) for a in shown)
        self._action_max_length = max(self._action_max_length, widest + self._current_indent)

    def _format_action(self, action: argparse.Action) -> str:
        column = min(self._action_max_length + 2, self._max_help_position)
        indent = " " * self._current_indent
        header = indent + self._format_action_invocation(action)
        if not action.help:
            lines = [header]
        else:
            helps = wrap_display(self._expand_help(action), max(self._width - column, 11))
            pad = column - display_width(header)
            if pad >= 2:
                lines = [header + " " * pad + helps[0], *(" " * column + h for h in helps[1:])]
            else:
                lines = [header, *(" " * column + h for h in helps)]
        parts = ["\n".join(lines) + "\n"]
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return "".join(parts)


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
        prog=PROG,
        description="年报编制器：政府信息公开工作年度报告的读取、校验、保存与导出。",
        epilog=EPILOG,
    )
    commands = parser.add_subparsers(
        dest="command", title="子命令", metavar="子命令", parser_class=ChineseArgumentParser
    )

    dump = commands.add_parser(
        "dump",
        help="读取一份报告并以 JSON 输出",
        formatter_class=ChineseHelpFormatter,
        description="读取一份报告（.docx、带文字的 .pdf、保存的网页 .html/.htm、.txt 网页或 Word "
        "复制的文本、.json、.xlsx）并以 JSON 输出。",
    )
    dump.add_argument("file", metavar="文件", help="报告文件")
    dump.add_argument(
        "--json", action="store_true", help="以 JSON 输出（默认，也是目前唯一的格式）"
    )

    check = commands.add_parser(
        "check",
        help="校验报告的勾稽关系和格式",
        formatter_class=ChineseHelpFormatter,
        description="读取报告并列出发现的问题，每个问题一行，如“[错误] R2 表三 ……”。",
        epilog=CHECK_EPILOG,
    )
    check.add_argument("files", nargs="+", metavar="文件", help="一个或多个报告文件")
    check.add_argument(
        "--previous",
        metavar="上年文件",
        help="同一单位上一年度的报告，用于跨年度校验（上年结转等）",
    )
    check.add_argument("--json", action="store_true", help="以 JSON 输出（见下）")

    imp = commands.add_parser(
        "import",
        help="把报告文件存入数据库",
        formatter_class=ChineseHelpFormatter,
        description="读取报告文件，存入数据库：单位为文件中的单位名称，或 --unit 指定的单位。",
    )
    imp.add_argument("file", metavar="文件", help="报告文件")
    imp.add_argument(
        "--unit", metavar="单位名称", help="存入哪个单位（默认为文件中的单位名称；指定时取代它）"
    )
    imp.add_argument(
        "--year", type=int, metavar="年度", help="存为哪一年的报告（默认为文件中的年度）"
    )
    imp.add_argument("--db", metavar="数据库", help="数据库文件")
    imp.add_argument("--replace", action="store_true", help="数据库中已有该年度的报告时覆盖它")

    kinds = "、".join(sorted(EXPORTERS))
    export = commands.add_parser(
        "export",
        help=f"导出报告（{kinds}）",
        formatter_class=ChineseHelpFormatter,
        description="导出数据库中某单位某年度的报告，或一个报告文件。先写入同一文件夹中的临时文件，"
        "完成后再替换目标文件；出错时原文件保持不变。",
    )
    export.add_argument("file", nargs="?", metavar="文件", help="要导出的报告文件（如 .json）")
    export.add_argument("--unit", metavar="单位名称", help="数据库中的单位")
    export.add_argument("--year", type=int, metavar="年度", help="报告年度")
    source = export.add_mutually_exclusive_group()
    source.add_argument("--db", metavar="数据库", help="数据库文件")
    source.add_argument(
        "--demo", action="store_true", help="使用内置示例数据（高青县行政审批服务局）"
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="输出文件",
        help=f"输出文件；格式由扩展名决定（{kinds}）",
    )
    export.add_argument(
        "--fonts",
        choices=("official", "windows"),
        metavar="字体方案",
        help="Word 文件用的字体：official 公文标准字体（仿宋_GB2312、方正小标宋简体等），windows "
        "Windows 自带字体（仿宋、楷体、加粗宋体作标题）。默认用单位的版式设置；未设置时用公文"
        "标准字体（命令行不查看本机装了哪些字体，Word 在缺字体的电脑上以仿宋、楷体、宋体代替）",
    )
    _county_commands(commands)
    return parser


AUDIT_EPILOG = """\
-o 写出的工作簿有三张工作表：“汇总”（每个文件一行）、“问题明细”（每个问题一行）、“无法读取”；
有错误的行标红，表头冻结并带筛选按钮。
--json 输出一个对象：{"reports": [{"source", "unit", "year", "layout", "findings"}],
"unreadable": [{"source", "message"}]}。
退出状态：0 所有报告都没有错误；1 有报告存在错误；2 没有读到任何报告。"""


ROLLUP_EPILOG = """\
空白的单元格按 0 计入，并在标准错误输出中列出空白的单位；表二“现行有效件数”照加，但同一文件可能
被几个单位重复计算，会提示核对。不同年度、不同表格格式或无法读取的文件不汇总（退出状态 2，并列出
这些文件）。.json 输出中的 "rollup" 记录汇总了哪些报告。
退出状态：0 完成；1 有下级单位的报告存在错误（仍已汇总，并列出这些单位）；2 输入无法使用。"""


def _county_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = commands.add_parser(
        "audit",
        help="批量校验多个单位的报告",
        formatter_class=ChineseHelpFormatter,
        description="读取给出的文件和文件夹（含子文件夹）中的所有报告，逐份校验，并检查各单位之间"
        "内容雷同（R21）；每份报告输出一行，最后输出汇总。进度显示在标准错误输出。",
        epilog=AUDIT_EPILOG,
    )
    audit.add_argument(
        "paths", nargs="+", metavar="文件或文件夹", help="报告文件或存放报告的文件夹"
    )
    audit.add_argument("-o", "--output", metavar="汇总.xlsx", help="把校验结果写成 Excel 工作簿")
    audit.add_argument("--json", action="store_true", help="以 JSON 输出（见下）")
    audit.add_argument(
        "--previous-dir",
        metavar="上年文件夹",
        help="存放各单位上一年度报告的文件夹，按单位名称对应，用于跨年度校验",
    )

    rollup = commands.add_parser(
        "rollup",
        help="把下级单位的报告汇总成本级报告",
        formatter_class=ChineseHelpFormatter,
        description="把给出的文件和文件夹中各单位的报告逐格相加，得到 --unit 单位 --year 年度的"
        "汇总报告（表二中可相加的栏目、表三、表四）；正文为本单位自己的文字。"
        "只给 --db 不给文件时，汇总数据库中该单位的全部下级单位。",
        epilog=ROLLUP_EPILOG,
    )
    rollup.add_argument("paths", nargs="*", metavar="文件或文件夹", help="下级单位的报告")
    rollup.add_argument(
        "--unit", required=True, metavar="单位名称", help="汇总报告的单位（如某某县人民政府）"
    )
    rollup.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度")
    rollup.add_argument(
        "--db",
        metavar="数据库",
        help="数据库文件：汇总其中的下级单位；库中已有该单位该年度报告时沿用其正文",
    )
    rollup.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="输出文件",
        help="输出文件：.json、.docx、.xlsx 或 .pdf",
    )
