"""Chapter editors: placeholders inserted by name and shown with today's figure, headings."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.domain.edits import SetCells
from app.store import Store
from tests.ui.window_helpers import WindowFactory, db_path, ime_type, make_window, seed, store
from tests.ui.window_helpers import with_seed as save_seed
from ui.chapter_editor import chapter_page, context_menu
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
    assert any(r.format.fontWeight() == QFont.Weight.Bold
               for r in heading.layout().formats())
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

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, pick)
            return
        offered.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text().startswith("结转下年度总数")).trigger()
        menu.close()

    QTimer.singleShot(0, pick)
    qtbot.keyClick(editor, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
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
