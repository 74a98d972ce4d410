"""Chapter editors: placeholders inserted by name and shown with today's figure, headings
shown as they will print and corrected by the user."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QFont
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.document.blocks import build_blocks
from app.document.model import TextRole
from app.domain.edits import SetCells
from app.store import Store
from tests.ui.answers import answers
from tests.ui.window_helpers import WindowFactory, db_path, ime_type, make_window, seed, store
from tests.ui.window_helpers import with_seed as save_seed
from ui.chapter_editor import ChapterEditor, chapter_page, context_menu
from ui.session import ReportSession

__all__ = ["db_path", "make_window", "store"]  # fixtures

TOKEN = "{{本年新收申请总数}}"


def _page(qtbot: QtBot, number: str = "1"):  # type: ignore[no-untyped-def]
    session = ReportSession(seed())
    page = chapter_page(session, number)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    return session, page


def test_a_placeholder_is_its_own_undo_step_and_shows_the_current_figure(qtbot: QtBot) -> None:
    session, page = _page(qtbot)
    editor = page.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    page.insert_placeholder(TOKEN)
    assert session.report.chapter("1").endswith(TOKEN)
    assert session.undo_stack.count() == 1
    assert page.figures.text() == "占位符当前数字：本年新收申请总数 = 3"

    session.push(SetCells((("table3:new.total", 7),)))  # the table changes, the note follows
    assert page.figures.text() == "占位符当前数字：本年新收申请总数 = 7"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert TOKEN not in editor.toPlainText()


def test_placeholders_are_tinted_and_headings_bold(qtbot: QtBot) -> None:
    _, page = _page(qtbot)
    editor = page.editor
    editor.setPlainText("（一）主动公开\n本年度收到申请" + TOKEN + "件。")
    heading, body = editor.document().firstBlock(), editor.document().lastBlock()
    assert any(r.format.fontWeight() == QFont.Weight.Bold for r in heading.layout().formats())
    tinted = [r for r in body.layout().formats() if r.format.background().style() != 0]
    assert [(r.start, r.length) for r in tinted] == [(len("本年度收到申请"), len(TOKEN))]


def test_a_placeholder_never_disagrees_with_the_tables(qtbot: QtBot) -> None:
    session, page = _page(qtbot)
    page.editor.setPlainText("本年度收到政府信息公开申请" + TOKEN + "件。")
    page.binding.flush()
    assert not any(f.rule == "R11" for f in session.findings)
    page.editor.setPlainText("本年度收到政府信息公开申请9件。")
    page.binding.flush()
    assert any(f.rule == "R11" for f in session.findings)


def test_ctrl_shift_n_offers_the_named_figures_with_their_values(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    save_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("6")
    editor = window.view.text_page("6").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ime_type(editor, "结转下年度")
    offered: list[str] = []

    def pick(menu: QMenu) -> None:
        offered.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text().startswith("结转下年度总数")).trigger()

    answers().next_menu(pick)
    qtbot.keyClick(
        editor,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "本年新收申请总数（当前：3）" in offered
    assert editor.toPlainText().endswith("结转下年度{{结转下年度总数}}")
    assert window.session.report.chapter("6").endswith("{{结转下年度总数}}")


def test_the_title_is_edited_and_undone_like_the_rest(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    save_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("front")
    title = window.view.front.title
    before = title.text()
    title.setFocus()
    title.end(False)
    ime_type(title, "（修订）")
    window.view.front.title.clearFocus()
    assert window.session.report.title == before + "（修订）"
    qtbot.keyClick(window.view.front.preamble, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.report.title == before
    assert title.text() == before


def test_the_right_click_menu_undoes_through_the_report(
    store: Store, make_window: WindowFactory
) -> None:
    save_seed(store)
    window = make_window()
    assert window.view is not None
    editor = window.view.text_page("1").editor
    menu = context_menu(editor, editor.menu_actions)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0].startswith("撤销") and texts[1].startswith("重做")
    assert window.undo_action in menu.actions()
    assert window.placeholder_action in menu.actions()
    assert not any(a.objectName() == "edit-undo" for a in menu.actions())


def _bold_span(editor: ChapterEditor, line: int) -> tuple[int, int] | None:
    block = editor.document().findBlockByNumber(line)
    spans = [
        (r.start, r.length)
        for r in block.layout().formats()
        if r.format.fontWeight() == QFont.Weight.Bold
    ]
    return spans[0] if spans else None


def _cursor_on_line(editor: ChapterEditor, line: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position() + 2)
    editor.setTextCursor(cursor)


def test_ctrl_alt_h_makes_a_line_a_heading_and_undo_takes_it_back(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    save_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    session = window.session
    window.view.show_part("1")
    page = window.view.text_page("1")
    editor = page.editor
    editor.setPlainText("主动公开平台建设情况\n依托县政府网站公开政府信息。")
    page.binding.flush()
    steps = session.undo_stack.count()
    assert _bold_span(editor, 0) is None
    editor.setFocus()
    _cursor_on_line(editor, 0)
    qtbot.keyClick(
        editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert session.report.headings == {"1": {"主动公开平台建设情况": 2}}
    assert _bold_span(editor, 0) == (0, len("主动公开平台建设情况"))
    assert editor.heading_action.isChecked()
    [printed] = [
        p for p in build_blocks(session.report).paragraphs() if p.text == "主动公开平台建设情况"
    ]
    assert printed.role is TextRole.HEADING2
    assert session.undo_stack.count() == steps + 1
    assert window.undo_action.text().endswith("设为小标题")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.report.headings == {}
    assert _bold_span(editor, 0) is None and not editor.heading_action.isChecked()
    assert editor.toPlainText().startswith("主动公开平台建设情况")


def test_a_misread_heading_is_turned_off_and_what_was_typed_undoes_separately(qtbot: QtBot) -> None:
    session, page = _page(qtbot)
    editor = page.editor
    editor.setPlainText("（一）各项工作按期完成。")
    page.binding.end_burst()
    assert _bold_span(editor, 0) == (0, len("（一）各项工作按期完成。"))
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("下一年度继续保持。")  # typed, not yet on the undo stack
    editor.heading_action.trigger()
    assert session.report.headings == {"1": {"（一）各项工作按期完成。": 0}}
    assert _bold_span(editor, 0) is None
    session.undo_stack.undo()
    assert session.report.headings == {}
    assert session.report.chapter("1") == "（一）各项工作按期完成。下一年度继续保持。"
    session.undo_stack.undo()
    assert session.report.chapter("1") == "（一）各项工作按期完成。"


def test_a_selection_from_the_lines_start_says_where_a_run_in_heading_ends(qtbot: QtBot) -> None:
    session, page = _page(qtbot)
    editor = page.editor
    line = (
        "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
    )
    editor.setPlainText(line)
    page.binding.flush()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("（一）强化组织领导"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.heading_action.trigger()
    assert session.report.headings == {"1": {"（一）强化组织领导": 2}}
    assert _bold_span(editor, 0) == (0, len("（一）强化组织领导"))


def test_the_right_click_menu_offers_the_heading_toggle_checked_on_a_heading(qtbot: QtBot) -> None:
    _, page = _page(qtbot)
    editor = page.editor
    editor.setPlainText("（一）主动公开\n正文。")
    _cursor_on_line(editor, 0)
    shown: list[tuple[str, bool]] = []

    def look(menu: QMenu) -> None:
        shown.extend((a.text(), a.isChecked()) for a in menu.actions() if a.isCheckable())

    answers().next_menu(look)
    where = QPoint(5, 5)
    editor.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, editor.mapToGlobal(where))
    )
    assert shown == [("本行是小标题", True)]
    assert editor.heading_action.shortcut().toString() == "Ctrl+Alt+H"
