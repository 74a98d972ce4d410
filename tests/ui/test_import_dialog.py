"""Importing a file as a user does: what was read is shown before anything is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.findings import Severity
from app.domain.layouts import get_layout
from app.domain.report import Report, format_value
from app.readers.files import read_report_file
from app.store import Store
from tests.app.readers.pdf_made import PDF_FIXTURES
from tests.app.readers.published import Page, scanned_pdf, web_page
from tests.app.readers.word_made import Style, word_report
from tests.paths import SEED
from tests.ui.answers import answers
from ui.import_dialog import (
    FILE_FILTER,
    ImportDialog,
    ask_import,
    ask_import_tables,
    ask_new_year_from_file,
    dropped_paths,
)

UNIT = "高青县行政审批服务局"


def when_modal(handler: Callable[[QWidget], None]) -> None:
    """Let `handler` answer the next dialog the code under test opens."""
    answers().next_dialog(handler)


def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def seed_docx(tmp_path: Path) -> Path:
    """The published 2020 report, typed into Word with merged cells and a split table 3."""
    path = tmp_path / "高青县2020年报.docx"
    path.write_bytes(word_report(read_report_file(SEED), Style(split_table3_at=12)))
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "nianbao.sqlite3") as opened:
        yield opened


def test_dialog_shows_unit_year_layout_every_figure_and_the_findings(
    qtbot: QtBot, seed_docx: Path
) -> None:
    report = read_report_file(seed_docx)
    dialog = ImportDialog(report, source=seed_docx.name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_unit() == UNIT
    assert "2019年版" in dialog.layout_label.text()
    for name, preview in dialog.previews.items():
        for spec in get_layout("2019").table(name).cells:
            shown = format_value(report.get(spec.ref), report.money_units.get(spec.ref, ""))
            assert preview.text_at(spec.ref) == shown, spec.ref
    assert dialog.previews["table2"].text_at("table2:procurement.amount") == "347.08万元"
    errors = {f.rule for f in dialog.findings if f.severity is Severity.ERROR}
    assert errors == {"R2", "R3"}
    assert dialog.findings_panel.model.rowCount() == len(dialog.findings)
    assert "一、总体情况" in dialog.text_view.toPlainText()


def test_clicking_a_finding_shows_its_cell(qtbot: QtBot, seed_docx: Path) -> None:
    dialog = ImportDialog(read_report_file(seed_docx), source=seed_docx.name)
    qtbot.addWidget(dialog)
    r2 = next(f for f in dialog.findings if f.rule == "R2")
    dialog.findings_panel.finding_activated.emit(r2)
    preview = dialog.previews["table3"]
    assert dialog.tabs.currentWidget() is preview
    row, col = preview.layout_table.value_position("na_not_held.total")
    assert (preview.currentRow(), preview.currentColumn()) == (row, col)


def test_store_only_after_the_button_under_the_unit_chosen(
    qtbot: QtBot, seed_docx: Path, store: Store
) -> None:
    def choose_and_store(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        assert store.units() == []  # nothing stored while the user looks
        dialog.unit.setCurrentText("高青县行政审批服务局（导入）")
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

    when_modal(choose_and_store)
    report = ask_import(parent(qtbot), seed_docx, units=[u.name for u in store.units()])
    assert report is not None and report.unit == "高青县行政审批服务局（导入）"
    assert report.signature_unit == UNIT  # as the file printed it
    store.save(report)
    assert store.years("高青县行政审批服务局（导入）") == [2020]


def test_cancel_stores_nothing(qtbot: QtBot, seed_docx: Path, store: Store) -> None:
    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    when_modal(cancel)
    assert ask_import(parent(qtbot), seed_docx) is None
    assert store.units() == []


def test_an_existing_report_is_said_to_be_replaced(qtbot: QtBot, seed_docx: Path) -> None:
    dialog = ImportDialog(
        read_report_file(seed_docx),
        source=seed_docx.name,
        exists=lambda unit, year: (unit, year) == (UNIT, 2020),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.replace_warning.isVisible()
    assert "存入将替换" in dialog.replace_warning.text()
    dialog.unit.setCurrentText("另一个单位")
    assert not dialog.replace_warning.isVisible()
    dialog.unit.setCurrentText("  ")
    assert not dialog.store_button.isEnabled()


def test_a_bad_file_gives_one_sentence_and_no_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "旧报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    said: list[str] = []
    assert ask_import(parent(qtbot), path, show_error=said.append) is None
    assert len(said) == 1 and said[0].startswith("旧报告.doc：") and "另存为 .docx" in said[0]
    assert QApplication.activeModalWidget() is None


def test_new_year_from_last_years_word_file(qtbot: QtBot, seed_docx: Path) -> None:
    seen: dict[str, str] = {}

    def look_and_store(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen["notes"] = dialog.notes.text()
        seen["layout"] = dialog.layout_label.text()
        seen["carried"] = dialog.previews["table3"].text_at("table3:carried_in.total")
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

    when_modal(look_and_store)
    report = ask_new_year_from_file(parent(qtbot), seed_docx)
    assert isinstance(report, Report)
    assert (report.unit, report.year, report.layout_id) == (UNIT, 2021, "2021")
    previous = read_report_file(seed_docx)
    for column in get_layout("2021").table3.column_keys:
        assert report.get(f"table3:carried_in.{column}") == previous.get(
            f"table3:carried_out.{column}"
        )
    assert "2021年版" in seen["layout"]
    assert "新的表格格式" in seen["notes"] and "上年结转" in seen["notes"]
    assert seen["carried"] == format_value(previous.get("table3:carried_out.total"))


def test_dropped_files_the_import_takes(tmp_path: Path) -> None:
    mime = QMimeData()
    names = ["a.docx", "b.TXT", "c.json", "d.xlsx", "e.png", "f.doc", "g.pdf", "h.html", "i.HTM"]
    mime.setUrls(
        [QUrl.fromLocalFile(str(tmp_path / n)) for n in names]
        + [QUrl("https://example.org/x.docx")]
    )
    assert [p.name for p in dropped_paths(mime)] == [
        "a.docx",
        "b.TXT",
        "c.json",
        "d.xlsx",
        "f.doc",
        "g.pdf",
        "h.html",
        "i.HTM",
    ]
    assert dropped_paths(QMimeData()) == []


def test_a_colleagues_excel_tables_go_into_the_open_report(qtbot: QtBot, tmp_path: Path) -> None:
    from app.xlsx.writer import export_xlsx

    mine = read_report_file(SEED)
    colleague = mine.copy()
    colleague.set("table3:new.natural", 41)
    colleague.set("table3:new.total", 41)
    path = tmp_path / "同事填的表.xlsx"
    export_xlsx(colleague, path)
    seen: dict[str, str] = {}

    def replace(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen["button"] = dialog.store_button.text()
        seen["shown"] = dialog.previews["table3"].text_at("table3:new.natural")
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

    when_modal(replace)
    merged = ask_import_tables(parent(qtbot), path, mine)
    assert merged is not None
    assert seen == {"button": "替换表格", "shown": "41"}
    assert merged.get("table3:new.natural") == 41
    assert merged.chapters == mine.chapters and merged.unit == mine.unit
    assert mine.get("table3:new.natural") == 3  # the open report is untouched until stored


def test_a_file_without_tables_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "空.txt"
    path.write_text(
        "高青县行政审批服务局\n2020年政府信息公开工作年度报告\n一、总体情况\n略。\n",
        encoding="utf-8",
    )
    said: list[str] = []
    assert (
        ask_import_tables(parent(qtbot), path, read_report_file(SEED), show_error=said.append)
        is None
    )
    assert said == ["空.txt：文件中没有读到三张表格中的数字"]


def test_the_file_dialogs_offer_pdf_and_web_pages() -> None:
    assert "*.pdf" in FILE_FILTER.split(";;")[0] and "*.html" in FILE_FILTER.split(";;")[0]
    assert "PDF 文件 (*.pdf)" in FILE_FILTER and "(*.html *.htm)" in FILE_FILTER


@pytest.mark.parametrize("name", ["word-seed_2020_gaoqing_xzsp.pdf", "年报.html"])
def test_a_published_pdf_or_web_page_is_shown_before_it_is_stored(
    qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    if name.endswith(".pdf"):
        path = PDF_FIXTURES / name
    else:
        path = tmp_path / name
        path.write_bytes(web_page(read_report_file(SEED), Page(encoding="gbk")))
    seen: dict[str, str] = {}

    def look_and_store(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        seen["unit"] = dialog.chosen_unit()
        seen["new"] = dialog.previews["table3"].text_at("table3:new.total")
        seen["fees"] = dialog.previews["table2"].text_at("table2:procurement.amount")
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

    when_modal(look_and_store)
    report = ask_import(parent(qtbot), path)
    assert isinstance(report, Report)
    assert seen == {"unit": UNIT, "new": "3", "fees": "347.08万元"}
    assert report.table_cells("table3") == read_report_file(SEED).table_cells("table3")


def test_a_scanned_pdf_gives_one_sentence_and_no_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(scanned_pdf())
    said: list[str] = []
    assert ask_import(parent(qtbot), path, show_error=said.append) is None
    assert len(said) == 1 and said[0].startswith("扫描件.pdf：") and "扫描件" in said[0]
    assert QApplication.activeModalWidget() is None


def test_new_year_from_last_years_published_pdf(qtbot: QtBot) -> None:
    when_modal(
        lambda dialog: qtbot.mouseClick(
            dialog.store_button,  # type: ignore[attr-defined]
            Qt.MouseButton.LeftButton,
        )
    )
    report = ask_new_year_from_file(parent(qtbot), PDF_FIXTURES / "ours-report_2021_pingtan.pdf")
    assert isinstance(report, Report)
    assert (report.year, report.layout_id) == (2022, "2021")
    assert report.get("table3:carried_in.total") == 1  # 2021's 结转下年度继续办理


HOSTILE_UNIT = "<b>某局</b><img src='x.png'>&amp;"


def _hostile_json(tmp_path: Path, **extra: object) -> Path:
    import json

    from app.readers.json_form import report_to_json

    report = read_report_file(SEED)
    report.unit = report.signature_unit = HOSTILE_UNIT
    report.title = f"<i>{HOSTILE_UNIT}</i>2020年度报告"
    data = {**report_to_json(report), **extra}
    path = tmp_path / "&amp;报告.json"  # as markup would show it: "&"; no "<" in a Windows name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_report_text_is_shown_as_written_never_as_html(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    path = _hostile_json(tmp_path)
    shown: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        for label in dialog.findChildren(QLabel):
            if "<" in label.text() or "&" in label.text():
                assert label.textFormat() is Qt.TextFormat.PlainText, label.text()
                shown.append(label.text())
        dialog.reject()

    when_modal(look)
    assert ask_import(parent(qtbot), path) is None
    assert any(HOSTILE_UNIT in text for text in shown)
    assert any("&amp;报告.json" in text for text in shown)


def test_an_unknown_table_name_in_a_json_file_is_no_fault(qtbot: QtBot, tmp_path: Path) -> None:
    path = _hostile_json(tmp_path, table_layouts={"table9": "2019", "table3": "2019"})

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        assert "table9" not in dialog.layout_label.text()
        dialog.reject()

    when_modal(look)
    ask_import(parent(qtbot), path)


def test_import_dialogs_are_let_go_once_closed(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    window = parent(qtbot)
    for _ in range(30):
        when_modal(lambda dialog: dialog.reject())  # type: ignore[attr-defined]
        ask_import(window, SEED)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(ImportDialog) == []
