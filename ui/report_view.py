"""One open report: an outline of its parts on the left, the part being edited on the right."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.chapters import TABLE_CHAPTERS, TEXT_CHAPTERS
from app.domain.edits import Edit, SetField
from app.domain.findings import Finding, Severity
from app.domain.report import LEVELS, Report, chapter_heading, format_date
from app.rules import publication_deadline
from ui.chapter_editor import ChapterEditor, ReportLineEdit, TextPage, chapter_page
from ui.icons import severity_icon
from ui.session import ReportSession
from ui.text_binding import TextBinding, TextTarget, move_cursor_to

if TYPE_CHECKING:
    from ui.grid import TableGrid

FRONT = "front"
SIGNATURE = "signature"
PART_KEYS = (FRONT, "1", "2", "3", "4", "5", "6", SIGNATURE)
PART_ROLE = Qt.ItemDataRole.UserRole + 1


def part_title(key: str) -> str:
    if key == FRONT:
        return "标题和前言"
    if key == SIGNATURE:
        return "落款"
    return chapter_heading(key)


def part_of_ref(ref: str) -> str:
    """Which part shows a finding's cell: "table3:new.total" -> "3", "chapter:5" -> "5"."""
    kind, _, rest = ref.partition(":")
    if kind == "chapter":
        return rest
    if kind in ("title", "preamble"):
        return FRONT
    if kind == "signature":
        return SIGNATURE
    for number, table in TABLE_CHAPTERS.items():
        if table == kind:
            return number
    return FRONT


def _blank_icon() -> QIcon:
    """Keeps the part names aligned whether or not a part carries a severity icon."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def quoted(message: str) -> str:
    """The words a finding's message quotes (“…”), to find them in the text."""
    start = message.find("“")
    end = message.find("”", start + 1)
    return message[start + 1:end] if 0 <= start < end else ""


def _heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() + 3)
    font.setBold(True)
    label.setFont(font)
    return label


class FrontPage(QWidget):
    """The title and the opening paragraph (legal basis, statistics period, contacts)."""

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ReportLineEdit()
        self.title.setPlaceholderText("如：某某局2021年政府信息公开工作年度报告")
        self.preamble = ChapterEditor(session)
        self.bindings = [
            TextBinding(session, TextTarget(field="title"), self.title),
            TextBinding(session, TextTarget(field="preamble"), self.preamble),
        ]
        self.preamble.left.connect(self.bindings[1].end_burst)
        self.title.left.connect(self.bindings[0].end_burst)
        hint = QLabel("前言通常写明：编制依据（《条例》）、报告由六部分组成、数据统计期限"
                      "（自某年1月1日起至12月31日止）、电子版查阅地址、联系方式。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(_heading_label("标题和前言"))
        layout.addWidget(QLabel("标题："))
        layout.addWidget(self.title)
        layout.addWidget(QLabel("前言："))
        layout.addWidget(hint)
        layout.addWidget(self.preamble, 1)


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
        layout.addWidget(_heading_label("落款"))
        layout.addLayout(form)
        layout.addStretch(1)
        self._syncing = False
        self._show_date()
        self.has_date.toggled.connect(self._date_edited)
        self.date.dateChanged.connect(self._date_edited)
        session.changed.connect(self._changed)

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
        layout.addWidget(_heading_label(chapter_heading(number)))
        layout.addWidget(self.grid, 1)


class ReportView(QWidget):
    part_changed = Signal(str)
    grid_created = Signal(object)  # TableGrid

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.header = QLabel()
        header_font = self.header.font()
        header_font.setPointSizeF(header_font.pointSizeF() + 1)
        header_font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(header_font)
        self.header.setWordWrap(True)
        self.outline = QListWidget()
        self.outline.setIconSize(QSize(14, 14))
        # Full headings, wrapped: users know the parts by their official words.
        self.outline.setFixedWidth(200)
        self.outline.setWordWrap(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.outline.setSpacing(3)
        self.stack = QStackedWidget()
        self.front = FrontPage(session)
        self.signature = SignaturePage(session)
        self.text_pages = {n: chapter_page(session, n) for n in TEXT_CHAPTERS}
        # Grids are built when first shown: three of them cost more than the rest of the
        # window, and the first paint should not wait for tables nobody is looking at.
        self.table_pages: dict[str, TablePage] = {}
        pages: dict[str, QWidget] = {FRONT: self.front, SIGNATURE: self.signature}
        pages.update(self.text_pages)
        for key in PART_KEYS:
            item = QListWidgetItem(part_title(key))
            item.setData(PART_ROLE, key)
            self.outline.addItem(item)
            self.stack.addWidget(pages.get(key) or QWidget())
        self.outline.currentRowChanged.connect(self._row_changed)
        body = QHBoxLayout()
        body.addWidget(self.outline)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self._show_header()
        self._mark_parts(session.findings)
        session.findings_changed.connect(self._mark_parts)
        session.changed.connect(self._show_header)
        self.outline.setCurrentRow(0)

    # --- parts ---------------------------------------------------------------------------

    def show_part(self, key: str) -> None:
        if key in PART_KEYS:
            self.outline.setCurrentRow(PART_KEYS.index(key))

    def current_part(self) -> str:
        return PART_KEYS[max(self.outline.currentRow(), 0)]

    def current_text_page(self) -> TextPage | None:
        return self.text_pages.get(self.current_part())

    def table_page(self, number: str) -> TablePage:
        """The page of table `number` ("2".."4"), built on first use."""
        page = self.table_pages.get(number)
        if page is None:
            page = TablePage(self.session, number)
            self.table_pages[number] = page
            row = PART_KEYS.index(number)
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self.grid_created.emit(page.grid)
        return page

    def grid(self, number: str) -> TableGrid:
        return self.table_page(number).grid

    def current_grid(self) -> TableGrid | None:
        part = self.current_part()
        return self.grid(part) if part in TABLE_CHAPTERS else None

    def grids(self) -> list[TableGrid]:
        """The grids built so far."""
        return [page.grid for page in self.table_pages.values()]

    def editors(self) -> list[ChapterEditor]:
        return [self.front.preamble, *(p.editor for p in self.text_pages.values())]

    def bindings(self) -> list[TextBinding]:
        return [*self.front.bindings, self.signature.binding,
                *(p.binding for p in self.text_pages.values())]

    def flush_text(self) -> None:
        for binding in self.bindings():
            binding.flush()

    # --- going to what a finding names ----------------------------------------------------

    def current_cell(self) -> str:
        grid = self.current_grid()
        return grid.currentRef() or "" if grid else ""

    def go_to(self, finding: Finding) -> None:
        """Show what a finding is about: its cells selected, or the words it quotes."""
        if not finding.cells:
            return
        first = finding.cells[0]
        quote = quoted(finding.message)
        if first.startswith("chapter:"):
            self.focus_chapter(first.partition(":")[2], quote)
        elif first in ("title", "preamble"):
            self.show_part(FRONT)
            if first == "title":
                self.front.title.setFocus()
            else:
                self.front.preamble.setFocus()
                start = self.front.preamble.toPlainText().find(quote) if quote else -1
                if start >= 0:
                    move_cursor_to(self.front.preamble, start, len(quote))
        elif first == "signature":
            self.show_part(SIGNATURE)
            self.signature.date.setFocus()
        else:
            self.select_refs(list(finding.cells))

    def select_refs(self, refs: list[str]) -> bool:
        """Show the table holding the first cell ref and select those of its cells."""
        tables = [r for r in refs if r.startswith("table")]
        if not tables:
            return False
        part = part_of_ref(tables[0])
        self.show_part(part)
        same = [r for r in tables if part_of_ref(r) == part and not r.endswith(":")]
        grid = self.grid(part)
        grid.selectRefs(same)
        grid.setFocus()
        return True

    def focus_chapter(self, number: str, quote: str = "") -> None:
        """Show a text chapter; select `quote` in it when it is there (the words a rule cited)."""
        self.show_part(number)
        page = self.text_pages.get(number)
        if page is None:
            return
        editor = page.editor
        editor.setFocus()
        start = editor.toPlainText().find(quote) if quote else -1
        if start >= 0:
            move_cursor_to(editor, start, len(quote))

    # --- decoration -----------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        if PART_KEYS[row] in TABLE_CHAPTERS:
            self.table_page(PART_KEYS[row])
        self.stack.setCurrentIndex(row)
        self.part_changed.emit(self.current_part())

    def _show_header(self, *_: object) -> None:
        report: Report = self.session.report
        self.header.setText(
            f"{report.unit}　{report.year}年度报告　·　表格格式：{report.layout.document}"
        )

    def _mark_parts(self, findings: list[Finding]) -> None:
        worst: dict[str, Severity] = {}
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        for finding in findings:
            if finding.rule == "R6":
                continue  # blank cells would mark every table of a new report
            for ref in finding.cells:
                part = part_of_ref(ref)
                if part not in worst or order[finding.severity] < order[worst[part]]:
                    worst[part] = finding.severity
        for row, key in enumerate(PART_KEYS):
            item = self.outline.item(row)
            severity = worst.get(key)
            if severity is None:
                item.setIcon(_blank_icon())
                item.setToolTip("")
            else:
                item.setIcon(severity_icon(severity))
                item.setToolTip(f"此部分有{severity.label}")
