"""Tests run headless: Qt draws offscreen, a warning from Qt fails the test that caused it, and
the user's data folders are the session's own.

With NIANBAO_NO_QT=1 the Qt bindings cannot be imported at all, so a run of tests/app proves the
core works on a machine without them (run it with `-p no:pytest-qt`).

`made_up_layout` and `made_up_report` give any test a layout no code knows (a made-up third one,
tests/app/domain/layout_made_up.py), to show a part working from the layout's data alone.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

import pytest

from tests.user_folders import user_folder_env
from ui.qt_environment import use_system_fonts_offscreen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.domain.layout import Layout
    from app.domain.report import Report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")
use_system_fonts_offscreen()  # as the program does: on Windows, offscreen Qt has no fonts else
NO_QT = os.environ.get("NIANBAO_NO_QT") == "1"

# What the offscreen platform (the tests' only display) says when asked for something it has
# no way to do; none of it is about the program. Each with why it is harmless.
KNOWN_QT_MESSAGES = {
    "This plugin does not support propagateSizeHints()": "offscreen has no window manager to pass a dialog's size hints to",
    "This plugin does not support raise()": "offscreen keeps no stacking order of windows to raise a tooltip in",
    "This plugin does not support grabbing the keyboard": "offscreen has no keyboard to grab for a popup menu; the test sends its keys itself",
}


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked for the core-only test run")
        return None


if NO_QT:
    sys.meta_path.insert(0, _NoQt())


@pytest.fixture(autouse=True, scope="session")
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes into the real user data folder (~/.local/share, %APPDATA%), whatever it
    forgets to set; a test that needs its own folders sets them on top."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in user_folder_env(tmp_path_factory.mktemp("user")).items():
            patch.setenv(name, value)
        yield


if not NO_QT:

    @pytest.fixture(scope="session")
    def qapp(qapp: QApplication) -> QApplication:
        """pytest-qt's application with the fonts the program's own gets: on Windows, Qt's
        offscreen platform reads no font collections (.ttc) by itself, and without them a
        Chinese label is drawn and measured with no Chinese font at all."""
        from ui.qt_environment import add_font_collections_offscreen

        add_font_collections_offscreen()
        return qapp


@pytest.fixture
def made_up_layout() -> Iterator[Layout]:
    """The made-up third layout (tests/app/domain/layout_made_up.py), known for one test: report
    years from 2031 use it."""
    from app.domain.layout_builders import build_layout
    from app.domain.layouts import registered
    from tests.app.domain import layout_made_up

    with registered(build_layout(layout_made_up.LAYOUT)) as layout:
        yield layout


@pytest.fixture
def made_up_report(made_up_layout: Layout) -> Report:
    """A 2031 report in the made-up layout, every cell filled with a figure of its own."""
    import datetime as dt
    from decimal import Decimal

    from app.domain.layout import ValueKind
    from app.domain.report import Report

    report = Report(unit="青山区数据资源局", year=2031)
    assert report.layout is made_up_layout
    report.preamble = (
        "本报告根据《中华人民共和国政府信息公开条例》编制。报告中所列数据统计期限自"
        "2031年1月1日起至2031年12月31日止。"
    )
    report.chapters = {
        "1": "2031年，本局全面推进政务公开工作。\n（一）主动公开\n全年主动公开信息86条。",
        "5": "一是解读形式较单一；二是平台栏目更新不及时。下一步将丰富解读形式。",
        "6": "本年度未收取信息处理费。",
    }
    report.signature_date = dt.date(2032, 1, 18)
    for i, spec in enumerate(c for t in made_up_layout.tables for c in t.cells):
        if spec.kind is ValueKind.MONEY:
            report.set(spec.ref, Decimal("36.25"))
        else:
            report.set(spec.ref, 3 + i)
    return report


_qt_warnings: list[str] = []


def _on_qt_message(kind: object, _context: object, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    if kind not in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        return
    if not any(known in message for known in KNOWN_QT_MESSAGES):
        _qt_warnings.append(message)
        print(f"Qt: {message}", file=sys.stderr)


def pytest_configure(config: pytest.Config) -> None:
    if NO_QT:
        return
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_on_qt_message)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # pytest-qt's log capture would put its own message handler in place around each test,
    # hiding Qt's warnings from the one above.
    if config.pluginmanager.hasplugin("_qt_logging"):
        for item in items:
            item.add_marker(pytest.mark.no_qt_log)


def _fail_on_qt_warnings(when: str) -> None:
    if _qt_warnings:
        said = "\n".join(f"  {message}" for message in _qt_warnings)
        _qt_warnings.clear()
        pytest.fail(f"Qt warned during the test's {when}:\n{said}", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    _qt_warnings.clear()
    yield
    _fail_on_qt_warnings("setup")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    yield
    _fail_on_qt_warnings("run")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    yield
    _fail_on_qt_warnings("teardown")
