"""The unit commands work on what they are given, not on the window: here a small host over a
real database, with the dialogs answered as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.store import Store, StoreError
from tests.ui.answers import answers
from ui.dialogs import NewUnitDialog
from ui.session import ReportSession
from ui.window_units import UnitCommands


class _Host:
    def __init__(self, store: Store, parent: QWidget) -> None:
        self.store = store
        self.session: ReportSession | None = None
        self.parent = parent
        self.opened: list[tuple[str, int]] = []
        self.errors: list[str] = []

    def as_widget(self) -> QWidget:
        return self.parent

    def today(self) -> dt.date:
        return dt.date(2023, 1, 9)

    def chosen_unit(self) -> str | None:
        return None

    def save_pending(self) -> bool:
        return True

    def store_error(self, exc: StoreError) -> None:
        self.errors.append(str(exc))

    def refresh_units(self) -> None:
        pass

    def open_report(self, unit: str, year: int) -> bool:
        self.opened.append((unit, year))
        return True


def test_a_new_unit_is_stored_with_its_first_report_and_opened(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    with Store.open(tmp_path / "nianbao.sqlite3") as store:
        host = _Host(store, parent)

        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, NewUnitDialog)
            assert dialog.year.value() == 2022  # in January, last year's report is due
            dialog.name.setText("临海市自然资源和规划局")
            dialog.level.setCurrentIndex(dialog.level.findData("department"))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        answers().next_dialog(fill)
        UnitCommands(host).new_unit()
        assert [u.name for u in store.units()] == ["临海市自然资源和规划局"]
        assert store.years("临海市自然资源和规划局") == [2022]
        assert host.opened == [("临海市自然资源和规划局", 2022)] and not host.errors

        # Nothing chosen and no report open: the user is told what to do, nothing is made.
        said: list[str] = []

        def read(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            said.append(box.text())
            box.accept()

        answers().next_dialog(read)
        UnitCommands(host).new_year()
        assert "请先在左侧选择单位" in said[0]
        assert store.years("临海市自然资源和规划局") == [2022]
