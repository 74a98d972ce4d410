"""The text parts of a report: chapters 一、五、六 and the preamble, as plain-text editors.

Ctrl+Z in an editor must undo across grids and text in order, so the editors keep no undo history
of their own: Undo/Redo go to the report's stack (the window's actions), and what is typed reaches
that stack through a TextBinding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.document.headings import find_heading, kept_marks, toggled
from app.domain.carry import DRAFT_MARK
from app.domain.edits import Edit, SetHeadings
from app.domain.report import chapter_heading
from ui import modal, placeholders_ui
from ui.session import ReportSession
from ui.text_binding import TextBinding, TextTarget

HEADING_SHORTCUT = "Ctrl+Alt+H"
HEADING_HINT = (
    f"小标题显示为粗体；认错了就在该行按 {HEADING_SHORTCUT}（或右键“本行是小标题”）更正。"
)
_SPACES = " \t\u3000\u00a0"

CHAPTER_HINTS = {
    "1": "写法：（一）主动公开　（二）依申请公开　（三）政府信息管理　（四）平台建设　"
    "（五）监督保障；小标题用（一），其下用 1.；篇幅原则上不超过一千字。",
    "5": "写具体的问题和改进措施，不要写“无”，也不要照抄上年。",
    "6": "说明本年度收取信息处理费的情况（如“本年度未收取信息处理费”），以及其他需要报告的事项。",
}


def context_menu(widget: QPlainTextEdit | QLineEdit, actions: list[QAction]) -> QMenu:
    """Qt's edit menu with its own Undo/Redo swapped for the report's (they are the first two
    of `actions`), and the rest of `actions` appended."""
    menu = widget.createStandardContextMenu()
    own = {a.objectName(): a for a in menu.actions()}
    if len(actions) >= 2:
        first = own.get("edit-undo")
        if first is not None:
            menu.insertActions(first, actions[:2])
        for name in ("edit-undo", "edit-redo"):
            if name in own:
                menu.removeAction(own[name])
    if actions[2:]:
        menu.addSeparator()
        menu.addActions(actions[2:])
    return menu


class ReportTextHighlighter(QSyntaxHighlighter):
    """Headings bold where they will print as headings (app.document.headings, with the user's
    marks); number placeholders tinted so they read as fields."""

    def __init__(
        self, document: QTextDocument, marks: Callable[[], Mapping[str, int]] = dict
    ) -> None:
        super().__init__(document)
        self.marks = marks
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.lead = QTextCharFormat()
        self.lead.setFontWeight(QFont.Weight.DemiBold)
        self.placeholder = QTextCharFormat()
        self.placeholder.setBackground(QColor("#dcebfa"))
        self.placeholder.setForeground(QColor("#0b4f8a"))
        self.draft = QTextCharFormat()  # text carried from last year, still to be reviewed
        self.draft.setBackground(QColor("#fde7a9"))
        self.draft.setForeground(QColor("#6b4a00"))

    def highlightBlock(self, text: str) -> None:
        indent = len(text) - len(text.lstrip(_SPACES))
        found = find_heading(text.strip(_SPACES), self.marks())
        if found is not None:
            # （一） prints in 楷体, a different face; 1. and （1） only keep with their text.
            self.setFormat(indent, found.end, self.heading if found.level == 2 else self.lead)
        for start, length in placeholders_ui.spans(text):
            self.setFormat(start, length, self.placeholder)
        start = text.find(DRAFT_MARK)
        while start >= 0:
            self.setFormat(start, len(DRAFT_MARK), self.draft)
            start = text.find(DRAFT_MARK, start + 1)


def _leave_undo_keys_to_window(e: QEvent) -> bool:
    """Let the window's Undo/Redo shortcuts fire instead of an editor claiming the keys
    (the report has one undo stack for grids and text)."""
    if (
        e.type() == QEvent.Type.ShortcutOverride
        and isinstance(e, QKeyEvent)
        and (e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo))
    ):
        e.ignore()
        return True
    return False


def _route_undo_key(e: QKeyEvent, undo: SignalInstance, redo: SignalInstance) -> bool:
    """Reached only when no window shortcut took the key (an editor used alone): ask for the
    report's undo or redo. True when the key was one of them."""
    if e.matches(QKeySequence.StandardKey.Undo):
        undo.emit()
        return True
    if e.matches(QKeySequence.StandardKey.Redo):
        redo.emit()
        return True
    return False


class ChapterEditor(QPlainTextEdit):
    """A plain-text editor whose Undo/Redo are the report's.

    An editor of a part's text (`part`: "preamble", "1".."6") also offers "本行是小标题": the
    user's word on the line under the cursor, an undo step of its own (SetHeadings).
    """

    undo_requested = Signal()
    redo_requested = Signal()
    left = Signal()  # focus went elsewhere: the typing burst is over

    def __init__(
        self, session: ReportSession, parent: QWidget | None = None, part: str = ""
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.part = part
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) + 2)
        self.setFont(font)
        self.highlighter = ReportTextHighlighter(self.document(), self.heading_marks)
        self.heading_action = QAction("本行是小标题", self)
        self.heading_action.setCheckable(True)
        self.heading_action.setShortcut(QKeySequence(HEADING_SHORTCUT))
        self.heading_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.heading_action.triggered.connect(self.toggle_heading)
        if part:
            self.addAction(self.heading_action)
            self.cursorPositionChanged.connect(self._show_heading_state)
            session.changed.connect(self._headings_changed)
        self.menu_actions: list[QAction] = []  # the window's Undo, Redo, then extras
        # The window's filter for what is dragged over the text (ui.window_files.DropGuard).
        self.drop_filter: QObject | None = None

    # Drags over the text arrive at the viewport and land here; the window's filter sees them
    # first. (Filtering viewport() itself would mean fetching the viewport, the first widget Qt
    # made on its own, which makes PySide6 set up every widget class it has, up to 20 ms,
    # before the window is first painted.)
    def _filtered(self, e: QEvent) -> bool:
        return self.drop_filter is not None and self.drop_filter.eventFilter(self, e)

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if not self._filtered(e):
            super().dragEnterEvent(e)

    def dragMoveEvent(self, e: QDragMoveEvent) -> None:
        if not self._filtered(e):
            super().dragMoveEvent(e)

    def dropEvent(self, e: QDropEvent) -> None:
        if not self._filtered(e):
            super().dropEvent(e)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = context_menu(self, self.menu_actions)
        if self.part:
            self._show_heading_state()
            menu.addSeparator()
            menu.addAction(self.heading_action)
        modal.popup(menu, e.globalPos())
        menu.deleteLater()

    def heading_marks(self) -> Mapping[str, int]:
        return self.session.report.headings.get(self.part, {})

    def toggle_heading(self) -> None:
        """The line under the cursor becomes a heading, or stops being one. A selection from
        the line's start says where a heading run into its paragraph ends."""
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        line = text.strip(_SPACES)
        if not line:
            self._show_heading_state()
            return
        start = block.position() + len(text) - len(text.lstrip(_SPACES))
        lead = None
        if (
            cursor.hasSelection()
            and cursor.selectionStart()
            <= start
            < cursor.selectionEnd()
            <= block.position() + len(text)
        ):
            lead = cursor.selectionEnd() - start
        marks = kept_marks(
            [ln.strip(_SPACES) for ln in self.toPlainText().splitlines()],
            toggled(line, self.heading_marks(), lead),
        )
        was_heading = find_heading(line, self.heading_marks()) is not None
        for binding in self.findChildren(TextBinding):
            binding.end_burst()  # what was typed comes before this step on the undo stack
        self.session.push(
            SetHeadings(
                self.part, tuple(marks.items()), "取消小标题" if was_heading else "设为小标题"
            )
        )

    def _show_heading_state(self) -> None:
        line = self.textCursor().block().text().strip(_SPACES)
        self.heading_action.setChecked(
            bool(line) and find_heading(line, self.heading_marks()) is not None
        )

    def _headings_changed(self, edit: Edit) -> None:
        if isinstance(edit, SetHeadings) and edit.part == self.part:
            self.highlighter.rehighlight()
            self._show_heading_state()

    def event(self, e: QEvent) -> bool:
        if _leave_undo_keys_to_window(e):
            return True
        if e.type() == QEvent.Type.ToolTip:
            self._show_placeholder_tip(e)
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if not _route_undo_key(e, self.undo_requested, self.redo_requested):
            super().keyPressEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(e)

    def _show_placeholder_tip(self, e: QEvent) -> None:
        from PySide6.QtGui import QHelpEvent

        if not isinstance(e, QHelpEvent):
            return
        cursor = self.cursorForPosition(e.pos())
        block = cursor.block()
        offset = cursor.positionInBlock()
        for start, length in placeholders_ui.spans(block.text()):
            if start <= offset <= start + length:
                token = block.text()[start : start + length]
                QToolTip.showText(
                    e.globalPos(), placeholders_ui.describe(token, self.session.report), self
                )
                return
        QToolTip.hideText()
        e.ignore()


class ReportLineEdit(QLineEdit):
    """A one-line text of the report (title, signature); like ChapterEditor, no own undo."""

    undo_requested = Signal()
    redo_requested = Signal()
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.menu_actions: list[QAction] = []

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = context_menu(self, self.menu_actions)
        modal.popup(menu, e.globalPos())
        menu.deleteLater()

    def event(self, e: QEvent) -> bool:
        return _leave_undo_keys_to_window(e) or super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if not _route_undo_key(e, self.undo_requested, self.redo_requested):
            super().keyPressEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(e)


def heading_label(text: str) -> QLabel:
    """A page's heading, in the interface font, larger and bold."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() + 3)
    font.setBold(True)
    label.setFont(font)
    return label


@dataclass(frozen=True)
class PageTexts:
    """A page's text fields, which the window wires to its undo keys, to dropped files and
    to the autosave."""

    editors: tuple[ChapterEditor, ...] = ()
    lines: tuple[ReportLineEdit, ...] = ()
    bindings: tuple[TextBinding, ...] = ()
    figures: bool = False  # whether its editors offer 插入数字 (placeholders): the chapters' do


class TextPage(QWidget):
    """A heading, a hint on what to write, the editor and a character count."""

    def __init__(
        self,
        session: ReportSession,
        target: TextTarget,
        heading: str,
        hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        title = heading_label(heading)
        self.hint = QLabel(f"{hint}{HEADING_HINT}")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.editor = ChapterEditor(session, part=target.chapter)
        self.binding = TextBinding(session, target, self.editor)
        self.editor.left.connect(self.binding.end_burst)
        self.session = session
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("color: #0b4f8a;")
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.editor.textChanged.connect(self._update_notes)
        session.changed.connect(self._update_notes)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.count)
        self._update_notes()

    @property
    def texts(self) -> PageTexts:
        return PageTexts(editors=(self.editor,), bindings=(self.binding,), figures=True)

    def insert_placeholder(self, token: str) -> None:
        """Insert at the cursor as an undo step of its own."""
        self.binding.end_burst()
        self.editor.insertPlainText(token)
        self.binding.end_burst()
        self.editor.setFocus()

    def choose_placeholder(self) -> None:
        """A menu of the named figures with their current values, at the text cursor."""
        menu = QMenu(self)
        for entry in placeholders_ui.entries(self.session.report):
            figure = entry.figure if entry.figure else "未填"
            action = menu.addAction(f"{entry.name}（当前：{figure}）")
            action.triggered.connect(
                lambda _checked=False, token=entry.token: self.insert_placeholder(token)
            )
        rect = self.editor.cursorRect()
        modal.popup(menu, self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    def _update_notes(self, *_: object) -> None:
        text = self.editor.toPlainText()
        values = placeholders_ui.current_values(text, self.session.report)
        self.figures.setText(f"占位符当前数字：{values}" if values else "")
        self.figures.setVisible(bool(values))
        n = len(re.sub(r"\s", "", placeholders_ui.expanded(text, self.session.report)))
        count = f"共 {n} 字"
        limit = self.session.report.layout.length_limit(self.target.chapter)
        if limit is not None:
            count += f"（原则上不超过{limit.as_written}）"
        self.count.setText(count)


def chapter_page(session: ReportSession, number: str) -> TextPage:
    return TextPage(
        session, TextTarget(chapter=number), chapter_heading(number), CHAPTER_HINTS.get(number, "")
    )


def install_undo_routing(
    editor: ChapterEditor | ReportLineEdit, undo: QAction, redo: QAction, *extra: QAction
) -> None:
    """Route the editor's own Undo/Redo keys and context menu to the window's actions."""
    editor.undo_requested.connect(undo.trigger)
    editor.redo_requested.connect(redo.trigger)
    editor.menu_actions = [undo, redo, *extra]
