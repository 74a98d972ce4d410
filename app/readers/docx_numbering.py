"""The labels Word's automatic numbering shows ("一、", "（二）", "3."), which are not in the text.

Many agencies number the chapter headings and table 3's row labels with Word's list numbering,
so the "一、" that finds a chapter exists only in numbering.xml. This module counts as Word does,
in document order: counters belong to the abstract list (two lists on one definition continue
each other unless one restarts), a level restarts the levels below it, and a list's
startOverride applies from its first paragraph.

A file may claim anything: a start of two thousand million, a level text of a megabyte. Starts
are held to Word's own range and level texts to a length no real label has, and numbers beyond
what a format can show briefly are shown in digits, so no label costs more than a few steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.readers.wordml import Element, child, int_val, is_on, style_values, val, w

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
LEVELS = 9
MAX_NUMBER = 32767  # Word's largest start value
MAX_LEVEL_TEXT = 64  # "第%1章", "（%2）": a few characters
MAX_ROMAN = 3999  # MMMCMXCIX; beyond it Roman numerals need bars
MAX_LETTERS = 26 * 10  # "zzzzzzzzzz"


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str  # w:numFmt: decimal, chineseCounting, bullet…
    text: str  # w:lvlText: "%1、", "（%2）"
    legal: bool  # w:isLgl: every number shown in decimal


def chinese_count(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 一, 10 十, 12 十二, 20 二十, 105 一百零五 (how list numbers are spoken)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += digits[hundreds] + hundred
        if rest and tens == 0:
            return out + "零" + digits[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    if ones:
        out += digits[ones]
    return out


def _roman(n: int) -> str:
    if not 0 < n <= MAX_ROMAN:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        times, n = divmod(n, value)
        out += letters * times
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    if not 0 < n <= MAX_LETTERS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
    ):
        return chinese_count(n)
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, _LEGAL, "拾", "佰")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    return str(n)


class Numbering:
    """Counts list paragraphs in document order; `label(pPr)` is the text Word shows before
    the paragraph ("" when it is not numbered)."""

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Element) -> None:
        for abstract in root.iterfind(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iterfind(w("lvl")):
                ilvl = int_val_attr(lvl, "ilvl")
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                levels[ilvl] = Level(
                    start=_number(child(lvl, "start")),
                    fmt=val(child(lvl, "numFmt"), "decimal") or "decimal",
                    text=(val(child(lvl, "lvlText"), "") or "")[:MAX_LEVEL_TEXT],
                    legal=is_on(child(lvl, "isLgl")),
                )
            self._abstract[str(abstract.get(w("abstractNumId")))] = levels
        for num in root.iterfind(w("num")):
            abstract_id = val(child(num, "abstractNumId"))
            if abstract_id is None:
                continue
            overrides: dict[int, int] = {}
            for override in num.iterfind(w("lvlOverride")):
                ilvl = int_val_attr(override, "ilvl")
                start = child(override, "startOverride")
                if ilvl is not None and start is not None:
                    overrides[ilvl] = _number(start)
            self._nums[str(num.get(w("numId")))] = (abstract_id, overrides)

    def _read_styles(self, root: Element) -> None:
        self._style_num = style_values(root, _own_numbering)

    @property
    def active(self) -> bool:
        """Whether the document defines any list at all (most reports do not)."""
        return bool(self._nums)

    def label(self, p_pr: Element | None) -> str:
        if not self._nums or p_pr is None:
            return ""
        num_pr = child(p_pr, "numPr")
        num_id = val(child(num_pr, "numId"))
        ilvl_el = child(num_pr, "ilvl")
        ilvl = int_val(ilvl_el, 0) if ilvl_el is not None else None
        style_num, style_ilvl = self._style_num.get(val(child(p_pr, "pStyle")) or "", (None, None))
        num_id = num_id or style_num
        ilvl = ilvl if ilvl is not None else (style_ilvl or 0)
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for lv, start in overrides.items():
                if 0 <= lv < LEVELS:
                    counters[lv] = start - 1  # the next paragraph of that level shows `start`
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        return _expand(level, levels, counters)


def _own_numbering(style: Element) -> tuple[str | None, int | None] | None:
    """A style's own list (numId) and level (ilvl, None when the style leaves it out)."""
    num_pr = child(style, "pPr", "numPr")
    if num_pr is None:
        return None
    ilvl = child(num_pr, "ilvl")
    return val(child(num_pr, "numId")), int_val(ilvl, 0) if ilvl is not None else None


def _number(element: Element | None) -> int:
    """A w:start or w:startOverride, within the numbers Word itself allows."""
    return max(0, min(int_val(element, 1), MAX_NUMBER))


def int_val_attr(element: Element, name: str) -> int | None:
    try:
        return int(element.get(w(name)))
    except (TypeError, ValueError):
        return None


def _expand(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    out = level.text
    for n in range(LEVELS, 0, -1):  # %10 does not exist; go down so %1 never eats %1x
        mark = f"%{n}"
        if mark not in out:
            continue
        shown = levels.get(n - 1)
        count = counters[n - 1]
        if count is None:
            count = shown.start if shown else 1
        fmt = "decimal" if level.legal or shown is None else shown.fmt
        out = out.replace(mark, format_number(count, fmt))
    return out
