"""Small dialogs: a new unit, yes-or-no questions, messages, about the program."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.layouts import layout_for_year
from app.domain.report import LEVELS, MAX_UNIT_NAME
from ui import modal
from ui.plain_text import plain_box

FIRST_YEAR = 2019  # the first year of the current regulations' report format
LAST_YEAR = 2100


def default_report_year(today: dt.date) -> int:
    """Reports are written in the first months of the year after the one they cover."""
    return today.year - 1 if today.month <= 6 else today.year


def chinese_buttons(box: QDialogButtonBox) -> None:
    """Chinese button texts even where Qt's own translations were left out of the build."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: "确定",
        QDialogButtonBox.StandardButton.Cancel: "取消",
        QDialogButtonBox.StandardButton.Yes: "是",
        QDialogButtonBox.StandardButton.No: "否",
    }
    for standard, text in texts.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)


@dataclass(frozen=True)
class NewUnit:
    name: str
    level: str
    year: int


class NewUnitDialog(QDialog):
    """Name, level and the first report year of a new unit; refuses a name already taken."""

    def __init__(self, existing: list[str], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建单位")
        self._existing = {name.strip() for name in existing}
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_UNIT_NAME)  # the store takes no longer name
        self.name.setPlaceholderText("如：高青县行政审批服务局")
        self.name.setMinimumWidth(320)
        self.level = QComboBox()
        for key, label in LEVELS.items():
            self.level.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(default_report_year(today))
        self.year.setSuffix(" 年度")
        self.layout_note = QLabel()
        self.layout_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("单位名称：", self.name)
        form.addRow("单位层级：", self.level)
        form.addRow("报告年度：", self.year)
        form.addRow("", self.layout_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        chinese_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self.year.valueChanged.connect(self._note_layout)
        self._validate()
        self._note_layout()

    def result_unit(self) -> NewUnit:
        return NewUnit(self.name.text().strip(), str(self.level.currentData()), self.year.value())

    def _problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return ""
        if name in self._existing:
            return f"单位“{name}”已经存在，请在左侧选择它"
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.error.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and not problem)

    def _note_layout(self) -> None:
        layout = layout_for_year(self.year.value())
        self.layout_note.setText(f"使用{layout.document}规定的表格格式")

    def accept(self) -> None:
        if not self.name.text().strip() or self._problem():
            return
        super().accept()


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    box = plain_box(
        QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
    )
    box.button(QMessageBox.StandardButton.Yes).setText("是")
    box.button(QMessageBox.StandardButton.No).setText("否")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return run_once(box) == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> None:
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    box = plain_box(QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent))
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    run_once(box)


def run_once(dialog: QDialog) -> int:
    """Run a dialog through ui.modal and let it go once closed: a dialog made with the window
    as its parent otherwise lives as long as the window (four hundred imports kept 356 MB)."""
    try:
        return modal.run(dialog)
    finally:
        dialog.deleteLater()
