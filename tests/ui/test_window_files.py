"""The window's file commands as a user meets them: the preview beside the editor, 版式设置,
importing (menu and dropped files), a colleague's tables into the open report, Excel export."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.document.profile import LayoutProfile
from app.readers.files import read_tables_file
from app.store import Store
from app.xlsx.writer import export_xlsx
from tests.paths import FIXTURES
from tests.ui.answers import answers
from tests.ui.preview.modal import ERRORS_QUESTION, ctrl_p_then_cancel, print_dialog_seen
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
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.preview.pane import PreviewPane
from ui.profile_dialog import ProfileDialog

__all__ = ["db_path", "make_window", "store"]  # fixtures

PINGTAN = "平潭综合实验区"


def _store_when_shown(seen: list[ImportDialog]) -> None:
    def press(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen.append(dialog)
        dialog.store_button.click()

    on_next_modal(press)


def _show_preview(qtbot: QtBot, window: MainWindow) -> PreviewPane:
    window.preview_action.trigger()
    assert window.preview_dock.made  # by showing the dock
    pane = window.preview_dock.pane()
    assert window.preview_dock.widget() is pane
    if pane.page_count == 0:
        with qtbot.waitSignal(pane.refreshed, timeout=3000):
            pass
    assert window.preview_dock.isVisible() and pane.page_count > 1
    return pane


def test_without_a_report_nothing_can_be_printed_exported_or_laid_out(
    store: Store, make_window: WindowFactory
) -> None:
    window = make_window()
    for action in (
        window.preview_dock.print_action,
        window.preview_dock.pdf_action,
        window.export_action,
        window.export_excel_action,
        window.profile_action,
        window.import_tables_action,
    ):
        assert not action.isEnabled(), action.text()
    assert window.import_action.isEnabled() and window.new_year_from_file_action.isEnabled()
    assert not window.preview_dock.isVisible()


def test_the_preview_shows_the_open_report_and_follows_the_part_being_edited(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    assert not window.preview_dock.isVisible()  # the tables keep the room at first
    assert not window.preview_dock.made  # and no pages are laid out for nobody
    assert window.preview_dock.print_action.isEnabled()
    assert window.preview_dock.pdf_action.isEnabled()
    pane = _show_preview(qtbot, window)
    document = pane.document
    assert document is not None
    for part in ("3", "5", "signature"):
        window.view.show_part(part)
        page, _ = document.locate(part) or (-1, 0.0)
        assert pane.current_page() == page + 1, part
    # The dock is part of the window's remembered state.
    window.close()
    second = make_window()
    assert second.preview_dock.isVisible()


def test_printing_from_the_menu_with_the_preview_never_shown(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert not window.preview_dock.made
    assert window.view is not None
    seen = ctrl_p_then_cancel(qtbot, window, window.view)
    assert seen == [ERRORS_QUESTION, print_dialog_seen()]
    pane = window.preview_dock.pane()
    assert pane.page_count > 1  # laid out for the printer, though nobody looked at it
    assert not window.preview_dock.isVisible()


def test_typing_is_not_held_up_by_the_preview(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    pane = _show_preview(qtbot, window)
    window.view.show_part("6")
    editor = window.view.text_page("6").editor
    editor.setFocus()
    before = pane.document
    ime_type(editor, "本年度未收取信息处理费。另有说明。")
    assert pane.document is before  # laid out once typing pauses, not per phrase
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        pass
    assert pane.document is not before


def test_layout_settings_are_stored_with_the_unit_and_previewed(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    shown: list[str] = []

    def widen(dialog: QWidget) -> None:
        assert isinstance(dialog, ProfileDialog)
        shown.append(dialog.windowTitle())
        dialog.fonts.setCurrentIndex(dialog.fonts.findData("windows"))
        dialog.margins["margin_left_mm"].setValue(35.0)
        dialog.ok_button.click()

    on_next_modal(widen)
    window.profile_action.trigger()
    assert shown == [f"版式设置 — {UNIT}"]
    stored = LayoutProfile.from_dict(store.unit_profile(UNIT))
    assert (stored.name, stored.margin_left_mm) == ("windows", 35.0)
    assert window.preview_dock.pane().profile == stored

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ProfileDialog)
        assert dialog.margins["margin_left_mm"].value() == 35.0  # as stored
        dialog.margins["margin_left_mm"].setValue(20.0)
        dialog.reject()

    on_next_modal(cancel)
    window.profile_action.trigger()
    assert LayoutProfile.from_dict(store.unit_profile(UNIT)).margin_left_mm == 35.0


def test_importing_a_published_report_shows_it_then_stores_and_opens_it(
    store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    path = FIXTURES / "report_2022_pingtan.txt"
    seen: list[ImportDialog] = []
    _store_when_shown(seen)
    assert window.import_path(path)
    assert seen[0].chosen_unit() == PINGTAN and not seen[0].replace_warning.isVisible()
    assert store.years(PINGTAN) == [2022]
    assert window.session is not None
    assert (window.session.report.unit, window.session.report.year) == (PINGTAN, 2022)
    assert window.units.current() == (PINGTAN, 2022)

    # Again, over the open report: the dialog says it replaces it, and the window reopens it.
    first = window.session
    seen.clear()
    _store_when_shown(seen)
    assert window.import_path(path)
    assert "存入将替换" in seen[0].replace_warning.text()
    assert window.session is not first and store.years(PINGTAN) == [2022]


def test_a_new_year_from_last_years_file(store: Store, make_window: WindowFactory) -> None:
    window = make_window()
    seen: list[ImportDialog] = []
    _store_when_shown(seen)
    assert window.files.new_year_from(FIXTURES / "report_2021_pingtan.txt")
    assert seen[0].windowTitle() == "从上年报告新建年度报告"
    assert store.years(PINGTAN) == [2022]
    assert window.session is not None and window.session.report.year == 2022


def _drag(mime: QMimeData, target: QWidget) -> QDragEnterEvent:
    event = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event


def test_a_report_file_dropped_on_the_window_is_imported(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    picture = QMimeData()
    picture.setUrls([QUrl.fromLocalFile("/照片.png")])
    assert not _drag(picture, window).isAccepted()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "report_2022_pingtan.txt"))])
    mime.setText(str(FIXTURES / "report_2022_pingtan.txt"))  # as file managers add
    # Over a chapter's text the file is not pasted as its name: the window takes it.
    window.view.show_part("5")
    editor = window.view.text_page("5").editor
    text_before = editor.toPlainText()
    window.setAcceptDrops(False)
    assert not _drag(mime, editor.viewport()).isAccepted()  # the editor does not take it…
    window.setAcceptDrops(True)
    assert _drag(mime, editor.viewport()).isAccepted()  # …the window does
    seen: list[ImportDialog] = []
    _store_when_shown(seen)
    drop = QDropEvent(
        window.rect().center().toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: store.years(PINGTAN) == [2022], timeout=5000)
    assert seen and editor.toPlainText() == text_before
    assert window.session is not None and window.session.report.unit == PINGTAN


def test_a_colleagues_tables_replace_the_open_ones_as_one_undo_step(
    qtbot: QtBot, store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.session is not None and window.view is not None
    colleague = seed()
    colleague.set("table3:new.natural", 41)
    colleague.set("table3:new.total", 41)
    colleague.chapters["1"] = "同事的正文不会被导入。"
    path = tmp_path / "同事填的表.xlsx"
    export_xlsx(colleague, path)
    report = window.session.report
    text = report.chapter("1")

    on_next_modal(lambda dialog: dialog.store_button.click())  # type: ignore[attr-defined]
    assert window.files.import_tables_from(path)
    assert (report.get("table3:new.natural"), report.get("table3:new.total")) == (41, 41)
    assert report.chapter("1") == text
    assert window.session.undo_stack.count() == 1
    assert "导入表格" in window.undo_action.text()
    grid = window.view.grid("3")
    assert grid.grid_model.data(grid.grid_model.index_of("table3:new.natural")) == "41"

    window.view.show_part("3")
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (report.get("table3:new.natural"), report.get("table3:new.total")) == (3, 3)
    assert grid.grid_model.data(grid.grid_model.index_of("table3:new.natural")) == "3"


def test_excel_export_writes_the_three_tables_and_asks_first_while_errors_remain(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    published = with_seed(store)  # R2 and R3 errors as published
    window = make_window()
    asked: list[str] = []

    def refuse(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle() + box.text())
        box.button(QMessageBox.StandardButton.No).click()

    on_next_modal(refuse)
    window.export_excel_action.trigger()  # refused: no file dialog follows
    assert asked[0].startswith("导出 Excel") and "未改正的错误" in asked[0]

    target = tmp_path / "高青县2020年报表格.xlsx"
    assert window.export_to(str(target))
    back = read_tables_file(published, target)
    assert back.cells == published.cells
    assert "已导出" in window.statusBar().currentMessage()


def test_export_from_the_menu_writes_where_the_user_says(
    store: Store, tmp_path: Path, make_window: WindowFactory
) -> None:
    with_seed(store)  # as published: R2 and R3 errors, so it asks first
    window = make_window()
    answers().next_button("是")
    answers().next_file(tmp_path / "给领导签字的")  # typed without .docx
    window.export_action.trigger()
    written = tmp_path / "给领导签字的.docx"
    assert zipfile.is_zipfile(written)
    asked = answers().files_asked[-1]
    assert asked.kind == "save" and asked.start.endswith(".docx") and "*.docx" in asked.file_filter

    answers().next_button("是")
    answers().next_file(None)  # cancelled at the file chooser: nothing is written
    window.export_action.trigger()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == [written.name]
