"""The main window driven as a user would: real database file, real widgets, offscreen."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.carry import DRAFT_MARK
from app.domain.findings import Finding, Severity
from app.readers import json_form
from app.store import Store
from tests.ui.window_helpers import (
    UNIT,
    WindowFactory,
    db_path,
    ime_type,
    make_window,
    on_next_modal,
    seed,
    store,
    with_seed,
)
from ui.autosave import DELAY_MS
from ui.dialogs import NewUnitDialog
from ui.grid.style import FINDING_BACKGROUND
from ui.grid.table_model import RefRole
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.unit_dialogs import NewYearDialog

__all__ = ["db_path", "make_window", "store"]  # fixtures


def _type_cell(window: MainWindow, ref: str, text: str) -> None:
    assert window.view is not None
    grid = window.view.grid(ref[5])
    assert grid.grid_model.setData(grid.grid_model.index_of(ref), text)


def _click_finding(qtbot: QtBot, window: MainWindow, wanted: Finding) -> None:
    panel = window.findings
    row = next(i for i in range(panel.model.rowCount()) if panel.model.finding(i) == wanted)
    index = panel.model.index(row)
    panel.list.scrollTo(index)
    rect = panel.list.visualRect(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _in_file(path: Path, year: int = 2020) -> dict[str, object]:
    """What another program opening the database file now would read."""
    with Store.open(path) as other:
        report = other.load(UNIT, year)
    assert report is not None
    return {"cells": report.cells, "chapters": report.chapters}


def test_a_new_error_is_listed_and_its_click_selects_the_red_cells(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("1")
    with qtbot.waitSignal(window.session.findings_changed):
        _type_cell(window, "table3:new.business", "4")  # the row no longer adds up: R2

    finding = next(
        f for f in window.session.findings if f.rule == "R2" and "table3:new.total" in f.cells
    )
    assert finding.severity is Severity.ERROR
    assert "错误" in window.findings.summary.text()
    _click_finding(qtbot, window, finding)

    assert window.view.current_part() == "3"
    grid = window.view.grid("3")
    selected = {i.data(RefRole) for i in grid.selectionModel().selectedIndexes()}
    assert selected == set(finding.cells)
    assert grid.currentRef() == finding.cells[0]
    color = grid.grid_model.data(
        grid.grid_model.index_of(finding.cells[0]), Qt.ItemDataRole.BackgroundRole
    ).color()
    assert color == FINDING_BACKGROUND[Severity.ERROR]


def test_a_text_finding_opens_its_chapter_with_the_words_selected(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("5")
    editor = window.view.text_page("5").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ime_type(editor, "本年度共收到政府信息公开申请5件。")
    session = window.session
    qtbot.waitUntil(lambda: any(f.rule == "R11" for f in session.findings), timeout=2000)

    finding = next(f for f in window.session.findings if f.rule == "R11")
    assert finding.cells[0] == "chapter:5"
    window.view.show_part("3")
    _click_finding(qtbot, window, finding)
    assert window.view.current_part() == "5"
    assert editor.textCursor().selectedText() == "收到政府信息公开申请5件"


def test_an_edit_reaches_the_database_file_within_a_second(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    # Saved after the autosave's pause (DELAY_MS, under a second), not at the next 保存.
    assert DELAY_MS < 1000
    with qtbot.waitSignal(window.autosave.saved, timeout=5000):
        _type_cell(window, "table3:np_repeat.natural", "2")
        assert window.save_label.text() == "正在保存…"
    assert window.save_label.text() == "已保存"
    assert _in_file(db_path)["cells"]["table3:np_repeat.natural"] == 2  # type: ignore[index]


def test_typing_reaches_the_file_within_a_second_and_ctrl_s_saves_at_once(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    window.view.show_part("6")
    editor = window.view.text_page("6").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.autosave.saved, timeout=5000):
        ime_type(editor, "本年度未收取信息处理费。")
    assert _in_file(db_path)["chapters"]["6"].endswith("本年度未收取信息处理费。")  # type: ignore[index]

    ime_type(editor, "另有说明。")
    assert window.save_label.text() == "正在保存…"
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.save_label.text() == "已保存"
    assert _in_file(db_path)["chapters"]["6"].endswith("另有说明。")  # type: ignore[index]


def test_undo_and_redo_go_back_and_forth_across_grid_and_text_in_order(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    report = window.session.report
    before_text = report.chapter("1")
    grid = window.view.grid("3")
    editor = window.view.text_page("1").editor

    window.view.show_part("3")
    _type_cell(window, "table3:new.business", "1")  # A
    window.view.show_part("1")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ime_type(editor, "补充一句。")  # T, still being typed
    window.view.show_part("3")
    grid.setFocus()  # leaving the editor ends the typing: T is on the stack before C
    _type_cell(window, "table3:new.legal", "2")  # C

    states = []

    def state() -> tuple[object, object, str]:
        return (
            report.get("table3:new.business"),
            report.get("table3:new.legal"),
            report.chapter("1"),
        )

    for _ in range(3):
        states.append(state())
        qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert states == [
        (1, 2, before_text + "补充一句。"),
        (1, 0, before_text + "补充一句。"),
        (1, 0, before_text),
    ]
    assert state() == (0, 0, before_text)
    assert editor.toPlainText() == before_text

    window.view.show_part("1")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # from the editor
    assert state() == (1, 0, before_text)
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert state() == (1, 0, before_text + "补充一句。")
    assert editor.toPlainText() == before_text + "补充一句。"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before_text


def test_a_typing_burst_is_one_undo_step(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("5")
    editor = window.view.text_page("5").editor
    before = editor.toPlainText()
    editor.setFocus()
    for word in ("一是", "加强", "培训。"):
        ime_type(editor, word)
        window.view.text_page("5").binding.flush()  # as the idle timer would between words
    assert window.session.undo_stack.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before


def test_a_new_year_starts_from_last_years_figures(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    last = seed()
    last.set("table3:carried_out.natural", 2)
    last.set("table3:carried_out.total", 2)
    store.save(last)
    window = make_window()
    messages: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    def take_the_year_offered(dialog: QWidget) -> None:
        # Which year and from which report are asked: the year after the latest, from it.
        assert isinstance(dialog, NewYearDialog)
        assert dialog.chosen() == (2021, 2020)
        on_next_modal(read_and_close)
        dialog.accept()

    on_next_modal(take_the_year_offered)
    window.new_year_action.trigger()

    assert store.years(UNIT) == [2021, 2020]
    assert window.session is not None
    report = window.session.report
    assert (report.year, report.layout_id) == (2021, "2021")
    for column in report.layout.table3.column_keys:
        assert report.get(f"table3:carried_in.{column}") == last.get(f"table3:carried_out.{column}")
    assert report.get("table3:carried_in.natural") == 2
    assert report.chapter("1").startswith(DRAFT_MARK)
    assert "2021年使用新的表格格式" in messages[0]
    assert window.units.current() == (UNIT, 2021)
    # Cross-year rules see last year: carried_in equals carried_out, so no R8.
    assert not any(f.rule == "R8" for f in window.session.findings)


def test_an_empty_database_welcomes_and_a_new_unit_opens_its_report(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.welcome.isVisible()
    assert not window.units_dock.isVisible()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewUnitDialog)
        dialog.name.setText("某某县财政局")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(fill)
    qtbot.mouseClick(window.welcome.new_unit_button, Qt.MouseButton.LeftButton)

    assert [u.name for u in store.units()] == ["某某县财政局"]
    assert window.session is not None
    assert (window.session.report.unit, window.session.report.year) == ("某某县财政局", 2021)
    assert not window.welcome.isVisible()
    assert window.units.current() == ("某某县财政局", 2021)


def test_the_welcome_opens_the_demo_and_leaves_the_users_file_empty(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.demo and "示例" in window.windowTitle()
    assert window.session is not None
    assert (window.session.report.unit, window.session.report.year) == (UNIT, 2020)
    assert any(f.rule == "R2" for f in window.session.findings)  # the published mistake
    with Store.open(db_path) as users:
        assert users.units() == []


def test_window_size_report_part_and_cell_come_back(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    first = make_window()
    assert first.view is not None
    first.resize(780, 560)  # within the offscreen screen, which restoreGeometry respects
    first.view.show_part("3")
    first.view.grid("3").setCurrentRef("table3:np_repeat.natural")
    first.close()

    second = make_window()
    assert second.view is not None
    assert (second.width(), second.height()) == (780, 560)
    assert second.view.current_part() == "3"
    assert second.view.grid("3").currentRef() == "table3:np_repeat.natural"


def test_the_default_window_is_at_least_1280_by_800(
    store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.width() >= 1280 and window.height() >= 800


def test_a_refused_value_is_shown_in_the_status_bar_and_not_stored(
    store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    grid = window.view.grid("3")
    assert not grid.grid_model.setData(grid.grid_model.index_of("table3:new.natural"), "三")
    assert "不是数字" in window.statusBar().currentMessage()
    assert window.session.report.get("table3:new.natural") == 3
    assert window.session.undo_stack.count() == 0


def test_export_writes_word_and_asks_first_while_errors_remain(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)  # as published: R2 and R3 errors
    window = make_window()
    asked: list[str] = []

    def refuse(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    on_next_modal(refuse)
    window.export_action.trigger()  # refused: no file dialog follows
    assert "未改正的错误" in asked[0]

    target = tmp_path / "高青县2020年报.docx"
    assert window.export_to(str(target))
    assert zipfile.is_zipfile(target)
    assert "未通过校验" in window.statusBar().currentMessage()

    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    on_next_modal(read_and_close)
    assert not window.export_to(str(tmp_path / "没有的文件夹" / "x.docx"))
    assert "不存在" in shown[0]


def test_import_stores_a_report_and_a_bad_file_changes_nothing(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    window = make_window()
    good = tmp_path / "gaoqing.json"
    good.write_text(json_form.dumps(seed()), encoding="utf-8")

    def choose_unit_and_store(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        dialog.unit.setCurrentText("高青县行政审批服务局（导入）")
        dialog.store_button.click()

    on_next_modal(choose_unit_and_store)
    assert window.import_path(str(good))
    assert store.years("高青县行政审批服务局（导入）") == [2020]
    assert window.session is not None and window.session.report.get("table3:new.total") == 3

    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要：无", encoding="utf-8")
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    on_next_modal(read_and_close)
    assert not window.import_path(str(bad))
    assert shown and shown[0].startswith("notes.txt")
    assert [u.name for u in store.units()] == ["高青县行政审批服务局（导入）"]


def test_the_edit_menu_copies_and_pastes_in_the_widget_with_the_focus(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("3")
    grid = window.view.grid("3")
    grid.setFocus()
    grid.selectRefs(["table3:new.natural", "table3:new.business"])
    window.copy_action.trigger()
    assert QApplication.clipboard().text().rstrip("\r\n") == "3\t0"

    window.view.show_part("6")
    editor = window.view.text_page("6").editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QApplication.clipboard().setText("本年度未收取信息处理费。")
    window.paste_action.trigger()
    assert editor.toPlainText().endswith("本年度未收取信息处理费。")


def test_menus_are_chinese_and_export_is_honest(store: Store, make_window: WindowFactory) -> None:
    with_seed(store)
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "单位(&U)", "帮助(&H)"]
    assert window.placeholder_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.export_action.isEnabled() and window.export_excel_action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    for wanted in (
        "导入…",
        "导入表格（Excel 等）…",
        "导出 Word…",
        "导出 Excel…",
        "导出 PDF…",
        "打印预览",
        "打印…",
        "版式设置…",
        "从上年报告文件新建年度报告…",
    ):
        assert wanted in texts
    assert window.preview_action.isCheckable() and not window.preview_action.isChecked()
    assert window.preview_dock.print_action.shortcut().toString() == "Ctrl+P"
