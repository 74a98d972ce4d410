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
from ui import modal
from ui.main_window import MainWindow
from ui.qt_environment import add_font_collections_offscreen
from ui.qt_texts import MissingTexts
from ui.window_start import Opened, complain, open_for_window

# In order of preference: what Windows, then UOS/Kylin and other Linux desktops ship.
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "SimSun",
    "宋体",
    "Noto Serif CJK SC",
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
    add_font_collections_offscreen()  # 宋体 and 微软雅黑 for offscreen Qt on Windows
    family = choose_cjk_family(QFontDatabase.families())
    if family is not None:
        app.setFont(QFont(family, UI_POINT_SIZE))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    chinese_qt_texts(app)
    return app


def chinese_qt_texts(app: QApplication) -> list[QTranslator]:
    """Qt's own texts (dialog buttons, file choosers) in Chinese: the translation the build
    ships, and what it lacks (ui.qt_texts). The translators put in place are returned."""
    # Asked last (Qt asks the translator installed last first): only what qtbase_zh_CN lacks.
    installed: list[QTranslator] = [MissingTexts(app)]
    app.installTranslator(installed[0])
    translator = QTranslator(app)
    if translator.load(
        "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
        installed.append(translator)
    return installed


def open_store(options: GuiOptions, quiet: bool) -> tuple[Opened, bool] | int:
    """The database the options name and whether it is the demo, or the exit status when no
    window is to open on it (ui.window_start)."""
    if options.demo:
        try:
            return Opened(open_demo_store(), None), True
        except StoreError as exc:
            complain(f"无法打开数据库：{exc}", quiet)
            return EXIT_BAD_INPUT
    opened = open_for_window(options.db or default_db_path(), quiet=quiet)
    return opened if isinstance(opened, int) else (opened, False)


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
    found = open_store(options, quiet)
    if isinstance(found, int):
        return found
    opened, demo = found
    try:
        if options.screenshot is not None and not opened.store.units():
            opened.close()
            opened, demo = Opened(open_demo_store(), None), True
    except StoreError as exc:
        complain(f"无法打开数据库：{exc}", quiet)
        return EXIT_BAD_INPUT
    if not quiet:
        sys.excepthook = _show_unexpected
    window = MainWindow(opened.store, demo=demo, open_demo=open_demo_store)
    if not window.restore_last():
        window.open_first()
    status = {"code": EXIT_OK}
    if options.screenshot is not None:
        target = options.screenshot
        if window.view is not None:
            window.view.show_part("3")

        def shoot() -> None:
            if not window.grab().save(str(target)):
                complain(f"无法写入截图文件：{target}", True)
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
            complain("窗口在规定时间内没有显示出来", True)
            status["code"] = EXIT_FAILED
            app.quit()

        QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)
    else:
        FirstPaint(window, lambda: settle(window, opened))
    window.show()
    app.exec()
    if quiet:
        window.autosave.flush()
    window.store.close()  # the one in use (the window may have switched to the demo)
    opened.close()
    return status["code"]


def settle(window: MainWindow, opened: Opened) -> None:
    """Once the window is up: listen for later starts on its database, and make the day's
    backup (neither on the way to the first paint)."""
    path = opened.store.path
    if opened.lock is not None and opened.lock.guards and path is not None:
        from ui.single_window import FirstWindow, bring_forward

        try:
            first = FirstWindow(path, window)
        except ImportError:  # a build without QtNetwork: later starts are still told
            pass
        else:
            first.show_requested.connect(lambda: bring_forward(window))
    window.store_commands.make_daily_backup()


def _say_painted() -> None:
    """One line on stdout at the first paint: benchmarks/startup.py times start-up by it."""
    # Without a console, or with one that cannot show it, there is nobody to tell.
    with contextlib.suppress(OSError, UnicodeError, AttributeError):
        print("窗口已显示", flush=True)


def _show_unexpected(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """A bug must not kill the window silently nor show a traceback to the user."""
    traceback.print_exception(kind, value, tb, file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "年报编制器",
        "程序遇到一个内部错误，刚才的操作可能没有完成。已保存的内容不受影响。\n"
        f"（{kind.__name__}）",
    )
    modal.run(box)
