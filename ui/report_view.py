"""One open report: an outline of its parts on the left, the part being edited on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.chapters import TABLE_CHAPTERS, TEXT_CHAPTERS
from app.domain.findings import Finding, Severity
from app.domain.report import Report, chapter_heading
from ui.chapter_editor import PageTexts, TextPage, chapter_page
from ui.icons import severity_icon
from ui.plain_text import plain_label
from ui.report_pages import FrontPage, SignaturePage, TablePage
from ui.session import ReportSession
from ui.text_binding import TextBinding, move_cursor_to

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
    return message[start + 1 : end] if 0 <= start < end else ""


class ReportView(QWidget):
    part_changed = Signal(str)
    grid_created = Signal(object)  # TableGrid

    def __init__(
        self,
        session: ReportSession,
        parent: QWidget | None = None,
        *,
        on_texts: Callable[[PageTexts], None] | None = None,
    ) -> None:
        """`on_texts` gets each page's text fields as the page is made."""
        super().__init__(parent)
        self.session = session
        self.header = plain_label()  # the unit's name as written, whatever it holds
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
        self._on_texts = on_texts
        # A part's page is made when first shown or asked for: only the part shown first (and
        # none of the grids, which cost more than the rest of the window) is made on the way
        # to the window's first paint.
        self._pages: dict[str, QWidget] = {}
        for key in PART_KEYS:
            item = QListWidgetItem(part_title(key))
            item.setData(PART_ROLE, key)
            self.outline.addItem(item)
            self.stack.addWidget(QWidget())
        front = self._page(FRONT)
        assert isinstance(front, FrontPage)
        self.front = front
        self.outline.currentRowChanged.connect(self._row_changed)
        # Chosen with the mouse or Enter, a part takes the keyboard, as a sheet does in Excel
        # when its tab is clicked: the user types on at once. (Arrow keys stay in the list.)
        self.outline.itemClicked.connect(self.focus_part)
        self.outline.itemActivated.connect(self.focus_part)
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

    def focus_part(self, *_: object) -> None:
        """Put the keyboard into the part shown: its grid, its text, or its first field."""
        page = self._page(self.current_part())
        if isinstance(page, TablePage):
            page.grid.setFocus()
        elif isinstance(page, TextPage):
            page.editor.setFocus()
        elif isinstance(page, FrontPage):
            page.title.setFocus()
        elif isinstance(page, SignaturePage):
            page.unit.setFocus()

    def current_text_page(self) -> TextPage | None:
        part = self.current_part()
        return self.text_page(part) if part in TEXT_CHAPTERS else None

    def _page(self, key: str) -> QWidget:
        """The page of part `key`, made now if it was not yet."""
        page = self._pages.get(key)
        if page is not None:
            return page
        if key == FRONT:
            page = FrontPage(self.session)
        elif key == SIGNATURE:
            page = SignaturePage(self.session)
        elif key in TABLE_CHAPTERS:
            page = TablePage(self.session, key)
        else:
            page = chapter_page(self.session, key)
        self._pages[key] = page
        row = PART_KEYS.index(key)
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        if isinstance(page, TablePage):
            self.grid_created.emit(page.grid)
        else:
            if self._on_texts is not None:
                self._on_texts(page.texts)
        return page

    def text_page(self, number: str) -> TextPage:
        """The page of text chapter `number` ("1", "5", "6")."""
        page = self._page(number)
        assert isinstance(page, TextPage), number
        return page

    def table_page(self, number: str) -> TablePage:
        """The page of table `number` ("2".."4")."""
        page = self._page(number)
        assert isinstance(page, TablePage), number
        return page

    def signature_page(self) -> SignaturePage:
        page = self._page(SIGNATURE)
        assert isinstance(page, SignaturePage)
        return page

    def grid(self, number: str) -> TableGrid:
        return self.table_page(number).grid

    def current_grid(self) -> TableGrid | None:
        part = self.current_part()
        return self.grid(part) if part in TABLE_CHAPTERS else None

    def bindings(self) -> list[TextBinding]:
        """The text bindings made so far."""
        return [
            binding
            for page in self._pages.values()
            if isinstance(page, FrontPage | SignaturePage | TextPage)
            for binding in page.texts.bindings
        ]

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
            self.signature_page().date.setFocus()
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
        if number not in TEXT_CHAPTERS:
            return
        self.show_part(number)
        editor = self.text_page(number).editor
        editor.setFocus()
        start = editor.toPlainText().find(quote) if quote else -1
        if start >= 0:
            move_cursor_to(editor, start, len(quote))

    # --- decoration -----------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        self._page(PART_KEYS[row])
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
