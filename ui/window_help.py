"""The 帮助 menu's commands: 使用说明 (F1), 填报说明, what a rule means, 关于.

F1 answers for where the user is, as Office's help does: on a finding it explains the finding's
rule, in a table the row under the cursor, elsewhere the manual. The help window is made on
first use (it is not on the way to the first paint) and then kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__
from app.domain.findings import Finding
from ui.dialogs import run_once

if TYPE_CHECKING:
    from ui.help_window import HelpWindow

ABOUT_TEXT = (
    "<h3>年报编制器</h3>"
    f"<p>版本 {__version__}</p>"
    "<p>编制、校验和排版《政府信息公开工作年度报告》。</p>"
    "<p>表格格式依据国办公开办函〔2019〕60号、国办公开办函〔2021〕30号；"
    "公文版式依据 GB/T 9704-2012《党政机关公文格式》。</p>"
    "<p>所有数据只保存在本机，不联网。</p>"
)


class HelpHost(Protocol):
    """What the help commands use of the window."""

    def as_widget(self) -> QWidget: ...
    def focused_finding(self) -> Finding | None: ...
    def current_cell(self) -> str: ...


class HelpCommands:
    def __init__(self, window: HelpHost) -> None:
        self.window = window
        self._help: HelpWindow | None = None

    def help_window(self) -> HelpWindow:
        if self._help is None:
            from ui.help_window import HelpWindow

            self._help = HelpWindow(self.window.as_widget())
        return self._help

    def usage(self, anchor: str = "") -> None:
        from ui.help_window import USAGE

        self.help_window().show_topic(USAGE, anchor)

    def rows(self, anchor: str = "") -> None:
        from ui.help_window import ROWS

        self.help_window().show_topic(ROWS, anchor)

    def rule(self, code: str = "") -> None:
        from ui.help_window import RULE_TAB

        self.help_window().show_topic(RULE_TAB, code)

    def here(self) -> None:
        """F1: help on what the user is looking at."""
        finding = self.window.focused_finding()
        if finding is not None:
            self.rule(finding.rule)
            return
        table, _, key = self.window.current_cell().partition(":")
        if key:
            self.rows(f"{table}-{key.partition('.')[0]}")
        else:
            self.usage()

    def about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            "关于年报编制器",
            ABOUT_TEXT,
            QMessageBox.StandardButton.Ok,
            self.window.as_widget(),
        )
        box.button(QMessageBox.StandardButton.Ok).setText("确定")
        run_once(box)
