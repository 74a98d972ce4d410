"""The pages of a report's parts other than the chapters' text (ui.chapter_editor.TextPage):
the title and preamble, the signature, and a table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.chapters import TABLE_CHAPTERS
from app.domain.edits import Edit, SetField
from app.domain.report import LEVELS, chapter_heading, format_date
from app.rules import publication_deadline
from ui.chapter_editor import ChapterEditor, PageTexts, ReportLineEdit, heading_label
from ui.session import ReportSession
from ui.text_binding import TextBinding, TextTarget


class FrontPage(QWidget):
    """The title and the opening paragraph (legal basis, statistics period, contacts)."""

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ReportLineEdit()
        self.title.setPlaceholderText("如：某某局2021年政府信息公开工作年度报告")
        self.preamble = ChapterEditor(session, part="preamble")
        self.bindings = [
            TextBinding(session, TextTarget(field="title"), self.title),
            TextBinding(session, TextTarget(field="preamble"), self.preamble),
        ]
        self.preamble.left.connect(self.bindings[1].end_burst)
        self.title.left.connect(self.bindings[0].end_burst)
        hint = QLabel(
            "前言通常写明：编制依据（《条例》）、报告由六部分组成、数据统计期限"
            "（自某年1月1日起至12月31日止）、电子版查阅地址、联系方式。"
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("标题和前言"))
        layout.addWidget(QLabel("标题："))
        layout.addWidget(self.title)
        layout.addWidget(QLabel("前言："))
        layout.addWidget(hint)
        layout.addWidget(self.preamble, 1)

    @property
    def texts(self) -> PageTexts:
        return PageTexts(
            editors=(self.preamble,), lines=(self.title,), bindings=tuple(self.bindings)
        )


class SignaturePage(QWidget):
    """The agency's name and the date at the end, with the publication deadline beside them."""

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unit = ReportLineEdit()
        self.unit.setPlaceholderText(session.report.unit)
        self.unit.setMaximumWidth(480)
        self.binding = TextBinding(session, TextTarget(field="signature_unit"), self.unit)
        self.unit.left.connect(self.binding.end_burst)
        self.has_date = QCheckBox("填写落款日期")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setFixedWidth(200)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        form = QFormLayout()
        form.addRow("落款单位：", self.unit)
        form.addRow("", self.has_date)
        form.addRow("落款日期：", self.date)
        form.addRow("", self.deadline)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("落款"))
        layout.addLayout(form)
        layout.addStretch(1)
        self._syncing = False
        self._show_date()
        self.has_date.toggled.connect(self._date_edited)
        self.date.dateChanged.connect(self._date_edited)
        session.changed.connect(self._changed)

    @property
    def texts(self) -> PageTexts:
        return PageTexts(lines=(self.unit,), bindings=(self.binding,))

    def _show_date(self) -> None:
        self._syncing = True
        try:
            report = self.session.report
            date = report.signature_date
            self.has_date.setChecked(date is not None)
            self.date.setEnabled(date is not None)
            shown = date or dt.date(report.year + 1, 1, 20)
            self.date.setDate(QDate(shown.year, shown.month, shown.day))
            deadline = publication_deadline(report.year, report.level)
            level = LEVELS.get(report.level, "")
            note = f"本单位为{level}，年度报告应于 {format_date(deadline)} 前公布。"
            if date is not None and date > deadline:
                note = "落款日期晚于公布期限。" + note
            self.deadline.setText(note)
        finally:
            self._syncing = False

    def _date_edited(self, *_: object) -> None:
        if self._syncing:
            return
        self.date.setEnabled(self.has_date.isChecked())
        value = ""
        if self.has_date.isChecked():
            qdate = self.date.date()
            value = dt.date(qdate.year(), qdate.month(), qdate.day()).isoformat()
        current = self.session.report.signature_date
        if value != (current.isoformat() if current else ""):
            self.session.push(SetField("signature_date", value, "修改落款日期"))

    def _changed(self, edit: Edit) -> None:
        if isinstance(edit, SetField) and edit.name == "signature_date":
            self._show_date()


class TablePage(QWidget):
    def __init__(self, session: ReportSession, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.grid import TableGrid  # with the first table shown, not with the window

        self.grid = TableGrid(session, TABLE_CHAPTERS[number])
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(chapter_heading(number)))
        layout.addWidget(self.grid, 1)
