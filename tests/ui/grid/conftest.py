"""Real sessions over real reports, and grids shown offscreen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.domain.report import Report
from app.readers.files import read_report_file
from tests.paths import FIXTURES, SEED
from tests.ui.grid.reports import filled_report
from ui.grid import TableGrid
from ui.session import ReportSession

MakeGrid = Callable[[ReportSession, str], TableGrid]


@pytest.fixture
def pingtan_2021() -> Report:
    return read_report_file(FIXTURES / "report_2021_pingtan.txt")


@pytest.fixture
def seed_2020() -> Report:
    """高青县行政审批服务局 2020 (layout 2019): breaks R2 in row na_not_held."""
    return read_report_file(SEED)


@pytest.fixture
def session_2021() -> ReportSession:
    return ReportSession(filled_report(2021))


@pytest.fixture
def make_grid(qtbot: QtBot) -> MakeGrid:
    def make(session: ReportSession, table: str) -> TableGrid:
        grid = TableGrid(session, table)
        qtbot.addWidget(grid)
        grid.resize(900, 700)
        grid.show()
        qtbot.waitExposed(grid)
        grid.activateWindow()
        grid.setFocus()
        return grid

    return make
