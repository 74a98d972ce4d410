"""The findings list: a model that passes Qt's checks, icons by severity, a click that reports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.findings import Finding, Severity
from app.rules import check
from tests.ui.window_helpers import seed
from ui.findings_panel import FINDING_ROLE, FindingsPanel, summary_text

R2 = Finding(
    "R2",
    Severity.ERROR,
    ("table3:new.total", "table3:new.natural"),
    "一、本年新收政府信息公开申请数量：总计 3 ≠ 各类申请人之和 5",
)
R6 = Finding("R6", Severity.WARNING, ("table2:rules.issued",), "表二有 1 个单元格空白")


def test_the_model_passes_qts_model_checks_through_changes(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    panel = FindingsPanel()
    qtmodeltester.check(panel.model)
    panel.set_findings(check(seed()))
    qtmodeltester.check(panel.model)
    panel.set_findings([R6])
    panel.set_findings([])
    qtmodeltester.check(panel.model)


def test_each_finding_shows_its_severity_in_words_and_colour(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings([R2, R6])
    first = panel.model.index(0)
    assert first.data() == "错误　" + R2.message
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert first.data(Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert "R2" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(1).data(FINDING_ROLE) is R6
    assert panel.summary.text().startswith("错误 1 项，警告 1 项")


def test_a_click_reports_the_finding(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_findings([R6, R2])
    rect = panel.list.visualRect(panel.model.index(1))
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [R2]


def test_the_summary_says_when_all_is_well() -> None:
    assert summary_text([]) == "校验通过：未发现问题"
    assert "导出前会再次提醒" in summary_text([R2])
