"""The window's 打印预览 dock, which makes its preview pane the first time it is needed.

The window starts with the dock hidden (the tables need the room), so the pane, its layout code
and its fonts are not made on the way to the first window: they are made when the dock is first
shown, or when print or PDF is asked for with the dock still hidden. Until then the dock keeps
what the pane will need (the open report, where to go) and owns the print and PDF actions, which
sit in the window's 文件 menu from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from ui.preview.actions import output_actions
from ui.session import ReportSession

if TYPE_CHECKING:
    from app.document.profile import LayoutProfile
    from ui.preview.pane import PreviewPane


class PreviewDock(QDockWidget):
    pdf_written = Signal(str)  # the pane exported a PDF to this path

    def __init__(
        self,
        parent: QWidget,
        *,
        profile_for: Callable[[ReportSession], LayoutProfile],
        before_output: Callable[[], object] | None = None,
    ) -> None:
        super().__init__("打印预览", parent)
        self.setObjectName("preview")
        self._profile_for = profile_for
        self._before_output = before_output
        self._session: ReportSession | None = None
        self._pane: PreviewPane | None = None
        self.print_action, self.pdf_action = output_actions(self)
        self.print_action.triggered.connect(lambda: self.pane().print_report())
        self.pdf_action.triggered.connect(lambda: self.pane().export_pdf_dialog())
        self._enable_output()
        self.visibilityChanged.connect(self._visibility_changed)

    @property
    def made(self) -> bool:
        """Whether the pane exists yet."""
        return self._pane is not None

    def pane(self) -> PreviewPane:
        """The preview pane, made now if it was not yet (hidden with the dock, it lays
        pages out only when shown or before printing)."""
        if self._pane is None:
            from ui.preview.pane import PreviewPane

            session = self._session
            pane = PreviewPane(actions=(self.print_action, self.pdf_action))
            pane.before_output = self._before_output
            pane.only_when_visible = True
            pane.set_session(session, self._profile_for(session) if session else None)
            pane.pdf_written.connect(self.pdf_written)
            self._pane = pane
            self.setWidget(pane)
        return self._pane

    def set_session(self, session: ReportSession | None) -> None:
        """Preview `session`'s report, in its unit's stored layout profile (None: nothing)."""
        self._session = session
        if self._pane is not None:
            self._pane.set_session(session, self._profile_for(session) if session else None)
        self._enable_output()

    def set_profile(self, profile: LayoutProfile) -> None:
        """The open report's unit has a new layout profile."""
        if self._pane is not None:
            self._pane.set_profile(profile)

    def show_part(self, part: str) -> None:
        """Follow the editor (only while the pages are there to follow)."""
        if self._pane is not None:
            self._pane.show_part(part)

    def _enable_output(self) -> None:
        for action in (self.print_action, self.pdf_action):
            action.setEnabled(self._session is not None)

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.pane()
