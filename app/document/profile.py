"""Layout profiles: the fonts, margins and line pitch a document is set in (GB/T 9704-2012).

Two profiles ship: the official font names, and the fonts every Windows PC has for offices
that never installed 仿宋_GB2312 or 方正小标宋简体. Some provinces ask for other margins or
line counts, so everything is adjustable; the store keeps a unit's profile as the plain dict of
`to_dict`.

Windows 10 and 11 ship 宋体/新宋体 (SimSun), 黑体 (SimHei), 仿宋 (FangSong), 楷体 (KaiTi),
微软雅黑 and 等线, but no 小标宋. 小标宋 is a Song face with heavy strokes: of the stock fonts,
宋体 in bold is the one that looks like it (黑体 is as heavy but has no serifs; 华文中宋 comes
only with old Office). Word cannot embolden a stand-in it picks itself, so the Windows profile
names 宋体 and bold in the file, and it is the profile a PC without the official fonts starts
with (`default_profile`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from app.document.model import TextRole

PAGE_WIDTH_MM = 210.0  # A4 portrait
PAGE_HEIGHT_MM = 297.0
MM_PER_PT = 25.4 / 72


# The names a font is installed under: Windows lists its Chinese fonts under English names too,
# fontconfig under either.
FONT_ALIASES = {
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "方正小标宋简体": (
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05",
    ),
    "仿宋": ("仿宋", "FangSong"),
    "楷体": ("楷体", "KaiTi"),
    "黑体": ("黑体", "SimHei"),
    "宋体": ("宋体", "SimSun", "新宋体", "NSimSun"),
    "Times New Roman": ("Times New Roman",),
}


class ProfileError(ValueError):
    """A stored profile cannot be used; the message is for the user."""


@dataclass(frozen=True)
class FontSet:
    title: str
    heading1: str  # 一、
    heading2: str  # （一）
    body: str  # body text, 1. and （1） headings, tables, signature
    page_number: str
    latin: str = "Times New Roman"  # digits and Latin letters everywhere but page numbers
    title_bold: bool = False  # 宋体 stands in for 小标宋 only when bold


OFFICIAL_FONTS = FontSet(
    title="方正小标宋简体",
    heading1="黑体",
    heading2="楷体_GB2312",
    body="仿宋_GB2312",
    page_number="宋体",
)
WINDOWS_FONTS = FontSet(
    title="宋体",
    heading1="黑体",
    heading2="楷体",
    body="仿宋",
    page_number="宋体",
    title_bold=True,
)


@dataclass(frozen=True)
class LayoutProfile:
    name: str
    fonts: FontSet
    margin_top_mm: float = 37.0
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0
    margin_right_mm: float = 26.0
    lines_per_page: int = 22
    chars_per_line: int = 28
    body_pt: float = 16.0  # 3号
    title_pt: float = 22.0  # 2号
    table_pt: float = 10.5  # 5号
    page_number_pt: float = 14.0  # 4号
    page_number_gap_mm: float = 7.0  # from the text block's lower edge to the page number
    seal_mm: float = 42.0  # diameter of the round seal pressed over the signature

    @property
    def text_width_mm(self) -> float:
        return PAGE_WIDTH_MM - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return PAGE_HEIGHT_MM - self.margin_top_mm - self.margin_bottom_mm

    @property
    def line_pitch_pt(self) -> float:
        """The fixed distance between lines that fits `lines_per_page` lines in the block.

        Rounded down to whole twips: Word stores twips, and rounding up would push the last
        line onto the next page.
        """
        twips = int(self.text_height_mm / MM_PER_PT * 20 / self.lines_per_page)
        return twips / 20

    @property
    def table_line_pt(self) -> float:
        """The exact line of table text: 1.3 times its size, whole twips (13.65 pt at 5号)."""
        return round(self.table_pt * 1.3 * 20) / 20

    @property
    def char_pitch_pt(self) -> float:
        """The advance of one character so that `chars_per_line` fill the line."""
        return self.text_width_mm / MM_PER_PT / self.chars_per_line

    @property
    def signature_lines(self) -> int:
        """Blank lines between the last paragraph and the signing unit.

        The seal's top sits within one line below the text and the name and date sit a little
        below its centre, so the blank lines plus the two signature lines must span the seal.
        """
        seal_lines = self.seal_mm / MM_PER_PT / self.line_pitch_pt
        return max(1, round(seal_lines) - 2)

    def font_for(self, role: TextRole) -> str:
        """The East Asian font of a text role; digits and Latin are always `fonts.latin`."""
        return {
            TextRole.TITLE: self.fonts.title,
            TextRole.HEADING1: self.fonts.heading1,
            TextRole.HEADING2: self.fonts.heading2,
        }.get(role, self.fonts.body)

    def size_for(self, role: TextRole) -> float:
        return self.title_pt if role is TextRole.TITLE else self.body_pt

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> LayoutProfile:
        """A profile from a stored dict; keys it does not know are ignored, missing ones
        take the official values."""
        if not isinstance(data, dict):
            raise ProfileError("排版方案数据无效（应为一个对象）")
        base = PROFILES.get(str(data.get("name", "")), OFFICIAL)
        fonts = base.fonts
        font_data = data.get("fonts")
        if isinstance(font_data, dict):
            fonts = replace(fonts, **_known_values(FontSet, font_data))
        values = _known_values(cls, {k: v for k, v in data.items() if k != "fonts"})
        profile = replace(base, fonts=fonts, **values)
        profile.validate()
        return profile

    def validate(self) -> None:
        for label, value in (
            ("上边距", self.margin_top_mm),
            ("下边距", self.margin_bottom_mm),
            ("左边距", self.margin_left_mm),
            ("右边距", self.margin_right_mm),
        ):
            if not 5 <= value <= 60:
                raise ProfileError(f"{label}应在 5—60 毫米之间（现为 {value:g}）")
        if not 15 <= self.lines_per_page <= 40:
            raise ProfileError(f"每页行数应在 15—40 之间（现为 {self.lines_per_page}）")
        if not 15 <= self.chars_per_line <= 40:
            raise ProfileError(f"每行字数应在 15—40 之间（现为 {self.chars_per_line}）")
        for label, size in (
            ("正文字号", self.body_pt),
            ("标题字号", self.title_pt),
            ("表格字号", self.table_pt),
            ("页码字号", self.page_number_pt),
        ):
            if not 6 <= size <= 36:
                raise ProfileError(f"{label}应在 6—36 磅之间（现为 {size:g}）")
        if self.line_pitch_pt < self.body_pt:
            raise ProfileError("每页行数太多：行距小于正文字号")
        if self.char_pitch_pt < self.body_pt * 0.8:
            raise ProfileError("每行字数太多：字距过小")
        font_names = (
            self.fonts.title,
            self.fonts.heading1,
            self.fonts.heading2,
            self.fonts.body,
            self.fonts.page_number,
            self.fonts.latin,
        )
        if not all(name.strip() for name in font_names):
            raise ProfileError("字体名称不能为空")


def _known_values(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of `data` that are fields of `cls`, checked against the field's type."""
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data or f.name in ("fonts",):
            continue
        value = data[f.name]
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
        if kind == "str":
            ok = isinstance(value, str)
        elif kind == "bool":
            ok = isinstance(value, bool)
        elif kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:  # float
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        if not ok:
            raise ProfileError(f"排版方案中“{f.name}”的值无效：{value!r}")
        values[f.name] = value
    return values


def font_index(families: Iterable[str]) -> dict[str, str]:
    """Installed family names by their case-folded form, for `installed_name`."""
    return {family.casefold(): family for family in families}


def installed_name(font: str, index: dict[str, str]) -> str:
    """The family `font` is installed as (`index`: see font_index), or ""."""
    for alias in FONT_ALIASES.get(font, (font,)):
        found = index.get(alias.casefold())
        if found:
            return found
    return ""


def missing_fonts(fonts: FontSet, families: Iterable[str]) -> list[str]:
    """The Chinese fonts of a font set that are not among the installed `families`."""
    index = font_index(families)
    names = dict.fromkeys(
        (fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.page_number)
    )
    return [name for name in names if not installed_name(name, index)]


def default_profile(families: Iterable[str] | None) -> LayoutProfile:
    """The profile a unit starts with on this computer: the official one, unless some of its
    fonts are missing here and all of the ones Windows ships are installed (then a document
    typed here prints in the fonts it was seen in). `families` None: the fonts cannot be asked about (the
    command line, which has no font database), and the official names are written, which
    Word and WPS replace with 仿宋, 楷体 and 宋体 where they are missing (the font table's
    altName)."""
    if families is None:
        return OFFICIAL
    installed = list(families)
    if missing_fonts(OFFICIAL_FONTS, installed) and not missing_fonts(WINDOWS_FONTS, installed):
        return WINDOWS
    return OFFICIAL


OFFICIAL = LayoutProfile(name="official", fonts=OFFICIAL_FONTS)
WINDOWS = LayoutProfile(name="windows", fonts=WINDOWS_FONTS)
PROFILES = {OFFICIAL.name: OFFICIAL, WINDOWS.name: WINDOWS}
PROFILE_LABELS = {
    "official": "公文标准字体（仿宋_GB2312 等）",
    "windows": "Windows 自带字体（仿宋、楷体等）",
}
# What each profile sets its text in, as the 版式设置 dialog says it.
PROFILE_FONTS_TEXT = {
    "official": "标题 方正小标宋简体，一级标题 黑体，二级标题 楷体_GB2312，正文 仿宋_GB2312",
    "windows": "标题 宋体加粗（Windows 没有小标宋，加粗的宋体最接近），一级标题 黑体，"
    "二级标题 楷体，正文 仿宋",
}
