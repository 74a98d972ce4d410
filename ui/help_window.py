"""The 帮助 window: 使用说明, 填报说明 and what each rule means, in three tabs.

It stays open beside the report (not modal), so the user can read while filling in; opening a
topic again brings the same window up on that topic.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from app.domain.layout import CellSpec
from app.domain.layouts import LAYOUTS, newest_layout
from app.guide.rows import TABLES, group_note, row_note
from app.guide.rules import RULES
from app.guide.usage import TOPICS

USAGE, ROWS, RULE_TAB = range(3)
STYLE = """
<style>
h2 { margin-top: 18px; }
td { padding: 3px 8px; vertical-align: top; }
.key { white-space: nowrap; font-weight: bold; }
.code { white-space: nowrap; color: #555; }
.label { font-weight: bold; }
</style>
"""


def usage_html() -> str:
    parts = [STYLE, "<h1>使用说明</h1>"]
    parts.append(
        "<p>" + "　".join(f'<a href="#{t.anchor}">{escape(t.title)}</a>' for t in TOPICS) + "</p>"
    )
    for topic in TOPICS:
        parts.append(f'<h2><a name="{topic.anchor}"></a>{escape(topic.title)}</h2>')
        parts += [f"<p>{escape(text)}</p>" for text in topic.paragraphs]
        if topic.keys:
            rows = "".join(
                f'<tr><td class="key">{escape(key)}</td><td>{escape(what)}</td></tr>'
                for key, what in topic.keys
            )
            parts.append(f"<table>{rows}</table>")
    return "".join(parts)


def rows_html() -> str:
    """Each table's rows with what they count, in the current layout; rows only an older
    layout has come after, marked with its year."""
    current = newest_layout()
    older = sorted(
        (lay for lay in LAYOUTS.values() if lay is not current),
        key=lambda lay: lay.first_year,
        reverse=True,
    )
    parts = [
        STYLE,
        "<h1>填报说明</h1>",
        "<p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2021〕30号"
        "规定的年度报告格式（2019、2020年度为国办公开办函〔2019〕60号的格式）。"
        "括号中的条款均指《条例》。</p>",
    ]
    for guide in TABLES:
        parts.append(f'<h2><a name="{guide.name}"></a>{escape(guide.title)}</h2>')
        parts.append(f"<p>{escape(guide.intro)}</p>")
        labels = _row_labels(current.table(guide.name).cells)
        for layout in older:
            for row, label in _row_labels(layout.table(guide.name).cells).items():
                labels.setdefault(row, f"{label}（{layout.id}年格式）")
        rows: list[str] = []
        for row, label in labels.items():
            group = group_note(f"{guide.name}:{row}")
            if group and group not in "".join(rows):  # a group's note above its first row
                rows.append(f'<tr><td colspan="2"><i>{escape(group)}</i></td></tr>')
            rows.append(
                f'<tr><td class="label"><a name="{guide.name}-{row}"></a>'
                f"{escape(label)}</td><td>{escape(row_note(f'{guide.name}:{row}'))}"
                "</td></tr>"
            )
        parts.append(f"<table>{''.join(rows)}</table>")
    return "".join(parts)


def _row_labels(cells: tuple[CellSpec, ...]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for spec in cells:
        labels.setdefault(spec.row, spec.row_label)
    return labels


def rules_html() -> str:
    parts = [
        STYLE,
        "<h1>校验规则说明</h1>",
        "<p>程序随时按下列规则检查报告。“错误”在导出、打印前会再次提醒；"
        "“警告”和“提示”供核对，不影响导出。规则编号与县（市、区）政务公开办的审核清单一致。</p>",
    ]
    parts.append("<p>" + "　".join(f'<a href="#{r.code}">{r.code}</a>' for r in RULES) + "</p>")
    for rule in RULES:
        parts.append(
            f'<h2><a name="{rule.code}"></a><span class="code">{rule.code}</span>　'
            f"{escape(rule.title)}</h2>"
        )
        parts.append(f"<p><b>含义：</b>{escape(rule.meaning)}</p>")
        parts.append(f"<p><b>怎样改正：</b>{escape(rule.fix)}</p>")
    return "".join(parts)


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("帮助 — 年报编制器")
        self.tabs = QTabWidget()
        self.pages: list[QTextBrowser] = []
        for title, html in (
            ("使用说明", usage_html()),
            ("填报说明", rows_html()),
            ("校验规则说明", rules_html()),
        ):
            page = QTextBrowser()
            page.setOpenLinks(True)
            page.setHtml(html)
            self.pages.append(page)
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.resize(760, 620)

    def show_topic(self, tab: int, anchor: str = "") -> None:
        """Bring the window up on `tab`, scrolled to `anchor` (a rule code, a table name…)."""
        self.tabs.setCurrentIndex(tab)
        self.show()  # first: the page is laid out at its width, so the anchor is where it shows
        self.raise_()
        self.activateWindow()
        page = self.pages[tab]
        if anchor:
            page.scrollToAnchor(anchor)
        else:
            page.verticalScrollBar().setValue(0)
