"""The window as a new user meets it (issue 14): typing right after choosing a part, a new year's
draft that must be finished before it goes out, the status bar saying only what is true now, a
report stored from the command line showing up, and file choosers that open where the user
works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.carry import DRAFT_MARK
from app.domain.findings import Finding
from app.store import Store
from app.xlsx.writer import export_xlsx
from tests.paths import FIXTURES
from tests.ui.answers import answers
from tests.ui.window_helpers import (
    UNIT,
    WindowFactory,
    db_path,
    make_window,
    seed,
    store,
    with_seed,
)
from ui import modal
from ui.app import chinese_qt_texts
from ui.import_dialog import FILE_FILTER, ImportDialog
from ui.main_window import MainWindow
from ui.report_view import PART_KEYS

__all__ = ["db_path", "make_window", "store"]  # fixtures

PINGTAN = "平潭综合实验区"


def _click_part(qtbot: QtBot, window: MainWindow, part: str) -> None:
    assert window.view is not None
    outline = window.view.outline
    item = outline.item(PART_KEYS.index(part))
    rect = outline.visualItemRect(item)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_typing_right_after_choosing_a_part_goes_into_it(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    _click_part(qtbot, window, "3")
    grid = window.view.grid("3")
    assert QApplication.focusWidget() is grid
    first = grid.currentRef()
    assert first == "table3:new.natural"
    for key in ("1", "2", Qt.Key.Key_Tab):  # each key to whatever has the keyboard, as typed
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert window.session.report.get("table3:new.natural") == 12
    assert grid.currentRef() == "table3:new.business"  # Tab moved on, as in Excel

    _click_part(qtbot, window, "5")
    editor = window.view.text_page("5").editor
    assert QApplication.focusWidget() is editor
    _click_part(qtbot, window, "signature")
    assert QApplication.focusWidget() is window.view.signature_page().unit


def test_a_new_years_draft_asks_before_export_and_its_mark_is_found(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    answers().next_dialog(lambda dialog: dialog.accept())  # type: ignore[attr-defined]  # 2021 from 2020
    answers().next_dialog(lambda box: box.accept())  # type: ignore[attr-defined]  # 已从…开始
    window.new_year_action.trigger()
    assert window.session is not None and window.view is not None
    assert window.session.report.year == 2021
    marks = [f for f in window.session.findings if f.rule == "R20" and f.cells == ("chapter:1",)]
    assert marks and DRAFT_MARK in marks[0].message
    # Clicking the finding shows the mark, selected, in the chapter's text.
    window.findings.finding_activated.emit(marks[0])
    editor = window.view.text_page("1").editor
    assert window.view.current_part() == "1"
    assert editor.textCursor().selectedText() == DRAFT_MARK

    asked: list[str] = []

    def refuse(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    answers().next_dialog(refuse)
    window.export_action.trigger()  # refused: no file chooser follows
    assert "未改正的错误" in asked[0]


def test_the_figures_a_draft_left_blank_are_filled_with_0_at_once(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    answers().next_dialog(lambda dialog: dialog.accept())  # type: ignore[attr-defined]
    answers().next_dialog(lambda box: box.accept())  # type: ignore[attr-defined]
    window.new_year_action.trigger()
    assert window.session is not None and window.view is not None
    report = window.session.report
    window.activateWindow()  # back from the message box
    qtbot.waitUntil(window.isActiveWindow)
    window.view.show_part("3")
    grid = window.view.grid("3")
    grid.setCurrentRef("table3:new.natural")
    grid.setFocus()
    for key in ("1", "2", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)

    def blanks_of_table3() -> list[Finding]:
        assert window.session is not None
        return [
            f
            for f in window.session.findings
            if f.rule == "R20" and f.cells[0].startswith("table3:")
        ]

    [blanks] = blanks_of_table3()
    assert "table3:new.natural" not in blanks.cells
    window.findings.finding_activated.emit(blanks)  # as a click on it: its cells selected
    assert QApplication.focusWidget() is grid
    assert f"已选中 {len(blanks.cells)} 个空格" in window.hint_label.text()
    assert "Ctrl+Enter" in window.hint_label.text()
    qtbot.keyClick(grid, "0")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert all(report.get(ref) == 0 for ref in blanks.cells)
    assert report.get("table3:new.natural") == 12  # typed before: not one of the blanks
    assert blanks_of_table3() == []


def test_the_status_bar_says_only_what_is_true_now(
    qtbot: QtBot, store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None and window.session is not None
    window.view.show_part("3")
    window.view.grid("3").setCurrentRef("table3:new.business")
    assert "商业企业" in window.hint_label.text()
    window.view.show_part("signature")
    assert window.hint_label.text() == ""  # no cell's name on the signature page

    colleague = seed()
    colleague.set("table3:new.natural", 41)
    colleague.set("table3:new.total", 41)
    path = tmp_path / "同事填的表.xlsx"
    export_xlsx(colleague, path)
    answers().next_dialog(lambda dialog: dialog.store_button.click())  # type: ignore[attr-defined]
    assert window.files.import_tables_from(path)
    assert "改动" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == ""  # the 改动 are undone


def test_a_refusal_given_up_leaves_the_status_bar(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    window.view.show_part("3")
    grid = window.view.grid("3")
    grid.setCurrentRef("table3:new.business")
    grid.setFocus()
    for key in ("a", "b", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert "“ab”不是数字" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # 放弃修改
    assert window.statusBar().currentMessage() == ""

    for key in ("-", "3", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert "不能为负数" in window.statusBar().currentMessage()
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, "5", Qt.Key.Key_Return):  # corrected
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert window.session is not None and window.session.report.get("table3:new.business") == 5
    assert window.statusBar().currentMessage() == ""


def test_tables_from_last_years_workbook_are_said_to_be_so(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    last = seed()
    last.set("table3:carried_out.natural", 2)
    last.set("table3:carried_out.total", 2)
    store.save(last)
    window = make_window()
    answers().next_dialog(lambda dialog: dialog.accept())  # type: ignore[attr-defined]  # 2021 from 2020
    answers().next_dialog(lambda box: box.accept())  # type: ignore[attr-defined]  # 已从…开始
    window.new_year_action.trigger()  # 2021, carried_in 2 from 2020
    assert window.session is not None and window.session.report.year == 2021
    path = tmp_path / "去年的表.xlsx"
    export_xlsx(last, path)  # a workbook titled 2020, whose carried_in is not last year's out
    seen: list[ImportDialog] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen.append(dialog)
        dialog.reject()

    answers().next_dialog(look)
    assert not window.files.import_tables_from(path)
    notes = seen[0].notes.text()
    assert "标题写的是2020年度，当前报告是2021年度" in notes
    # The preview checks against last year too: the carry-over it will break is shown now.
    assert any(f.rule == "R8" for f in seen[0].findings)


def test_a_report_stored_from_the_command_line_shows_in_the_open_window(
    qtbot: QtBot, store: Store, db_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.launcher",
            "import",
            str(FIXTURES / "report_2022_pingtan.txt"),
            "--db",
            str(db_path),
        ],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))  # back to the window
    assert window.units.select(PINGTAN, 2022, emit=False)
    assert window.session is not None and window.session.report.unit == UNIT  # not taken away


def test_file_choosers_open_in_documents_then_where_the_user_was(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    answers().next_file(None)
    window.import_action.trigger()
    first = answers().files_asked[-1]
    assert first.start == modal.start_folder() != str(Path.cwd())
    assert "所有文件 (*)" in first.file_filter and first.file_filter == FILE_FILTER

    folder = tmp_path / "年报材料"
    folder.mkdir()
    answers().next_button("是")  # the seed has errors: export anyway
    answers().next_file(folder / "高青县2020年报.docx")
    window.export_action.trigger()
    answers().next_file(None)
    window.import_action.trigger()
    assert answers().files_asked[-1].start == str(folder)
    window.close()  # the folder is remembered with the window's settings

    modal.remember_folder("")
    again = make_window()
    answers().next_file(None)
    again.import_action.trigger()
    assert answers().files_asked[-1].start == str(folder)


def test_pdf_export_is_confirmed_as_word_export_is(
    qtbot: QtBot, store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    target = tmp_path / "报告.pdf"
    answers().next_button("是")  # errors as published
    answers().next_file(target)
    window.preview_dock.pdf_action.trigger()
    assert target.exists()
    assert window.statusBar().currentMessage() == f"已导出（未通过校验：仍有错误）：{target}"


def test_the_file_chooser_speaks_chinese_throughout(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "去年的报告").mkdir()
    (tmp_path / "同事填的表.xlsx").write_bytes(b"")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = chinese_qt_texts(app)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        dialog = modal.file_dialog(parent, "导入报告", str(tmp_path), FILE_FILTER, save=False)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
        qtbot.addWidget(dialog)
        dialog.show()
        view = dialog.findChild(QTreeView)
        assert view is not None
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and not [t for t in labels if re.search(r"[A-Za-z]{3}", t)], labels
        rows = {
            model.index(r, 0, view.rootIndex()).data(): [
                model.index(r, c, view.rootIndex()).data() for c in range(4)
            ]
            for r in range(2)
        }
        if sys.platform != "win32":  # Windows names the kinds itself, in its own language
            assert rows["去年的报告"][2] == "文件夹"
        assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", rows["同事填的表.xlsx"][3])
    finally:
        for translator in translators:
            app.removeTranslator(translator)
