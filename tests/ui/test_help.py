"""Help where the user is: F1, 这是什么意思？ beside each finding, 填报说明 with each row's
article of the 条例, row labels that say what the row counts, and 关于 with the version."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.domain.layouts import LAYOUTS
from app.guide.rows import ROWS
from app.guide.rules import RULES
from app.store import Store
from tests.paths import REPO
from tests.ui.answers import answers
from tests.ui.window_helpers import WindowFactory, db_path, make_window, store, with_seed
from ui.findings_panel import link_rect
from ui.help_window import ROWS as ROWS_TAB
from ui.help_window import RULE_TAB, USAGE, HelpWindow
from ui.main_window import MainWindow

__all__ = ["db_path", "make_window", "store"]  # fixtures


def _help(window: MainWindow) -> HelpWindow:
    shown = window.help.help_window()
    assert shown.isVisible()
    return shown


def _top_line(help_window: HelpWindow) -> str:
    """The first line the user sees in the help's current page."""
    page = help_window.pages[help_window.tabs.currentIndex()]
    # A little in from the corner: inside a table's first cell when a table row is on top.
    return page.cursorForPosition(QPoint(40, 6)).block().text()


def test_every_rule_of_the_spec_and_every_row_of_the_layouts_is_explained() -> None:
    spec = (REPO / "docs" / "spec" / "format.md").read_text(encoding="utf-8")
    codes = re.findall(r"^\| (R\d+) \|", spec, flags=re.MULTILINE)
    assert codes and [r.code for r in RULES] == sorted(set(codes), key=lambda c: int(c[1:]))
    for rule in RULES:
        assert rule.meaning and rule.fix, rule.code
    for layout in LAYOUTS.values():
        for table in layout.tables:
            for row in table.row_keys:
                assert ROWS.get(f"{table.name}:{row}"), f"{table.name}:{row}"


def test_f1_opens_the_manual_and_on_a_finding_its_rule(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)  # R2 and R3 as published
    window = make_window()
    window.view.show_part("1")  # type: ignore[union-attr]
    window.view.text_page("1").editor.setFocus()  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    shown = _help(window)
    assert shown.tabs.currentIndex() == USAGE and "使用说明" in shown.pages[USAGE].toPlainText()
    for words in ("Ctrl+V", "导入", "导出 Word", "打印"):
        assert words in shown.pages[USAGE].toPlainText()

    panel = window.findings
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(1))  # R3
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.list, Qt.Key.Key_F1)
    assert shown.tabs.currentIndex() == RULE_TAB
    assert _top_line(shown).startswith("R3")


def test_the_link_beside_a_finding_explains_its_rule(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    panel = window.findings
    index = panel.model.index(0)
    finding = panel.model.finding(0)
    assert finding.rule == "R2"
    link = link_rect(panel.list.visualRect(index), panel.list.fontMetrics())
    assert window.view is not None
    part_before = window.view.current_part()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=link.center())
    shown = _help(window)
    assert shown.tabs.currentIndex() == RULE_TAB
    assert _top_line(shown).startswith("R2")
    assert "怎样改正" in shown.pages[RULE_TAB].toPlainText()
    assert window.view.current_part() == part_before  # the link explains; it does not jump
    # Elsewhere on the row, a click still goes to the cells.
    row = panel.list.visualRect(index)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(row.left() + 20, row.center().y()),
    )
    assert window.view.current_part() == "3"


def test_a_row_label_says_what_the_row_counts_and_f1_there_opens_its_note(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    with_seed(store)
    window = make_window()
    assert window.view is not None
    window.view.show_part("3")
    grid = window.view.grid("3")
    row, _ = grid.table.value_position("deny_secret.natural")
    label = grid.grid_model.index(row, 2)
    tip = grid.grid_model.data(label, Qt.ItemDataRole.ToolTipRole)
    assert "1.属于国家秘密" in tip and "国家秘密" in tip and "第十四条" in tip
    group = grid.grid_model.data(grid.grid_model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "（三）不予公开" in group and "8种理由" in group

    grid.setCurrentRef("table3:deny_secret.natural")
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_F1)
    shown = _help(window)
    assert shown.tabs.currentIndex() == ROWS_TAB
    assert _top_line(shown).startswith("（三）1.属于国家秘密")


def test_about_shows_the_version(store: Store, make_window: WindowFactory) -> None:
    window = make_window()
    said: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    answers().next_dialog(read)
    window.actions_by_id["about"].trigger()
    assert f"版本 {__version__}" in said[0]
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    titles = [a.text() for a in help_menu.actions()]
    assert titles[:3] == ["使用说明", "填报说明", "校验规则说明"]
    assert window.actions_by_id["usage"].shortcut().toString() == "F1"


def test_the_welcome_shows_the_way_to_the_manual(
    qtbot: QtBot, store: Store, make_window: WindowFactory
) -> None:
    window = make_window()  # no unit yet: the welcome
    assert window.welcome.isVisible() and "使用说明" in window.welcome.usage_button.text()
    qtbot.mouseClick(window.welcome.usage_button, Qt.MouseButton.LeftButton)
    shown = _help(window)
    assert shown.tabs.currentIndex() == USAGE and _top_line(shown) == "使用说明"


def test_the_county_topic_names_only_commands_the_window_has(
    store: Store, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from app.guide.usage import TOPICS
    from ui.board import BoardWindow
    from ui.folder_import import COLUMNS
    from ui.rollup_panel import RollupPanel

    window = make_window()
    board, panel = BoardWindow(store, window), RollupPanel(window)
    labels = {a.text().replace("(&U)", "") for a in window.actions_by_id.values()}
    labels |= {b.text() for w in (board, panel) for b in w.findChildren(QAbstractButton)}
    labels |= {"单位", *COLUMNS}
    [county] = [t for t in TOPICS if t.anchor == "county"]
    named = [
        part.strip()
        for quoted in re.findall(r"“([^”]+)”", "".join(county.paragraphs))
        for part in quoted.split("→")
    ]
    commands = [
        n for n in named if n.endswith("…") or n in ("恢复为各单位之和", "历年对照", "导入为单位")
    ]
    assert len(commands) >= 12
    assert [n for n in commands if n not in labels] == []
    window.help.usage("county")
    assert (
        "县（市、区）政务公开办"
        in _help(window).pages[_help(window).tabs.currentIndex()].toPlainText()
    )


def test_the_import_topic_and_tip_name_every_kind_of_file_the_program_reads(
    store: Store, make_window: WindowFactory
) -> None:
    from app.guide.usage import TOPICS
    from app.readers.files import EXCEL_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES, WORD_SUFFIXES

    [topic] = [t for t in TOPICS if t.anchor == "import"]
    text = "".join(topic.paragraphs)
    tip = make_window().actions_by_id["import"].statusTip()
    for kind in (WORD_SUFFIXES, EXCEL_SUFFIXES, PDF_SUFFIXES, HTML_SUFFIXES, (".json",), (".txt",)):
        assert kind[0] in text, kind
    for word in ("Word", "Excel", "PDF", ".html", ".json", ".txt"):
        assert word in tip, word
