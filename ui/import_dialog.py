"""Importing a report from a file: read it, show what was read, store it only when asked.

The dialog shows the unit, year and table layout, the three tables' figures as read, the text by
chapter, what the reader noticed about the format and the findings; nothing is stored until the
user presses 存入数据库 (the caller stores `result_report()`). The same dialog starts a new
year's report from last year's file (`ask_new_year_from_file`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.carry import DRAFT_MARK, start_next_year
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.findings import Finding, Severity
from app.domain.layouts import get_layout
from app.domain.report import LEVELS, Report, format_date
from app.readers.errors import ReadError
from app.readers.files import read_report_file, read_tables_file
from app.rules import check
from ui.dialogs import run_once, tell
from ui.findings_panel import FindingsPanel
from ui.icons import SEVERITY_COLORS
from ui.import_preview import TablePreview
from ui.plain_text import plain_label

IMPORTABLE_SUFFIXES = (
    ".docx",
    ".pdf",
    ".html",
    ".htm",
    ".txt",
    ".json",
    ".xlsx",
    ".docm",
    ".doc",
    ".wps",
)
FILE_FILTER = (
    "报告文件 (*.docx *.pdf *.html *.htm *.txt *.json *.xlsx);;Word 文件 (*.docx);;"
    "PDF 文件 (*.pdf);;保存的网页 (*.html *.htm);;网页或 Word 中复制的文字 (*.txt);;"
    "Excel 表格 (*.xlsx);;所有文件 (*)"
)
TABLE_TABS = (
    ("table2", "表二 主动公开"),
    ("table3", "表三 依申请公开"),
    ("table4", "表四 复议诉讼"),
)
TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}
Exists = Callable[[str, int], bool]  # whether the store holds this unit's report of that year
WARNING_COLOR = SEVERITY_COLORS[Severity.WARNING].name()


class ImportDialog(QDialog):
    def __init__(
        self,
        report: Report,
        *,
        source: str,
        units: Sequence[str] = (),
        exists: Exists | None = None,
        findings: list[Finding] | None = None,
        notes: Sequence[str] = (),
        title: str = "导入报告",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.report = report
        self.findings = list(check(report) if findings is None else findings)
        self._exists = exists
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems([n for n in dict.fromkeys([report.unit, *units]) if n])
        self.unit.setCurrentText(report.unit)
        self.unit.setMinimumWidth(320)
        self.unit.currentTextChanged.connect(self._update_state)
        self.replace_warning = plain_label()
        self.replace_warning.setWordWrap(True)
        self.replace_warning.setStyleSheet(f"color: {WARNING_COLOR};")

        heading = plain_label(f"从“{source}”读到以下内容。请核对后再存入数据库：")
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow("导入到单位：", self.unit)
        form.addRow(
            "报告年度：", plain_label(f"{report.year}年度（{LEVELS.get(report.level, '')}）")
        )
        self.layout_label = plain_label(layout_text(report))
        self.layout_label.setWordWrap(True)
        form.addRow("表格格式：", self.layout_label)
        form.addRow("标题：", _wrapped(report.title or "（未找到标题）"))
        form.addRow("落款：", _wrapped(signature_text(report)))
        form.addRow("正文：", _wrapped(headings_text(report)))

        self.notes = plain_label("\n".join(f"· {n}" for n in [*notes, *report.reader_notes]))
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(notes) or bool(report.reader_notes))
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.previews: dict[str, TablePreview] = {}
        for name, label in TABLE_TABS:
            preview = TablePreview(report, name, self.findings)
            self.previews[name] = preview
            self.tabs.addTab(preview, label)
        self.text_view = QPlainTextEdit(report_text(report))
        self.text_view.setReadOnly(True)
        self.tabs.addTab(self.text_view, "正文")

        self.findings_panel = FindingsPanel()
        self.findings_panel.set_findings(self.findings)
        self.findings_panel.finding_activated.connect(self.show_finding)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.findings_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox()
        self.store_button = QPushButton("存入数据库")
        self.cancel_button = QPushButton("取消")
        self.buttons.addButton(self.store_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.store_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.replace_warning)
        layout.addWidget(self.buttons)
        self._fit_to_screen()
        self._update_state()

    def chosen_unit(self) -> str:
        return self.unit.currentText().strip()

    def result_report(self) -> Report:
        """The report as it will be stored: a copy, under the unit chosen."""
        report = self.report.copy()
        report.unit = self.chosen_unit()  # the signature stays as the file printed it
        return report

    def show_finding(self, finding: Finding) -> None:
        """Bring up the table holding the finding's first cell, or the text."""
        for ref in finding.cells:
            for index, (name, _) in enumerate(TABLE_TABS):
                if self.previews[name].show_ref(ref):
                    self.tabs.setCurrentIndex(index)
                    return
        self.tabs.setCurrentWidget(self.text_view)

    def _update_state(self, *_: object) -> None:
        unit = self.chosen_unit()
        self.store_button.setEnabled(bool(unit))
        replaced = bool(unit) and self._exists is not None and self._exists(unit, self.report.year)
        self.replace_warning.setText(
            f"数据库中已有“{unit}”{self.report.year}年度报告，存入将替换它。" if replaced else ""
        )
        self.replace_warning.setVisible(replaced)

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        width, height = 900, 760
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)


def _wrapped(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def layout_text(report: Report) -> str:
    layout = get_layout(report.layout_id)
    text = f"{layout.id}年版（{layout.document}）"
    odd = [f"{TABLE_NAMES[t]}为{lay}年版" for t, lay in sorted(report.table_layouts.items())]
    if odd:
        text += "；" + "、".join(odd) + "，与报告年度不符"
    return text


def signature_text(report: Report) -> str:
    date = format_date(report.signature_date) if report.signature_date else "未写日期"
    return f"{report.signature_unit or '（未找到署名）'}　{date}"


def headings_text(report: Report) -> str:
    found = report.headings_found
    if found is None:
        return "六个部分齐全"
    missing = [CHAPTER_HEADINGS[int(n) - 1] for n in "123456" if n not in found]
    if not missing:
        return "找到全部六个部分的标题"
    return "没有找到：" + "、".join(missing)


def report_text(report: Report) -> str:
    parts = [report.title, "", report.preamble]
    for number, heading in zip("123456", CHAPTER_HEADINGS, strict=True):
        parts += ["", heading]
        text = report.chapter(number)
        if text:
            parts.append(text)
        elif number in ("2", "3", "4"):
            parts.append(f"（见“{dict(TABLE_TABS)[f'table{number}']}”）")
        else:
            parts.append("（空）")
    parts += ["", signature_text(report)]
    return "\n".join(parts)


# ---- the flows the main window starts ----------------------------------------------------

ShowError = Callable[[str], None]


def read_or_say(
    parent: QWidget, path: Path, title: str, show_error: ShowError | None = None
) -> Report | None:
    """The report in `path`, or None after one Chinese sentence saying why not."""
    return _attempt(parent, title, show_error, lambda: read_report_file(path))


def _attempt(
    parent: QWidget, title: str, show_error: ShowError | None, read: Callable[[], Report]
) -> Report | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return read()
    except ReadError as exc:
        message = str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if show_error is None:
        tell(parent, title, message, error=True)
    else:
        show_error(message)
    return None


def ask_import(
    parent: QWidget,
    path: Path,
    *,
    units: Sequence[str] = (),
    exists: Exists | None = None,
    previous: Callable[[Report], Report | None] | None = None,
    show_error: ShowError | None = None,
) -> Report | None:
    """Read `path` and show what was read; the report to store (under the unit the user
    chose), or None when the file cannot be read or the user cancels."""
    report = read_or_say(parent, path, "导入报告", show_error)
    if report is None:
        return None
    findings = check(report, previous(report) if previous is not None else None)
    dialog = ImportDialog(
        report, source=path.name, units=units, exists=exists, findings=findings, parent=parent
    )
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_report()


def ask_new_year_from_file(
    parent: QWidget,
    path: Path,
    *,
    units: Sequence[str] = (),
    exists: Exists | None = None,
    show_error: ShowError | None = None,
) -> Report | None:
    """This year's report started from last year's file: carried_in from carried_out, the text
    as a marked draft, the new layout when the year needs it (what does not map is said)."""
    previous = read_or_say(parent, path, "从上年报告新建年度报告", show_error)
    if previous is None:
        return None
    report, carry_notes = start_next_year(previous)
    notes = [
        f"已从“{path.name}”（{previous.year}年度）开始{report.year}年度报告；",
        "表三“二、上年结转政府信息公开申请数量”已填入上年“四、结转下年度继续办理”的数字；",
        f"正文已复制为草稿，开头标有“{DRAFT_MARK}”，请逐段修改后删去该标记；",
        *carry_notes,
    ]
    dialog = ImportDialog(
        report,
        source=path.name,
        units=units,
        exists=exists,
        findings=check(report, previous),
        notes=notes,
        title="从上年报告新建年度报告",
        parent=parent,
    )
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_report()


def ask_import_tables(
    parent: QWidget,
    path: Path,
    report: Report,
    *,
    previous: Report | None = None,
    show_error: ShowError | None = None,
) -> Report | None:
    """The open report with the three tables of `path` (a workbook a colleague filled in, or
    another report file), shown before it replaces anything, with the findings the report will
    have (last year's included); None when cancelled."""
    merged = _attempt(parent, "导入表格", show_error, lambda: read_tables_file(report, path))
    if merged is None:
        return None
    notes = [
        f"将用“{path.name}”中的三张表格替换{report.unit}{report.year}年度报告的表格；正文不变。"
    ]
    year = named_year(path)
    if year is not None and year != report.year:
        notes.append(
            f"注意：“{path.name}”的标题写的是{year}年度，当前报告是{report.year}年度，"
            "请确认没有选错文件。"
        )
    dialog = ImportDialog(
        merged,
        source=path.name,
        notes=notes,
        title="导入表格",
        findings=check(merged, previous),
        parent=parent,
    )
    dialog.unit.setEnabled(False)  # the tables go into the report that is open
    dialog.store_button.setText("替换表格")
    if run_once(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_report()


def named_year(path: Path) -> int | None:
    """The year a file's own title names (a colleague's workbook may be last year's); None
    when the file names none."""
    try:
        return read_report_file(path).year
    except ReadError:
        return None


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files of a drag that the import can take (others are left to the caller)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORTABLE_SUFFIXES]
