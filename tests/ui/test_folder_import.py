"""导入文件夹: reading with progress and cancel, the summary of every file, storing on 导入."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.store import Store
from tests.app.county.county_data import (
    COUNTY,
    DEPARTMENTS,
    TOWNSHIPS,
    copy_chapter,
    unit_report,
    write_county,
    write_report,
)
from tests.ui.answers import answers
from tests.ui.window_helpers import cell_text, db_path, store
from ui.folder_import import NOT_IMPORTED, UNIT, WARNINGS, FolderImportDialog, new_unit_text

__all__ = ["db_path", "store"]  # fixtures

TODAY = dt.date(2023, 1, 20)
READING = 180_000  # ms: workers start and read on a shared, busy machine


@pytest.fixture
def county_store(store: Store) -> Store:
    store.add_unit(COUNTY, "county")
    for unit in DEPARTMENTS[:8]:
        store.add_unit(unit, parent=COUNTY)
    return store


FOLDER_UNITS = (*DEPARTMENTS[:10], TOWNSHIPS[0])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2022年报告"
    write_county(folder, 2022, FOLDER_UNITS)
    (folder / "坏的.docx").write_bytes(b"PK\x03\x04 damaged")
    (folder / "通知.txt").write_text("请于1月20日前报送", encoding="utf-8")
    return folder


def file_of(folder: Path, unit: str) -> str:
    [path] = folder.glob(f"{unit}2022年报告.*")
    return path.name


def dialog_on(qtbot: QtBot, store: Store, folder: Path) -> FolderImportDialog:
    dialog = FolderImportDialog(store, folder, parent_unit=COUNTY, year=2022, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_the_folder_is_read_with_progress_and_summed_up_row_by_row(
    qtbot: QtBot, county_store: Store, folder: Path
) -> None:
    dialog = dialog_on(qtbot, county_store, folder)
    told: list[object] = []
    dialog.reader.progress.connect(lambda done, total, _name: told.append((done, total)))
    dialog.reader.comparing.connect(lambda: told.append("comparing"))
    with qtbot.waitSignal(dialog.summary_ready, timeout=READING):
        dialog.start()
    # Each file counted, then the texts compared off the window's thread, the bar busy.
    assert told[-2:] == [(13, 13), "comparing"]
    assert (dialog.progress_bar.minimum(), dialog.progress_bar.maximum()) == (0, 0)
    assert dialog.table.rowCount() == 13
    shown = {cell_text(dialog.table, r, 0): cell_text(dialog.table, r, UNIT) for r in range(13)}
    assert shown["坏的.docx"] == shown["通知.txt"] == NOT_IMPORTED
    assert shown[file_of(folder, DEPARTMENTS[0])] == DEPARTMENTS[0]
    assert shown[file_of(folder, DEPARTMENTS[9])] == new_unit_text(DEPARTMENTS[9])
    assert "将导入 11 份报告（新建单位 3 个" in dialog.summary_label.text()
    note = next(
        cell_text(dialog.table, r, 5)
        for r in range(13)
        if cell_text(dialog.table, r, 0) == "坏的.docx"
    )
    assert "坏的.docx" in note
    assert county_store.years(DEPARTMENTS[0]) == []  # nothing stored before 导入


def test_choices_change_the_summary_and_import_stores_them(
    qtbot: QtBot, county_store: Store, folder: Path
) -> None:
    dialog = dialog_on(qtbot, county_store, folder)
    with qtbot.waitSignal(dialog.summary_ready, timeout=READING):
        dialog.start()
    rows = {row.name: i for i, row in enumerate(dialog.rows)}
    township = rows[file_of(folder, TOWNSHIPS[0])]
    dialog.choose(township, None, False)
    assert cell_text(dialog.table, township, UNIT) == NOT_IMPORTED
    assert "将导入 10 份报告" in dialog.summary_label.text()
    assert [text for text, _, _ in dialog.choices(dialog.rows[township])][:2] == [
        new_unit_text(TOWNSHIPS[0]),
        NOT_IMPORTED,
    ]
    with qtbot.waitSignal(dialog.finished_storing) as stored:
        dialog.import_button.click()
    assert len(stored.args[0]) == 10
    assert county_store.years(DEPARTMENTS[9]) == [2022]
    info = county_store.unit(DEPARTMENTS[9])
    assert info is not None and info.parent == COUNTY
    assert county_store.unit(TOWNSHIPS[0]) is None
    assert file_of(folder, DEPARTMENTS[0]) in {r.source for r in county_store.receipts(2022)}


def test_cancel_while_reading_leaves_the_database_as_it_was(
    qtbot: QtBot, county_store: Store, folder: Path
) -> None:
    county_store.save(unit_report(DEPARTMENTS[0], 2022, 5))
    before = [(u, county_store.years(u.name)) for u in county_store.units()]
    dialog = dialog_on(qtbot, county_store, folder)

    def cancel_after_the_first(done: int, _total: int, _name: str) -> None:
        if done == 1:
            dialog.cancel_reading()

    dialog.reader.progress.connect(cancel_after_the_first)
    with qtbot.waitSignal(dialog.reader.stopped, timeout=READING):
        dialog.start()
    dialog.reader.wait()
    assert dialog.rows == []
    assert [(u, county_store.years(u.name)) for u in county_store.units()] == before


def test_the_reports_replaced_are_each_named_before_and_no_keeps_them(
    qtbot: QtBot, county_store: Store, folder: Path
) -> None:
    kept = {u: unit_report(u, 2022, 5) for u in DEPARTMENTS[:2]}
    for report in kept.values():
        county_store.save(report)
    last_year = unit_report(DEPARTMENTS[2], 2021, 5)
    county_store.save(last_year)
    write_county(folder / "去年", 2021, DEPARTMENTS[2:3], form=".json", seed=8)
    dialog = FolderImportDialog(county_store, folder, parent_unit=COUNTY, year=None, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.summary_ready, timeout=READING):
        dialog.start()
    asked: list[str] = []

    def say_no(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        [no] = [b for b in box.buttons() if b.text() == "否"]
        no.click()

    answers().next_dialog(say_no)
    assert not dialog.confirm()
    [question] = asked
    assert "3 份报告将替换" in question
    for unit in DEPARTMENTS[:2]:
        assert f"“{unit}”2022年度" in question
    assert f"“{DEPARTMENTS[2]}”2021年度" in question
    for unit, report in kept.items():
        assert county_store.load(unit, 2022).cells == report.cells  # type: ignore[union-attr]
    assert county_store.load(DEPARTMENTS[2], 2021).cells == last_year.cells  # type: ignore[union-attr]
    assert county_store.years(DEPARTMENTS[9]) == []


def test_a_chapter_copied_between_two_units_is_named_in_both_rows(
    qtbot: QtBot, county_store: Store, tmp_path: Path
) -> None:
    made = write_county(tmp_path / "收到的", 2022, DEPARTMENTS[:3], form=".docx", seed=2)
    copier = made.reports[DEPARTMENTS[1]]
    copy_chapter(copier, made.reports[DEPARTMENTS[0]])
    write_report(copier, made.files[DEPARTMENTS[1]])
    dialog = dialog_on(qtbot, county_store, tmp_path / "收到的")
    with qtbot.waitSignal(dialog.summary_ready, timeout=READING):
        dialog.start()
    rules = {row.target: {f.rule for f in row.findings} for row in dialog.rows}
    assert (
        "R21" in rules[DEPARTMENTS[0]],
        "R21" in rules[DEPARTMENTS[1]],
        "R21" in rules[DEPARTMENTS[2]],
    ) == (True, True, False)
    warnings = {
        cell_text(dialog.table, r, UNIT): cell_text(dialog.table, r, WARNINGS)
        for r in range(dialog.table.rowCount())
    }
    assert warnings[DEPARTMENTS[1]] == "1"


def test_cancel_while_comparing_the_texts_leaves_the_database_as_it_was(
    qtbot: QtBot, county_store: Store, folder: Path
) -> None:
    before = [(u, county_store.years(u.name)) for u in county_store.units()]
    dialog = dialog_on(qtbot, county_store, folder)
    dialog.reader.comparing.connect(dialog.reader.cancel, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(dialog.reader.stopped, timeout=READING):
        dialog.start()
    dialog.reader.wait()
    assert dialog.rows == []
    assert [(u, county_store.years(u.name)) for u in county_store.units()] == before
