"""The window's menus and actions, and which of them can be used at the moment.

The actions are kept on the window (window.export_action and so on) so tests and the preview's
own toolbar reach the same QAction objects the menus show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.dialogs import ABOUT_TEXT
from ui.window_files import EXCEL, WORD, available

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str
NOT_IN_BUILD = "此版本未包含该功能"


def make_action(window: MainWindow, text: str, slot: Callable[[], object],
                shortcut: Shortcut = "", tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _fill(menu: QMenu, actions: Sequence[QAction | None]) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    menu.setToolTipsVisible(True)


def build_menus(window: MainWindow) -> None:
    """Create the window's actions (as its attributes) and its 文件, 编辑 and 帮助 menus."""
    files, edits = window.files, window.edits
    bar = window.menuBar()
    act = make_action
    window.new_unit_action = act(window, "新建单位…", window.unit_commands.new_unit)
    window.new_year_action = act(window, "新建年度报告", window.unit_commands.new_year, "",
                                 "从本单位最近一年的报告开始下一年度的报告")
    window.new_year_from_file_action = act(
        window, "从上年报告文件新建年度报告…", files.new_year_from_file, "",
        "读取上年报告（Word、网页文字、Excel 等），据此开始下一年度的报告")
    window.import_action = act(window, "导入…", files.import_file, QKeySequence.StandardKey.Open,
                               "读取 Word、Excel、.json 或网页中复制的报告文字（.txt）；"
                               "也可以把文件拖到窗口上")
    window.import_tables_action = act(
        window, "导入表格（Excel 等）…", files.import_tables, "",
        "用同事填好的 Excel 或其他报告文件中的三张表格替换当前报告的表格（可撤销）")
    window.export_action = act(window, "导出 Word…", lambda: files.export(WORD), "Ctrl+E")
    window.export_excel_action = act(window, "导出 Excel…", lambda: files.export(EXCEL), "",
                                     "把三张表格导出为 Excel 工作簿")
    for action, kind in ((window.export_action, WORD), (window.export_excel_action, EXCEL)):
        if not available(kind):
            action.setToolTip(NOT_IN_BUILD)
            action.setStatusTip(NOT_IN_BUILD)
    window.preview_action = window.preview_dock.toggleViewAction()
    window.preview_action.setText("打印预览")
    window.preview_action.setStatusTip("在窗口右侧显示打印出来的样子")
    window.preview_action.setToolTip("在窗口右侧显示打印出来的样子")
    window.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.profile_action = act(window, "版式设置…", files.edit_profile, "",
                                "本单位报告的字体、页边距和每页行数（用于 Word、PDF 和打印）")
    window.save_action = act(window, "立即保存", window.save_now, QKeySequence.StandardKey.Save,
                             "修改会自动保存；按 Ctrl+S 立即写入")
    window.quit_action = act(window, "退出", window.close, "Ctrl+Q")
    _fill(bar.addMenu("文件(&F)"), [
        window.new_unit_action, window.new_year_action, window.new_year_from_file_action, None,
        window.import_action, window.import_tables_action, None,
        window.export_action, window.export_excel_action, window.preview_dock.pdf_action, None,
        window.preview_action, window.preview_dock.print_action, window.profile_action, None,
        window.save_action, None, window.quit_action,
    ])

    window.undo_action = act(window, "撤销", edits.undo, QKeySequence.StandardKey.Undo)
    window.redo_action = act(window, "重做", edits.redo, "Ctrl+Y")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    # Copy and paste belong to the widget with the focus (a grid copies a range, an editor
    # text), so these actions only show the keys and forward; they own no shortcut.
    window.copy_action = act(window, "复制\tCtrl+C", edits.copy)
    window.paste_action = act(window, "粘贴\tCtrl+V", edits.paste)
    window.placeholder_action = act(
        window, "插入数字占位符…", edits.insert_placeholder, "Ctrl+Shift+N",
        "在正文中插入随表格数字变化的占位符，如“本年新收申请总数”")
    _fill(bar.addMenu("编辑(&E)"), [
        window.undo_action, window.redo_action, None, window.copy_action, window.paste_action,
        None, window.placeholder_action,
    ])
    help_menu = bar.addMenu("帮助(&H)")
    help_menu.addAction(act(window, "关于年报编制器", lambda: about(window)))


def about(window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "关于年报编制器", ABOUT_TEXT,
                      QMessageBox.StandardButton.Ok, window)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()


def update_actions(window: MainWindow) -> None:
    """Enable what can be done now: most commands need an open report."""
    session = window.session
    stack = session.undo_stack if session else None
    # Undo stays on with a report open: text still being typed is pushed by undo() itself.
    window.undo_action.setEnabled(stack is not None)
    window.redo_action.setEnabled(bool(stack and stack.canRedo()))
    window.undo_action.setText("撤销 " + stack.undoText() if stack and stack.canUndo() else "撤销")
    window.redo_action.setText("重做 " + stack.redoText() if stack and stack.canRedo() else "重做")
    has_report = session is not None
    window.placeholder_action.setEnabled(bool(window.view and window.view.current_text_page()))
    window.export_action.setEnabled(has_report and available(WORD))
    window.export_excel_action.setEnabled(has_report and available(EXCEL))
    window.import_tables_action.setEnabled(has_report)
    window.profile_action.setEnabled(has_report)
    # The preview's print and PDF actions follow the pane's report (none: disabled).
