"""Which of the profile's fonts this computer has, what stands in for the missing ones, and a
plain sentence saying so (未安装方正小标宋简体，预览以宋体代替).

Qt would substitute a missing font by itself, but silently and often with a Latin or a sans
font; a 公文 previewed in the wrong style misleads. So each official name has its own chain of
stand-ins, the nearest in style first. The choice is pure (`resolve_fonts` takes the installed
family names); only `installed_families` asks Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.document.profile import (
    PROFILE_LABELS,
    WINDOWS,
    LayoutProfile,
    font_index,
    installed_name,
)
from ui.qt_environment import add_font_collections_offscreen

SERIF_CJK = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "思源宋体",
    "Source Han Serif CN",
    "AR PL UMing CN",
    "AR PL New Sung",
    "Noto Serif CJK TC",
    "Noto Serif CJK JP",
)
SANS_CJK = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "思源黑体",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "微软雅黑",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
)
# Stand-ins in order: (name, bold). 宋体 bold is the usual office stand-in for 小标宋.
FALLBACKS: dict[str, tuple[tuple[str, bool], ...]] = {
    "仿宋_GB2312": (("仿宋", False), *((f, False) for f in SERIF_CJK)),
    "仿宋": (("仿宋_GB2312", False), *((f, False) for f in SERIF_CJK)),
    "楷体_GB2312": (
        ("楷体", False),
        ("AR PL UKai CN", False),
        ("AR PL KaitiM GB", False),
        *((f, False) for f in SERIF_CJK),
    ),
    "楷体": (
        ("楷体_GB2312", False),
        ("AR PL UKai CN", False),
        ("AR PL KaitiM GB", False),
        *((f, False) for f in SERIF_CJK),
    ),
    "方正小标宋简体": (("宋体", True), *((f, True) for f in SERIF_CJK)),
    "黑体": tuple((f, False) for f in SANS_CJK),
    "宋体": tuple((f, False) for f in SERIF_CJK),
    "Times New Roman": (
        ("Liberation Serif", False),
        ("Nimbus Roman", False),
        ("TeX Gyre Termes", False),
        ("DejaVu Serif", False),
    ),
}
LATIN_NAMES = frozenset({"Times New Roman"})


@dataclass(frozen=True)
class FontChoice:
    requested: str  # as the profile names it
    family: str  # installed family to draw with ("" when none at all: Qt's default)
    bold: bool  # drawn bold to stand in for a heavier face (a profile's own bold is separate)
    exact: bool  # the requested font itself is installed

    @property
    def shown_name(self) -> str:
        return self.family or "系统默认字体"


@dataclass(frozen=True)
class FontReport:
    profile: LayoutProfile
    choices: dict[str, FontChoice]  # by requested name

    def choice(self, requested: str) -> FontChoice:
        found = self.choices.get(requested)
        return found or FontChoice(requested, requested, False, True)

    @property
    def missing(self) -> list[FontChoice]:
        return [c for c in self.choices.values() if not c.exact]

    @property
    def message(self) -> str:
        """A sentence or two for the preview's banner; "" when every font is installed.

        未安装方正小标宋简体，预览以宋体（加粗）代替；… — the missing fonts grouped by what
        stands in for them, then the advice to switch to the fonts Windows ships.
        """
        chinese = [c for c in self.missing if c.requested not in LATIN_NAMES]
        if not chinese:
            return ""
        by_stand_in: dict[str, list[str]] = {}
        for choice in chinese:
            by_stand_in.setdefault(_stand_in(choice), []).append(choice.requested)
        parts = "；".join(
            f"未安装{'、'.join(names)}，预览以{stand_in}代替"
            for stand_in, names in by_stand_in.items()
        )
        advice = ""
        if self.profile.name != WINDOWS.name:
            label = PROFILE_LABELS.get(WINDOWS.name, WINDOWS.name)
            advice = f"。如本单位电脑也没有这些字体，建议在排版方案中选用“{label}”"
        return parts + advice + "。"


def _stand_in(choice: FontChoice) -> str:
    name = choice.shown_name
    return f"{name}（加粗）" if choice.bold else name


def resolve_fonts(profile: LayoutProfile, families: Iterable[str]) -> FontReport:
    """The font to draw each of the profile's font names with, on a computer that has
    `families` installed."""
    installed = font_index(families)
    fonts = profile.fonts
    wanted = dict.fromkeys(
        (fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.page_number, fonts.latin)
    )
    choices = {}
    for name in wanted:
        exact = installed_name(name, installed)
        if exact:
            choices[name] = FontChoice(name, exact, False, True)
            continue
        choice = FontChoice(name, "", False, False)
        for candidate, embolden in FALLBACKS.get(name, tuple((f, False) for f in SERIF_CJK)):
            family = installed_name(candidate, installed)
            if family:
                choice = FontChoice(name, family, embolden, False)
                break
        choices[name] = choice
    return FontReport(profile, choices)


def installed_families() -> list[str]:
    """The font families Qt can draw with (needs a QGuiApplication)."""
    from PySide6.QtGui import QFontDatabase

    add_font_collections_offscreen()
    return list(QFontDatabase.families())
