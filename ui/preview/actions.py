"""Print and PDF as actions: the preview pane's toolbar shows them, the window's 文件 menu too.

Kept apart from the pane so the window can hold them before the pane is made (ui.preview.dock).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def output_actions(parent: QObject) -> tuple[QAction, QAction]:
    """Print (Ctrl+P anywhere in the window) and PDF; whoever makes them connects them."""
    print_action = QAction("打印…", parent)
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    print_action.setToolTip("打印（Ctrl+P）")
    pdf_action = QAction("导出 PDF…", parent)
    pdf_action.setToolTip("导出为 PDF 文件（不需要 Word 或 WPS）")
    return print_action, pdf_action
