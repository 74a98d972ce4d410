"""The title on balanced lines that never cut a name: GB/T 9704 7.3.2 wants a title broken
"词意完整，排列对称，长短适宜" (whole words, symmetrical, even lengths), as a trapezium or a
diamond.

The agency goes on the first line(s) and "YYYY年政府信息公开工作年度报告" on the last. An agency
too wide for one line is broken between the names it is made of: a place (淮安市, 洪泽区), a
government or a committee (人民政府, 管理委员会), an office or a bureau (办公室, 经济发展局),
never inside one (淮安市洪|泽区, 经济发|展局).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations, pairwise

_TITLE_TAIL = re.compile(r"(?:关于)?\d{4}年度?政府信息公开工作年度报告$")
_SPACES = " \t\u3000\u00a0"
# Where a name ends, longest first: a match ends a unit unless the next character makes the
# last one part of a word (市场, 县委, 科技, 办公…).
_NAME_ENDS = tuple(
    sorted(
        (
            "管理委员会",
            "委员会",
            "人民政府",
            "人民法院",
            "人民检察院",
            "办公室",
            "办事处",
            "管委会",
            "自治州",
            "自治县",
            "自治区",
            "自治旗",
            "开发区",
            "高新区",
            "新区",
            "示范区",
            "实验区",
            "试验区",
            "保税区",
            "园区",
            "街道",
            "党委",
            "党组",
            "政府",
            "中心",
            "集团",
            "公司",
            "总队",
            "支队",
            "大队",
            "省",
            "市",
            "区",
            "县",
            "州",
            "盟",
            "旗",
            "镇",
            "乡",
            "局",
            "厅",
            "委",
            "办",
            "院",
            "所",
            "站",
            "处",
            "科",
            "署",
            "部",
            "队",
            "馆",
            "社",
            "会",
        ),
        key=len,
        reverse=True,
    )
)
_CONTINUES = {
    "市": "场政民容委级直属",
    "区": "域委政级划",
    "县": "委政级域",
    "省": "委政级直属",
    "州": "市区县委政",
    "局": "长面",
    "委": "员托",
    "办": "公事法理",
    "院": "校长士",
    "所": "有属得长",
    "站": "长点",
    "处": "理长置",
    "科": "技学研长室",
    "部": "门署分长",
    "会": "议计展员长",
    "队": "伍员长",
    "社": "会区保科",
    "馆": "长藏",
    "镇": "政委人级",
    "乡": "政委村镇人级",
    "署": "理",
    "厅": "长局",
    "旗": "委政",
    "盟": "委",
}
_NOT_ENDS = ("城市", "都市", "超市", "门市")
# The last line breaks, if it must, after the year or after 工作.
MAX_UNITS = 16  # more names than this and every way of breaking them is too many to try
_TAIL_BREAKS = re.compile(r"(?<=年)(?!度)|(?<=年度)|(?<=工作)")


def text_width(text: str) -> float:
    """Width in characters of the body size: CJK full, Latin and digits half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def title_lines(title: str, max_chars: float) -> list[str]:
    """The title as the lines it prints on, each at most `max_chars` wide where it can be."""
    title = title.strip(_SPACES)
    match = _TITLE_TAIL.search(title)
    if not match or not match.start():
        return _balanced(_name_units(title), max_chars)
    tail = title[match.start() :]
    return _balanced(_name_units(title[: match.start()]), max_chars) + _balanced(
        _pieces(tail, _TAIL_BREAKS), max_chars
    )


def _name_units(name: str) -> list[str]:
    """The names an agency's name is made of: 淮安市 | 洪泽区 | 发展和改革委员会."""
    units: list[str] = []
    start = i = 0
    while i < len(name):
        token = next((t for t in _NAME_ENDS if name.startswith(t, i)), None)
        if token is None or (len(token) == 1 and _continued(name, i)):
            i += 1
            continue
        units.append(name[start : i + len(token)])
        start = i = i + len(token)
    if start < len(name):
        units.append(name[start:])
    return units


def _continued(name: str, i: int) -> bool:
    """Whether the one-character name end at `i` is part of a word instead (市场, 城市)."""
    following = name[i + 1 : i + 2]
    return (bool(following) and following in _CONTINUES.get(name[i], "")) or (
        name[max(0, i - 1) : i + 1] in _NOT_ENDS
    )


def _pieces(text: str, breaks: re.Pattern[str]) -> list[str]:
    edges = [0, *(m.start() for m in breaks.finditer(text) if 0 < m.start() < len(text)), len(text)]
    return [text[a:b] for a, b in pairwise(edges) if a < b]


def _balanced(units: list[str], max_chars: float) -> list[str]:
    """The units on as few lines as fit, as even as can be, the longer line above (a
    trapezium); a unit wider than a line alone is halved where no digits or letters are cut."""
    if not units:
        return []
    fitted: list[str] = []
    for unit in units:
        fitted += _halved(unit, max_chars)
    if len(fitted) > MAX_UNITS:  # not a title any more: fill lines in order
        return _filled(fitted, max_chars)
    for count in range(1, len(fitted) + 1):
        best: tuple[float, float, list[str]] | None = None
        for cuts in combinations(range(1, len(fitted)), count - 1):
            edges = [0, *cuts, len(fitted)]
            lines = ["".join(fitted[a:b]) for a, b in pairwise(edges)]
            widths = [text_width(line) for line in lines]
            if max(widths) > max_chars + 1e-9:
                continue
            rising = sum(max(0.0, b - a) for a, b in pairwise(widths))
            score = (max(widths) - min(widths), rising)
            if best is None or score < best[:2]:
                best = (*score, lines)
        if best is not None:
            return best[2]
    return fitted


def _filled(units: list[str], max_chars: float) -> list[str]:
    lines = [""]
    for unit in units:
        if lines[-1] and text_width(lines[-1] + unit) > max_chars:
            lines.append("")
        lines[-1] += unit
    return lines


def _halved(unit: str, max_chars: float) -> list[str]:
    if text_width(unit) <= max_chars or len(unit) < 2:
        return [unit]
    middle = _split_point(unit)
    return _halved(unit[:middle], max_chars) + _halved(unit[middle:], max_chars)


def _split_point(line: str) -> int:
    """The break nearest the middle that does not cut a run of digits or Latin letters."""
    half = text_width(line) / 2
    best, best_gap = len(line) // 2, float("inf")
    for i in range(1, len(line)):
        if line[i - 1].isascii() and line[i].isascii() and line[i].isalnum():
            continue
        gap = abs(text_width(line[:i]) - half)
        if gap < best_gap:
            best, best_gap = i, gap
    return best
