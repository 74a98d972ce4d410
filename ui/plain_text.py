"""Report text shown as written, never as HTML.

Qt takes a label's, a message box's or a tooltip's text for HTML as soon as it looks like HTML,
so a unit named "<b>某局</b>" in a file someone sent would be drawn in bold (or an <img> would
be loaded). Everything the window shows of a report goes through here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_label(text: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_tip(text: str) -> str:
    """A tooltip showing `text` as written (tooltips have no plain-text setting: text that
    could be HTML is escaped, line breaks kept)."""
    if "<" not in text and "&" not in text:
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
