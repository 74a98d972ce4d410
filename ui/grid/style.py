"""Colours of the grid: the printed table's look, plus the finding marks."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.domain.findings import Severity
from app.domain.layout import CellRole

ROLE_BACKGROUND = {
    CellRole.TITLE: QColor("#dfe6ee"),
    CellRole.HEADER: QColor("#e8edf3"),
    CellRole.LABEL: QColor("#f4f4f2"),
}
FINDING_BACKGROUND = {
    Severity.ERROR: QColor("#f6c6c3"),
    Severity.WARNING: QColor("#fbe3b0"),
}
# The other cells of the same equation: tinted, so the suspect cell stands out among them.
FINDING_INVOLVED_BACKGROUND = {
    Severity.ERROR: QColor("#fbe6e4"),
    Severity.WARNING: QColor("#fdf0d5"),
}
FINDING_FOREGROUND = {
    Severity.ERROR: QColor("#9b1c14"),
    Severity.WARNING: QColor("#6b4a00"),
}
# A blank cell (R6) is a warning too, but a new report has dozens: a paler tint keeps real
# warnings visible among them.
BLANK_BACKGROUND = QColor("#fdf3dc")
GRID_LINE = QColor("#9aa3ad")
# A county roll-up's cells (ui.session.CellNote kinds): a sum typed over by hand, and a sum
# that may count one document twice.
NOTE_BACKGROUND = {
    "hand_edited": QColor("#e6def7"),
    "flagged": QColor("#e4f1f8"),
}
