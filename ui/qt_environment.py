"""Settings Qt reads from the environment, made before the first Q(Gui)Application, and the
fonts Qt's offscreen platform on Windows cannot find by itself.

Imports nothing of Qt at import time: the launcher calls it on the way to the window.
"""

from __future__ import annotations

import glob
import ntpath
import os
import sys
from collections.abc import Mapping, MutableMapping

# Qt's platforms that draw into memory: they have no font database of the system's own.
OFFSCREEN_PLATFORMS = ("offscreen", "minimal")


def windows_fonts_folder(environ: MutableMapping[str, str]) -> str:
    return ntpath.join(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows", "Fonts")


def use_system_fonts_offscreen(
    environ: MutableMapping[str, str] | None = None, platform: str = sys.platform
) -> None:
    """On Windows, let Qt's offscreen platform find the system's fonts.

    There it reads fonts only from Qt's own lib\\fonts folder, which PySide6 does not ship:
    a screenshot or a PDF made offscreen (the tests, a command-line PDF export with
    QT_QPA_PLATFORM=offscreen) would have no text at all. Elsewhere fontconfig finds them.
    """
    environ = os.environ if environ is None else environ
    if _offscreen_on_windows(environ, platform) and not environ.get("QT_QPA_FONTDIR"):
        environ["QT_QPA_FONTDIR"] = windows_fonts_folder(environ)


def _offscreen_on_windows(environ: Mapping[str, str], platform: str) -> bool:
    wanted = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    return platform == "win32" and wanted in OFFSCREEN_PLATFORMS


_collections_added = False


def add_font_collections_offscreen() -> None:
    """Register the font collections (.ttc) of the offscreen platform's font folder.

    Qt's font folder reader takes .ttf and .otf files only, and Windows keeps 宋体 (simsun.ttc)
    and 微软雅黑 (msyh.ttc) in collections. Needs a QGuiApplication; done once per process.
    """
    global _collections_added
    if _collections_added or not _offscreen_on_windows(os.environ, sys.platform):
        return
    _collections_added = True
    from PySide6.QtGui import QFontDatabase

    folder = os.environ.get("QT_QPA_FONTDIR") or windows_fonts_folder(os.environ)
    for path in sorted(glob.glob(os.path.join(glob.escape(folder), "*.[tT][tT][cC]"))):
        QFontDatabase.addApplicationFont(path)
