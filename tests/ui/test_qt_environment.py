"""Qt's offscreen platform on Windows is pointed at the system's fonts before Qt starts."""

from __future__ import annotations

import pytest

from ui.qt_environment import use_system_fonts_offscreen


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "Offscreen:fontengine=freetype"])
def test_offscreen_on_windows_reads_the_windows_fonts(platform: str) -> None:
    environ = {"QT_QPA_PLATFORM": platform, "WINDIR": "D:\\Windows"}
    use_system_fonts_offscreen(environ, platform="win32")
    assert environ["QT_QPA_FONTDIR"] == "D:\\Windows\\Fonts"


def test_without_windir_the_usual_folder() -> None:
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    use_system_fonts_offscreen(environ, platform="win32")
    assert environ["QT_QPA_FONTDIR"] == "C:\\Windows\\Fonts"


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({}, "win32"),  # Windows' own platform asks Windows for its fonts
        ({"QT_QPA_PLATFORM": "windows"}, "win32"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # fontconfig finds them
        ({"QT_QPA_PLATFORM": "offscreen", "QT_QPA_FONTDIR": "E:\\字体"}, "win32"),  # the user's say
    ],
)
def test_otherwise_nothing_changes(environ: dict[str, str], platform: str) -> None:
    before = dict(environ)
    use_system_fonts_offscreen(environ, platform=platform)
    assert environ == before
