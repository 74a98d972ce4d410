"""The window's menus and actions, declared as data: one row per action.

A row names the action (its id), its words, keys and tip, what it does, which menu and group it
sits in and when it can be used. A new command is a new row (and a new menu an entry of MENUS);
`build_menus` makes the QActions, `update_actions` enables them. The window keeps them in
`window.actions_by_id`, so tests and other parts reach the QAction objects the menus show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.store import Store
from ui.session import ReportSession
from ui.window_edit import EditCommands
from ui.window_files import EXCEL, WORD, ExportKind, FileCommands, available
from ui.window_help import HelpCommands
from ui.window_store import StoreCommands, can_restore
from ui.window_units import UnitCommands

if TYPE_CHECKING:
    from ui.county_wiring import CountyPart
    from ui.preview.dock import PreviewDock
    from ui.report_view import ReportView

Shortcut = QKeySequence | QKeySequence.StandardKey | str
NOT_IN_BUILD = "此版本未包含该功能"

# The menus in the order of the menu bar: id -> title.
MENUS: dict[str, str] = {
    "file": "文件(&F)",
    "edit": "编辑(&E)",
    "units": "单位(&U)",
    "help": "帮助(&H)",
}


class MenuHost(Protocol):
    """What the actions reach of the window: its commands and what decides their state."""

    files: FileCommands
    edits: EditCommands
    unit_commands: UnitCommands
    help: HelpCommands
    county: CountyPart
    store_commands: StoreCommands
    actions_by_id: dict[str, QAction]

    @property
    def session(self) -> ReportSession | None: ...
    @property
    def view(self) -> ReportView | None: ...
    @property
    def store(self) -> Store: ...
    @property
    def demo(self) -> bool: ...
    @property
    def preview_dock(self) -> PreviewDock: ...
    def as_widget(self) -> QWidget: ...
    def chosen_unit(self) -> str | None: ...
    def chosen_year(self) -> int | None: ...
    def menuBar(self) -> QMenuBar: ...
    def save_now(self) -> None: ...
    def close(self) -> bool: ...


Predicate = Callable[[MenuHost], bool]


@dataclass(frozen=True)
class ActionRow:
    id: str
    menu: str  # a key of MENUS
    group: str  # a separator falls between two groups of one menu
    text: str = ""  # "" with `existing`: the action keeps its own words
    slot: Callable[[MenuHost], object] | None = None
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    enabled_when: Predicate | None = None  # None: always, or as its owner says (`existing`)
    text_when: Callable[[MenuHost], str] | None = None  # words that follow the state
    existing: Callable[[MenuHost], QAction] | None = None  # made by another part (the preview)
    in_build: Callable[[], bool] | None = None  # False: this build leaves the command out


def has_report(window: MenuHost) -> bool:
    return window.session is not None


def can_export(kind: ExportKind) -> Predicate:
    return lambda window: window.session is not None and available(kind)


def has_chosen_unit(window: MenuHost) -> bool:
    return window.chosen_unit() is not None


def has_chosen_report(window: MenuHost) -> bool:
    return window.chosen_year() is not None or window.session is not None


def has_text_page(window: MenuHost) -> bool:
    return bool(window.view and window.view.current_text_page())


def can_undo(window: MenuHost) -> bool:
    # Undo stays on with a report open: text still being typed is pushed by undo() itself.
    return window.session is not None


def can_redo(window: MenuHost) -> bool:
    return window.session is not None and window.session.undo_stack.canRedo()


def undo_text(window: MenuHost) -> str:
    """撤销 and the step it would take back."""
    stack = window.session.undo_stack if window.session else None
    return "撤销 " + stack.undoText() if stack and stack.canUndo() else "撤销"


def redo_text(window: MenuHost) -> str:
    stack = window.session.undo_stack if window.session else None
    return "重做 " + stack.redoText() if stack and stack.canRedo() else "重做"


PREVIEW_TIP = "在窗口右侧显示打印出来的样子"

ACTIONS: tuple[ActionRow, ...] = (
    ActionRow("new_unit", "file", "new", "新建单位…", lambda w: w.unit_commands.new_unit()),
    ActionRow(
        "new_year",
        "file",
        "new",
        "新建年度报告…",
        lambda w: w.unit_commands.new_year(),
        tip="为所选单位新建一个年度的报告：选择年度和从哪份报告开始",
    ),
    ActionRow(
        "new_year_from_file",
        "file",
        "new",
        "从上年报告文件新建年度报告…",
        lambda w: w.files.new_year_from_file(),
        tip="读取上年报告（Word、网页文字、Excel 等），据此开始下一年度的报告",
    ),
    ActionRow(
        "import",
        "file",
        "import",
        "导入…",
        lambda w: w.files.import_file(),
        (QKeySequence.StandardKey.Open,),
        "读取 Word、Excel、PDF、网页（.html）、.json 或复制的报告文字（.txt）；也可以把文件拖到窗口上",
    ),
    ActionRow(
        "import_tables",
        "file",
        "import",
        "导入表格（Excel 等）…",
        lambda w: w.files.import_tables(),
        tip="用同事填好的 Excel 或其他报告文件中的三张表格替换当前报告的表格（可撤销）",
        enabled_when=has_report,
    ),
    ActionRow(
        "export",
        "file",
        "export",
        "导出 Word…",
        lambda w: w.files.export(WORD),
        ("Ctrl+E",),
        enabled_when=can_export(WORD),
        in_build=lambda: available(WORD),
    ),
    ActionRow(
        "export_excel",
        "file",
        "export",
        "导出 Excel…",
        lambda w: w.files.export(EXCEL),
        tip="把三张表格导出为 Excel 工作簿",
        enabled_when=can_export(EXCEL),
        in_build=lambda: available(EXCEL),
    ),
    ActionRow("pdf", "file", "export", existing=lambda w: w.preview_dock.pdf_action),
    ActionRow(
        "preview",
        "file",
        "output",
        "打印预览",
        shortcuts=("Ctrl+Shift+P",),
        tip=PREVIEW_TIP,
        existing=lambda w: w.preview_dock.toggleViewAction(),
    ),
    ActionRow("print", "file", "output", existing=lambda w: w.preview_dock.print_action),
    ActionRow(
        "profile",
        "file",
        "output",
        "版式设置…",
        lambda w: w.files.edit_profile(),
        tip="本单位报告的字体、页边距和每页行数（用于 Word、PDF 和打印）",
        enabled_when=has_report,
    ),
    ActionRow(
        "save",
        "file",
        "save",
        "立即保存",
        lambda w: w.save_now(),
        (QKeySequence.StandardKey.Save,),
        "修改会自动保存；按 Ctrl+S 立即写入",
    ),
    ActionRow(
        "restore_backup",
        "file",
        "save",
        "恢复备份…",
        lambda w: w.store_commands.restore_backup(),
        tip="查看数据库每天的自动备份（按日期，及每份中的单位和报告），选一份恢复",
        enabled_when=lambda w: can_restore(w.store, w.demo),
    ),
    ActionRow("quit", "file", "quit", "退出", lambda w: w.close(), ("Ctrl+Q",)),
    ActionRow(
        "undo",
        "edit",
        "undo",
        "撤销",
        lambda w: w.edits.undo(),
        (QKeySequence.StandardKey.Undo,),
        enabled_when=can_undo,
        text_when=undo_text,
    ),
    ActionRow(
        "redo",
        "edit",
        "undo",
        "重做",
        lambda w: w.edits.redo(),
        ("Ctrl+Y", "Ctrl+Shift+Z"),
        enabled_when=can_redo,
        text_when=redo_text,
    ),
    # Copy and paste belong to the widget with the focus (a grid copies a range, an editor
    # text), so these actions only show the keys and forward; they own no shortcut.
    ActionRow("copy", "edit", "clipboard", "复制\tCtrl+C", lambda w: w.edits.copy()),
    ActionRow("paste", "edit", "clipboard", "粘贴\tCtrl+V", lambda w: w.edits.paste()),
    ActionRow(
        "placeholder",
        "edit",
        "text",
        "插入数字占位符…",
        lambda w: w.edits.insert_placeholder(),
        ("Ctrl+Shift+N",),
        "在正文中插入随表格数字变化的占位符，如“本年新收申请总数”",
        enabled_when=has_text_page,
    ),
    # The 单位 menu: units under units and the county office's work (ui.window_county). Its
    # actions are also the unit tree's right-click menu (ui.county_wiring).
    ActionRow("units_new_unit", "units", "unit", existing=lambda w: w.actions_by_id["new_unit"]),
    ActionRow(
        "new_subordinate",
        "units",
        "unit",
        "新建下级单位…",
        lambda w: w.county.commands.new_subordinate(),
        tip="在所选单位之下新建单位（如县人民政府下的部门、乡镇）",
        enabled_when=has_chosen_unit,
    ),
    ActionRow(
        "rename_unit",
        "units",
        "unit",
        "重命名…",
        lambda w: w.county.commands.rename(),
        ("F2",),
        "改正所选单位的名称或层级（各年度报告中的名称一并修改）",
        enabled_when=has_chosen_unit,
    ),
    ActionRow(
        "move_unit",
        "units",
        "unit",
        "移到其他上级单位…",
        lambda w: w.county.commands.move(),
        tip="把所选单位（连同其下级单位）放到另一个单位之下",
        enabled_when=has_chosen_unit,
    ),
    ActionRow(
        "delete_unit",
        "units",
        "unit",
        "删除单位…",
        lambda w: w.county.commands.delete_unit(),
        tip="把所选单位及其报告移到回收站（可以恢复）",
        enabled_when=has_chosen_unit,
    ),
    ActionRow("units_new_year", "units", "report", existing=lambda w: w.actions_by_id["new_year"]),
    ActionRow(
        "delete_report",
        "units",
        "report",
        "删除年度报告…",
        lambda w: w.county.commands.delete_report(),
        tip="把所选年度的报告移到回收站（可以恢复）",
        enabled_when=has_chosen_report,
    ),
    ActionRow(
        "import_folder",
        "units",
        "county",
        "导入文件夹…",
        lambda w: w.county.commands.import_folder(),
        ("Ctrl+Shift+O",),
        "一次读入一个文件夹中各单位报送的报告（Word、网页文字、Excel、PDF 等），确认后存入；"
        "也可以把文件夹拖到窗口上",
    ),
    ActionRow(
        "board",
        "units",
        "county",
        "报送情况…",
        lambda w: w.county.commands.show_board(),
        ("Ctrl+Shift+B",),
        "所选单位的下级单位是否已报送、有无错误，可导出 Excel",
    ),
    ActionRow(
        "new_rollup",
        "units",
        "county",
        "新建汇总报告…",
        lambda w: w.county.commands.new_rollup(),
        tip="把下级单位报告的表格逐格相加，作为所选单位的报告",
    ),
    ActionRow(
        "recycle_bin",
        "units",
        "bin",
        "回收站…",
        lambda w: w.county.commands.recycle_bin(),
        tip="恢复删除的单位和报告",
    ),
    ActionRow(
        "usage",
        "help",
        "help",
        "使用说明",
        lambda w: w.help.here(),
        ("F1",),
        "键盘操作、粘贴、导入、导出和打印；在表格或校验结果中按 F1，说明所在的行或问题",
    ),
    ActionRow(
        "filling",
        "help",
        "help",
        "填报说明",
        lambda w: w.help.rows(),
        tip="三张表格每一行统计什么，依据《条例》哪一条",
    ),
    ActionRow(
        "rules",
        "help",
        "help",
        "校验规则说明",
        lambda w: w.help.rule(),
        tip="每条校验规则的含义和改正方法",
    ),
    ActionRow("about", "help", "about", "关于年报编制器", lambda w: w.help.about()),
)


class WindowAction:
    """`window.export_action` for `window.actions_by_id["export"]`: the names tests and other
    parts have always used."""

    def __init__(self, action_id: str) -> None:
        self.action_id = action_id

    def __get__(self, window: Any, owner: object = None) -> QAction:
        actions: Mapping[str, QAction] = window.actions_by_id
        return actions[self.action_id]


def _make(window: MenuHost, row: ActionRow) -> QAction:
    action = row.existing(window) if row.existing is not None else QAction(window.as_widget())
    if row.text:
        action.setText(row.text)
    if row.shortcuts:
        action.setShortcuts([QKeySequence(key) for key in row.shortcuts])
    tip = row.tip if row.in_build is None or row.in_build() else NOT_IN_BUILD
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    slot = row.slot
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot(window))
    return action


def build_menus(
    window: MenuHost, rows: tuple[ActionRow, ...] = ACTIONS, menus: Mapping[str, str] = MENUS
) -> None:
    """Make the rows' actions (into window.actions_by_id) and the menu bar's menus."""
    for row in rows:
        if row.menu not in menus or row.id in window.actions_by_id:
            raise ValueError(f"action {row.id!r}: unknown menu {row.menu!r} or a second row")
        window.actions_by_id[row.id] = _make(window, row)
    bar = window.menuBar()
    for menu_id, title in menus.items():
        menu = bar.addMenu(title)
        menu.setObjectName(menu_id)
        _fill(menu, window, [row for row in rows if row.menu == menu_id])


def _fill(menu: QMenu, window: MenuHost, rows: list[ActionRow]) -> None:
    group = rows[0].group if rows else ""
    for row in rows:
        if row.group != group:
            menu.addSeparator()
            group = row.group
        menu.addAction(window.actions_by_id[row.id])
    menu.setToolTipsVisible(True)


def update_actions(window: MenuHost, rows: tuple[ActionRow, ...] = ACTIONS) -> None:
    """Enable what can be done now (most commands need an open report), in words that fit."""
    for row in rows:
        action = window.actions_by_id[row.id]
        if row.enabled_when is not None:
            action.setEnabled(row.enabled_when(window))
        if row.text_when is not None:
            action.setText(row.text_when(window))
