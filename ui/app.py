"""Starting the window: the application object, its look, the database, and the special runs.

`--smoke` opens the window and exits at its first paint (start-up is measured with it);
`--screenshot PNG` renders the main window with table 3 in view and exits. Nothing that only
export needs (python-docx) is imported on the way to the first paint.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.resources import resource_path
from app.store import Store, StoreError, default_db_path
from ui.main_window import MainWindow

# In order of preference: what Windows, then UOS/Kylin and other Linux desktops ship.
CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "思源黑体",
    "WenQuanYi Micro Hei", "文泉驿微米黑", "WenQuanYi Zen Hei", "Droid Sans Fallback",
    "SimSun", "宋体", "Noto Serif CJK SC",
)
UI_POINT_SIZE = 10
SMOKE_TIMEOUT_MS = 30_000
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class GuiOptions(Protocol):
    """What ui.launcher parsed from the command line."""

    @property
    def db(self) -> Path | None: ...
    @property
    def demo(self) -> bool: ...
    @property
    def screenshot(self) -> Path | None: ...
    @property
    def smoke(self) -> bool: ...


def choose_cjk_family(available: list[str]) -> str | None:
    present = set(available)
    return next((family for family in CJK_FAMILIES if family in present), None)


def application() -> QApplication:
    """The one QApplication, set up for Chinese: Fusion, a CJK font, Qt's own texts in Chinese."""
    # Fusion looks the same on Windows 7–11 and the Linux desktops, so screenshots in the
    # manual match what users see. A new application takes it as a command-line option: with
    # setStyle the style object would come back to Python, and PySide6 would set up every style
    # class it has (about 5 ms) before the first paint.
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName("年报编制器")
    app.setOrganizationName("Nianbao")
    # The same picture as the executable's icon (build/make_icon.py); loaded when first shown.
    app.setWindowIcon(QIcon(str(resource_path("icons", "nianbao.png"))))
    family = choose_cjk_family(QFontDatabase.families())
    if family is not None:
        app.setFont(QFont(family, UI_POINT_SIZE))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def open_store(options: GuiOptions) -> tuple[Store, bool]:
    """The database the options name, and whether it is the demo; StoreError when refused."""
    if options.demo:
        return open_demo_store(), True
    return Store.open(options.db or default_db_path()), False


def open_demo_store() -> Store:
    from app.demo import demo_db_path

    return Store.open(demo_db_path())


class FirstPaint(QObject):
    """Calls back once, when the window has painted for the first time."""

    def __init__(self, window: MainWindow, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            # After this paint has finished, not inside it.
            QTimer.singleShot(0, callback)
        return False


def run_gui(options: GuiOptions) -> int:
    app = application()
    quiet = options.smoke or options.screenshot is not None
    try:
        store, demo = open_store(options)
        if options.screenshot is not None and not store.units():
            store.close()
            store, demo = open_demo_store(), True
    except StoreError as exc:
        _complain(f"无法打开数据库：{exc}", quiet)
        return EXIT_BAD_INPUT
    if not quiet:
        sys.excepthook = _show_unexpected
    window = MainWindow(store, demo=demo, open_demo=open_demo_store)
    if not window.restore_last():
        window.open_first()
    status = {"code": EXIT_OK}
    if options.screenshot is not None:
        target = options.screenshot
        if window.view is not None:
            window.view.show_part("3")

        def shoot() -> None:
            if not window.grab().save(str(target)):
                _complain(f"无法写入截图文件：{target}", True)
                status["code"] = EXIT_BAD_INPUT
            app.quit()

        FirstPaint(window, shoot)
    elif options.smoke:
        def painted() -> None:
            _say_painted()
            app.quit()

        FirstPaint(window, painted)
    if quiet:
        def too_slow() -> None:
            _complain("窗口在规定时间内没有显示出来", True)
            status["code"] = EXIT_FAILED
            app.quit()

        QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)
    window.show()
    app.exec()
    if quiet:
        window.autosave.flush()
    store.close()
    return status["code"]


def _say_painted() -> None:
    """One line on stdout at the first paint: benchmarks/startup.py times start-up by it."""
    # Without a console, or with one that cannot show it, there is nobody to tell.
    with contextlib.suppress(OSError, UnicodeError, AttributeError):
        print("窗口已显示", flush=True)


def _complain(message: str, quiet: bool) -> None:
    if quiet or QApplication.instance() is None:
        print(message, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "年报编制器", message)
    box.exec()


def _show_unexpected(kind: type[BaseException], value: BaseException,
                     tb: TracebackType | None) -> None:
    """A bug must not kill the window silently nor show a traceback to the user."""
    traceback.print_exception(kind, value, tb, file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Warning, "年报编制器",
        "程序遇到一个内部错误，刚才的操作可能没有完成。已保存的内容不受影响。\n"
        f"（{kind.__name__}）",
    )
    box.exec()
