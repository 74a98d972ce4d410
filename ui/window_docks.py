"""Where the main window's panels sit: the unit tree on the left, the findings below the editor,
the print preview on the right (hidden until asked for), and panels added later (the roll-up's
汇总明细) on the right or, in a narrow window, as a tab beside the findings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

NARROW_WIDTH = 1000  # a window narrower than this plus a side panel gets the panel below
UNITS_WIDTH = 230
FINDINGS_HEIGHT = 170
PREVIEW_WIDTH = 440  # a page at about half size; the tables keep most of 1280 (hidden at first)

Area = Qt.DockWidgetArea


def dock(window: QMainWindow, title: str, name: str, widget: QWidget, area: Area) -> QDockWidget:
    """A panel that can be moved and floated, not closed (the tree, the findings)."""
    made = QDockWidget(title, window)
    made.setObjectName(name)
    made.setWidget(widget)
    place(window, made, area, closable=False)
    return made


def place(window: QMainWindow, panel: QDockWidget, area: Area, *, closable: bool) -> None:
    features = (
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    if closable:
        features |= QDockWidget.DockWidgetFeature.DockWidgetClosable
    panel.setFeatures(features)
    window.addDockWidget(area, panel)


def lay_out(
    window: QMainWindow, units: QDockWidget, findings: QDockWidget, preview: QDockWidget
) -> None:
    """The first layout (a saved one replaces it): the pages get the window's full height, the
    findings stay under the editor, and the preview is hidden (at 1280 wide the tables need the
    room)."""
    place(window, preview, Area.RightDockWidgetArea, closable=True)
    units.setTitleBarWidget(QWidget())  # the tree has its own caption
    window.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
    window.resizeDocks([units, preview], [UNITS_WIDTH, PREVIEW_WIDTH], Qt.Orientation.Horizontal)
    window.resizeDocks([findings], [FINDINGS_HEIGHT], Qt.Orientation.Vertical)
    preview.hide()


def add_panel(window: QMainWindow, findings: QDockWidget, panel: QDockWidget, width: int) -> None:
    """A closable panel: on the right, or in a narrow window below the editor as a tab beside
    the findings (at 1024 wide a table beside it would show its row labels and no figure)."""
    if window.width() < width + NARROW_WIDTH:
        place(window, panel, Area.BottomDockWidgetArea, closable=True)
        window.tabifyDockWidget(findings, panel)
        panel.raise_()
    else:
        place(window, panel, Area.RightDockWidgetArea, closable=True)
        window.resizeDocks([panel], [width], Qt.Orientation.Horizontal)
