"""The preview pane: the open report's pages as they will print, beside the editor.

It lays out the document's block list (the one the .docx writer writes) with Qt's font metrics
and draws it with the printer's painter. An edit restarts a short timer; the layout runs when
typing pauses, never inside a keystroke. Zoom, fit to width, page navigation, print (Ctrl+P)
and PDF are on its toolbar; `print_action` and `pdf_action` can go into the window's menus too,
or a window can hand it two actions of its own (ui.preview.dock) and connect them itself.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.document.pagination import PAGE_WIDTH_PT, PagedDocument
from app.document.profile import OFFICIAL, LayoutProfile
from app.domain.findings import has_errors
from app.writing import ExportError
from ui import modal
from ui.dialogs import ask_yes_no, tell
from ui.preview.actions import output_actions
from ui.preview.canvas import GAP_PX, PageCanvas
from ui.preview.fonts import installed_families, resolve_fonts
from ui.preview.metrics import QtFonts
from ui.session import ReportSession

REFRESH_DELAY_MS = 250  # after the last edit; with the layout itself well within half a second
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.85, 1.0, 1.25, 1.5, 2.0, 3.0)
BANNER_STYLE = (
    "#fontBanner { background: #fff4ce; border-bottom: 1px solid #e0c97f; }"
    "#fontBanner QLabel { color: #5c4400; }"
)


class PreviewPane(QWidget):
    refreshed = Signal(int)  # a new layout is on screen: its number of pages
    pdf_written = Signal(str)  # a PDF was exported to this path
    current_page_changed = Signal(int)  # from 1

    def __init__(
        self,
        session: ReportSession | None = None,
        profile: LayoutProfile = OFFICIAL,
        *,
        families: Iterable[str] | None = None,
        delay_ms: int = REFRESH_DELAY_MS,
        actions: tuple[QAction, QAction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: ReportSession | None = None
        self.document: PagedDocument | None = None
        self.last_layout_seconds = 0.0
        # Called before printing or writing a PDF: the window pushes text still being typed.
        self.before_output: Callable[[], object] | None = None
        self._families = list(families) if families is not None else installed_families()
        self._profile = profile
        self._fonts = QtFonts(resolve_fonts(profile, self._families))
        self._zoom = 1.0
        self._fit_width = True
        self._pending_part = ""
        # Set by a window that keeps the pane hidden at first: no layout while hidden (not at
        # start-up, not after each edit); it is done when shown, or before printing.
        self.only_when_visible = False
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh_now)

        self.canvas = PageCanvas()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setWidgetResizable(False)
        # Always there, so fitting the width never makes it come and go (and refit).
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.viewport().installEventFilter(self)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner_close = self._button("×", "不再显示此提示", self._close_banner)
        self.banner_bar = QFrame()
        self.banner_bar.setObjectName("fontBanner")
        self.banner_bar.setStyleSheet(BANNER_STYLE)
        banner_row = QHBoxLayout(self.banner_bar)
        banner_row.setContentsMargins(8, 2, 2, 2)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self._banner_closed = False
        if actions is None:
            self.print_action, self.pdf_action = output_actions(self)
            self.print_action.triggered.connect(self.print_report)
            self.pdf_action.triggered.connect(self.export_pdf_dialog)
            self.addAction(self.print_action)
        else:  # print and PDF: their owner calls print_report and export_pdf_dialog
            self.print_action, self.pdf_action = actions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.banner_bar)
        layout.addWidget(self.scroll_area, 1)
        self._show_font_message()
        self.set_session(session, profile)

    # --- building ------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _toolbar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        self.zoom_out_button = self._button("－", "缩小", self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._button("＋", "放大", self.zoom_in)
        self.fit_button = self._button("适合宽度", "页面宽度适合窗口", self.fit_width)
        self.fit_button.setCheckable(True)
        self.previous_button = self._button(
            "◀", "上一页", lambda: self.go_to_page(self.current_page() - 1)
        )
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setToolTip("当前页")
        self.page_box.valueChanged.connect(self.go_to_page)
        self.page_count_label = QLabel()
        self.next_button = self._button(
            "▶", "下一页", lambda: self.go_to_page(self.current_page() + 1)
        )
        print_button = QToolButton()
        print_button.setDefaultAction(self.print_action)
        print_button.setAutoRaise(True)
        pdf_button = QToolButton()
        pdf_button.setDefaultAction(self.pdf_action)
        pdf_button.setAutoRaise(True)
        zoom: list[QWidget] = [
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
        ]
        pages: list[QWidget] = [
            self.previous_button,
            self.page_box,
            self.page_count_label,
            self.next_button,
        ]
        for widget in zoom:
            row.addWidget(widget)
        row.addSpacing(12)
        for widget in pages:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(print_button)
        row.addWidget(pdf_button)
        return bar

    # --- what is shown -------------------------------------------------------------------

    def set_session(
        self, session: ReportSession | None, profile: LayoutProfile | None = None
    ) -> None:
        """Preview `session`'s report (None: nothing), in `profile` when given."""
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already deleted by Qt
                self.session.changed.disconnect(self.schedule_refresh)
        self.session = session
        if profile is not None and profile != self._profile:
            self.set_profile(profile)
        if session is not None:
            session.changed.connect(self.schedule_refresh)
        self.refresh_now()

    def set_profile(self, profile: LayoutProfile) -> None:
        self._profile = profile
        self._fonts = QtFonts(resolve_fonts(profile, self._families))
        self._show_font_message()
        self.schedule_refresh()

    @property
    def profile(self) -> LayoutProfile:
        return self._profile

    @property
    def font_message(self) -> str:
        return self._fonts.report.message

    def _show_font_message(self) -> None:
        message = self.font_message
        self.banner.setText(message)
        self.banner_bar.setVisible(bool(message) and not self._banner_closed)

    def _close_banner(self) -> None:
        self._banner_closed = True
        self.banner_bar.hide()

    def schedule_refresh(self, *_: object) -> None:
        """Lay the pages out again once edits pause (the session's `changed` lands here)."""
        self._timer.start()

    def refresh_now(self, *, force: bool = False) -> None:
        self._timer.stop()
        enabled = self.session is not None
        for action in (self.print_action, self.pdf_action):
            action.setEnabled(enabled)
        self._stale = False
        if self.session is None:
            self.document = None
            self.canvas.document = None
            self.canvas.update()
            self._update_pages()
            return
        if self.only_when_visible and not self.isVisible() and not force:
            self._stale = True
            return
        start = time.perf_counter()
        from ui.preview.pdf import lay_out  # not on the way to the first window

        self.document = lay_out(self.session.report, self._profile, self._fonts)
        self.last_layout_seconds = time.perf_counter() - start
        self.canvas.set_document(self.document, self._fonts)
        self._apply_zoom()
        self._update_pages()
        if self._pending_part:
            part, self._pending_part = self._pending_part, ""
            self.show_part(part)
        self.refreshed.emit(len(self.document.pages))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.schedule_refresh()  # soon, but after the window has painted

    @property
    def page_count(self) -> int:
        return len(self.document.pages) if self.document else 0

    # --- following the editor ------------------------------------------------------------

    def show_part(self, part: str) -> bool:
        """Scroll to where `part` starts: "chapter:5", "5", "table3", a cell such as
        "table3:new.total", "front" or "signature". False when it is not in the document."""
        if self.document is None or self._timer.isActive():
            self._pending_part = part  # shown once the coming layout is on screen
            return self.document is not None
        found = self.document.locate(part)
        if found is None:
            return False
        index, y_pt = found
        self.scroll_area.verticalScrollBar().setValue(
            max(0, self.canvas.y_of(index, y_pt) - GAP_PX * 2)
        )
        return True

    def current_page(self) -> int:
        """The page (from 1) at the top third of the view."""
        if not self.page_count:
            return 0
        bar = self.scroll_area.verticalScrollBar()
        return self.canvas.page_at(bar.value() + self.scroll_area.viewport().height() // 3) + 1

    def go_to_page(self, number: int) -> None:
        if not self.page_count:
            return
        number = min(max(1, number), self.page_count)
        rect = self.canvas.page_rect(number - 1)
        self.scroll_area.verticalScrollBar().setValue(rect.top() - GAP_PX // 2)
        self._update_pages()

    def _scrolled(self, _value: int) -> None:
        self._update_pages()

    def _update_pages(self) -> None:
        count = self.page_count
        current = self.current_page()
        with QSignalBlocker(self.page_box):
            self.page_box.setMaximum(max(1, count))
            self.page_box.setValue(max(1, current))
        self.page_box.setEnabled(count > 0)
        self.page_count_label.setText(f"/ 共 {count} 页")
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(0 < current < count)
        self.current_page_changed.emit(current)

    # --- zoom ----------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """1.0 is the paper's real size on this screen."""
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self._zoom = min(max(zoom, ZOOMS[0]), ZOOMS[-1])
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self._zoom + 1e-6), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self._zoom - 1e-6), ZOOMS[0]))

    def fit_width(self) -> None:
        self._fit_width = True
        self._apply_zoom()

    def _screen_px_per_pt(self) -> float:
        return self.logicalDpiX() / 72

    def _apply_zoom(self) -> None:
        page = self.current_page()
        if self._fit_width:
            room = self.scroll_area.viewport().width() - 2 * GAP_PX - 1  # no rounding over
            self._zoom = max(0.1, room / (PAGE_WIDTH_PT * self._screen_px_per_pt()))
        self.canvas.set_scale(self._zoom * self._screen_px_per_pt())
        self.fit_button.setChecked(self._fit_width)
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.zoom_in_button.setEnabled(self._zoom < ZOOMS[-1] - 1e-6)
        self.zoom_out_button.setEnabled(self._zoom > ZOOMS[0] + 1e-6)
        if page:
            self.go_to_page(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and self._fit_width
            and watched is self.scroll_area.viewport()
        ):
            self._apply_zoom()
        return False

    # --- print and PDF -------------------------------------------------------------------

    def _title(self) -> str:
        report = self.session.report if self.session else None
        return " ".join((report.title or report.unit).split()) if report else ""

    def _ready_for_output(self, what: str) -> bool:
        """Pending text pushed, and a report with errors only on the user's say-so (the
        output itself never carries a check mark)."""
        if self.session is None:
            return False
        if self.before_output is not None:
            self.before_output()
        if has_errors(self.session.findings) and not ask_yes_no(
            self,
            what,
            "报告还有未改正的错误（见“校验结果”）。仍要继续吗？\n"
            "打印或导出的文件中不会出现任何校验标记。",
        ):
            return False
        self.refresh_now(force=True)
        return True

    def print_report(self) -> bool | None:
        """The system print dialog, then the pages; None when cancelled."""
        if not self._ready_for_output("打印"):
            return None
        assert self.document is not None
        from ui.preview.printing import ask_and_print  # QtPrintSupport loads on first print

        printed = ask_and_print(self, self.document, self._fonts, self._title())
        if printed is False:
            tell(self, "打印", "无法开始打印：打印机不可用或已断开。", error=True)
        return printed

    def export_pdf_dialog(self) -> None:
        if not self._ready_for_output("导出 PDF"):
            return
        path = modal.save_file(self, "导出 PDF", f"{self._title()}.pdf", "PDF 文件 (*.pdf)")
        if path is not None:
            self.export_pdf_to(path)

    def export_pdf_to(self, path: Path) -> bool:
        """Write the report as PDF; a problem is told in one Chinese message."""
        if self.session is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            from ui.preview.pdf import export_pdf

            export_pdf(self.session.report, path, self._profile, fonts=self._fonts)
        except ExportError as exc:
            tell(self, "导出 PDF", str(exc), error=True)
            return False
        self.pdf_written.emit(str(path))
        return True
